// The interactive app: opened from cli.tsx only when it is needed, so --help and --version
// do not pay for loading Ink, React, conf and the catalog.
import {render} from 'ink';
import {LocalTenant} from './backends/local-tenant.js';
import {demoTenantPath} from './paths.js';
import {openStateFile, resolveStateDir} from './store/state-file.js';
import {openStore} from './store/store.js';
import {App} from './ui/App.js';
import {strings} from './ui/strings.js';

export interface TuiOptions {
	/** --tenant: a snapshot file instead of the demo */
	tenant: string | undefined;
	/** --state-dir */
	stateDir: string | undefined;
	reset: boolean;
	/** --as */
	actAs: string | undefined;
	/** `m365-licenses guide` opens on Guided unassign. */
	guide: boolean;
}

export async function runTui({tenant, stateDir, reset, actAs, guide}: TuiOptions): Promise<void> {
	const stateFile = openStateFile(resolveStateDir(stateDir, process.env));
	const backend = tenant ? new LocalTenant(tenant, 'snapshot') : new LocalTenant(demoTenantPath, 'demo');
	const store = await openStore({backend, stateFile, reset, actAs});
	// The alternate screen keeps the shell's scrollback as it was, like less, lazygit or k9s.
	process.stdout.write('\u001B[?1049h');
	const leave = () => process.stdout.write('\u001B[?1049l');
	process.once('exit', leave);
	const app = render(<App store={store} initialTab={guide ? 'guide' : 'licenses'} />, {exitOnCtrlC: true});
	await app.waitUntilExit();
	leave();
	process.off('exit', leave);
	// Back on the normal screen, where the path stays after the app is gone.
	for (const report of store.reports()) process.stdout.write(`${strings.guide.leaving(report)}\n`);
}
