// A change the app made, as it is kept in the state directory and replayed over the tenant's source
// (the demo or a snapshot file, which are never modified).
import type {Tenant} from './model.js';
import type {UserOutcome} from './plan.js';

export interface LicenseChange {
	time: string;
	userId: string;
	add: string[];
	remove: string[];
}

/** The changes that outcomes stand for: one per user, all of that user's products together. */
export function changesFromOutcomes(outcomes: readonly UserOutcome[], time: string): LicenseChange[] {
	const byUser = new Map<string, LicenseChange>();
	for (const outcome of outcomes) {
		if (outcome.outcome !== 'removed' && outcome.outcome !== 'assigned') continue;
		let change = byUser.get(outcome.userId);
		if (!change) byUser.set(outcome.userId, (change = {time, userId: outcome.userId, add: [], remove: []}));
		(outcome.outcome === 'assigned' ? change.add : change.remove).push(outcome.skuId);
	}
	return [...byUser.values()];
}

/**
 * Applies changes to a tenant (an Immer draft or a fresh copy), as Entra ID would: a removed direct
 * assignment goes, but a license the user also holds through a group stays; an added one is direct.
 * Consumed units follow, and the time a license went is kept for the 30-day mailbox window.
 */
export function applyChanges(tenant: Tenant, changes: readonly LicenseChange[]): void {
	if (changes.length === 0) return;
	const users = new Map(tenant.users.map(user => [user.id, user]));
	const skus = new Map(tenant.subscribedSkus.map(sku => [sku.skuId, sku]));
	const extras = (tenant['x-local'] ??= {});
	const removals = (extras.licenseRemovals ??= {});
	for (const change of changes) {
		const user = users.get(change.userId);
		if (!user) continue;
		for (const skuId of change.add) {
			if (user.licenseAssignmentStates.some(s => s.skuId === skuId && s.assignedByGroup === null)) continue;
			user.licenseAssignmentStates.push({skuId, assignedByGroup: null, state: 'Active', error: 'None', disabledPlans: [], lastUpdatedDateTime: change.time});
			if (!user.assignedLicenses.some(l => l.skuId === skuId)) {
				user.assignedLicenses.push({skuId, disabledPlans: []});
				const sku = skus.get(skuId);
				if (sku) sku.consumedUnits += 1;
			}
			// Licensed again: the mailbox window no longer runs.
			const removedAt = removals[user.id];
			if (removedAt) delete removedAt[skuId];
		}
		for (const skuId of change.remove) {
			const hadLicense = user.assignedLicenses.some(l => l.skuId === skuId);
			user.licenseAssignmentStates = user.licenseAssignmentStates.filter(
				state => !(state.skuId === skuId && state.assignedByGroup === null),
			);
			const stillThroughGroup = user.licenseAssignmentStates.some(state => state.skuId === skuId);
			if (hadLicense && !stillThroughGroup) {
				user.assignedLicenses = user.assignedLicenses.filter(l => l.skuId !== skuId);
				const sku = skus.get(skuId);
				if (sku) sku.consumedUnits = Math.max(0, sku.consumedUnits - 1);
				(removals[user.id] ??= {})[skuId] = change.time;
			}
		}
	}
}
