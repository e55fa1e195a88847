// The audit log's entries: every change applied, as scripts and support staff read it back.
import type {DependencyRefusal} from './dependencies.js';
import type {Tenant} from './model.js';
import type {UserOutcome} from './plan.js';
import type {GroupOutcome, GroupRemovalPlan} from './groups.js';
import {indexTenant} from './selectors.js';

export interface AuditEntry {
	time: string;
	/** The admin the change was made as. */
	actor: string;
	tenantId: string;
	/** reset: a saved change discarded by --reset (reason: what it had done). */
	action: 'unassign' | 'assign' | 'change-apps' | 'delete-user' | 'restore-user' | 'reset' | 'remove-from-group';
	userPrincipalName: string;
	skuId: string | null;
	skuPartNumber: string | null;
	outcome: string;
	reason: string | null;
	/** The change the entry belongs to: one id for all the entries of one change. */
	changeId?: string;
	/** remove-from-group: the group the user was removed from. */
	groupId?: string;
	/** For a product assigned with apps turned off, or whose apps changed: those apps (servicePlanIds). */
	disabledPlans?: string[];
	/** Refused because a dependent plan would lose its base: the plans Graph named, so the app's table of dependencies can be extended. */
	dependency?: DependencyRefusal;
}

/** One entry per user and product of a license change, whatever came of it. */
export function auditEntries(tenant: Tenant, actor: string, time: string, outcomes: readonly UserOutcome[]): AuditEntry[] {
	const {skusById} = indexTenant(tenant);
	return outcomes.map(o => ({
		time,
		actor,
		tenantId: tenant.organization.id,
		// What was asked: a skipped or failed addition is still an assign.
		action: ({add: 'assign', remove: 'unassign', update: 'change-apps'} as const)[o.requested],
		userPrincipalName: o.userPrincipalName,
		skuId: o.skuId,
		skuPartNumber: skusById.get(o.skuId)?.skuPartNumber ?? null,
		outcome: o.outcome,
		reason: o.reason,
		...(o.requested === 'update' || o.disabledPlans?.length ? {disabledPlans: o.disabledPlans ?? []} : {}),
		...(o.dependency ? {dependency: o.dependency} : {}),
	}));
}

/** Removals from a group: an entry per product the group gave each user (one, without, if none). */
export function groupAuditEntries(tenant: Tenant, actor: string, time: string, plan: GroupRemovalPlan, outcomes: readonly GroupOutcome[]): AuditEntry[] {
	const {skusById} = indexTenant(tenant);
	const items = new Map(plan.items.map(item => [item.userId, item]));
	return outcomes.flatMap(o => {
		const products = items.get(o.userId)?.products ?? [];
		return (products.length > 0 ? products : [null]).map(skuId => ({
			time,
			actor,
			tenantId: tenant.organization.id,
			action: 'remove-from-group' as const,
			userPrincipalName: o.userPrincipalName,
			skuId,
			skuPartNumber: skuId ? (skusById.get(skuId)?.skuPartNumber ?? null) : null,
			outcome: o.outcome,
			reason: o.reason,
			groupId: o.groupId,
		}));
	});
}
