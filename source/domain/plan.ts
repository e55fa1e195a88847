// A license plan: for each user, which products are assigned, which removed, and which skipped and
// why. Built before anything is changed, so the confirmation shows exactly what will happen, and
// shaped like Graph's assignLicense (one request per user, addLicenses and removeLicenses together).
import type {DependencyRefusal} from './dependencies.js';
import type {Tenant, User} from './model.js';
import {additionBlock, appsBlock, dependentAddOns, directAssignment, removalBlock} from './rules.js';
import {assignmentSources, indexTenant} from './selectors.js';
import type {SkipReason} from './rules.js';

export type OutcomeReason = SkipReason | 'error';

/** What was asked of a product: assign it, unassign it, or turn some of its apps off or on. */
export type Requested = 'add' | 'remove' | 'update';

export interface PlanSkip {
	skuId: string;
	/** Whether the product was to be added, removed, or its apps changed. */
	requested: Requested;
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
	/** Products the user keeps, with other apps turned off (Licenses and apps); sent in addLicenses. */
	update?: string[];
	/** skuId → the apps (servicePlanIds) turned off, for products in add or update; absent: every app on. */
	disabledPlans?: Record<string, string[]>;
}

export interface LicensePlan {
	items: PlanItem[];
}

/**
 * done (assigned, removed, updated); skipped before sending; failed: refused, or read back as not done;
 * not-sent: never sent (stopped, past --max-duration, the sign-in gone); unknown: sent, but the answer
 * was lost and reading the user back failed too (often done after all: settled on the next start).
 */
export type Outcome = 'assigned' | 'removed' | 'updated' | 'skipped' | 'failed' | 'not-sent' | 'unknown';

/** What happened to one product of one user. */
export interface UserOutcome {
	userId: string;
	userPrincipalName: string;
	skuId: string;
	requested: Requested;
	outcome: Outcome;
	reason: OutcomeReason | null;
	message: string | null;
	/** For a product assigned or whose apps changed: the apps it has turned off. */
	disabledPlans?: string[];
	/** Refused by Graph because a dependent plan would be left without its base: the plans it named, kept in the audit log. */
	dependency?: DependencyRefusal;
}

/** The products a user's request sends: assigned, unassigned, or with other apps. */
export const changeCount = (item: PlanItem) => item.add.length + item.remove.length + (item.update?.length ?? 0);

/** The apps turned off for a product the plan assigns or changes ([] when every app is on). */
export const plannedDisabled = (item: PlanItem, skuId: string): string[] => item.disabledPlans?.[skuId] ?? [];

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

// What every user that is not found has none of, one frozen copy for all: a list of hundreds of
// thousands of names that match nobody costs their names, not a set of empty lists each.
const nothing = Object.freeze([]) as unknown as string[];
const noGroups = Object.freeze({}) as Record<string, string[]>;
const noApps = Object.freeze({}) as Record<string, readonly string[]>;
const notFoundSkips = new Map<string, PlanSkip[]>();
/** The skips of a user not found, one frozen list for every such user asked the same. */
function notFoundSkipList(add: readonly string[], remove: readonly string[], update: readonly string[]): PlanSkip[] {
	const key = [add, remove, update].map(list => list.join(',')).join('|');
	let list = notFoundSkips.get(key);
	if (!list) {
		const skip = (skuId: string, requested: PlanSkip['requested']) =>
			Object.freeze({skuId, requested, reason: 'user-not-found', groupIds: nothing}) as PlanSkip;
		list = Object.freeze([
			...add.map(skuId => skip(skuId, 'add')),
			...remove.map(skuId => skip(skuId, 'remove')),
			...update.map(skuId => skip(skuId, 'update')),
		]) as unknown as PlanSkip[];
		notFoundSkips.set(key, list);
	}
	return list;
}

