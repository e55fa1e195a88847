// A change the app made, as it is kept in the state directory and replayed over the tenant's source
// (the demo or a snapshot file, which are never modified).
import type {Tenant} from './model.js';
import type {UserOutcome} from './plan.js';

export interface LicenseChange {
	time: string;
	action: 'unassign';
	userId: string;
	skuIds: string[];
}

/** The changes that removed outcomes stand for: one per user, all of that user's products together. */
export function changesFromOutcomes(outcomes: readonly UserOutcome[], time: string): LicenseChange[] {
	const byUser = new Map<string, string[]>();
	for (const outcome of outcomes) {
		if (outcome.outcome !== 'removed') continue;
		const list = byUser.get(outcome.userId) ?? [];
		list.push(outcome.skuId);
		byUser.set(outcome.userId, list);
	}
	return [...byUser].map(([userId, skuIds]) => ({time, action: 'unassign', userId, skuIds}));
}

/**
 * Applies changes to a tenant (an Immer draft or a fresh copy): the direct assignment goes; a license
 * the user also holds through a group stays, as in Entra ID. Consumed units follow.
 */
export function applyChanges(tenant: Tenant, changes: readonly LicenseChange[]): void {
	if (changes.length === 0) return;
	const users = new Map(tenant.users.map(user => [user.id, user]));
	const skus = new Map(tenant.subscribedSkus.map(sku => [sku.skuId, sku]));
	for (const change of changes) {
		const user = users.get(change.userId);
		if (!user) continue;
		for (const skuId of change.skuIds) {
			const hadLicense = user.assignedLicenses.some(l => l.skuId === skuId);
			user.licenseAssignmentStates = user.licenseAssignmentStates.filter(
				state => !(state.skuId === skuId && state.assignedByGroup === null),
			);
			const stillThroughGroup = user.licenseAssignmentStates.some(state => state.skuId === skuId);
			if (hadLicense && !stillThroughGroup) {
				user.assignedLicenses = user.assignedLicenses.filter(l => l.skuId !== skuId);
				const sku = skus.get(skuId);
				if (sku) sku.consumedUnits = Math.max(0, sku.consumedUnits - 1);
				const extras = (tenant['x-local'] ??= {});
				const removals = (extras.licenseRemovals ??= {});
				(removals[user.id] ??= {})[skuId] = change.time;
			}
		}
	}
}
