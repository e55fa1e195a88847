// What the admin center enforces, as pure functions: who may change licenses, which licenses can
// be removed or added directly, and which add-ons must go with a base product. Every screen, the
// plan and (later) the command line and the Graph backend ask these, so a refusal is explained
// before anything is tried instead of failing afterwards.
import {roleTemplateIds, type DirectoryRole, type Tenant, type User} from './model.js';
import {daysAfter} from './dates.js';
import {assignmentsOf, enabledPlanNames, withoutDirect, type Assignment} from './capabilities.js';
import {servicePlanDependencies} from './dependencies.js';
import {assignmentSources, indexTenant} from './selectors.js';

/** Why a product of a user is left out of a change, before anything is sent. */
export type SkipReason = 'not-assigned' | 'already-assigned' | 'group-assigned' | 'self-service-subscription' | 'user-not-found';

/** The directory roles that may assign and unassign licenses. */
export const licenseRoles: ReadonlyArray<{id: string; name: string}> = [
	{id: roleTemplateIds.globalAdministrator, name: 'Global Administrator'},
	{id: roleTemplateIds.licenseAdministrator, name: 'License Administrator'},
	{id: roleTemplateIds.userAdministrator, name: 'User Administrator'},
];

export type Permission = {allowed: true; roles: string[]} | {allowed: false; roles: string[]; reason: 'no-license-role' | 'not-in-tenant'};

/** May this admin (a UPN) assign and unassign licenses? Their roles are named either way. */
export function adminPermission(tenant: Tenant, upn: string): Permission {
	const admin = indexTenant(tenant).userByUpn(upn);
	if (!admin) return {allowed: false, roles: [], reason: 'not-in-tenant'};
	const held: DirectoryRole[] = tenant.directoryRoles.filter(role => role.members.includes(admin.id));
	const roles = held.map(role => role.displayName);
	return held.some(role => licenseRoles.some(allowed => allowed.id === role.roleTemplateId))
		? {allowed: true, roles}
		: {allowed: false, roles, reason: 'no-license-role'};
}

/**
 * A product bought only through self-service purchase: not the organisation's until an admin takes it
 * over. A product with a company subscription beside a self-service one stays manageable: Graph
 * decides per user (FACTS.md, self-service purchases are per subscription).
 */
export function selfServiceOwner(tenant: Tenant, skuId: string): string | null {
	return indexTenant(tenant).products.find(p => p.skuId === skuId)?.selfServiceOwnerId ?? null;
}

/** Why this license cannot be removed from the user directly, or null when it can. */
export function removalBlock(tenant: Tenant, user: User, skuId: string): {reason: SkipReason; groupIds: string[]} | null {
	const sources = assignmentSources(user, skuId);
	if (!sources.direct && sources.groupIds.length === 0) return {reason: 'not-assigned', groupIds: []};
	if (selfServiceOwner(tenant, skuId)) return {reason: 'self-service-subscription', groupIds: []};
	// Graph: "User license is inherited from a group membership and it cannot be removed directly from the user."
	if (!sources.direct) return {reason: 'group-assigned', groupIds: sources.groupIds};
	return null;
}

/** Why this license cannot be added to the user directly, or null when it can. */
export function additionBlock(tenant: Tenant, user: User, skuId: string): {reason: SkipReason; groupIds: string[]} | null {
	if (assignmentSources(user, skuId).direct) return {reason: 'already-assigned', groupIds: []};
	if (selfServiceOwner(tenant, skuId)) return {reason: 'self-service-subscription', groupIds: []};
	return null;
}

/** The user's own (direct) assignment of a product, with the apps it turns off; null when held only through groups or not at all. */
export function directAssignment(user: User, skuId: string): Assignment | null {
	return assignmentsOf(user).find(a => a.skuId === skuId && a.groupId === null) ?? null;
}

/**
 * Why the apps of this product cannot be turned off or on for the user directly, or null when they
 * can: a group's assignment has its own apps, set on the group; a self-service purchase is the buyer's.
 */
export function appsBlock(tenant: Tenant, user: User, skuId: string): {reason: SkipReason; groupIds: string[]} | null {
	const sources = assignmentSources(user, skuId);
	if (!sources.direct) return {reason: sources.groupIds.length > 0 ? 'group-assigned' : 'not-assigned', groupIds: sources.groupIds};
	if (selfServiceOwner(tenant, skuId)) return {reason: 'self-service-subscription', groupIds: []};
	return null;
}

/**
 * The add-ons that must go with the products being removed, because what they depend on would go:
 * skuId of the add-on → the products it depends on among those removed. What the user keeps counts
 * with each assignment's own disabled plans, through groups as well. Repeats until nothing more
 * falls, for add-ons of add-ons.
 */
