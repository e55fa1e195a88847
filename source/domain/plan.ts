// A license plan: for each user, which products are assigned, which removed, and which skipped and
// why. Built before anything is changed, so the confirmation shows exactly what will happen, and
// shaped like Graph's assignLicense (one request per user, addLicenses and removeLicenses together).
import type {Tenant, User} from './model.js';
import {additionBlock, dependentAddOns, removalBlock} from './rules.js';
import {assignmentSources, indexTenant} from './selectors.js';

export type SkipReason =
	| 'not-assigned'
	| 'already-assigned'
	| 'group-assigned'
	| 'self-service-subscription'
	| 'user-not-found';
export type OutcomeReason = SkipReason | 'error';

export interface PlanSkip {
	skuId: string;
	/** Whether the product was to be added or removed. */
	requested: 'add' | 'remove';
	reason: SkipReason;
	/** For group-assigned: the groups the user holds the product through. */
	groupIds: string[];
}

export interface PlanItem {
	userId: string;
	userPrincipalName: string;
	displayName: string;
	add: string[];
	remove: string[];
	skip: PlanSkip[];
	/** skuId → groups that keep the user licensed after the direct license goes. */
	keptThroughGroups: Record<string, string[]>;
	/** Add-on skuId → the removed products it depends on: removed with them, in the same request. */
	dependents: Record<string, string[]>;
}

export interface LicensePlan {
	items: PlanItem[];
}

export type Outcome = 'assigned' | 'removed' | 'skipped' | 'failed';

/** What happened to one product of one user. */
export interface UserOutcome {
	userId: string;
	userPrincipalName: string;
	skuId: string;
	requested: 'add' | 'remove';
	outcome: Outcome;
	reason: OutcomeReason | null;
	message: string | null;
}

function emptyItem(user: User): PlanItem {
	return {
		userId: user.id,
		userPrincipalName: user.userPrincipalName,
		displayName: user.displayName,
		add: [],
		remove: [],
		skip: [],
		keptThroughGroups: {},
		dependents: {},
	};
}

function notFound(key: string, add: readonly string[], remove: readonly string[]): PlanItem {
	return {
		userId: key,
		userPrincipalName: key,
		displayName: key,
		add: [],
		remove: [],
		skip: [
			...add.map(skuId => ({skuId, requested: 'add' as const, reason: 'user-not-found' as const, groupIds: []})),
			...remove.map(skuId => ({skuId, requested: 'remove' as const, reason: 'user-not-found' as const, groupIds: []})),
		],
		keptThroughGroups: {},
		dependents: {},
	};
}

function findUser(tenant: Tenant, key: string): User | undefined {
	const index = indexTenant(tenant);
	return index.usersById.get(key) ?? index.usersByUpn.get(key.toLowerCase());
}

function planRemoval(tenant: Tenant, user: User, skuId: string, item: PlanItem): void {
	const block = removalBlock(tenant, user, skuId);
	if (block) {
		item.skip.push({skuId, requested: 'remove', ...block});
		return;
	}
	item.remove.push(skuId);
	const {groupIds} = assignmentSources(user, skuId);
	if (groupIds.length > 0) item.keptThroughGroups[skuId] = groupIds;
}

function planAddition(tenant: Tenant, user: User, skuId: string, item: PlanItem): void {
	const block = additionBlock(tenant, user, skuId);
	if (block) item.skip.push({skuId, requested: 'add', ...block});
	else item.add.push(skuId);
}

/** Plan removing the given products from the given users (ids or UPNs). */
export function planUnassign(tenant: Tenant, users: readonly string[], skuIds: readonly string[]): LicensePlan {
	return planChanges(tenant, users.map(user => ({user, add: [], remove: skuIds})));
}

/** Plan assigning one product to the given users (ids or UPNs). */
export function planAssign(tenant: Tenant, users: readonly string[], skuId: string): LicensePlan {
	return planChanges(tenant, users.map(user => ({user, add: [skuId], remove: []})));
}

/** Every product each user holds: the admin center's "Unassign all". */
export function planUnassignAll(tenant: Tenant, userIds: readonly string[]): LicensePlan {
	return planChanges(
		tenant,
		userIds.map(user => ({user, add: [], remove: findUser(tenant, user)?.assignedLicenses.map(l => l.skuId) ?? []})),
	);
}

