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
import {done, type UserOutcome} from './plan.js';
import {extended} from './extended.js';

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

/** Removed from a group: every license the group gave the user goes with it (unless held otherwise). */
export interface GroupLeave {
	type: 'leave-group';
	time: string;
	userId: string;
	groupId: string;
}

export type Change = LicenseChange | UserDeletion | UserRestore | GroupLeave;

/** What a user's changes amount to, applied in this order: restore, products, delete. */
export interface FoldedUser {
	/** Restored (deleted in the source) at this time; the products below were changed after it. */
	restore?: string;
	/** skuId → time: products whose last change assigned them. */
	add?: Record<string, string>;
	/** skuId → the apps (servicePlanIds) that assignment turned off, where it turned any off. */
	apps?: Record<string, string[]>;
	/** skuId → time: products whose last change unassigned them. */
	remove?: Record<string, string>;
	/** groupId → time: groups the user was removed from (their licenses go unless held otherwise). */
	leftGroups?: Record<string, string>;
	/** Deleted at this time, after the product changes. */
	deleted?: string;
}

/** userId → what the changes saved for them amount to (a Map: at 100,000 users an object's keys cost several times more). */
export type Folded = Map<string, FoldedUser>;

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

/** Folds changes into `folded` (changed in place, and returned): one pass, no scans. */
export function foldChanges(folded: Folded, changes: readonly Change[]): Folded {
	for (const change of changes) {
		let user = folded.get(change.userId);
		if (!user) folded.set(change.userId, (user = {}));
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
				delete user.add;
				delete user.apps;
				delete user.remove;
				delete user.leftGroups;
			}
		} else if (change.type === 'leave-group') {
			if (user.deleted === undefined) (user.leftGroups ??= {})[change.groupId] ??= change.time;
		} else if (user.deleted === undefined && change.add.length + change.remove.length > 0) {
			for (const skuId of change.add) {
				(user.add ??= {})[skuId] = change.time;
				if (user.remove) forget(user, 'remove', skuId);
				// An assignment replaces the one before, apps and all.
				const apps = change.disabledPlans?.[skuId] ?? [];
				if (apps.length > 0) (user.apps ??= {})[skuId] = [...apps];
				else if (user.apps) forget(user, 'apps', skuId);
			}
			for (const skuId of change.remove) {
				(user.remove ??= {})[skuId] = change.time;
				if (user.add) forget(user, 'add', skuId);
				if (user.apps) forget(user, 'apps', skuId);
			}
		}
		if (Object.keys(user).length === 0) folded.delete(change.userId);
	}
	return folded;
}

function forget(user: FoldedUser, side: 'add' | 'remove' | 'apps', skuId: string): void {
	const products = user[side]!;
	delete products[skuId];
	for (const _ in products) return;
	delete user[side];
}

