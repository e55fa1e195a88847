// Microsoft's ids (skuId, servicePlanId, user, group, subscription and role ids) are GUIDs, which are
// the same id in any case; Graph writes them in lower case, a hand-made snapshot may not. Each tenant
// is normalised once, as it is loaded (a snapshot, the demo, Graph's answers), so everything after
// compares ids with === and Map keys: an upper-case skuId cannot make its holders invisible.
import type {AssignedLicense, LicenseAssignmentState, LocalExtras, Tenant, User} from './model.js';
import {extended} from './extended.js';

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A GUID in lower case; anything else (a test's "u1") as it is. */
export function normaliseId(id: string): string {
	const lower = id.toLowerCase();
	return lower === id || !guid.test(id) ? id : lower;
}

// What is already normalised is returned as it is, not copied: a tenant of 100,000 users from
// Graph costs a look at each id, no memory.
function sameUnlessChanged<T extends object>(original: T, normalised: Partial<T>): T {
	for (const key in normalised) if (normalised[key] !== original[key]) return extended(original, normalised) as T;
	return original;
}

function each<T>(list: readonly T[], normalise: (item: T) => T): T[] {
	let copy: T[] | undefined;
	for (let i = 0; i < list.length; i++) {
		const item = normalise(list[i]!);
		if (item !== list[i] && !copy) copy = list.slice(0, i);
		copy?.push(item);
	}
	return copy ?? (list as T[]);
}

const ids = (list: string[] | undefined) => list && each(list, normaliseId);

function keys<T>(record: Record<string, T>, value: (item: T) => T = item => item): Record<string, T> {
	const entries = Object.entries(record);
	const normalised = entries.map(([key, item]) => [normaliseId(key), value(item)] as const);
	return normalised.every(([key, item], i) => key === entries[i]![0] && item === entries[i]![1]) ? record : Object.fromEntries(normalised);
}

function license(assigned: AssignedLicense): AssignedLicense {
	return sameUnlessChanged(assigned, {skuId: normaliseId(assigned.skuId), disabledPlans: ids(assigned.disabledPlans)});
}

function assignmentState(state: LicenseAssignmentState): LicenseAssignmentState {
	return sameUnlessChanged(state, {
		skuId: normaliseId(state.skuId),
		assignedByGroup: state.assignedByGroup && normaliseId(state.assignedByGroup),
		disabledPlans: ids(state.disabledPlans),
	});
}

/** One user as Graph gives it (GET /users, a $batch answer), its ids normalised. */
export function normaliseUser(user: User): User {
	return sameUnlessChanged(user, {
		id: normaliseId(user.id),
		assignedLicenses: user.assignedLicenses && each(user.assignedLicenses, license),
		licenseAssignmentStates: user.licenseAssignmentStates && each(user.licenseAssignmentStates, assignmentState),
	});
}

function extras(local: LocalExtras): LocalExtras {
	return sameUnlessChanged(local, {
		mailboxHolds: local.mailboxHolds && keys(local.mailboxHolds),
		lastSignIn: local.lastSignIn && keys(local.lastSignIn),
		licenseRemovals: local.licenseRemovals && keys(local.licenseRemovals, bySku => keys(bySku)),
		deletedUsers: local.deletedUsers && each(local.deletedUsers, deleted => sameUnlessChanged(deleted, {user: normaliseUser(deleted.user)})),
	});
}

/**
 * The tenant with every id normalised. The organisation's id is left as it is: the changes this app
 * saved are kept under it.
 */
export function normaliseTenant(tenant: Tenant): Tenant {
	const local = tenant['x-local'];
	return sameUnlessChanged(tenant, {
		subscribedSkus: each(tenant.subscribedSkus, sku =>
			sameUnlessChanged(sku, {
				skuId: normaliseId(sku.skuId),
				servicePlans: each(sku.servicePlans, plan => sameUnlessChanged(plan, {servicePlanId: normaliseId(plan.servicePlanId)})),
				subscriptionIds: ids(sku.subscriptionIds),
			}),
		),
		subscriptions: each(tenant.subscriptions, subscription =>
			sameUnlessChanged(subscription, {
				id: normaliseId(subscription.id),
				skuId: normaliseId(subscription.skuId),
				commerceSubscriptionId: subscription.commerceSubscriptionId && normaliseId(subscription.commerceSubscriptionId),
				ownerId: subscription.ownerId && normaliseId(subscription.ownerId),
			}),
		),
		users: each(tenant.users, normaliseUser),
		groups: each(tenant.groups, group =>
			sameUnlessChanged(group, {
				id: normaliseId(group.id),
				assignedLicenses: group.assignedLicenses && each(group.assignedLicenses, license),
				members: ids(group.members),
			}),
		),
		directoryRoles: each(tenant.directoryRoles, role =>
			sameUnlessChanged(role, {roleTemplateId: normaliseId(role.roleTemplateId), members: ids(role.members)}),
		),
		'x-local': local && extras(local),
	});
}
