// Opening the tenant a subcommand works on: the demo or a snapshot, with the changes saved for it.
import {dirname} from 'node:path';
import {LocalTenant} from '../backends/local-tenant.js';
import {demoTenantPath} from '../paths.js';
import {openStateFile, resolveStateDir, type StateFile} from '../store/state-file.js';
import {openStore, type Store} from '../store/store.js';
import type {TenantBackend} from '../backends/backend.js';

export interface GlobalOptions {
	tenant?: string;
	stateDir?: string;
	reset: boolean;
	actAs?: string;
}

export interface Opened {
	store: Store;
	stateFile: StateFile;
	backend: TenantBackend;
	stateDir: string;
}

export async function openTenant(options: GlobalOptions, env: NodeJS.ProcessEnv): Promise<Opened> {
	const stateFile = openStateFile(resolveStateDir(options.stateDir, env));
	const backend = options.tenant ? new LocalTenant(options.tenant, 'snapshot') : new LocalTenant(demoTenantPath, 'demo');
	const store = await openStore({backend, stateFile, reset: options.reset, actAs: options.actAs});
	return {store, stateFile, backend, stateDir: dirname(stateFile.path)};
}
