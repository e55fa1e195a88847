// Where the app keeps what, on a fresh machine and after an earlier version: the journal, audit log
// and sign-ins in the XDG state home, the copies it can make again in the cache home, the preferences
// (config.json, read with conf) in the config home; flags and environment variables over preferences;
// the first start after an earlier version moves its folder, losing nothing. Through the built app.
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {demoTenantPath} from '../../source/paths.js';
import {readPreferences} from '../../source/store/preferences.js';
import {cli, generated} from '../helpers/graph.js';
import {freshHome} from '../helpers/home.js';
import {tempStateDir} from '../helpers/tenant.js';

/** A snapshot of another organisation than the demo's (Fabrikam), on disk. */
function snapshot(): string {
	const file = join(tempStateDir(), 'fabrikam.json');
	writeFileSync(file, JSON.stringify(generated(60)));
	return file;
}

const run = (home: ReturnType<typeof freshHome>, ...args: string[]) => cli(args, home.env);

describe('the three homes', () => {
	it('a fresh machine: the journal and audit log in the state home, the copies in the cache home, no config home unless preferences are set; doctor names all three', async () => {
		const home = freshHome();
		const file = snapshot();
		const tenant = JSON.parse(readFileSync(file, 'utf8'));
		const holder = tenant.users.find((u: {assignedLicenses: unknown[]}) => u.assignedLicenses.length > 0).userPrincipalName;
		const sku = tenant.users.find((u: {userPrincipalName: string}) => u.userPrincipalName === holder).assignedLicenses[0].skuId;
		const result = await run(home, 'unassign', '--tenant', file, '--product', sku, '--users', holder, '--yes', '--json');
		expect(result.status).toBe(0);
		for (const name of ['journal.jsonl', 'audit.jsonl']) expect(existsSync(join(home.stateDir, name)), name).toBe(true);
		for (const name of ['snapshot-cache.json', 'validated-snapshots.json']) expect(existsSync(join(home.cacheDir, name)), name).toBe(true);
		expect(existsSync(home.configDir)).toBe(false);
		const doctor = JSON.parse((await run(home, 'doctor', '--json')).stdout);
		expect(doctor.homes).toEqual({config: home.configDir, state: home.stateDir, cache: home.cacheDir, preferences: join(home.configDir, 'config.json')});
	});

	it('preferences: the language and the snapshot opened by default; a flag or the environment wins; a wrong file is refused, naming it and the setting, and left as it is', async () => {
		const home = freshHome();
		// No language in the environment (the tests' own English otherwise decides).
		home.env['M365_LICENSES_LANG'] = '';
		const file = snapshot();
		mkdirSync(home.configDir, {recursive: true});
		const preferences = join(home.configDir, 'config.json');
		writeFileSync(preferences, JSON.stringify({language: 'da', snapshot: file}));
		const danish = await run(home, 'licenses');
		expect(danish.status).toBe(0);
		expect(danish.stdout).toMatch(/^Produkt\s/);
		const json = JSON.parse((await run(home, 'licenses', '--json')).stdout);
		expect(json.tenant.displayName).toBe('Fabrikam, Inc.');
		// What is given wins: a flag, then the environment, over the preference.
		expect((await run(home, 'licenses', '--lang', 'en')).stdout).toMatch(/^Product\s/);
		expect((await cli(['licenses'], {...home.env, M365_LICENSES_LANG: 'en'})).stdout).toMatch(/^Product\s/);
		expect(JSON.parse((await run(home, 'licenses', '--json', '--tenant', demoTenantPath)).stdout).tenant.displayName).toBe('Contoso Ltd');

		const wrong = '{"language": "klingon"}';
		writeFileSync(preferences, wrong);
		const refused = await run(home, 'licenses');
		expect(refused.status).toBe(1);
		expect(refused.stderr).toMatch(
			new RegExp(`^m365-licenses: Preferences ${preferences.replace(/[.]/g, '\\.')}: .*language.*It was left as it is; correct it or remove it\\.\\n$`),
		);
		expect(readFileSync(preferences, 'utf8')).toBe(wrong);
	});

	it("reading preferences leaves the signals to the app: conf's when-exit would end a change being stopped, or a full disk, by killing the process again", async () => {
		const home = freshHome();
		mkdirSync(home.configDir, {recursive: true});
		writeFileSync(join(home.configDir, 'config.json'), JSON.stringify({language: 'en'}));
		const signals = ['SIGHUP', 'SIGINT', 'SIGTERM', 'SIGXFSZ', 'SIGQUIT'] as const;
		const before = signals.map(signal => process.listenerCount(signal));
		const read = await readPreferences({config: home.configDir, state: home.stateDir, cache: home.cacheDir, given: false, signIns: home.stateDir});
		expect(read.language).toBe('en');
		expect(signals.map(signal => process.listenerCount(signal))).toEqual(before);
	});

	it('the first start after an earlier version moves its folder into the new homes, says what it moved, and loses nothing', async () => {
		const home = freshHome();
		const file = snapshot();
		const tenant = JSON.parse(readFileSync(file, 'utf8'));
		const holder = tenant.users.find((u: {assignedLicenses: unknown[]}) => u.assignedLicenses.length > 0);
		// An earlier version kept everything in ~/.config/m365-licenses-nodejs.
		const earlier = await run(
			home,
			'unassign',
			'--tenant',
			file,
			'--product',
			holder.assignedLicenses[0].skuId,
			'--users',
			holder.userPrincipalName,
			'--yes',
			'--state-dir',
			home.earlierDir,
		);
		expect(earlier.status).toBe(0);
		const first = await run(home, 'audit', '--json', '--tenant', file);
		expect(first.status).toBe(0);
		expect(first.stderr).toContain(`m365-licenses: Moved what m365-licenses kept in ${home.earlierDir} to ${home.stateDir} (caches to ${home.cacheDir}):`);
		expect(JSON.parse(first.stdout).entries.map((e: {userPrincipalName: string}) => e.userPrincipalName)).toEqual([holder.userPrincipalName]);
		expect(existsSync(join(home.stateDir, 'journal.jsonl'))).toBe(true);
		expect(existsSync(join(home.cacheDir, 'snapshot-cache.json'))).toBe(true);
		expect(existsSync(home.earlierDir)).toBe(false);
		// Said once: the next start has nothing to move.
		expect((await run(home, 'audit', '--json', '--tenant', file)).stderr).toBe('');
	});
});
