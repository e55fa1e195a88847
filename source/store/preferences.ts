// Preferences: what an admin sets once instead of passing every time (config.json in the config
// home, kept with conf). Only settings: never the journal or anything a crash must not lose. A flag
// or an environment variable always wins over a preference. A file of the wrong shape is refused,
// naming it and the setting, and left as it is (clearInvalidConfig: false). Settings this build
// does not know are left alone, so a later version's can stand beside them. The tenants the app
// knows (`tenants add`) are kept here too, under `tenants` (store/profiles.ts).
import {UserError} from '../errors.js';
import {clouds, type Cloud} from '../backends/graph/clouds.js';
import {diskError, ensureDir, lookAt} from '../fs/durable.js';
import {preferencesFile, type Homes} from '../paths.js';
import {languageIds, strings, type Language} from '../text/index.js';
import {plainSchema} from '../json-schema.js';
import {TenantProfiles} from './profiles.schema.js';
import {findProfile} from './profiles.js';

export interface Preferences {
	/** The language spoken, under --lang and M365_LICENSES_LANG, over the locale. */
	language?: Language;
	/** --graph: the app registration, the tenant, the cloud and the sign-in service. */
	clientId?: string;
	tenantId?: string;
	cloud?: Cloud;
	loginEndpoint?: string;
	/** The snapshot file opened when neither --tenant nor --graph is given (the demo otherwise). */
	snapshot?: string;
	/** The tenants added with `tenants add`, by name. */
	tenants?: TenantProfiles;
}

const text = {type: 'string', minLength: 1} as const;
const schema = {
	language: {enum: languageIds},
	clientId: text,
	tenantId: text,
	cloud: {enum: Object.keys(clouds)},
	loginEndpoint: text,
	snapshot: text,
	tenants: plainSchema(TenantProfiles),
} as const;

const lookAtQuietly = (file: string) => {
	try {
		return lookAt(file);
	} catch {
		return null;
	}
};

/** Signals that when-exit (conf's atomic writes use it) answers by killing the process with the signal again. */
const hooked = [
	'SIGHUP',
	'SIGINT',
	'SIGTERM',
	'SIGALRM',
	'SIGABRT',
	'SIGVTALRM',
	'SIGXCPU',
	'SIGXFSZ',
	'SIGUSR2',
	'SIGTRAP',
	'SIGSYS',
	'SIGQUIT',
	'SIGIOT',
] as const;

/**
 * conf, loaded only when there are preferences to read. Loading it loads when-exit, which listens to
 * SIGHUP, SIGINT, SIGTERM, SIGXFSZ and more, and answers each by killing the process with the same
 * signal: a change being stopped by Ctrl-C or a dropped SSH session would end before it is saved (a
 * stop saves first: ui/interrupt.ts), and a full disk (EFBIG under a file size limit) would end the
 * process instead of being said. The listeners it adds are taken off again: the app answers those
 * signals itself, and conf is only read here, never written, so no file of its is left half done.
 */
async function loadConf() {
	const before = new Map(hooked.map(signal => [signal, new Set(process.listeners(signal))]));
	const {default: Conf} = await import('conf');
	for (const signal of hooked) for (const listener of process.listeners(signal)) if (!before.get(signal)!.has(listener)) process.off(signal, listener);
	return Conf;
}

/** The preferences in the config home; none when there is no file (nothing is made for reading them). */
export async function readPreferences(homes: Homes): Promise<Preferences> {
	const file = preferencesFile(homes);
	try {
		// A folder that cannot be looked into (another user's) holds no preferences for this one; opening
		// the state there says what is wrong with it.
		if (lookAtQuietly(file) === null) return {};
		return (await openConf(homes)).store;
	} catch (error) {
		throw refused(file, error);
	}
}

const openConf = async (homes: Homes) => {
	const Conf = await loadConf();
	return new Conf<Preferences>({
		cwd: homes.config,
		configName: 'config',
		projectName: 'm365-licenses',
		projectSuffix: '',
		schema,
		clearInvalidConfig: false,
		configFileMode: 0o600,
	});
};

function refused(file: string, error: unknown): UserError {
	if (error instanceof UserError) return error;
	// conf's words: "Config schema violation: `cloud` must be equal to one of the allowed values", or JSON's.
	const problem = (error as Error).message.replace(/^Config schema violation: /, '').replaceAll('`', '');
	return new UserError(strings.preferences.refused(file, problem));
}

/**
 * Changes one preference (undefined: takes it away) in the config home, made owner-only first. Read
 * afresh just before it is written, so what another run saved meanwhile is kept; checked against the
 * schema before it is written, so a file conf would refuse is never written.
 */
export async function updatePreference<K extends keyof Preferences>(
	homes: Homes,
	key: K,
	change: (current: Preferences[K] | undefined) => Preferences[K] | undefined,
): Promise<void> {
	const file = preferencesFile(homes);
	ensureDir(homes.config, !homes.given);
	try {
		const conf = await openConf(homes);
		const value = change(conf.store[key]);
		if (value === undefined) conf.delete(key);
		else conf.set(key, value);
	} catch (error) {
		if (error instanceof UserError) throw error;
		if (typeof (error as NodeJS.ErrnoException).code === 'string') throw diskError(error, file, 'write');
		throw refused(file, error);
	}
}

/** The options the preferences stand under: what a flag or an environment variable gives. */
interface Preferable {
	graph?: boolean;
	profile?: string;
	profiles?: TenantProfiles;
	preferredClientId?: string;
	tenant?: string;
	clientId?: string;
	tenantId?: string;
	cloud?: string;
	loginEndpoint?: string;
}

/**
 * The options with the preferences under them: a flag (or its environment variable) always wins. The
 * command line applies them once, as it starts (cli.tsx).
 */
export function withPreferences<T extends Preferable>(given: T, env: NodeJS.ProcessEnv, preferences: Preferences): T {
	// The tenants added, and the client id one added without its own signs in with.
	const options = {...given, profiles: preferences.tenants, preferredClientId: env['M365_LICENSES_CLIENT_ID'] || preferences.clientId};
	// A tenant added (named, or the one there is) says its own tenant, cloud and client id: the
	// preferences' single tenant does not go with it (a flag given still does, and is checked then).
	const added = Object.keys(preferences.tenants ?? {}).length > 0;
	const profiled = options.profile !== undefined || (added && !options.graph && options.tenant === undefined);
	if (profiled) {
		const names = Object.keys(preferences.tenants ?? {});
		const live = findProfile(preferences.tenants, options.profile ?? (names.length === 1 ? names[0]! : ''))?.profile.source === 'graph';
		return live ? {...options, loginEndpoint: options.loginEndpoint ?? (env['M365_LICENSES_LOGIN_ENDPOINT'] ? undefined : preferences.loginEndpoint)} : options;
	}
	if (!options.graph) return {...options, tenant: options.tenant ?? preferences.snapshot};
	return {
		...options,
		clientId: options.clientId ?? (env['M365_LICENSES_CLIENT_ID'] || preferences.clientId),
		tenantId: options.tenantId ?? (env['M365_LICENSES_TENANT_ID'] || preferences.tenantId),
		cloud: options.cloud ?? preferences.cloud,
		loginEndpoint: options.loginEndpoint ?? (env['M365_LICENSES_LOGIN_ENDPOINT'] ? undefined : preferences.loginEndpoint),
	};
}