/** The fold as a list of changes that replays to the same tenant: what a user is shown, or audited. */
export function unfold(folded: Folded): Change[] {
	const changes: Change[] = [];
	for (const [userId, user] of folded) {
		if (user.restore !== undefined) changes.push({type: 'restore', time: user.restore, userId});
		for (const [groupId, time] of Object.entries(user.leftGroups ?? {})) changes.push({type: 'leave-group', time, userId, groupId});
		const byTime = new Map<string, LicenseChange>();
		for (const side of ['add', 'remove'] as const) {
			for (const [skuId, time] of Object.entries(user[side] ?? {})) {
				let change = byTime.get(time);
				if (!change) byTime.set(time, (change = {time, userId, add: [], remove: []}));
				change[side].push(skuId);
				const apps = side === 'add' ? user.apps?.[skuId] : undefined;
				if (apps) (change.disabledPlans ??= {})[skuId] = [...apps];
			}
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
export function applyChanges(tenant: Tenant, changes: readonly Change[], indexOf?: (userId: string) => number): void {
	if (changes.length > 0) applyFolded(tenant, foldChanges(new Map(), changes), indexOf);
}

/**
 * Applies a fold in one pass: look-ups by id, one filter for all deletions. `indexOf` finds a
 * user's place in tenant.users without a scan of it (an Immer draft of 100,000 users would make a
 * draft of each one it touched); without it, every user is looked up in the fold once.
 */
export function applyFolded(tenant: Tenant, folded: Folded, indexOf?: (userId: string) => number): void {
	if (folded.size === 0) return;
	const extras = (tenant['x-local'] ??= {});
	const removals = (extras.licenseRemovals ??= {});
	const skus = new Map(tenant.subscribedSkus.map(sku => [sku.skuId, sku]));
	const units = (skuId: string, delta: number) => {
		const sku = skus.get(skuId);
		if (sku) sku.consumedUnits = Math.max(0, sku.consumedUnits + delta);
	};
	/** Users brought back by this fold: not where indexOf looks. */
	const restored = new Map<string, User>();
	let present: ((userId: string) => boolean) | undefined;
	let deletedById: Map<string, {deletedDateTime: string; user: User}> | undefined;
	const restore = (userId: string) => {
		deletedById ??= new Map((extras.deletedUsers ?? []).map(entry => [entry.user.id, entry]));
		const entry = deletedById.get(userId);
		if (!entry) return;
		if (!present) {
			if (indexOf) present = id => indexOf(id) >= 0 || restored.has(id);
			else {
				const ids = new Set(tenant.users.map(user => user.id));
				present = id => ids.has(id) || restored.has(id);
			}
		}
		if (present(userId)) return;
		restored.set(userId, entry.user);
		tenant.users.push(entry.user);
		for (const license of entry.user.assignedLicenses) units(license.skuId, +1);
	};
	const deleting: Array<{deletedDateTime: string; user: User}> = [];
	const applyTo = (user: User, change: FoldedUser) => {
		const {add, remove, leftGroups} = change;
		const apps = (skuId: string) => change.apps?.[skuId] ?? [];
		if (leftGroups) {
			// Leaving a group and changing a product of it interleave: in the order they were made, as
			// then the licenses and the time each went come out the same as replaying every change.
			const steps: Array<[string, () => void]> = [];
			for (const groupId in leftGroups) steps.push([leftGroups[groupId]!, () => leaveGroup(tenant, user, groupId, leftGroups[groupId]!, removals, units)]);
			if (add) for (const skuId in add) steps.push([add[skuId]!, () => applyLicense(user, skuId, apps(skuId), add[skuId]!, removals, units)]);
			if (remove) for (const skuId in remove) steps.push([remove[skuId]!, () => applyLicense(user, skuId, null, remove[skuId]!, removals, units)]);
			for (const [, step] of steps.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) step();
		} else {
			if (add) for (const skuId in add) applyLicense(user, skuId, apps(skuId), add[skuId]!, removals, units);
			if (remove) for (const skuId in remove) applyLicense(user, skuId, null, remove[skuId]!, removals, units);
		}
		if (change.deleted !== undefined) {
			for (const license of user.assignedLicenses) units(license.skuId, -1);
			deleting.push({deletedDateTime: change.deleted, user});
		}
	};
	// Restores first: a user brought back is then changed like any other.
	for (const [userId, entry] of folded) if (entry.restore !== undefined) restore(userId);
	if (indexOf) {
		for (const [userId, entry] of folded) {
			const i = indexOf(userId);
			const user = i >= 0 ? tenant.users[i] : restored.get(userId);
			if (user) applyTo(user, entry);
		}
	} else {
		// One look-up per user, and no map of the users: at 100,000 folded users a map costs more than the changes.
		for (const user of tenant.users) {
			const entry = folded.get(user.id);
			if (entry) applyTo(user, entry);
		}
	}
	if (restored.size > 0) extras.deletedUsers = (extras.deletedUsers ?? []).filter(entry => !restored.has(entry.user.id));
	if (deleting.length > 0) {
		const gone = new Set(deleting.map(entry => entry.user.id));
		const places = indexOf ? deleting.map(entry => indexOf(entry.user.id)) : [];
		if (indexOf && places.every(i => i >= 0)) {
			for (const i of places.sort((a, b) => b - a)) tenant.users.splice(i, 1);
		} else tenant.users = tenant.users.filter(user => !gone.has(user.id));
		(extras.deletedUsers ??= []).push(...deleting);
	}
}

/** One product for one user: the direct assignment made or taken away, and what follows from it. */
/** `add`: assigned directly with these apps turned off; null: the direct assignment taken away. */
function applyLicense(
	user: User,
	skuId: string,
	add: readonly string[] | null,
	time: string,
	removals: Record<string, Record<string, string>>,
	units: (skuId: string, delta: number) => void,
) {
	// The user's other assignments of the product (through groups) stay; the direct one is replaced.
	// New lists, never the old ones changed: a tenant read from the snapshot cache shares them, frozen,
	// between users with the same licenses (backends/compact-tenant.ts).
	const states = user.licenseAssignmentStates.filter(state => !(state.skuId === skuId && state.assignedByGroup === null));
	let remaining = 0;
	for (const state of states) if (state.skuId === skuId) remaining++;
	if (add) {
		states.push({skuId, assignedByGroup: null, state: 'Active', error: 'None', disabledPlans: [...add], lastUpdatedDateTime: time});
		remaining++;
	}
	user.licenseAssignmentStates = states;
	const licenses = [...user.assignedLicenses];
	user.assignedLicenses = licenses;
	let at = -1;
	for (let i = 0; i < licenses.length; i++) {
		if (licenses[i]!.skuId === skuId) {
			at = i;
			break;
		}
	}
	if (remaining === 0) {
		if (at >= 0) {
			licenses.splice(at, 1);
			units(skuId, -1);
		}
		mailboxWindowFrom(removals, user.id, skuId, time);
		return;
	}
	const license = {skuId, disabledPlans: disabledByAll(user, skuId)};
	if (at >= 0) licenses[at] = license;
	else {
		licenses.push(license);
		units(skuId, +1);
	}
	// Licensed again: the mailbox window stops.
	const removed = removals[user.id];
	if (removed && skuId in removed) {
		const {[skuId]: _, ...left} = removed;
		let empty = true;
		for (const _ in left) {
			empty = false;
			break;
		}
		if (empty) delete removals[user.id];
		else removals[user.id] = left;
	}
}

/**
 * The 30-day mailbox window runs from the time the license went. A user's windows are replaced,
 * never changed: read from the snapshot cache, users with the same ones share them, frozen.
 */
function mailboxWindowFrom(removals: Record<string, Record<string, string>>, userId: string, skuId: string, time: string): void {
	removals[userId] = extended(removals[userId] ?? {}, {[skuId]: time});
}

/** The user leaves the group: its assignments go, and with them the licenses nothing else gives. */
function leaveGroup(
	tenant: Tenant,
	user: User,
	groupId: string,
	time: string,
	removals: Record<string, Record<string, string>>,
	units: (skuId: string, delta: number) => void,
): void {
	const group = tenant.groups.find(g => g.id === groupId);
	if (group?.members) group.members = group.members.filter(id => id !== user.id);
	const fromGroup = new Set(user.licenseAssignmentStates.filter(state => state.assignedByGroup === groupId).map(state => state.skuId));
	if (fromGroup.size === 0) return;
	user.licenseAssignmentStates = user.licenseAssignmentStates.filter(state => state.assignedByGroup !== groupId);
	const gone = new Set([...fromGroup].filter(skuId => !user.licenseAssignmentStates.some(state => state.skuId === skuId)));
	for (const license of user.assignedLicenses) {
		if (!gone.has(license.skuId)) continue;
		units(license.skuId, -1);
		mailboxWindowFrom(removals, user.id, license.skuId, time);
	}
	user.assignedLicenses = user.assignedLicenses
		.filter(license => !gone.has(license.skuId))
		.map(license => (fromGroup.has(license.skuId) ? {skuId: license.skuId, disabledPlans: disabledByAll(user, license.skuId)} : license));
}

/** A plan is off only where every assignment of the product that the user keeps turns it off. */
function disabledByAll(user: User, skuId: string): string[] {
	let disabled: string[] | null = null;
	for (const state of user.licenseAssignmentStates) {
		if (state.skuId !== skuId) continue;
		disabled = disabled === null ? [...state.disabledPlans] : disabled.filter(plan => state.disabledPlans.includes(plan));
	}
	return disabled ?? [];
}
