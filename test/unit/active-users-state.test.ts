// Users > Active users as a reducer (ui/screens/active-users-state.ts): what is on top of the list,
// and the order and filter it is shown in, without rendering.
import {describe, expect, it} from 'vitest';
import {
	activeUsers,
	filterKey,
	initialActiveUsers,
	type ActiveUsersEvent,
	type ActiveUsersState,
	type UsersOnTop,
} from '../../source/ui/screens/active-users-state.js';

const run = (...events: ActiveUsersEvent[]): ActiveUsersState => events.reduce(activeUsers, initialActiveUsers);

describe('Active users', () => {
	it('opens with every user, by display name, nothing on top', () => {
		expect(initialActiveUsers).toEqual({onTop: {kind: 'list'}, sort: 'displayName', filter: {kind: 'all'}});
	});

	it('enter, m, D, d, f and o each put their panel on top; closing it leaves the order and filter as they were', () => {
		const shown = run({type: 'sort', sort: 'licenses'}, {type: 'filter', filter: {kind: 'blocked'}});
		const panels: Array<Exclude<UsersOnTop, {kind: 'list'}>> = [
			{kind: 'user', userId: 'u1'},
			{kind: 'manage', userIds: ['u1', 'u2']},
			{kind: 'delete', userId: 'u1'},
			{kind: 'deleted'},
			{kind: 'filter'},
			{kind: 'sort'},
		];
		for (const onTop of panels) {
			const open = activeUsers(shown, {type: 'open', onTop});
			expect(open.onTop).toEqual(onTop);
			expect(activeUsers(open, {type: 'close'})).toEqual(shown);
		}
	});

	it('a filter or an order chosen is the list shown, with nothing on top', () => {
		const filtered = run({type: 'open', onTop: {kind: 'filter'}}, {type: 'filter', filter: {kind: 'product', skuId: 'sku'}});
		expect(filtered).toEqual({onTop: {kind: 'list'}, sort: 'displayName', filter: {kind: 'product', skuId: 'sku'}});
		const sorted = activeUsers(activeUsers(filtered, {type: 'open', onTop: {kind: 'sort'}}), {type: 'sort', sort: 'userPrincipalName'});
		expect(sorted).toEqual({onTop: {kind: 'list'}, sort: 'userPrincipalName', filter: {kind: 'product', skuId: 'sku'}});
	});

	it('a filter has a key of its own: a product filter names its product', () => {
		expect(filterKey({kind: 'licensed'})).toBe('licensed');
		expect(filterKey({kind: 'product', skuId: 'sku'})).toBe('product:sku');
	});
});
