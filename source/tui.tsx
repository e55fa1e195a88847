// The interactive app: opened from cli.tsx only when it is needed, so subcommands, --help and
// --version do not pay for loading Ink and React.
import {render} from 'ink';
import {openTenant, type GlobalOptions} from './commands/open.js';
import {App} from './ui/App.js';
import {strings} from './ui/strings.js';

export interface TuiOptions extends GlobalOptions {
	/** `m365-licenses guide` opens on Guided unassign. */
	guide: boolean;
}

export async function runTui({guide, ...globals}: TuiOptions): Promise<void> {
	// A device-code sign-in is shown before the app takes the screen.
	const {store, release} = await openTenant(globals, process.env, message => process.stderr.write(`${message}\n`), {
		cacheTenant: true,
		writer: guide ? 'guide' : 'app',
		loadProgress: users => process.stderr.write(`\r${strings.loading(users)}\u001B[K`),
	});
	// The alternate screen keeps the shell's scrollback as it was, like less, lazygit or k9s.
	process.stdout.write('\u001B[?1049h');
	const leave = () => process.stdout.write('\u001B[?1049l');
	process.once('exit', leave);
	const app = render(<App store={store} initialTab={guide ? 'guide' : 'licenses'} />, {exitOnCtrlC: true});
	// Shown from the cached copy: read the tenant again behind it.
	if (store.getState().refreshing) store.refresh().catch(() => {});
	await app.waitUntilExit();
	release();
	leave();
	process.off('exit', leave);
	// Back on the normal screen, where the path stays after the app is gone.
	for (const report of store.reports()) process.stdout.write(`${strings.guide.leaving(report)}\n`);
}
