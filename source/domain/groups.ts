// Group-based licenses: a license held only through a group cannot be removed from the user, but the
// user can leave the group. Leaving takes every product the group assigns them, so what they lose is
// asked of the same consequences engine: their assignments now, against the same without that group's.
// A group whose members a rule decides (dynamic membership) cannot be changed by hand (Microsoft Graph,
// "Remove member": "You can't remove a member from groups with dynamic memberships").
import {assignmentsOf} from './capabilities.js';
import {consequencesAfter, type UserConsequences} from './consequences.js';
import type {Group, Tenant, User} from './model.js';
import {indexTenant} from './selectors.js';

export type GroupRemovalReason = 'dynamic-membership' | 'not-a-member' | 'user-not-found';

export interface GroupRemovalItem {
	userId: string;
	userPrincipalName: string;
	displayName: string;
	/** Why the user cannot be removed from the group; null when they can. */
	block: GroupRemovalReason | null;
	/** Every product the group assigns the user. */
	products: string[];
	/** Of those, the ones the user still holds afterwards (directly or through another group). */
	kept: string[];
}

export interface GroupRemovalPlan {
	groupId: string;
	items: GroupRemovalItem[];
}

/** What became of one user's removal from the group. */
export interface GroupOutcome {
	userId: string;
	userPrincipalName: string;
	groupId: string;
	/** failed: refused; not-sent: never sent; unknown: sent, and the answer lost. */
	outcome: 'removed' | 'skipped' | 'failed' | 'not-sent' | 'unknown';
	reason: GroupRemovalReason | 'error' | null;
	message: string | null;
}

/** A rule decides the members: they cannot be added or removed by hand. */
export const isDynamic = (group: Pick<Group, 'groupTypes'> | undefined): boolean =>
	group?.groupTypes?.some(type => type.toLowerCase() === 'dynamicmembership') ?? false;

/** The groups the user holds licenses through, each with the products it gives them. */
export function licensingGroups(user: User): Map<string, string[]> {
	const groups = new Map<string, string[]>();
	for (const state of user.licenseAssignmentStates) {
		if (state.assignedByGroup) groups.set(state.assignedByGroup, [...new Set([...(groups.get(state.assignedByGroup) ?? []), state.skuId])]);
	}
	return groups;
}

/** A group by id, or by display name in any case. */
export function findGroup(tenant: Tenant, given: string): Group | undefined {
	const needle = given.trim().toLowerCase();
	return tenant.groups.find(g => g.id.toLowerCase() === needle) ?? tenant.groups.find(g => g.displayName.toLowerCase() === needle);
}

/** The plan for a name that matches nobody: blocked, user-not-found. */
export const notFoundMember = (key: string): GroupRemovalItem => ({
	userId: key,
	userPrincipalName: key,
	displayName: key,
	block: 'user-not-found',
	products: [],
	kept: [],
});

/** Plan removing these users (ids or UPNs) from the group: who can leave it, and what goes with it. */
export function planGroupRemoval(tenant: Tenant, groupId: string, users: readonly string[]): GroupRemovalPlan {
	const {usersById, usersByUpn} = indexTenant(tenant);
	const group = tenant.groups.find(g => g.id === groupId);
	return {
		groupId,
		items: users.map((key): GroupRemovalItem => {
			const user = usersById.get(key) ?? usersByUpn.get(key.toLowerCase());
			if (!user) return notFoundMember(key);
			const products = licensingGroups(user).get(groupId) ?? [];
			const after = assignmentsOf(user).filter(a => a.groupId !== groupId);
			const member = products.length > 0 || (group?.members ?? []).includes(user.id);
			return {
				userId: user.id,
				userPrincipalName: user.userPrincipalName,
				displayName: user.displayName,
				block: isDynamic(group) ? 'dynamic-membership' : member ? null : 'not-a-member',
				products,
				kept: products.filter(skuId => after.some(a => a.skuId === skuId)),
			};
		}),
	};
}

/** What one user loses by leaving the group: every assignment they keep, direct and through other groups. */
export function groupRemovalConsequences(tenant: Tenant, groupId: string, item: GroupRemovalItem, now: Date): UserConsequences {
	const user = indexTenant(tenant).usersById.get(item.userId);
	const who = {id: item.userId, userPrincipalName: item.userPrincipalName, displayName: item.displayName};
	const before = user ? assignmentsOf(user) : [];
	return consequencesAfter(
		tenant,
		who,
		before,
		before.filter(a => a.groupId !== groupId),
		now,
	);
}

/** The plan's users who can leave, as outcomes for the ones who cannot (skipped, with the reason). */
export function groupSkips(plan: GroupRemovalPlan): GroupOutcome[] {
	return plan.items.flatMap(item =>
		item.block
			? [
					{
						userId: item.userId,
						userPrincipalName: item.userPrincipalName,
						groupId: plan.groupId,
						outcome: 'skipped' as const,
						reason: item.block,
						message: null,
					},
				]
			: [],
	);
}
