// The interactive app: opened from cli.tsx only when it is needed, so subcommands, --help and
// --version do not pay for loading Ink and React.
import {render} from 'ink';
import {Cancelled, UserError} from './errors.js';
import {endpointsOf, openTenant, resolveProfile, type GlobalOptions} from './open-tenant.js';
import {optionsFor, readTenants} from './open-tenants.js';
import {tenantFigures} from './domain/tenant-figures.js';
import {profileNames} from './store/profiles.js';
import {tenantBoard, TenantsScreen} from './ui/screens/TenantsScreen.js';
import {terminalText} from './present/text-safety.js';
import {frameRate} from './ui/render-options.js';
import {App} from './ui/App.js';
import type {InterruptKind, Interrupts} from './ui/interrupt.js';
import {feedFromTerminal, type KeyFeed} from './ui/key-feed.js';
import {createSending} from './ui/sending.js';
import {openingMessages, SignInScreen} from './ui/SignInScreen.js';
import {strings} from './text/index.js';

export interface TuiOptions extends GlobalOptions {
	/** `m365-licenses guide` opens on Guided unassign. */
	guide: boolean;
}

// The alternate screen keeps the shell's scrollback as it was, like less, lazygit or k9s.
let onAlternateScreen = false;
const enter = () => {
	onAlternateScreen = true;
	process.stdout.write('\u001B[?1049h');
};

/** Back to the normal screen, once: an error said after this stays on the screen to be read. */
export function leaveAlternateScreen(): void {
	if (!onAlternateScreen) return;
	onAlternateScreen = false;
	process.stdout.write('\u001B[?1049l');
}

const signalNumbers = {SIGINT: 2, SIGTERM: 15, SIGHUP: 1} as const;
/** 128+n after a signal, else 0. */
const signalCode = (signals: {first: () => keyof typeof signalNumbers | null}) => {
	const first = signals.first();
	return first ? 128 + signalNumbers[first] : 0;
};

/**
 * SIGINT, SIGTERM and SIGHUP, each handed to whoever listens now (the opening, then the app) instead
 * of ending the process where it stands: a change being sent is stopped and saved first. The first
 * one is kept, for the exit code.
 */
function processSignals(): Interrupts & {first: () => keyof typeof signalNumbers | null; close: () => void} {
	const handlers = new Set<(kind: InterruptKind) => void>();
	let first: keyof typeof signalNumbers | null = null;
	const on = (kind: keyof typeof signalNumbers) => () => {
		first ??= kind;
		for (const handler of handlers) handler(kind);
	};
	const listeners = Object.fromEntries((Object.keys(signalNumbers) as Array<keyof typeof signalNumbers>).map(kind => [kind, on(kind)]));
	for (const [kind, listener] of Object.entries(listeners)) process.on(kind, listener);
	return {
		listen(handler) {
			handlers.add(handler);
			return () => handlers.delete(handler);
		},
		first: () => first,
		close() {
			for (const [kind, listener] of Object.entries(listeners)) process.off(kind, listener);
		},
	};
}

/** Runs the app until it is left; the exit code: 0, 3 when a change was stopped part-way, 128+n after a signal. */
export async function runTui({guide, ...globals}: TuiOptions): Promise<number> {
	// With several tenants and none named, --reset and --as would not know whose: said, never dropped.
	const names = profileNames(globals.profiles);
	const several = names.length > 1 && globals.profile === undefined && globals.tenant === undefined && !globals.graph;
	const unclear = several ? (['--reset', '--as'] as const).find(flag => (flag === '--reset' ? globals.reset : globals.actAs)) : undefined;
	if (unclear) throw new UserError(strings.cli.usageError(strings.tenants.flagNeedsProfile(unclear, names)), 2);
	const signals = processSignals();
	// The one reader of the terminal: keys typed while the tenant is read wait for the app.
	const keys = feedFromTerminal(process.stdin);
	try {
		// Several tenants added and none named: the Tenants screen first, rather than a guess.
		let current = several ? await pickTenant(globals, keys, signals, null) : (resolveProfile(globals).chosen?.name ?? null);
		if (current === null && several) return signalCode(signals);
		let options = several && current ? optionsFor(globals, current, globals.profiles![current]!) : globals;
		for (;;) {
			let switching = false;
			const tenants = names.length > 1 && current ? {current, open: () => (switching = true)} : undefined;
			const code = await run(guide, options, signals, keys, tenants);
			if (!switching || signals.first()) return code;
			const next = await pickTenant(globals, keys, signals, current);
			if (next === null) return signalCode(signals) || code;
			current = next;
			// Another tenant, opened anew: none of the flags that named the one before (--reset, --as) go over.
			options = optionsFor(globals, next, globals.profiles![next]!);
		}
	} finally {
		keys.close();
		signals.close();
	}
}

/**
 * The Tenants screen: each tenant added, its figures filled in as it is read (a few at a time, never
 * asking for a code); the one chosen, or null when the admin quits.
 */
