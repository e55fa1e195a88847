// Preferences: what an admin sets once instead of passing every time (config.json in the config
// home, kept with conf). Only settings: never the journal or anything a crash must not lose. A flag
// or an environment variable always wins over a preference. A file of the wrong shape is refused,
// naming it and the setting, and left as it is (clearInvalidConfig: false). Settings this build
// does not know are left alone, so a later version's (tenant profiles) can stand beside them.
import {UserError} from '../errors.js';
import {clouds, type Cloud} from '../backends/graph/clouds.js';
import {lookAt} from '../fs/durable.js';
import {preferencesFile, type Homes} from '../paths.js';
import {languageIds, strings, type Language} from '../text/index.js';

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
}

const text = {type: 'string', minLength: 1} as const;
const schema = {
	language: {enum: languageIds},
	clientId: text,
	tenantId: text,
	cloud: {enum: Object.keys(clouds)},
	loginEndpoint: text,
	snapshot: text,
} as const;

const lookAtQuietly = (file: string) => {
	try {
		return lookAt(file);
	} catch {
		return null;
	}
};

/** Signals that when-exit (conf's atomic writes use it) answers by killing the process with the signal again. */
const hooked = ['SIGHUP', 'SIGINT', 'SIGTERM', 'SIGALRM', 'SIGABRT', 'SIGVTALRM', 'SIGXCPU', 'SIGXFSZ', 'SIGUSR2', 'SIGTRAP', 'SIGSYS', 'SIGQUIT', 'SIGIOT'] as const;

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
		const Conf = await loadConf();
		const conf = new Conf<Preferences>({cwd: homes.config, configName: 'config', projectName: 'm365-licenses', projectSuffix: '', schema, clearInvalidConfig: false});
		return conf.store;
	} catch (error) {
		if (error instanceof UserError) throw error;
		// conf's words: "Config schema violation: `cloud` must be equal to one of the allowed values", or JSON's.
		const problem = (error as Error).message.replace(/^Config schema violation: /, '').replaceAll('`', '');
		throw new UserError(strings.preferences.refused(file, problem));
	}
}

/** The options the preferences stand under: what a flag or an environment variable gives. */
interface Preferable {
	graph?: boolean;
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
export function withPreferences<T extends Preferable>(options: T, env: NodeJS.ProcessEnv, preferences: Preferences): T {
	if (!options.graph) return {...options, tenant: options.tenant ?? preferences.snapshot};
	return {
		...options,
		clientId: options.clientId ?? (env['M365_LICENSES_CLIENT_ID'] || preferences.clientId),
		tenantId: options.tenantId ?? (env['M365_LICENSES_TENANT_ID'] || preferences.tenantId),
		cloud: options.cloud ?? preferences.cloud,
		loginEndpoint: options.loginEndpoint ?? (env['M365_LICENSES_LOGIN_ENDPOINT'] ? undefined : preferences.loginEndpoint),
	};
}
