// The one store: the tenant as the app shows it, and the outcome of the last change.
// Screens read it through selectors and change it only through these intents.
import {produce} from 'immer';
import {UserError, type TenantBackend} from '../backends/backend.js';
import type {Progress} from '../backends/graph/http.js';
import {auditEntries, type AuditEntry} from '../domain/audit.js';
import {applyChanges, changesFromOutcomes, type Change} from '../domain/changes.js';
import type {Tenant} from '../domain/model.js';
import type {LicensePlan, UserOutcome} from '../domain/plan.js';
import {adminPermission, deletionBlock, restoreBlock} from '../domain/rules.js';
import {indexTenant} from '../domain/selectors.js';
import {dirname, join} from 'node:path';
import {writePrivateFile} from './private-files.js';
import type {StateFile} from './state-file.js';

export interface AppState {
	tenant: Tenant;
	/** The admin the app acts as: the snapshot's signedInUser, or --as. */
	admin: string;
	/** True while a change is being carried out and saved. */
	busy: boolean;
	/** Set while the tenant shown is a cached copy being read again from its source. */
	refreshing: boolean;
	/** Another instance is changing this state directory: who. Nothing can be changed from here. */
	lockedBy: string | null;
	/** A change that was cut off (the app killed mid-way), found on opening and settled: what came of it. */
	recovered: {time: string; done: number; notDone: number} | null;
}

export interface Store {
	getState(): AppState;
	subscribe(listener: () => void): () => void;
	/**
	 * Assigns and unassigns as the plan says (every screen's changes go through here). Resolves after
	 * the outcome is saved, so whoever reports it reports what is on disk. Aborting `signal` stops the
	 * sending; the users not sent yet are reported so.
	 */
	apply(plan: LicensePlan, onProgress?: (progress: Progress) => void, signal?: AbortSignal): Promise<UserOutcome[]>;
	/** Deletes a user; refused (with the reason) when the rules say no. */
	deleteUser(userId: string): Promise<void>;
	/** Brings a deleted user back, with their licenses, within 30 days. */
	restoreUser(userId: string): Promise<void>;
	/** Reads the tenant again from its source (r), and shows it. */
	refresh(): Promise<void>;
	/** Keeps a report in the state directory and says where. */
	saveReport(name: string, text: string): string;
	/** Reports saved since the app started, for the message on leaving. */
	reports(): readonly string[];
	/** Keeps a file of equivalent commands (.ps1, .sh) in the state directory's commands folder; returns its path. */
	saveCommands(name: string, text: string): string;
}

export interface StoreOptions {
	backend: TenantBackend;
	stateFile: StateFile;
	/** Discard the changes saved for this tenant (--reset). */
	reset?: boolean;
	/** Act as this admin (a UPN of the tenant) instead of the tenant's signedInUser. */
	actAs?: string;
	/** Another instance holds the state directory's writer lock: who (the store stays read-only). */
	lockedBy?: string | null;
	now?: () => Date;
}