/** The general form: per user, products to add and to remove (a user's Licenses and apps). */
export function planChanges(
	tenant: Tenant,
	requests: ReadonlyArray<{user: string; add: readonly string[]; remove: readonly string[]}>,
): LicensePlan {
	return {
		items: requests.map(({user: key, add, remove}) => {
			const user = findUser(tenant, key);
			if (!user) return notFound(key, add, remove);
			const item = emptyItem(user);
			for (const skuId of add) planAddition(tenant, user, skuId, item);
			for (const skuId of remove) planRemoval(tenant, user, skuId, item);
			for (const [addOn, bases] of dependentAddOns(tenant, user, item.remove)) {
				if (item.remove.includes(addOn)) continue;
				item.remove.push(addOn);
				item.dependents[addOn] = bases;
			}
			return item;
		}),
	};
}

export function plannedRemovals(plan: LicensePlan): number {
	return plan.items.reduce((sum, item) => sum + item.remove.length, 0);
}

/** How many licenses of each product the plan takes: assigning needs that many available. */
export function plannedAdditions(plan: LicensePlan): Map<string, number> {
	const counts = new Map<string, number>();
	for (const skuId of plan.items.flatMap(item => item.add)) counts.set(skuId, (counts.get(skuId) ?? 0) + 1);
	return counts;
}

/** Products the plan assigns more of than are available: skuId → [needed, available]. */
export function shortfalls(tenant: Tenant, plan: LicensePlan): Map<string, [number, number]> {
	const short = new Map<string, [number, number]>();
	for (const [skuId, needed] of plannedAdditions(plan)) {
		const available = indexTenant(tenant).products.find(p => p.skuId === skuId)?.available ?? 0;
		if (needed > available) short.set(skuId, [needed, available]);
	}
	return short;
}

export function isEmptyPlan(plan: LicensePlan): boolean {
	return plan.items.every(item => item.add.length === 0 && item.remove.length === 0);
}

/** The outcomes a plan's skips stand for, so skipped users are reported beside the ones changed. */
export function skipOutcomes(plan: LicensePlan): UserOutcome[] {
	return plan.items.flatMap(item =>
		item.skip.map(skip => ({
			userId: item.userId,
			userPrincipalName: item.userPrincipalName,
			skuId: skip.skuId,
			requested: skip.requested,
			outcome: 'skipped' as const,
			reason: skip.reason,
			message: null,
		})),
	);
}

/** Licenses and users counted apart, for status lines and result pages. */
export interface OutcomeCounts {
	/** Licenses unassigned (of the product, when one is given). */
	removed: number;
	/** Licenses assigned (of the product, when one is given). */
	assigned: number;
	/** Licenses of other products unassigned beside the product's: the add-ons that depend on it. */
	addOns: number;
	/** Users something was done for. */
	users: number;
	/** Users for whom nothing was done: every one of their changes was skipped. */
	skipped: number;
	/** Users a change failed for. */
	failed: number;
}

export function countOutcomes(outcomes: readonly UserOutcome[], skuId?: string): OutcomeCounts {
	const counts: OutcomeCounts = {removed: 0, assigned: 0, addOns: 0, users: 0, skipped: 0, failed: 0};
	const byUser = new Map<string, Outcome[]>();
	for (const outcome of outcomes) {
		byUser.set(outcome.userId, [...(byUser.get(outcome.userId) ?? []), outcome.outcome]);
		if (outcome.outcome !== 'removed' && outcome.outcome !== 'assigned') continue;
		if (skuId && outcome.skuId !== skuId) counts.addOns++;
		else counts[outcome.outcome]++;
	}
	for (const list of byUser.values()) {
		if (list.some(o => o === 'removed' || o === 'assigned')) counts.users++;
		else if (list.every(o => o === 'skipped')) counts.skipped++;
		if (list.includes('failed')) counts.failed++;
	}
	return counts;
}

/** Licenses a change freed, per product: removed, and the user no longer holds it (not even through a group). */
export function freedLicenses(tenantAfter: Tenant, outcomes: readonly UserOutcome[]): Map<string, number> {
	const {usersById} = indexTenant(tenantAfter);
	const freed = new Map<string, number>();
	for (const o of outcomes) {
		if (o.outcome !== 'removed') continue;
		if (usersById.get(o.userId)?.assignedLicenses.some(l => l.skuId === o.skuId)) continue;
		freed.set(o.skuId, (freed.get(o.skuId) ?? 0) + 1);
	}
	return freed;
}

/** Users who lose the product, and the add-ons that go with it: what an unassign asks about. */
export function removalQuestion(plan: LicensePlan): {users: number; addOns: string[]} {
	const removing = plan.items.filter(item => item.remove.length > 0);
	return {users: removing.length, addOns: [...new Set(removing.flatMap(item => Object.keys(item.dependents)))]};
}

/** True when every user got what the plan asked: nothing skipped, nothing failed. */
export function allWentThrough(outcomes: readonly UserOutcome[]): boolean {
	return outcomes.every(outcome => outcome.outcome === 'assigned' || outcome.outcome === 'removed');
}
