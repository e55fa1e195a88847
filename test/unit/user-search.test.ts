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

	it('gives back the list itself when everyone matches, and nothing across two users', () => {
		const users = [userOf(['Ada', 'ada@x', []], 0), userOf(['Bo', 'bo@x', []], 1)];
		expect(searchUsers(users, '@x', true, new Set())).toBe(users);
		// "x" ends one user's part and "bo" starts the next: no match runs across them.
		expect(searchUsers(users, 'xbo', true, new Set())).toEqual([]);
	});
});
