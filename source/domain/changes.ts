// A change the app made, as it is kept in the state directory and replayed over the tenant's source
// (the demo or a snapshot file, which are never modified).
import type {Tenant} from './model.js';
import {done, type UserOutcome} from './plan.js';

export interface LicenseChange {
	type?: 'licenses';
	time: string;
	userId: string;
	/** Products assigned, or (already held directly) given other apps. */
	add: string[];
	remove: string[];
	/** skuId → the apps (servicePlanIds) turned off, for a product in add; absent: every app on. */
	disabledPlans?: Record<string, string[]>;
}

/** Delete user: the licenses are freed at once; the user can be restored for 30 days. */
export interface UserDeletion {
	type: 'delete';
	time: string;
	userId: string;
}

export interface UserRestore {
	type: 'restore';
	time: string;
	userId: string;
}

export type Change = LicenseChange | UserDeletion | UserRestore;

/** The changes that outcomes stand for: one per user, all of that user's products together. */
export function changesFromOutcomes(outcomes: readonly UserOutcome[], time: string): LicenseChange[] {
	const byUser = new Map<string, LicenseChange>();
	for (const outcome of outcomes) {
		if (!done(outcome.outcome)) continue;
		let change = byUser.get(outcome.userId);
		if (!change) byUser.set(outcome.userId, (change = {time, userId: outcome.userId, add: [], remove: []}));
		(outcome.outcome === 'removed' ? change.remove : change.add).push(outcome.skuId);
		// Apps turned back on are a change too: an update keeps its list even when empty.
		const apps = outcome.disabledPlans ?? [];
		if (outcome.outcome === 'updated' || (outcome.outcome === 'assigned' && apps.length > 0)) (change.disabledPlans ??= {})[outcome.skuId] = apps;
	}
	return [...byUser.values()];
}

/**
 * Applies changes to a tenant (an Immer draft or a fresh copy), as Entra ID would: a removed direct
 * assignment goes, but a license the user also holds through a group stays; an added one is direct.
 * Consumed units follow, and the time a license went is kept for the 30-day mailbox window.
 */
export function applyChanges(tenant: Tenant, changes: readonly Change[]): void {
	if (changes.length === 0) return;
	const users = new Map(tenant.users.map(user => [user.id, user]));
	const skus = new Map(tenant.subscribedSkus.map(sku => [sku.skuId, sku]));
	const extras = (tenant['x-local'] ??= {});
	const removals = (extras.licenseRemovals ??= {});
	for (const change of changes) {
		if (change.type === 'delete' || change.type === 'restore') {
			applyUserChange(tenant, change, users, skus);
			continue;
		}
		const user = users.get(change.userId);
		if (!user) continue;
		for (const skuId of change.add) {
			const disabledPlans = change.disabledPlans?.[skuId] ?? [];
			const license = user.assignedLicenses.find(l => l.skuId === skuId);
			const direct = user.licenseAssignmentStates.find(s => s.skuId === skuId && s.assignedByGroup === null);
			// Held directly already: only its apps change, when the change says which.
			if (direct || (license && user.licenseAssignmentStates.every(s => s.skuId !== skuId))) {
				if (!change.disabledPlans || !(skuId in change.disabledPlans)) continue;
				if (direct) direct.disabledPlans = disabledPlans;
				if (license && !user.licenseAssignmentStates.some(s => s.skuId === skuId && s.assignedByGroup !== null)) license.disabledPlans = disabledPlans;
				continue;
			}
			user.licenseAssignmentStates.push({skuId, assignedByGroup: null, state: 'Active', error: 'None', disabledPlans, lastUpdatedDateTime: change.time});
			if (!license) {
				user.assignedLicenses.push({skuId, disabledPlans});
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

type UserMap = Map<string, Tenant['users'][number]>;
type SkuMap = Map<string, Tenant['subscribedSkus'][number]>;

/** Moves a user to the deleted users (their licenses free at once), or back with their licenses. */
function applyUserChange(tenant: Tenant, change: UserDeletion | UserRestore, users: UserMap, skus: SkuMap): void {
	const extras = (tenant['x-local'] ??= {});
	const deleted = (extras.deletedUsers ??= []);
	if (change.type === 'delete') {
		const user = users.get(change.userId);
		if (!user) return;
		tenant.users = tenant.users.filter(u => u.id !== user.id);
		users.delete(user.id);
		for (const license of user.assignedLicenses) {
			const sku = skus.get(license.skuId);
			if (sku) sku.consumedUnits = Math.max(0, sku.consumedUnits - 1);
		}
		deleted.push({deletedDateTime: change.time, user});
		return;
	}
	const entry = deleted.find(d => d.user.id === change.userId);
	if (!entry) return;
	extras.deletedUsers = deleted.filter(d => d !== entry);
	tenant.users.push(entry.user);
	users.set(entry.user.id, entry.user);
	for (const license of entry.user.assignedLicenses) {
		const sku = skus.get(license.skuId);
		if (sku) sku.consumedUnits += 1;
	}
}
