import {describe, expect, it} from 'vitest';
import {staleness} from '../../source/domain/stale.js';
import type {Tenant} from '../../source/domain/model.js';
import {demoTenant} from '../helpers/tenant.js';

describe('a change planned before another session saved its own', () => {
	const before = demoTenant();
	const group = before.groups![0]!;
	const outsider = before.users.find(user => !group.members?.includes(user.id))!;
	const bystander = before.users.find(user => user.id !== outsider.id && !group.members?.includes(user.id))!;

	it('is stale for a user who joined a group since, and only for them', () => {
		const after: Tenant = {...before, groups: before.groups!.map(g => (g.id === group.id ? {...g, members: [...(g.members ?? []), outsider.id]} : g))};
		expect(staleness(before, after, [outsider.id, bystander.id]).users.map(user => user.id)).toEqual([outsider.id]);
	});

	it('is not stale when nothing of its users changed', () => {
		expect(staleness(before, demoTenant(), [outsider.id, bystander.id])).toEqual({users: [], products: []});
	});
});
