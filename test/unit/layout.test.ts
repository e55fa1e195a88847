// The pieces that keep what matters on screen and in the command line's output: column widths,
// wrapping with styles, the plain-text table, sorting and filtering users, --product, the key table.
import {readdirSync, readFileSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {table} from '../../source/commands/io.js';
import {runCommand} from '../../source/commands/run.js';
import {matchProducts} from '../../source/commands/read.js';
import {sortedUsers, usersIn} from '../../source/domain/selectors.js';
import {fitColumns} from '../../source/ui/components/columns.js';
import {wrapSegments} from '../../source/ui/components/wrap-text.js';
import {keyText, keyTable, type KeyContext} from '../../source/ui/keys.js';
import {captureIO} from '../helpers/command-io.js';
import {demoTenant, sku, tempStateDir} from '../helpers/tenant.js';

describe('columns of a list row', () => {
	it('each as wide as it needs when they fit; else the least important gives way first, down to its minimum', () => {
		const columns = [
			{want: 20, min: 14},
			{want: 30, min: 12},
			{want: 40, min: 20},
		];
		expect(fitColumns(columns, 100, [2, 1, 0])).toEqual([20, 30, 40]);
		expect(fitColumns(columns, 80, [2, 1, 0])).toEqual([20, 30, 30]);
		expect(fitColumns(columns, 60, [2, 1, 0])).toEqual([20, 20, 20]);
		expect(fitColumns(columns, 40, [2, 1, 0])).toEqual([14, 12, 20]);
	});
});

describe('wrapping styled text', () => {
	it('keeps every character, each in its style, the later lines hung under the first', () => {
		const lines = wrapSegments(
			[
				{text: 'Lidia Holloway'},
				{text: ' lidia.holloway@contoso.com', dim: true},
				{text: ' (also via Visio Users; also removes Exchange Online Archiving)', dim: true},
			],
			40,
			'  ',
			'    ',
		);
		expect(lines.map(line => line.map(s => s.text).join(''))).toEqual([
			'  Lidia Holloway',
			'    lidia.holloway@contoso.com (also via',
			'    Visio Users; also removes Exchange',
			'    Online Archiving)',
		]);
		expect(lines[0]![1]).toEqual({text: 'Lidia Holloway'});
		expect(lines[1]!.slice(1).every(segment => segment.dim)).toBe(true);
	});

	it('is safe: an escape sequence in a name is shown, and counted, as its escape', () => {
		const [line] = wrapSegments([{text: 'Evil\u001b]0;x\u0007'}], 80);
		expect(line).toEqual([{text: 'Evil\\u001b]0;x\\u0007'}]);
	});
});

describe("the command line's table", () => {
	const rows = [
		['Product', 'Part number', 'Total'],
		['Exchange Online Archiving for Exchange Online', 'EXCHANGEARCHIVE_ADDON', '5'],
		['Visio Plan 2', 'VISIOCLIENT', '10'],
	];

	it('pads columns to the widest cell when it fits', () => {
		expect(table(rows)).toBe(
			[
				'Product                                        Part number            Total',
				'Exchange Online Archiving for Exchange Online  EXCHANGEARCHIVE_ADDON  5',
				'Visio Plan 2                                   VISIOCLIENT            10',
			].join('\n'),
		);
	});

	it('fits the width by wrapping the columns given, nothing cut off; a line break in a cell starts a line', () => {
		const text = table(rows, {width: 50, wrap: [0]});
		for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(50);
		const firstColumn = text.split('\n').map(line => line.slice(0, 20).trim());
		expect(firstColumn.slice(1, 4).join(' ')).toBe('Exchange Online Archiving for Exchange Online');
		expect(table([['a', 'one\ntwo']])).toBe('a  one\n   two');
	});
});

describe('Active users: sorted and filtered', () => {
	const tenant = demoTenant();

	it('sorts by display name, username or licenses, once per list of users', () => {
		const byName = sortedUsers(tenant, 'displayName');
		expect(byName.slice(0, 3).map(u => u.displayName)).toEqual(['Adele Vance', 'Aiko Tanaka', 'Alex Wilber']);
		expect(sortedUsers(tenant, 'displayName')).toBe(byName);
		expect(sortedUsers(tenant, 'userPrincipalName')[0]!.userPrincipalName).toBe('adele.vance@contoso.com');
		const byLicenses = sortedUsers(tenant, 'licenses');
		// Business Basic first, the unlicensed last.
		expect(byLicenses[0]!.assignedLicenses[0]!.skuId).toBe('3b555118-da6a-4418-894f-7df1e2096870');
		expect(byLicenses.slice(-3).every(u => u.assignedLicenses.length === 0)).toBe(true);
	});

	it("keeps the licensed, the unlicensed, the blocked, or one product's holders", () => {
		const all = sortedUsers(tenant, 'displayName');
		expect(usersIn(all, {kind: 'all'})).toBe(all);
		expect(usersIn(all, {kind: 'unlicensed'}).map(u => u.displayName)).toEqual(['Dmitri Volkov', 'Fatima Haddad', 'Ingrid Johansson']);
		expect(usersIn(all, {kind: 'licensed'})).toHaveLength(44);
		expect(usersIn(all, {kind: 'blocked'}).map(u => u.displayName)).toEqual(['Allan Deyoung', 'Ben Walters', 'Rachel Kim', 'Tyler Brooks']);
		expect(usersIn(all, {kind: 'product', skuId: sku.visio})).toHaveLength(5);
	});
});

describe('--product', () => {
	const tenant = demoTenant();
	const names = (given: string) => matchProducts(tenant, given).map(p => p.name);

	it('a part number, a skuId or a name in any case is that product; a unique part of a name is too', () => {
		expect(names('spb')).toEqual(['Microsoft 365 Business Premium']);
		expect(names(sku.e3.toUpperCase())).toEqual(['Office 365 E3']);
		expect(names('business  PREMIUM')).toEqual(['Microsoft 365 Business Premium']);
		// "Exchange Online (Plan 1)" is a whole name, though part of another.
		expect(names('exchange online (plan 1)')).toEqual(['Exchange Online (Plan 1)']);
	});

	it('several or none: the candidates, for the message to list', () => {
		expect(names('business')).toEqual(['Microsoft 365 Business Basic', 'Microsoft 365 Business Premium']);
		expect(names('nothing like it')).toEqual([]);
	});
});

describe('the key table: no key means two things on one screen', () => {
	// Every combination of contexts a screen asks for, read from the screens themselves.
	const root = fileURLToPath(new URL('../../source/ui', import.meta.url));
	const files = (dir: string): string[] =>
		readdirSync(dir).flatMap(name => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]));
	const screens = files(root)
		.filter(file => file.endsWith('.tsx'))
		.flatMap(file => [...readFileSync(file, 'utf8').matchAll(/contexts=\{\[([^\]]*)\]\}/g)].map(m => m[1]!))
		.map(list => [...list.matchAll(/'(\w+)'/g)].map(m => m[1] as KeyContext));

	it('finds the screens', () => {
		expect(screens.length).toBeGreaterThan(15);
	});

	it('the keys shown in the header and footer everywhere (1, 2, 3, ?, q) keep their meaning on every screen', () => {
		for (const contexts of screens) {
			for (const context of contexts) {
				// While a change is sent, q stops it (quitting would leave it half made): its footer says so.
				const taken = keyTable.filter(b => b.context === context && b.id !== 'stop').flatMap(b => b.keys.map(keyText));
				expect(
					taken.filter(key => ['1', '2', '3', '?', 'q'].includes(key)),
					`${contexts.join(',')}: ${context}`,
				).toEqual([]);
			}
		}
	});

	it('r is Reassign or Read the tenant again, never both on one screen', () => {
		for (const contexts of [...screens.map(list => [...list, 'global' as const])]) {
			const meanings = new Set(keyTable.filter(b => contexts.includes(b.context) && b.keys.some(k => k.key === 'r' && !k.ctrl)).map(b => b.id));
			expect(meanings.size, contexts.join(',')).toBeLessThanOrEqual(1);
		}
	});
});

describe("the command line fits the terminal's width when stdout is one", () => {
	async function users(columns: number | undefined) {
		const {io, out} = captureIO({columns});
		await runCommand('users', {}, {stateDir: tempStateDir(), reset: false}, '0.0.0', io);
		return out().trimEnd().split('\n');
	}

	it('60 columns, 120 columns, or 80 when not a terminal', async () => {
		expect(Math.max(...(await users(60)).map(line => line.length))).toBeLessThanOrEqual(60);
		expect(Math.max(...(await users(undefined)).map(line => line.length))).toBeLessThanOrEqual(80);
		// Wide enough, a user's licenses sit on the user's line.
		expect(Math.max(...(await users(120)).map(line => line.length))).toBeGreaterThan(80);
	});
});
