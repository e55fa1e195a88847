// One user's Licenses and apps, as a pure reducer: the products and apps the admin has ticked or
// unticked (kept apart from what the user holds, so the screen can say what will change), the
// products opened to show their apps, and what is on top: the list, Remove from group, or a change
// being confirmed, sent, its results and next steps.
import {assignmentsOf} from '../../domain/capabilities.js';
import type {User} from '../../domain/model.js';
import type {ChangeRequest} from '../../domain/plan.js';
import {directAssignment} from '../../domain/rules.js';
import {changeStep, listStep, type ChangeEvent, type ChangeStep} from '../components/change-steps.js';

export type UserPanelStep = ChangeStep | {kind: 'groups'; groupIds: readonly string[]};

export interface UserPanelState {
	/** skuId → ticked, where the admin changed it from what the user holds. */
	edits: ReadonlyMap<string, boolean>;
	/** skuId → the apps to have turned off, where the admin changed them. */
	appEdits: ReadonlyMap<string, ReadonlySet<string>>;
	/** Products whose apps are shown. */
	expanded: ReadonlySet<string>;
	step: UserPanelStep;
}

export type UserPanelEvent =
	| {type: 'tickProduct'; user: User; skuId: string}
	/** The apps of a product to have turned off from now on. */
	| {type: 'setApps'; user: User; skuId: string; off: ReadonlySet<string>}
	| {type: 'expand'; skuId: string}
	| {type: 'collapse'; skuId: string}
	/** Remove from group, for the groups the product under the cursor comes through. */
	| {type: 'leaveGroups'; groupIds: readonly string[]}
	| {type: 'groupsClosed'}
	| ChangeEvent;

export const initialUserPanel: UserPanelState = {edits: new Map(), appEdits: new Map(), expanded: new Set(), step: listStep};

export const holds = (user: User, skuId: string): boolean => user.assignedLicenses.some(l => l.skuId === skuId);

/** The apps a product has turned off for the user now: its direct assignment's, else the group's. */
export function disabledNow(user: User, skuId: string): ReadonlySet<string> {
	const direct = directAssignment(user, skuId);
	if (direct) return new Set(direct.disabledPlans);
	const group = assignmentsOf(user).find(a => a.skuId === skuId);
	return new Set(group?.disabledPlans ?? []);
}

/** Whether the product is ticked: as the admin left it, else as the user holds it. */
export const isTicked = (state: UserPanelState, user: User, skuId: string): boolean => state.edits.get(skuId) ?? holds(user, skuId);

/** The apps of a product that are (or will be) turned off. */
export const appsOff = (state: UserPanelState, user: User, skuId: string): ReadonlySet<string> => state.appEdits.get(skuId) ?? disabledNow(user, skuId);

export const appsChanged = (state: UserPanelState, user: User, skuId: string): boolean => isTicked(state, user, skuId) && state.appEdits.has(skuId);

export const hasEdits = (state: UserPanelState): boolean => state.edits.size + state.appEdits.size > 0;

/** What Save changes asks for: products to add and remove, and the apps of the products kept. */
export function changesOf(state: UserPanelState, user: User): ChangeRequest {
	const edits = [...state.edits];
	return {
		user: user.id,
		add: edits.filter(([skuId, on]) => on && !holds(user, skuId)).map(([skuId]) => skuId),
		remove: edits.filter(([skuId, on]) => !on && holds(user, skuId)).map(([skuId]) => skuId),
		apps: Object.fromEntries([...state.appEdits].filter(([skuId]) => isTicked(state, user, skuId)).map(([skuId, off]) => [skuId, [...off]])),
	};
}

const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>) => a.size === b.size && [...a].every(id => b.has(id));

/** The map with `key` set to `value`, or without it when the value is what the user has now. */
function edited<V>(map: ReadonlyMap<string, V>, key: string, value: V, asNow: boolean): ReadonlyMap<string, V> {
	const next = new Map(map);
	if (asNow) next.delete(key);
	else next.set(key, value);
	return next;
}

export function userPanel(state: UserPanelState, event: UserPanelEvent): UserPanelState {
	switch (event.type) {
		case 'tickProduct': {
			const on = !isTicked(state, event.user, event.skuId);
			return {...state, edits: edited(state.edits, event.skuId, on, on === holds(event.user, event.skuId))};
		}
		case 'setApps': {
			const asNow = holds(event.user, event.skuId) && sameSet(event.off, disabledNow(event.user, event.skuId));
			return {...state, appEdits: edited(state.appEdits, event.skuId, event.off, asNow)};
		}
		case 'expand':
			return {...state, expanded: new Set(state.expanded).add(event.skuId)};
		case 'collapse': {
			const expanded = new Set(state.expanded);
			expanded.delete(event.skuId);
			return {...state, expanded};
		}
		case 'leaveGroups':
			return {...state, step: {kind: 'groups', groupIds: event.groupIds}};
		case 'groupsClosed':
			return {...state, step: listStep};
		case 'applied': {
			// Saved: what was edited is what the user has now.
			const saved = event.outcomes ? {edits: new Map(), appEdits: new Map()} : {};
			return {...state, ...saved, step: changeStep(listStep, event)};
		}
		default:
			return {...state, step: changeStep(state.step.kind === 'groups' ? listStep : state.step, event)};
	}
}
