// The command line in Danish as well as English, through the built bundle on the demo tenant: the
// same JSON in both (but the human `text` fields), Danish text with no English word in it, and the
// language chosen by --lang, M365_LICENSES_LANG or the locale.
import {spawnSync} from 'node:child_process';
import {describe, expect, it} from 'vitest';
import {englishOn} from '../helpers/english.js';
import {tempStateDir} from '../helpers/tenant.js';
import {bundle, requireBundle} from '../helpers/tmux.js';

/** The bundle with the environment given, and no language of the machine's. */
function cli(args: string[], env: Record<string, string> = {}, stateDir = tempStateDir()) {
	requireBundle();
	const {M365_LICENSES_LANG, LANG, LC_ALL, LC_MESSAGES, ...rest} = process.env;
	const result = spawnSync(process.execPath, [bundle, ...args, '--state-dir', stateDir], {encoding: 'utf8', env: {...rest, ...env}});
	return {status: result.status, stdout: result.stdout, stderr: result.stderr};
}

/** JSON without the human text fields (text, notOfferedText, message), and without doctor's language. */
function withoutText(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(withoutText);
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value)
				.filter(([key]) => !/^(text|\w+Text|message|language)$/.test(key))
				.map(([key, v]) => [key, withoutText(v)]),
		);
	}
	return value;
}

const commands = [
	['licenses'],
	['users'],
	['users', '--product', 'SPB'],
	['unassign', '--product', 'SPB', '--users', 'alex.wilber@contoso.com,allan.deyoung@contoso.com,nobody@contoso.com', '--dry-run'],
	['remove-from-group', '--group', 'Visio Users', '--users', 'lidia.holloway@contoso.com', '--dry-run'],
	['reclaim'],
	['audit'],
	['doctor'],
];

describe('the command line in Danish and English', () => {
	it.each(commands)('%s: the same JSON in both languages, but the text fields', (...args) => {
		const stateDir = tempStateDir();
		const en = cli([...args, '--json', '--lang', 'en'], {}, stateDir);
		const da = cli([...args, '--json', '--lang', 'da'], {}, stateDir);
		expect(da.status).toBe(en.status);
		expect(withoutText(JSON.parse(da.stdout))).toEqual(withoutText(JSON.parse(en.stdout)));
	});

	it('a change: the same results in both languages, and its text in Danish', () => {
		const change = ['unassign', '--product', 'SPB', '--users', 'alex.wilber@contoso.com,nobody@contoso.com', '--yes'];
		const en = cli([...change, '--json', '--lang', 'en']);
		const da = cli([...change, '--json', '--lang', 'da']);
		expect(da.status).toBe(3);
		expect(withoutText(JSON.parse(da.stdout))).toEqual(withoutText(JSON.parse(en.stdout)));
		const text = cli([...change, '--lang', 'da']);
		expect(text.stdout).toMatch(/Tildelingen af Microsoft 365 Business Premium er fjernet fra 1 bruger;\s+1 bruger\s+sprunget over/);
		expect(englishOn(text.stdout + text.stderr, {commandLine: true})).toEqual([]);
	});

	it.each(commands)('%s: Danish text says no English word', (...args) => {
		const da = cli([...args, '--lang', 'da']);
		expect(da.stdout.length).toBeGreaterThan(0);
		expect(englishOn(da.stdout + da.stderr, {commandLine: true})).toEqual([]);
	});

	it('audit: what was changed, said in Danish, dates as 26.11.2026', () => {
		const stateDir = tempStateDir();
		cli(['unassign', '--product', 'SPB', '--users', 'alex.wilber@contoso.com', '--yes'], {}, stateDir);
		const audit = cli(['audit', '--lang', 'da'], {}, stateDir);
		expect(audit.stdout).toMatch(/^\d\d\.\d\d\.\d{4} \d\d:\d\d:\d\d {2}/);
		expect(englishOn(audit.stdout, {commandLine: true})).toEqual([]);
	});

	it('--help in the chosen language', () => {
		expect(cli(['--help'], {LANG: 'da_DK.UTF-8'}).stdout).toMatch(/^Brug: m365-licenses \[kommando\] \[indstillinger\]\n[\s\S]*--lang da\|en/);
		expect(cli(['--help', '--lang', 'en'], {LANG: 'da_DK.UTF-8'}).stdout).toMatch(/^Usage: m365-licenses/);
	});

	it('--lang, else M365_LICENSES_LANG, else the locale, else English; doctor says which and why', () => {
		const language = (args: string[], env: Record<string, string>) => JSON.parse(cli(['doctor', '--json', ...args], env).stdout).language;
		expect(language([], {})).toEqual({id: 'en', source: 'default', from: null});
		expect(language([], {LANG: 'da_DK.UTF-8'})).toEqual({id: 'da', source: 'locale', from: 'LANG=da_DK.UTF-8'});
		expect(language([], {LC_ALL: 'C', LANG: 'da_DK.UTF-8'})).toEqual({id: 'en', source: 'default', from: 'LC_ALL=C'});
		expect(language([], {M365_LICENSES_LANG: 'da', LANG: 'en_US.UTF-8'})).toEqual({id: 'da', source: 'env', from: 'M365_LICENSES_LANG=da'});
		expect(language(['--lang', 'en'], {M365_LICENSES_LANG: 'da'})).toEqual({id: 'en', source: 'flag', from: '--lang en'});
		expect(cli(['doctor', '--lang', 'da']).stdout).toMatch(/^sprog +dansk \(flag: --lang da\)$/m);
	});

	it('a --lang (or M365_LICENSES_LANG) that names no language is a usage error naming it', () => {
		const bad = cli(['licenses', '--lang', 'de']);
		expect(bad.status).toBe(2);
		expect(bad.stderr).toBe('m365-licenses: --lang de: use en or da. See m365-licenses --help.\n');
		const env = cli(['licenses'], {M365_LICENSES_LANG: 'klingon'});
		expect(env.status).toBe(2);
		expect(env.stderr).toContain('M365_LICENSES_LANG klingon');
	});

	it("Node's own argument errors, said in Danish and naming the flag", () => {
		const cases: Array<[string[], string]> = [
			[['licenses', '--bogus'], 'ukendt indstilling --bogus'],
			[['-x'], 'ukendt indstilling -x'],
			[['licenses', '--json=1'], '--json tager ingen værdi'],
			[
				['licenses', '--tenant', '--graph'],
				'--tenant kræver en værdi, og --graph ligner en indstilling; en værdi, der starter med en bindestreg, skrives --tenant=--graph',
			],
		];
		for (const [args, said] of cases) {
			const result = cli([...args, '--lang', 'da']);
			expect(result.status).toBe(2);
			expect(result.stderr).toBe(`m365-licenses: ${said}. Se m365-licenses --help.\n`);
			expect(englishOn(result.stderr, {commandLine: true})).toEqual([]);
		}
		// The flag last on the line, its value missing (cli() would put --state-dir after it).
		const last = spawnSync(process.execPath, [bundle, 'licenses', '--lang', 'da', '--state-dir'], {
			encoding: 'utf8',
			env: {...process.env, M365_LICENSES_LANG: ''},
		});
		expect(last.status).toBe(2);
		expect(last.stderr).toBe('m365-licenses: --state-dir kræver en værdi. Se m365-licenses --help.\n');
	});

	it('a usage error in Danish', () => {
		const result = cli(['unassign', '--users', 'x', '--lang', 'da']);
		expect(result.status).toBe(2);
		expect(result.stderr).toBe('m365-licenses: unassign kræver --product. Se m365-licenses --help.\n');
	});
});
