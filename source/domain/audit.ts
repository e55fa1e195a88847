// The audit log's entries: every change applied, as scripts and support staff read it back.
import type {Tenant} from './model.js';
import type {UserOutcome} from './plan.js';
import {indexTenant} from './selectors.js';

export interface AuditEntry {
	time: string;
	/** The admin the change was made as. */
	actor: string;
	tenantId: string;
	action: 'unassign' | 'assign' | 'change-apps' | 'delete-user' | 'restore-user';
	userPrincipalName: string;
	skuId: string | null;
	skuPartNumber: string | null;
	outcome: string;
	reason: string | null;
	/** For a product assigned with apps turned off, or whose apps changed: those apps (servicePlanIds). */
	disabledPlans?: string[];
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
	}));
}