async function pickTenant(globals: GlobalOptions, keys: KeyFeed, signals: ReturnType<typeof processSignals>, current: string | null): Promise<string | null> {
	const names = profileNames(globals.profiles);
	const board = tenantBoard(names.map(name => ({name, displayName: globals.profiles![name]!.displayName ?? null, figures: null, error: null})));
	const now = new Date();
	// Read behind the screen: a tenant chosen before all are read opens at once.
	void readTenants(
		{...globals, profile: undefined, reset: false, actAs: undefined, tenantId: undefined},
		process.env,
		() => {},
		tenant => tenantFigures(tenant, now),
		undefined,
		read => board.set(read.name, {figures: read.result, error: read.error}),
	).then(undefined, error => board.set(names[0]!, {error: (error as Error).message}));
	enter();
	if (process.stdin.isTTY) process.stdin.setRawMode(true);
	let chosen: string | null = null;
	const screen = render(
		<TenantsScreen
			feed={keys}
			board={board}
			current={current}
			onChoose={name => {
				chosen = name;
				screen.unmount();
			}}
			onQuit={() => screen.unmount()}
		/>,
		{stdin: keys.stdin, exitOnCtrlC: true, ...frameRate},
	);
	// A signal (SIGTERM, SIGHUP) leaves as q does: nothing is open to save.
	const off = signals.listen(() => screen.unmount());
	await screen.waitUntilExit();
	off();
	if (chosen === null) leaveAlternateScreen();
	return chosen;
}

async function run(
	guide: boolean,
	globals: GlobalOptions,
	signals: ReturnType<typeof processSignals>,
	keys: KeyFeed,
	tenants?: {current: string | null; open: () => void},
): Promise<number> {
	// A live tenant may ask for a device-code sign-in and take a while to read: say so on screen.
	// A file opens at once; its errors stay on the normal screen, where they can be read.
	const messages = openingMessages();
	// q, esc, Ctrl-C or a signal while opening: the sign-in waiting for its code and the reading end.
	const cancelOpening = new AbortController();
	const cancel = () => cancelOpening.abort();
	const offOpening = signals.listen(cancel);
	if (globals.graph) enter();
	const opening = globals.graph ? render(<SignInScreen messages={messages} onCancel={cancel} />, {stdin: keys.stdin, exitOnCtrlC: false, ...frameRate}) : null;
	let opened;
	try {
		opened = await openTenant(globals, process.env, (message, dropSignIn) => messages.prompt(message, dropSignIn), {
			signInSettled: () => messages.prompt(null),
			cacheTenant: true,
			writer: guide ? 'guide' : 'app',
			loadProgress: users => messages.update(strings.loading(users), line => line.startsWith(strings.loading(0).split('…')[0]!)),
			cancel: cancelOpening.signal,
		});
	} catch (error) {
		opening?.unmount();
		leaveAlternateScreen();
		throw error;
	} finally {
		offOpening();
	}
	opening?.unmount();
	const {store, release} = opened;
	if (cancelOpening.signal.aborted) {
		// Cancelled after the last thing that could be: nothing was shown or changed.
		release();
		leaveAlternateScreen();
		throw new Cancelled();
	}
	if (!globals.graph) enter();
	process.once('exit', leaveAlternateScreen);
	const graphBase = globals.graph ? endpointsOf(globals, process.env).graph : undefined;
	// Raw from before the first frame: keys typed between the frame and the effects that would
	// switch the terminal over are read as typed, not through its line mode.
	if (process.stdin.isTTY) process.stdin.setRawMode(true);
	const sending = createSending();
	// A second stop while a change is sent: the app leaves now, and the next start settles the change.
	const leaveNow = () => {
		leaveAlternateScreen();
		process.stderr.write(`m365-licenses: ${strings.dialog.leftMidChange}\n`);
		process.exit(128 + signalNumbers[signals.first() ?? 'SIGINT']);
	};
	const app = render(
		<App
			store={store}
			feed={keys}
			initialTab={guide ? 'guide' : 'licenses'}
			signIn={messages}
			graphBase={graphBase}
			sending={sending}
			interrupts={signals}
			leaveNow={leaveNow}
			tenants={tenants}
		/>,
		// Ctrl-C is the app's own (ui/interrupt.ts): a change being sent is stopped and saved first.
		{stdin: keys.stdin, exitOnCtrlC: false, ...frameRate},
	);
	// Shown from the cached copy: read the tenant again behind it. A failure is kept in the store's
	// state and said on the status line; the copy stays marked as one.
	if (store.getState().refreshing) void store.refresh();
	await app.waitUntilExit();
	const notFolded = release();
	leaveAlternateScreen();
	process.off('exit', leaveAlternateScreen);
	if (notFolded) process.stderr.write(`m365-licenses: ${terminalText(notFolded)}\n`);
	// Back on the normal screen, where the path stays after the app is gone.
	for (const report of store.reports()) process.stdout.write(`${terminalText(strings.guide.leaving(report))}\n`);
	const stopped = sending.lastStopped();
	if (stopped) process.stderr.write(`m365-licenses: ${strings.dialog.finished(stopped)}\n`);
	const signal = signals.first();
	return signal ? 128 + signalNumbers[signal] : stopped ? 3 : 0;
}
