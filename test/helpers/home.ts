// A machine where m365-licenses never ran: a HOME of its own, the XDG folders under it, and no state,
// config or cache folder made for the test. The app makes what it needs, as on an admin's first run.
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

export interface FreshHome {
	home: string;
	/** The app's environment: this HOME, its XDG folders, and no state directory given. */
	env: Record<string, string>;
	/** Where the app keeps its state by default under this HOME: the XDG state home's folder (not there until the app makes it). */
	stateDir: string;
	/** Where it keeps its caches (snapshot, replayed, validated snapshots, a live tenant's copy). */
	cacheDir: string;
	/** Where it keeps the preferences file (config.json). */
	configDir: string;
	/** Where versions before the XDG homes kept everything. */
	earlierDir: string;
}

export function freshHome(): FreshHome {
	const home = mkdtempSync(join(tmpdir(), 'm365-licenses-home-'));
	const config = join(home, '.config');
	return {
		home,
		env: {
			HOME: home,
			XDG_CONFIG_HOME: config,
			XDG_STATE_HOME: join(home, '.local', 'state'),
			XDG_CACHE_HOME: join(home, '.cache'),
			XDG_DATA_HOME: join(home, '.local', 'share'),
			M365_LICENSES_STATE_DIR: '',
		},
		stateDir: join(home, '.local', 'state', 'm365-licenses'),
		cacheDir: join(home, '.cache', 'm365-licenses'),
		configDir: join(config, 'm365-licenses'),
		earlierDir: join(config, 'm365-licenses-nodejs'),
	};
}
