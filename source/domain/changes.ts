// A change the app made, as it is kept in the state directory and replayed over the tenant's source
// (the demo or a snapshot file, which are never modified).
//
// Changes fold: for each user, only the last change to each product counts, and deleting and
// restoring collapse to where the user ends up. So a history of any length is kept, and replayed,
// as one entry per user touched (`Folded`), and replaying the fold is the same as replaying every
// change in turn. Two rules make that exact: an assignment replaces whatever direct assignment the
// user had (Graph assigns with the plans given, not the old ones), and a product's entry in
// assignedLicenses is derived from the assignment states that remain.
import type {Tenant, User} from './model.js';
import type {UserOutcome} from './plan.js';

export interface LicenseChange {
	type?: 'licenses';
	time: string;
	userId: string;
	add: string[];
	remove: string[];
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

/** What a user's changes amount to, applied in this order: restore, products, delete. */
export interface FoldedUser {
	/** Restored (deleted in the source) at this time; the products below were changed after it. */
	restore?: string;
	/** By skuId: the last change to the product, assigned (add) or unassigned. */
	licenses?: Record<string, {add: boolean; time: string}>;
	/** Deleted at this time, after the product changes. */
	deleted?: string;
}

/** userId → what the changes saved for them amount to. */
export type Folded = Record<string, FoldedUser>;

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

/** Folds changes into `folded` (changed in place, and returned): one pass, no scans. */
export function foldChanges(folded: Folded, changes: readonly Change[]): Folded {
	for (const change of changes) {
		const user = (folded[change.userId] ??= {});
		if (change.type === 'delete') {
			// Deleting a deleted user finds no one.
			user.deleted ??= change.time;
		} else if (change.type === 'restore') {
			if (user.deleted !== undefined) {
				// Back as they were when deleted, with the product changes made before.
				delete user.deleted;
			} else if (user.restore === undefined) {
				// Deleted in the source: any change before the restore found no one.
				user.restore = change.time;
				delete user.licenses;
			}
		} else if (user.deleted === undefined && change.add.length + change.remove.length > 0) {
			const licenses = (user.licenses ??= {});
			for (const skuId of change.add) licenses[skuId] = {add: true, time: change.time};
			for (const skuId of change.remove) licenses[skuId] = {add: false, time: change.time};
		}
		if (Object.keys(user).length === 0) delete folded[change.userId];
	}
	return folded;
}

/** The fold as a list of changes that replays to the same tenant: what a user is shown, or audited. */
export function unfold(folded: Folded): Change[] {
	const changes: Change[] = [];
	for (const [userId, user] of Object.entries(folded)) {
		if (user.restore !== undefined) changes.push({type: 'restore', time: user.restore, userId});
		const byTime = new Map<string, LicenseChange>();
		for (const [skuId, {add, time}] of Object.entries(user.licenses ?? {})) {
			let change = byTime.get(time);
			if (!change) byTime.set(time, (change = {time, userId, add: [], remove: []}));
			(add ? change.add : change.remove).push(skuId);
		}
		changes.push(...[...byTime.values()].sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0)));
		if (user.deleted !== undefined) changes.push({type: 'delete', time: user.deleted, userId});
	}
	return changes;
}

/**
 * Applies changes to a tenant (an Immer draft or a fresh copy), as Entra ID would: a removed direct
 * assignment goes, but a license the user also holds through a group stays; an added one is direct.
 * Consumed units follow, and the time a license went is kept for the 30-day mailbox window.
 */
export function applyChanges(tenant: Tenant, changes: readonly Change[]): void {
	if (changes.length > 0) applyFolded(tenant, foldChanges({}, changes));
}

/** Applies a fold in one pass over the users it names: look-ups by id, one filter for all deletions. */
export function applyFolded(tenant: Tenant, folded: Folded): void {
	const entries = Object.entries(folded);
	if (entries.length === 0) return;
	const extras = (tenant['x-local'] ??= {});
	const skus = new Map(tenant.subscribedSkus.map(sku => [sku.skuId, sku]));
	const units = (skuId: string, delta: number) => {
		const sku = skus.get(skuId);
		if (sku) sku.consumedUnits = Math.max(0, sku.consumedUnits + delta);
	};
	const users = new Map(tenant.users.map(user => [user.id, user]));
	const restoring = entries.some(([, user]) => user.restore !== undefined);
	const deletedById = restoring ? new Map((extras.deletedUsers ?? []).map(entry => [entry.user.id, entry])) : new Map();
	const restored = new Set<string>();
	const deleting: Array<{deletedDateTime: string; user: User}> = [];
	for (const [userId, change] of entries) {
		if (change.restore !== undefined) {
			const entry = deletedById.get(userId);
			if (entry && !users.has(userId)) {
				restored.add(userId);
				tenant.users.push(entry.user);
				users.set(userId, entry.user);
				for (const license of entry.user.assignedLicenses) units(license.skuId, +1);
			}
		}
		const user = users.get(userId);
		if (!user) continue;
		for (const [skuId, {add, time}] of Object.entries(change.licenses ?? {})) applyLicense(tenant, user, skuId, add, time, units);
		if (change.deleted !== undefined) {
			for (const license of user.assignedLicenses) units(license.skuId, -1);
			deleting.push({deletedDateTime: change.deleted, user});
		}
	}
	if (restored.size > 0) extras.deletedUsers = (extras.deletedUsers ?? []).filter(entry => !restored.has(entry.user.id));
	if (deleting.length > 0) {
		const gone = new Set(deleting.map(entry => entry.user.id));
		tenant.users = tenant.users.filter(user => !gone.has(user.id));
		(extras.deletedUsers ??= []).push(...deleting);
	}
}

/** One product for one user: the direct assignment made or taken away, and what follows from it. */
function applyLicense(tenant: Tenant, user: User, skuId: string, add: boolean, time: string, units: (skuId: string, delta: number) => void) {
	const states = user.licenseAssignmentStates.filter(state => !(state.skuId === skuId && state.assignedByGroup === null));
	if (add) states.push({skuId, assignedByGroup: null, state: 'Active', error: 'None', disabledPlans: [], lastUpdatedDateTime: time});
	user.licenseAssignmentStates = states;
	const remaining = states.filter(state => state.skuId === skuId);
	const at = user.assignedLicenses.findIndex(license => license.skuId === skuId);
	if (remaining.length === 0) {
		if (at >= 0) {
			user.assignedLicenses.splice(at, 1);
			units(skuId, -1);
		}
	} else {
		// A plan is off only where every assignment that remains turns it off.
		const [first, ...rest] = remaining.map(state => state.disabledPlans);
		const license = {skuId, disabledPlans: first!.filter(plan => rest.every(plans => plans.includes(plan)))};
		if (at >= 0) user.assignedLicenses[at] = license;
		else {
			user.assignedLicenses.push(license);
			units(skuId, +1);
		}
	}
	// The 30-day mailbox window runs from the time the license went, and stops when it comes back.
	const removals = ((tenant['x-local'] ??= {}).licenseRemovals ??= {});
	if (remaining.length === 0) (removals[user.id] ??= {})[skuId] = time;
	else if (removals[user.id]) {
		delete removals[user.id]![skuId];
		if (Object.keys(removals[user.id]!).length === 0) delete removals[user.id];
	}
}