/** The plan for a name that matches nobody: every product asked of them skipped, user-not-found. */
export function notFoundItem(key: string, add: readonly string[], remove: readonly string[], update: readonly string[]): PlanItem {
	return {
		userId: key,
		userPrincipalName: key,
		displayName: key,
		add: nothing,
		remove: nothing,
		skip: notFoundSkipList(add, remove, update),
		keptThroughGroups: noGroups,
		dependents: noGroups,
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

function planAddition(tenant: Tenant, user: User, skuId: string, item: PlanItem, disabled: readonly string[]): void {
	const block = additionBlock(tenant, user, skuId);
	if (block) return void item.skip.push({skuId, requested: 'add', ...block});
	item.add.push(skuId);
	if (disabled.length > 0) (item.disabledPlans ??= {})[skuId] = [...disabled];
}

/** Other apps of a product the user keeps: only where it is assigned directly, and only when they differ. */
function planUpdate(tenant: Tenant, user: User, skuId: string, item: PlanItem, disabled: readonly string[]): void {
	const block = appsBlock(tenant, user, skuId);
	if (block) return void item.skip.push({skuId, requested: 'update', ...block});
	const now = directAssignment(user, skuId)?.disabledPlans ?? [];
	if (sameIds(now, disabled)) return;
	(item.update ??= []).push(skuId);
	(item.disabledPlans ??= {})[skuId] = [...disabled];
}

const sameIds = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every(id => b.includes(id));

/** Plan removing the given products from the given users (ids or UPNs). */
export function planUnassign(tenant: Tenant, users: readonly string[], skuIds: readonly string[]): LicensePlan {
	return planChanges(
		tenant,
		(function* () {
			for (const user of users) yield {user, add: nothing, remove: skuIds};
		})(),
	);
}

/** Plan assigning one product to the given users (ids or UPNs). */
export function planAssign(tenant: Tenant, users: readonly string[], skuId: string): LicensePlan {
	return planChanges(
		tenant,
		users.map(user => ({user, add: [skuId], remove: []})),
	);
}

/** Manage product licenses, "Assign more products": the products added to what each user has. */
export function planAssignMore(tenant: Tenant, userIds: readonly string[], skuIds: readonly string[]): LicensePlan {
	return planChanges(
		tenant,
		userIds.map(user => ({user, add: skuIds.filter(skuId => !heldDirectly(tenant, user, skuId)), remove: []})),
	);
}

/**
 * Manage product licenses, "Replace existing products": each user ends with these products, and
 * every other product they hold directly goes (one held only through a group is skipped, named).
 */
export function planReplace(tenant: Tenant, userIds: readonly string[], skuIds: readonly string[]): LicensePlan {
	return planChanges(
		tenant,
		userIds.map(user => {
			const held = findUser(tenant, user)?.assignedLicenses.map(l => l.skuId) ?? [];
			return {user, add: skuIds.filter(skuId => !heldDirectly(tenant, user, skuId)), remove: held.filter(skuId => !skuIds.includes(skuId))};
		}),
	);
}

function heldDirectly(tenant: Tenant, key: string, skuId: string): boolean {
	const user = findUser(tenant, key);
	return user ? assignmentSources(user, skuId).direct : false;
}

/** Every product each user holds: the admin center's "Unassign all". */
export function planUnassignAll(tenant: Tenant, userIds: readonly string[]): LicensePlan {
	return planChanges(
		tenant,
		userIds.map(user => ({user, add: [], remove: findUser(tenant, user)?.assignedLicenses.map(l => l.skuId) ?? []})),
	);
}

/** One user's request: products to add and to remove, and the apps to have off (skuId → servicePlanIds). */
export interface ChangeRequest {
	user: string;
	add: readonly string[];
	remove: readonly string[];
	/**
	 * The apps each product should have turned off: for a product added, it is assigned so; for one the
	 * user keeps, its apps change when they differ from what it has now.
	 */
	apps?: Readonly<Record<string, readonly string[]>>;
}

/** The general form: per user, products to add and to remove, and apps to turn off or on (Licenses and apps). */
export function planChanges(tenant: Tenant, requests: Iterable<ChangeRequest>): LicensePlan {
	return {
		// From an iterable: a request made as it is planned is dropped as soon as it is (hundreds of thousands from a users file).
		items: Array.from(requests, ({user: key, add, remove, apps = noApps}) => {
			const updates = Object.keys(apps).filter(skuId => !add.includes(skuId) && !remove.includes(skuId));
			const user = findUser(tenant, key);
			if (!user) return notFoundItem(key, add, remove, updates);
			const item = emptyItem(user);
			for (const skuId of add) planAddition(tenant, user, skuId, item, apps[skuId] ?? []);
			for (const skuId of updates) planUpdate(tenant, user, skuId, item, apps[skuId]!);
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
	return plan.items.every(item => changeCount(item) === 0);
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
	/** Licenses whose apps were turned off or on. */
	updated: number;
	/** Licenses of other products unassigned beside the product's: the add-ons that depend on it. */
	addOns: number;
	/** Users something was done for. */
	users: number;
	/** Users for whom nothing was done: every one of their changes was skipped. */
	skipped: number;
	/** Users a change failed for: refused, or read back as not done. */
	failed: number;
	/** Users whose change was never sent. */
	notSent: number;
	/** Users whose change was sent and whose outcome is not known. */
	unknown: number;
	/** What was asked of the users nothing was done for (so the summary words it by what was asked). */
	asked: Requested | null;
}

export function countOutcomes(outcomes: readonly UserOutcome[], skuId?: string): OutcomeCounts {
	const counts: OutcomeCounts = {removed: 0, assigned: 0, updated: 0, addOns: 0, users: 0, skipped: 0, failed: 0, notSent: 0, unknown: 0, asked: null};
	const byUser = new Map<string, Outcome[]>();
	const asked = new Set<Requested>();
	for (const outcome of outcomes) {
		const list = byUser.get(outcome.userId);
		if (list) list.push(outcome.outcome);
		else byUser.set(outcome.userId, [outcome.outcome]);
		if (outcome.outcome !== 'skipped') asked.add(outcome.requested);
		if (!done(outcome.outcome)) continue;
		if (skuId && outcome.skuId !== skuId) counts.addOns++;
		else counts[outcome.outcome]++;
	}
	for (const list of byUser.values()) {
		if (list.some(done)) counts.users++;
		else if (list.every(o => o === 'skipped')) counts.skipped++;
		// One user is counted once, by what is least known of them.
		if (list.includes('unknown')) counts.unknown++;
		else if (list.includes('failed')) counts.failed++;
		else if (list.includes('not-sent')) counts.notSent++;
	}
	counts.asked = asked.size === 1 ? [...asked][0]! : null;
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

/** The display name of the one user something was done for, so a summary can name them; else undefined. */
export function changedUser(plan: LicensePlan, outcomes: readonly UserOutcome[]): string | undefined {
	const users = new Set(outcomes.filter(o => done(o.outcome)).map(o => o.userId));
	const [only] = users;
	return users.size === 1 ? plan.items.find(item => item.userId === only)?.displayName : undefined;
}

/** The outcomes that are a change made. */
export const done = (outcome: Outcome): outcome is 'assigned' | 'removed' | 'updated' =>
	outcome === 'assigned' || outcome === 'removed' || outcome === 'updated';

/** True when every user got what the plan asked: nothing skipped, nothing failed. */
export function allWentThrough(outcomes: readonly UserOutcome[]): boolean {
	return outcomes.every(outcome => done(outcome.outcome));
}

/** assignLicense's body: addLicenses is required even when empty; a product whose apps change is sent there too. */
export function assignLicenseBody(item: PlanItem): {addLicenses: Array<{skuId: string; disabledPlans: string[]}>; removeLicenses: string[]} {
	return {
		addLicenses: [...item.add, ...(item.update ?? [])].map(skuId => ({skuId, disabledPlans: plannedDisabled(item, skuId)})),
		removeLicenses: item.remove,
	};
}
