// Users > Active users, as a pure reducer: the order and the filter the list is shown in, and what is
// on top of it: one user's Licenses and apps, Manage product licenses for the ticked users, Delete
// user, Deleted users, or the choice of a filter or an order.
import type {UserFilter, UserSort} from '../../domain/selectors.js';

export type UsersOnTop =
	| {kind: 'list'}
	| {kind: 'user'; userId: string}
	| {kind: 'manage'; userIds: string[]}
	| {kind: 'delete'; userId: string}
	| {kind: 'deleted'}
	| {kind: 'filter'}
	| {kind: 'sort'};

export interface ActiveUsersState {
	onTop: UsersOnTop;
	sort: UserSort;
	filter: UserFilter;
}

export type ActiveUsersEvent =
	/** A panel or a choice over the list (enter, m, D, d, f, o). */
	| {type: 'open'; onTop: Exclude<UsersOnTop, {kind: 'list'}>}
	/** A filter or an order chosen: the list is shown so. */
	| {type: 'filter'; filter: UserFilter}
	| {type: 'sort'; sort: UserSort}
	/** Back to the list (esc, or the panel is done). */
	| {type: 'close'};

export const initialActiveUsers: ActiveUsersState = {onTop: {kind: 'list'}, sort: 'displayName', filter: {kind: 'all'}};

/** A filter as a key: the same filter chosen again is the same list. */
export const filterKey = (filter: UserFilter): string => (filter.kind === 'product' ? `product:${filter.skuId}` : filter.kind);

export function activeUsers(state: ActiveUsersState, event: ActiveUsersEvent): ActiveUsersState {
	switch (event.type) {
		case 'open':
			return {...state, onTop: event.onTop};
		case 'filter':
			return {...state, filter: event.filter, onTop: {kind: 'list'}};
		case 'sort':
			return {...state, sort: event.sort, onTop: {kind: 'list'}};
		case 'close':
			return {...state, onTop: {kind: 'list'}};
	}
}