/** Loads the tenant from its source and replays the changes saved for it. */
export async function openStore({backend, stateFile, reset = false, actAs, lockedBy = null, now = () => new Date()}: StoreOptions): Promise<Store> {
	// A live tenant's cached copy is shown at once and read again behind it.
	const cached = backend.cached?.() ?? null;
	const source = cached ?? (await backend.load());
	const tenantId = source.organization.id;
	const admin = actAs ?? source.signedInUser;
	if (!indexTenant(source).usersByUpn.has(admin.toLowerCase())) {
		throw new UserError(
			actAs
				? `--as ${actAs}: no such user in ${source.organization.displayName} (${backend.source}).`
				: `Tenant file ${backend.source}: "signedInUser" ${admin} is not one of its users.`,
			actAs ? 2 : 1,
		);
	}
	if (reset && lockedBy) throw new UserError(`--reset: ${lockedBy} is changing this state directory; try again when it has finished.`);
	if (reset) stateFile.reset(tenantId);
	// A live tenant already holds every change made to it; a file is replayed over.
	const replays = backend.kind !== 'graph';
	const withSaved = (tenant: Tenant) => (replays ? produce(tenant, draft => applyChanges(draft, stateFile.changes(tenantId))) : tenant);
	let state: AppState = {tenant: withSaved(source), admin, busy: false, refreshing: cached !== null, lockedBy, recovered: null};
	// Only a writer settles a change left half-done: a reader leaves it to the instance that holds the lock.
	if (!lockedBy) state = {...state, ...(await settleInterrupted(backend, stateFile, state.tenant, tenantId, now))};
	const listeners = new Set<() => void>();
	const set = (next: AppState) => {
		state = next;
		for (const listener of listeners) listener();
	};

	const saved: string[] = [];
	const userAudit = (time: string, action: AuditEntry['action'], upn: string, outcome: string): AuditEntry => ({
		time,
		actor: state.admin,
		tenantId,
		action,
		userPrincipalName: upn,
		skuId: null,
		skuPartNumber: null,
		outcome,
		reason: null,
	});
	/** Carries a change out through the backend, saves what it did, then shows it: in that order. */
	const commit = async <T>(
		carryOut: () => Promise<T>,
		changesOf: (result: T, time: string) => Change[],
		auditOf: (result: T, time: string) => AuditEntry[],
	): Promise<T> => {
		if (state.lockedBy) throw new Error(`${state.lockedBy} is changing this state directory.`);
		set({...state, busy: true});
		try {
			const result = await carryOut();
			const time = now().toISOString();
			const changes = changesOf(result, time);
			if (replays) stateFile.append(tenantId, changes);
			stateFile.appendAudit(auditOf(result, time));
			let tenant = produce(state.tenant, draft => applyChanges(draft, changes));
			if (backend.refreshUsers && changes.length > 0) {
				const fresh = new Map((await backend.refreshUsers(changes.map(c => c.userId))).map(user => [user.id, user]));
				tenant = produce(tenant, draft => {
					draft.users = draft.users.map(user => fresh.get(user.id) ?? user);
				});
			}
			set({...state, tenant, busy: false});
			return result;
		} catch (error) {
			set({...state, busy: false});
			throw error;
		}
	};
	return {
		getState: () => state,
		saveReport(name, text) {
			const path = stateFile.saveReport(name, text);
			saved.push(path);
			return path;
		},
		reports: () => saved,
		saveCommands: (name, text) => writePrivateFile(join(dirname(stateFile.path), 'commands'), name, text),
		async refresh() {
			set({...state, refreshing: true});
			try {
				const fresh = await backend.load();
				set({...state, tenant: withSaved(fresh), refreshing: false});
			} catch (error) {
				set({...state, refreshing: false});
				throw error;
			}
		},
		async deleteUser(userId) {
			const user = indexTenant(state.tenant).usersById.get(userId);
			if (!user) throw new Error(`No user ${userId}.`);
			const block = deletionBlock(state.tenant, state.admin, user);
			if (block) throw new Error(`${state.admin} may not delete ${user.userPrincipalName} (${block}).`);
			await commit(
				() => backend.deleteUser(state.tenant, userId),
				(_, time) => [{type: 'delete', time, userId}],
				(_, time) => [userAudit(time, 'delete-user', user.userPrincipalName, 'deleted')],
			);
		},
		async restoreUser(userId) {
			const entry = state.tenant['x-local']?.deletedUsers?.find(d => d.user.id === userId);
			if (!entry) throw new Error(`No deleted user ${userId}.`);
			const block = restoreBlock(state.tenant, entry, now());
			if (block) throw new Error(`${entry.user.userPrincipalName} cannot be restored (${block.reason}).`);
			await commit(
				() => backend.restoreUser(state.tenant, userId),
				(_, time) => [{type: 'restore', time, userId}],
				(_, time) => [userAudit(time, 'restore-user', entry.user.userPrincipalName, 'restored')],
			);
		},
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		async apply(plan, onProgress, signal) {
			// The screens refuse first and say why; this is the guard for every other caller.
			const permission = adminPermission(state.tenant, state.admin);
			if (!permission.allowed) throw new Error(`${state.admin} may not change licenses.`);
			// Written before anything is sent: if the app is killed mid-way, the next start settles it.
			stateFile.pending.write({
				time: now().toISOString(),
				actor: state.admin,
				tenantId,
				items: plan.items
					.filter(item => item.add.length + item.remove.length > 0)
					.map(({userId, userPrincipalName, add, remove}) => ({userId, userPrincipalName, add, remove})),
			});
			const outcomes = await commit(
				() => backend.apply(state.tenant, plan, onProgress, signal),
				changesFromOutcomes,
				(result, time) => auditEntries(state.tenant, state.admin, time, result),
			);
			stateFile.pending.clear();
			return outcomes;
		},
	};
}

/**
 * A change whose outcome was never saved (the app was killed while it was sent): how each user stands
 * now says what was done. Done and not-done users go into the audit log, and the change is cleared.
 */
async function settleInterrupted(
	backend: TenantBackend,
	stateFile: StateFile,
	tenant: Tenant,
	tenantId: string,
	now: () => Date,
): Promise<{tenant: Tenant; recovered: AppState['recovered']}> {
	const pending = stateFile.pending.read();
	if (!pending || pending.tenantId !== tenantId) return {tenant, recovered: null};
	let current = tenant;
	if (backend.refreshUsers) {
		const fresh = new Map((await backend.refreshUsers(pending.items.map(item => item.userId))).map(user => [user.id, user]));
		current = produce(tenant, draft => {
			draft.users = draft.users.map(user => fresh.get(user.id) ?? user);
		});
	}
	const {usersById, skusById} = indexTenant(current);
	const time = now().toISOString();
	const entries: AuditEntry[] = pending.items.flatMap(item => {
		const user = usersById.get(item.userId);
		const holds = (skuId: string) => user?.licenseAssignmentStates.some(s => s.skuId === skuId && s.assignedByGroup === null) ?? false;
		const entry = (skuId: string, action: 'assign' | 'unassign', done: boolean): AuditEntry => ({
			time,
			actor: pending.actor,
			tenantId,
			action,
			userPrincipalName: item.userPrincipalName,
			skuId,
			skuPartNumber: skusById.get(skuId)?.skuPartNumber ?? null,
			outcome: done ? (action === 'assign' ? 'assigned' : 'removed') : 'failed',
			reason: done ? 'found-after-interruption' : 'interrupted',
		});
		return [...item.add.map(skuId => entry(skuId, 'assign', holds(skuId))), ...item.remove.map(skuId => entry(skuId, 'unassign', !holds(skuId)))];
	});
	stateFile.appendAudit(entries);
	stateFile.pending.clear();
	const done = entries.filter(e => e.outcome !== 'failed').length;
	return {tenant: current, recovered: {time: pending.time, done, notDone: entries.length - done}};
}
