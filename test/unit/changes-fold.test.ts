// The saved history is kept folded (one entry per user touched): replaying the fold must give the
// same tenant as replaying every change in turn, however the history is split between a compacted
// base and the journal after it.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {applyChanges, applyFolded, foldChanges, unfold, type Change} from '../../source/domain/changes.js';
import type {Tenant} from '../../source/domain/model.js';
import {histories, times} from '../helpers/histories.js';
import {demoTenant, sku, userByName} from '../helpers/tenant.js';

/** The tenant with the order of lists that carry no meaning made canonical. */
function canonical(t: Tenant) {
	const byId = <T>(list: T[], id: (item: T) => string) => [...list].sort((a, b) => id(a).localeCompare(id(b)));
	const user = (u: Tenant['users'][number]) => ({
		...u,
		assignedLicenses: byId(u.assignedLicenses, l => l.skuId),
		licenseAssignmentStates: byId(u.licenseAssignmentStates, s => `${s.skuId}/${s.assignedByGroup}`),
	});
	return {
		...t,
		groups: byId(t.groups, g => g.id).map(g => ({...g, members: g.members && [...g.members].sort()})),
		users: byId(t.users, u => u.id).map(user),
		'x-local': {...t['x-local'], deletedUsers: byId(t['x-local']?.deletedUsers ?? [], d => d.user.id).map(d => ({...d, user: user(d.user)}))},
	};
}

function oneByOne(changes: readonly Change[]): Tenant {
	const t = demoTenant();
	for (const change of changes) applyChanges(t, [change]);
	return t;
}

describe('a folded history', () => {
	it('replays to the same tenant as every change in turn, split anywhere between base and journal', () => {
		fc.assert(
			fc.property(histories, fc.nat(), (changes, cut) => {
				const expected = canonical(oneByOne(changes));
				const at = changes.length === 0 ? 0 : cut % (changes.length + 1);
				const base = foldChanges(new Map(), changes.slice(0, at));
				const folded = foldChanges(structuredClone(base), changes.slice(at));

				const fromFold = demoTenant();
				applyFolded(fromFold, folded);
				expect(canonical(fromFold)).toEqual(expected);

				// The same with the users found by place, as the store does on an Immer draft.
				const byPlace = demoTenant();
				const before = [...byPlace.users];
				applyFolded(byPlace, folded, id => before.findIndex(u => u.id === id));
				expect(canonical(byPlace)).toEqual(expected);

				// Replayed in two layers, as a start does: the base's fold (or a tenant kept with it
				// replayed), then the journal's over it.
				const layered = demoTenant();
				applyFolded(layered, base);
				applyFolded(layered, foldChanges(new Map(), changes.slice(at)));
				expect(canonical(layered)).toEqual(expected);

				// What the app shows as the saved changes folds back to the same thing.
				expect(foldChanges(new Map(), unfold(folded))).toEqual(folded);
			}),
			{numRuns: 300},
		);
	});

	it('keeps one entry per user however long the history', () => {
		const alex = userByName(demoTenant(), 'Alex Wilber').id;
		const changes: Change[] = Array.from({length: 10_000}, (_, i) => ({
			time: times[i % times.length]!,
			userId: alex,
			add: i % 2 ? [sku.businessPremium] : [],
			remove: i % 2 ? [] : [sku.businessPremium],
		}));
		const folded = foldChanges(new Map(), changes);
		expect([...folded.keys()]).toEqual([alex]);
		expect(folded.get(alex)).toEqual({add: {[sku.businessPremium]: times[9_999 % times.length]}});
	});

	it('replays 1,000 deletions in one pass (no scan of the users per deletion)', () => {
		const t = demoTenant();
		const many = Array.from({length: 1_000}, (_, i) => ({...t.users[0]!, id: `u${i}`, userPrincipalName: `u${i}@contoso.com`}));
		t.users.push(...many);
		let filters = 0;
		const filter = Array.prototype.filter;
		const counted = new Proxy(t.users, {
			get(target, key, receiver) {
				if (key === 'filter') filters++;
				return key === 'filter' ? filter.bind(target) : Reflect.get(target, key, receiver);
			},
		});
		t.users = counted;
		applyChanges(
			t,
			many.map(u => ({type: 'delete' as const, time: times[0]!, userId: u.id})),
		);
		expect(filters).toBe(1);
		expect(t.users).toHaveLength(demoTenant().users.length);
		expect(t['x-local']!.deletedUsers).toHaveLength(1_000);
	});
});
