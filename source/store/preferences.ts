// Preferences: what an admin sets once instead of passing every time (config.json in the config
// home, kept with conf). Only settings: never the journal or anything a crash must not lose. A flag
// or an environment variable always wins over a preference. A file of the wrong shape is refused,
// naming it and the setting, and left as it is (clearInvalidConfig: false). Settings this build
// does not know are left alone, so a later version's (tenant profiles) can stand beside them.
import Conf from 'conf';
import {UserError} from '../backends/backend.js';
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

/** The preferences in the config home; none when there is no file (nothing is made for reading them). */
export function readPreferences(homes: Homes): Preferences {
	const file = preferencesFile(homes);
	try {
		// A folder that cannot be looked into (another user's) holds no preferences for this one; opening
		// the state there says what is wrong with it.
		if (lookAtQuietly(file) === null) return {};
		const conf = new Conf<Preferences>({cwd: homes.config, configName: 'config', projectName: 'm365-licenses', projectSuffix: '', schema, clearInvalidConfig: false});
		return conf.store;
	} catch (error) {
		if (error instanceof UserError) throw error;
		// conf's words: "Config schema violation: `cloud` must be equal to one of the allowed values", or JSON's.
		const problem = (error as Error).message.replace(/^Config schema violation: /, '').replaceAll('`', '');
		throw new UserError(strings.preferences.refused(file, problem));
	}
}
