// The interactive app: opened from cli.tsx only when it is needed, so subcommands, --help and
// --version do not pay for loading Ink and React.
import {render} from 'ink';
import {endpointsOf, openTenant, type GlobalOptions} from './commands/open.js';
import {terminalText} from './domain/text-safety.js';
import {frameRate} from './ui/render-options.js';
import {App} from './ui/App.js';
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

export async function runTui({guide, ...globals}: TuiOptions): Promise<void> {
	// A live tenant may ask for a device-code sign-in and take a while to read: say so on screen.
	// A file opens at once; its errors stay on the normal screen, where they can be read.
	const messages = openingMessages();
	if (globals.graph) enter();
	const opening = globals.graph ? render(<SignInScreen messages={messages} />, {exitOnCtrlC: true, ...frameRate}) : null;
	let opened;
	try {
		opened = await openTenant(globals, process.env, message => messages.prompt(message), {
			signInSettled: () => messages.prompt(null),
			cacheTenant: true,
			writer: guide ? 'guide' : 'app',
			loadProgress: users => messages.update(strings.loading(users), line => line.startsWith(strings.loading(0).split('…')[0]!)),
		});
	} catch (error) {
		opening?.unmount();
		leaveAlternateScreen();
		throw error;
	}
	opening?.unmount();
	if (!globals.graph) enter();
	process.once('exit', leaveAlternateScreen);
	const {store, release} = opened;
	const graphBase = globals.graph ? endpointsOf(globals, process.env).graph : undefined;
	// Raw from before the first frame: keys typed between the frame and the effects that would
	// switch the terminal over are read as typed, not through its line mode.
	if (process.stdin.isTTY) process.stdin.setRawMode(true);
	const app = render(<App store={store} initialTab={guide ? 'guide' : 'licenses'} signIn={messages} graphBase={graphBase} />, {exitOnCtrlC: true, ...frameRate});
	// Shown from the cached copy: read the tenant again behind it.
	if (store.getState().refreshing) store.refresh().catch(() => {});
	await app.waitUntilExit();
	const notFolded = release();
	leaveAlternateScreen();
	process.off('exit', leaveAlternateScreen);
	if (notFolded) process.stderr.write(`m365-licenses: ${terminalText(notFolded)}\n`);
	// Back on the normal screen, where the path stays after the app is gone.
	for (const report of store.reports()) process.stdout.write(`${terminalText(strings.guide.leaving(report))}\n`);
}
