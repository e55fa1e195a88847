// The audit log's entries: every change applied, as scripts and support staff read it back.
import type {Tenant} from './model.js';
import type {UserOutcome} from './plan.js';
import {indexTenant} from './selectors.js';

export interface AuditEntry {
	time: string;
	/** The admin the change was made as. */
	actor: string;
	tenantId: string;
	/** reset: a saved change discarded by --reset (reason: what it had done). */
	action: 'unassign' | 'assign' | 'delete-user' | 'restore-user' | 'reset';
	userPrincipalName: string;
	skuId: string | null;
	skuPartNumber: string | null;
	outcome: string;
	reason: string | null;
	/** The change the entry belongs to: one id for all the entries of one change. */
	changeId?: string;
}

/** One entry per user and product of a license change, whatever came of it. */
export function auditEntries(tenant: Tenant, actor: string, time: string, outcomes: readonly UserOutcome[]): AuditEntry[] {
	const {skusById} = indexTenant(tenant);
	return outcomes.map(o => ({
		time,
		actor,
		tenantId: tenant.organization.id,
		// What was asked: a skipped or failed addition is still an assign.
		action: o.requested === 'add' ? 'assign' : 'unassign',
		userPrincipalName: o.userPrincipalName,
		skuId: o.skuId,
		skuPartNumber: skusById.get(o.skuId)?.skuPartNumber ?? null,
		outcome: o.outcome,
		reason: o.reason,
	}));
}