export function dependentAddOns(tenant: Tenant, user: User, removing: readonly string[]): Map<string, string[]> {
	const {skusById} = indexTenant(tenant);
	const assignments = assignmentsOf(user);
	const allPlans = (skuId: string) => (skusById.get(skuId)?.servicePlans ?? []).map(plan => plan.servicePlanName);
	const gone = new Set(removing);
	const dependents = new Map<string, string[]>();
	for (let changed = true; changed;) {
		changed = false;
		const kept = withoutDirect(assignments, [...gone]);
		for (const addOn of new Set(kept.filter(a => a.groupId === null).map(a => a.skuId))) {
			const own = kept.filter(a => a.skuId === addOn);
			// Each dependent plan needs one of its bases.
			const needs = own.flatMap(a => enabledPlanNames(a, skusById)).flatMap(plan => (servicePlanDependencies[plan] ? [servicePlanDependencies[plan]] : []));
			// A product that carries its base itself (Business Premium: Plan 1 beside its archive) needs no other.
			const enabled = new Set(kept.flatMap(a => enabledPlanNames(a, skusById)));
			if (needs.every(anyOf => anyOf.some(plan => enabled.has(plan)))) continue;
			// Only a removal makes an add-on fall; one that never had its base is not ours to fix.
			const bases = [...gone].filter(base => allPlans(base).some(plan => needs.some(anyOf => anyOf.includes(plan))));
			if (bases.length > 0) {
				dependents.set(addOn, bases);
				gone.add(addOn);
				changed = true;
			}
		}
	}
	return dependents;
}

/**
 * The apps left on without any of the plans they depend on, across all the given assignments: what
 * Graph refuses with "service plan X depends on the service plan(s) Y". Each as the product it is
 * in and the plan's name.
 */
export function unmetDependencies(tenant: Tenant, assignments: readonly Assignment[]): Array<{skuId: string; plan: string}> {
	const {skusById} = indexTenant(tenant);
	const enabled = assignments.map(a => ({skuId: a.skuId, plans: enabledPlanNames(a, skusById)}));
	const all = new Set(enabled.flatMap(e => e.plans));
	return enabled.flatMap(({skuId, plans}) =>
		plans.filter(plan => servicePlanDependencies[plan] && !servicePlanDependencies[plan].some(base => all.has(base))).map(plan => ({skuId, plan})),
	);
}

/** Roles that may delete and restore users: the Global Administrator and the User Administrator. */
const userRoles = [roleTemplateIds.globalAdministrator, roleTemplateIds.userAdministrator] as const;

export type DeletionBlock = 'no-user-role' | 'self' | 'privileged';

/**
 * Why this admin may not delete this user, or null. A License Administrator manages licenses only;
 * a user who holds an admin role can be deleted only by a Global Administrator.
 */
export function deletionBlock(tenant: Tenant, adminUpn: string, user: User): DeletionBlock | null {
	const admin = indexTenant(tenant).userByUpn(adminUpn);
	if (!admin) return 'no-user-role';
	if (admin.id === user.id) return 'self';
	const rolesOf = (id: string) => tenant.directoryRoles.filter(role => role.members.includes(id)).map(role => role.roleTemplateId);
	const adminRoles = rolesOf(admin.id);
	if (!adminRoles.some(role => (userRoles as readonly string[]).includes(role))) return 'no-user-role';
	if (rolesOf(user.id).length > 0 && !adminRoles.includes(roleTemplateIds.globalAdministrator)) return 'privileged';
	return null;
}

/** Deleted users can be restored for this many days. */
export const deletedUserRetentionDays = 30;

/** The last moment a user deleted at that time can be restored. */
export function restorableUntil(deletedAt: string | Date): Date {
	return daysAfter(deletedAt, deletedUserRetentionDays);
}

export type RestoreBlock = {reason: 'expired'} | {reason: 'no-licenses'; skuId: string};

/** Why a deleted user cannot be restored now, or null: past the 30 days, or their licenses are taken. */
export function restoreBlock(tenant: Tenant, entry: {deletedDateTime: string; user: User}, now: Date): RestoreBlock | null {
	if (now > restorableUntil(entry.deletedDateTime)) return {reason: 'expired'};
	const {products} = indexTenant(tenant);
	for (const license of entry.user.assignedLicenses) {
		const product = products.find(p => p.skuId === license.skuId);
		if (product && product.available < 1) return {reason: 'no-licenses', skuId: license.skuId};
	}
	return null;
}
