// Microsoft's ids (skuId, servicePlanId, user, group, subscription and role ids) are GUIDs, which are
// the same id in any case; Graph writes them in lower case, a hand-made snapshot may not. Each tenant
// is normalised once, as it is loaded (a snapshot, the demo, Graph's answers), so everything after
// compares ids with === and Map keys: an upper-case skuId cannot make its holders invisible.
import type {AssignedLicense, LicenseAssignmentState, LocalExtras, Tenant, User} from './model.js';

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A GUID in lower case; anything else (a test's "u1") as it is. */
export function normaliseId(id: string): string {
	return guid.test(id) ? id.toLowerCase() : id;
}

const ids = (list: readonly string[]) => list.map(normaliseId);
const keysNormalised = <T>(record: Record<string, T>) => Object.fromEntries(Object.entries(record).map(([key, value]) => [normaliseId(key), value]));

function license(assigned: AssignedLicense): AssignedLicense {
	return {...assigned, skuId: normaliseId(assigned.skuId), disabledPlans: assigned.disabledPlans && ids(assigned.disabledPlans)};
}

function assignmentState(state: LicenseAssignmentState): LicenseAssignmentState {
	return {
		...state,
		skuId: normaliseId(state.skuId),
		assignedByGroup: state.assignedByGroup && normaliseId(state.assignedByGroup),
		disabledPlans: state.disabledPlans && ids(state.disabledPlans),
	};
}

/** One user as Graph gives it (GET /users, a $batch answer), its ids normalised. */
export function normaliseUser(user: User): User {
	return {
		...user,
		id: normaliseId(user.id),
		assignedLicenses: user.assignedLicenses && user.assignedLicenses.map(license),
		licenseAssignmentStates: user.licenseAssignmentStates && user.licenseAssignmentStates.map(assignmentState),
	};
}

function extras(local: LocalExtras): LocalExtras {
	return {
		...local,
		...(local.mailboxHolds && {mailboxHolds: keysNormalised(local.mailboxHolds)}),
		...(local.lastSignIn && {lastSignIn: keysNormalised(local.lastSignIn)}),
		...(local.licenseRemovals && {
			licenseRemovals: Object.fromEntries(Object.entries(local.licenseRemovals).map(([userId, bySku]) => [normaliseId(userId), keysNormalised(bySku)])),
		}),
		...(local.deletedUsers && {deletedUsers: local.deletedUsers.map(deleted => ({...deleted, user: normaliseUser(deleted.user)}))}),
	};
}

/**
 * The tenant with every id normalised. The organisation's id is left as it is: the changes this app
 * saved are kept under it.
 */
export function normaliseTenant(tenant: Tenant): Tenant {
	const local = tenant['x-local'];
	return {
		...tenant,
		subscribedSkus: tenant.subscribedSkus.map(sku => ({
			...sku,
			skuId: normaliseId(sku.skuId),
			servicePlans: sku.servicePlans.map(plan => ({...plan, servicePlanId: normaliseId(plan.servicePlanId)})),
			subscriptionIds: sku.subscriptionIds && ids(sku.subscriptionIds),
		})),
		subscriptions: tenant.subscriptions.map(subscription => ({
			...subscription,
			id: normaliseId(subscription.id),
			skuId: normaliseId(subscription.skuId),
			commerceSubscriptionId: subscription.commerceSubscriptionId && normaliseId(subscription.commerceSubscriptionId),
			ownerId: subscription.ownerId && normaliseId(subscription.ownerId),
		})),
		users: tenant.users.map(normaliseUser),
		groups: tenant.groups.map(group => ({
			...group,
			id: normaliseId(group.id),
			assignedLicenses: group.assignedLicenses && group.assignedLicenses.map(license),
			members: group.members && ids(group.members),
		})),
		directoryRoles: tenant.directoryRoles.map(role => ({...role, roleTemplateId: normaliseId(role.roleTemplateId), members: ids(role.members)})),
		...(local && {'x-local': extras(local)}),
	};
}
