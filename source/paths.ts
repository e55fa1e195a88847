import {fileURLToPath} from 'node:url';
import {join} from 'node:path';
import envPaths from 'env-paths';

// This file sits one level below the package root, as does the bundle (dist/cli.js) it is built
// into, so the same relative URL finds the demo in both.
export const demoTenantPath = fileURLToPath(new URL('../demo-data/contoso.json', import.meta.url));

/**
 * Where the app keeps what (docs/state.md): preferences in the config home, the journal, audit log,
 * sign-ins and reports in the state home, and copies it can make again in the cache home. On Linux
 * these are $XDG_CONFIG_HOME, $XDG_STATE_HOME and $XDG_CACHE_HOME (~/.config, ~/.local/state,
 * ~/.cache), each with an m365-licenses folder; elsewhere the platform's own (the state with the
 * data). A state directory given (--state-dir DIR, or M365_LICENSES_STATE_DIR) holds all three.
 */
export interface Homes {
	config: string;
	state: string;
	cache: string;
	/** All three are one folder someone gave (--state-dir or M365_LICENSES_STATE_DIR). */
	given: boolean;
	/**
	 * Where the sign-ins are kept (the token cache, sign-in.json): the state home's top folder, also
	 * when `state` is one tenant's sub-folder, since one sign-in reaches many tenants.
	 */
	signIns: string;
}

export function homesOf(given: string | undefined): Homes {
	if (given !== undefined) return {config: given, state: given, cache: given, given: true, signIns: given};
	const paths = envPaths('m365-licenses', {suffix: ''});
	const state = process.platform === 'darwin' || process.platform === 'win32' ? paths.data : paths.log;
	return {config: paths.config, state, cache: paths.cache, given: false, signIns: state};
}

/** Where versions before the XDG homes kept everything (~/.config/m365-licenses-nodejs on Linux): moved from once. */
export const earlierHome = () => envPaths('m365-licenses', {suffix: 'nodejs'}).config;

/** The preferences file (conf's). */
export const preferencesFile = (homes: Homes) => join(homes.config, 'config.json');

/** The copies the app keeps in the cache home: each can be made again from what it stands for. */
export const cacheFiles = {
	snapshot: 'snapshot-cache.json',
	replayed: 'replayed-cache.json',
	validated: 'validated-snapshots.json',
	graphTenant: 'graph-tenant-cache.json',
} as const;
