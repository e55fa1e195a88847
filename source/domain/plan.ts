// An unassign plan: for each user, which products are removed and which are skipped, and why.
// Built before anything is changed, so the confirmation shows exactly what will happen.
import type {Tenant} from './model.js';
import {assignmentSources, indexTenant} from './selectors.js';

export type SkipReason = 'not-assigned' | 'group-assigned' | 'self-service-subscription' | 'user-not-found';
export type OutcomeReason = SkipReason | 'error';

export interface PlanSkip {
	skuId: string;
	reason: SkipReason;
	/** For group-assigned: the groups the user holds the product through. */
	groupIds: string[];
}

export interface PlanItem {
	userId: string;
	userPrincipalName: string;
	displayName: string;
	/** Sent to the backend in one request per user, as Graph's assignLicense takes them. */
	remove: string[];
	skip: PlanSkip[];
	/** skuId → groups that keep the user licensed after the direct license goes. */
	keptThroughGroups: Record<string, string[]>;
}

export interface UnassignPlan {
	items: PlanItem[];
}

export interface UserOutcome {
	userId: string;
	userPrincipalName: string;
	skuId: string;
	outcome: 'removed' | 'skipped' | 'failed';
	reason: OutcomeReason | null;
	message: string | null;
}

/** Plan removing the given products from the given users (ids or UPNs). */
export function planUnassign(tenant: Tenant, users: readonly string[], skuIds: readonly string[]): UnassignPlan {
	const index = indexTenant(tenant);
	const items: PlanItem[] = [];
	for (const key of users) {
		const user = index.usersById.get(key) ?? index.usersByUpn.get(key.toLowerCase());
		if (!user) {
			items.push({
				userId: key,
				userPrincipalName: key,
				displayName: key,
				remove: [],
				skip: skuIds.map(skuId => ({skuId, reason: 'user-not-found', groupIds: []})),
				keptThroughGroups: {},
			});
			continue;
		}
		const item: PlanItem = {
			userId: user.id,
			userPrincipalName: user.userPrincipalName,
			displayName: user.displayName,
			remove: [],
			skip: [],
			keptThroughGroups: {},
		};
		for (const skuId of skuIds) {
			const product = index.products.find(p => p.skuId === skuId);
			const sources = assignmentSources(user, skuId);
			if (!sources.direct && sources.groupIds.length === 0) {
				item.skip.push({skuId, reason: 'not-assigned', groupIds: []});
			} else if (product?.selfServiceOwnerId) {
				item.skip.push({skuId, reason: 'self-service-subscription', groupIds: []});
			} else if (!sources.direct) {
				item.skip.push({skuId, reason: 'group-assigned', groupIds: sources.groupIds});
			} else {
				item.remove.push(skuId);
				if (sources.groupIds.length > 0) item.keptThroughGroups[skuId] = sources.groupIds;
			}
		}
		items.push(item);
	}
	return {items};
}

/** Every product each user holds: the admin center's "Unassign all". */
export function planUnassignAll(tenant: Tenant, userIds: readonly string[]): UnassignPlan {
	const index = indexTenant(tenant);
	const plans = userIds.map(id => {
		const user = index.usersById.get(id);
		return planUnassign(tenant, [id], user ? user.assignedLicenses.map(l => l.skuId) : []);
	});
	return {items: plans.flatMap(plan => plan.items)};
}

export function plannedRemovals(plan: UnassignPlan): number {
	return plan.items.reduce((sum, item) => sum + item.remove.length, 0);
}

/** The outcomes a plan's skips stand for, so skipped users are reported beside the ones changed. */
export function skipOutcomes(plan: UnassignPlan): UserOutcome[] {
	return plan.items.flatMap(item =>
		item.skip.map(skip => ({
			userId: item.userId,
			userPrincipalName: item.userPrincipalName,
			skuId: skip.skuId,
			outcome: 'skipped' as const,
			reason: skip.reason,
			message: null,
		})),
	);
}
