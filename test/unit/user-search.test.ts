// The filter's index gives what a plain scan of every user gives, for any names, needles and products.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import type {User} from '../../source/domain/model.js';
import {searchUsers} from '../../source/domain/user-search.js';

const skus = ['s1', 's2', 's3'];
const userOf = ([name, upn, held]: [string, string, string[]], i: number): User => ({
	id: `u${i}`,
	displayName: name,
	userPrincipalName: upn,
	accountEnabled: true,
	assignedLicenses: held.map(skuId => ({skuId, disabledPlans: []})),
	licenseAssignmentStates: [],
});

const plain = (users: readonly User[], needle: string, byName: boolean, skuIds: ReadonlySet<string>) =>
	users.filter(
		user =>
			(byName && needle !== '' && (user.displayName.toLowerCase().includes(needle) || user.userPrincipalName.toLowerCase().includes(needle))) ||
			user.assignedLicenses.some(l => skuIds.has(l.skuId)),
	);

describe('searching users through the index', () => {
	it('finds what a scan of every user finds, in the same order', () => {
		const text = fc.string({unit: fc.constantFrom('a', 'b', 'A', 'é', 'É', ' ', '.', '@', 'æ', 'Ø'), maxLength: 8});
		fc.assert(
			fc.property(
				fc.array(fc.tuple(text, text, fc.subarray(skus)), {maxLength: 30}),
				fc.string({unit: fc.constantFrom('a', 'b', 'é', 'æ', 'ø', ' ', '.'), maxLength: 3}),
				fc.boolean(),
				fc.subarray(skus),
				(rows, needle, byName, held) => {
					const users = rows.map(userOf);
					expect(searchUsers(users, needle, byName, new Set(held))).toEqual(plain(users, needle, byName, new Set(held)));
				},
			),
		);
	});

	it('finds the same through a run of searches on one list, as typing and backspace make them', () => {
		const text = fc.string({unit: fc.constantFrom('a', 'b', 'A', ' ', '@', 'c'), maxLength: 8});
		// Each step types a letter, takes one back, or changes the products searched.
		const step = fc.oneof(
			fc.constantFrom('a', 'b', ' ', '@', 'c').map(letter => ({letter})),
			fc.constant({back: true}),
			fc.subarray(skus).map(held => ({held})),
		);
		fc.assert(
			fc.property(fc.array(fc.tuple(text, text, fc.subarray(skus)), {maxLength: 40}), fc.array(step, {maxLength: 30}), fc.boolean(), (rows, steps, byName) => {
				const users = rows.map(userOf);
				let needle = '';
				let held: string[] = [];
				for (const s of steps) {
					if ('letter' in s) needle += s.letter;
					else if ('back' in s) needle = needle.slice(0, -1);
					else held = s.held;
					expect(searchUsers(users, needle, byName, new Set(held))).toEqual(plain(users, needle, byName, new Set(held)));
				}
			}),
			{numRuns: 300},
		);
	});

	it('gives back the list itself when everyone matches, and nothing across two users', () => {
		const users = [userOf(['Ada', 'ada@x', []], 0), userOf(['Bo', 'bo@x', []], 1)];
		expect(searchUsers(users, '@x', true, new Set())).toBe(users);
		// "x" ends one user's part and "bo" starts the next: no match runs across them.
		expect(searchUsers(users, 'xbo', true, new Set())).toEqual([]);
	});
});
