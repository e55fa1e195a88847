// The interactive app: opened from cli.tsx only when it is needed, so subcommands, --help and
// --version do not pay for loading Ink and React.
import {render} from 'ink';
import {Cancelled} from './backends/backend.js';
import {endpointsOf, openTenant, type GlobalOptions} from './commands/open.js';
import {terminalText} from './domain/text-safety.js';
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
	const signals = processSignals();
	// The one reader of the terminal: keys typed while the tenant is read wait for the app.
	const keys = feedFromTerminal(process.stdin);
	try {
		return await run(guide, globals, signals, keys);
	} finally {
		keys.close();
		signals.close();
	}
}

async function run(guide: boolean, globals: GlobalOptions, signals: ReturnType<typeof processSignals>, keys: KeyFeed): Promise<number> {
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
		<App store={store} feed={keys} initialTab={guide ? 'guide' : 'licenses'} signIn={messages} graphBase={graphBase} sending={sending} interrupts={signals} leaveNow={leaveNow} />,
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
