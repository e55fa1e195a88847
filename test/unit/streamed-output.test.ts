// A change's output for a long list of users is written as it is made: the JSON exactly as
// JSON.stringify would give it, in pieces; the plain-text table laid out over every row first.
import {describe, expect, it} from 'vitest';
import {table, tableColumns, writeJson} from '../../source/commands/io.js';
import {planChanges, planUnassign} from '../../source/domain/plan.js';
import {demoTenant} from '../helpers/tenant.js';

const written = (write: (out: (text: string) => void) => void) => {
	const pieces: string[] = [];
	write(text => pieces.push(text));
	return pieces;
};

describe('writeJson', () => {
	const shapes = [
		{head: {product: {skuId: 'a', name: 'Ö "quoted"\u2028'}, dryRun: true, none: undefined}, items: [], tail: {summary: {removed: 0}}},
		{head: {}, items: [{a: 1, b: [1, {c: null}], d: {}}, 'text', 3, null, []], tail: {}},
		{head: {dryRun: false}, items: [{nested: {deeper: {list: ['x\ny', {}]}}}], tail: {summary: {removed: 1, skipped: 2}, after: [1]}},
	];
	for (const [i, {head, items, tail}] of shapes.entries()) {
		it(`writes what JSON.stringify writes (shape ${i + 1})`, () => {
			const text = written(out => writeJson(out, head, 'results', items, () => tail)).join('');
			expect(text).toBe(`${JSON.stringify({...head, results: items, ...tail}, null, 2)}\n`);
		});
	}

	it('writes a long list in pieces as it goes, and asks for the tail after the last item', () => {
		const asked: string[] = [];
		const items = (function* () {
			for (let i = 0; i < 20_000; i++) {
				asked.push(`item ${i}`);
				yield {userPrincipalName: `user${i}@contoso.example`, outcome: 'skipped'};
			}
		})();
		const pieces = written(out => writeJson(out, {dryRun: true}, 'results', items, () => (asked.push('tail'), {summary: {skipped: 20_000}})));
		expect(pieces.length).toBeGreaterThan(10);
		expect(Math.max(...pieces.map(piece => piece.length))).toBeLessThan(70_000);
		expect(asked.at(-1)).toBe('tail');
		expect(JSON.parse(pieces.join('')).results).toHaveLength(20_000);
	});
});

describe('tableColumns', () => {
	it('lays the columns out over every row, then gives each row its lines, as table() does', () => {
		const rows = [
			['adele.vance@contoso.com', 'skipped', 'Microsoft 365 E3 is assigned through a group: Sales, Marketing'],
			['a@b.c', 'would remove', ''],
			['名前@contoso.com', 'removed', 'line one\nline two'],
		];
		for (const options of [{}, {width: 40, wrap: [2, 0]}]) {
			const lines = tableColumns(rows, options);
			expect(rows.flatMap(lines).join('\n')).toBe(table(rows, options));
		}
	});
});

describe('users that are not found', () => {
	it('are planned as skipped, each with its own name, and share their empty parts', () => {
		const plan = planUnassign(demoTenant(), ['nobody@contoso.com', 'noone@contoso.com'], ['sku-1']);
		const [first, second] = plan.items;
		expect(first).toMatchObject({
			userId: 'nobody@contoso.com',
			add: [],
			remove: [],
			skip: [{skuId: 'sku-1', requested: 'remove', reason: 'user-not-found', groupIds: []}],
		});
		expect(second!.userPrincipalName).toBe('noone@contoso.com');
		// One frozen list of skips for every user not found asked the same: 800,000 such names cost their names.
		expect(second!.skip).toBe(first!.skip);
		expect(Object.isFrozen(first!.skip)).toBe(true);
		expect(Object.isFrozen(first!.remove)).toBe(true);
	});

	it('are planned from an iterable of requests, none held in a list first', () => {
		const made: string[] = [];
		const requests = (function* () {
			for (const user of ['nobody@contoso.com', 'noone@contoso.com']) {
				made.push(user);
				yield {user, add: [], remove: ['sku-1']};
			}
		})();
		expect(planChanges(demoTenant(), requests).items.map(item => item.userId)).toEqual(['nobody@contoso.com', 'noone@contoso.com']);
		expect(made).toHaveLength(2);
	});
});
