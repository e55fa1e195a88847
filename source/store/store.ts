// The one store: the tenant as the app shows it, and the outcome of the last change.
// Screens read it through selectors and change it only through these intents.
import {randomUUID} from 'node:crypto';
import {produce} from 'immer';
import {UserError, type TenantBackend} from '../backends/backend.js';
import type {Progress} from '../backends/graph/http.js';
import {auditEntries, groupAuditEntries, type AuditEntry} from '../domain/audit.js';
import {groupSkips, type GroupOutcome, type GroupRemovalPlan} from '../domain/groups.js';
import {applyChanges, applyFolded, changesFromOutcomes, type Change} from '../domain/changes.js';
import type {Tenant, User} from '../domain/model.js';
import {changeCount, skipOutcomes, type LicensePlan, type PlanItem, type UserOutcome} from '../domain/plan.js';
import {adminPermission, deletionBlock, restoreBlock} from '../domain/rules.js';
import {indexTenant, productNameOf} from '../domain/selectors.js';
import {strings} from '../text/index.js';
import {crashPoint, diskReason} from '../fs/durable.js';
import {join} from 'node:path';
import {writePrivateFile} from '../fs/private-files.js';
import type {PendingChange, StateFile} from './state-file.js';

/** Why nothing can be changed while another instance holds the state directory. */
const lockedWords = (holder: string | null) => (holder ? strings.readOnly.locked(holder) : strings.readOnly.lockedStatus);

export interface AppState {
	tenant: Tenant;
	/** The admin the app acts as: the snapshot's signedInUser, or --as. */
	admin: string;
	/** True while a change is being carried out and saved. */
	busy: boolean;
	/** Set while the tenant is being read again from its source. */
	refreshing: boolean;
	/** The tenant shown is a copy kept by an earlier run, read then (ISO time); null once read anew. */
	copyReadAt: string | null;
	/** Why the last reading again failed (null when it did not): said while the copy is shown. */
	refreshError: string | null;
	/** Another instance is changing this state directory: who. Nothing can be changed from here. */
	lockedBy: string | null;
	/** A change that was cut off (the app killed mid-way), found on opening and settled: what came of it. */
	recovered: {time: string; done: number; notDone: number} | null;
	/**
	 * What the app must say once: what --reset discarded, or that a change was saved but its audit
	 * entry could not be written (and why). Set on opening and by each change.
	 */
	notice: string | null;
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
	/**
	 * Deletes a user; refused (with the reason) when the rules say no. `wanted` aborts when the dialog
	 * is closed: a sign-in still waiting for a permission is dropped, and nothing is sent.
	 */
	deleteUser(userId: string, wanted?: AbortSignal): Promise<void>;
	/** Brings a deleted user back, with their licenses, within 30 days. */
	restoreUser(userId: string, wanted?: AbortSignal): Promise<void>;
	/** Reads the deleted users again from a live tenant's source (a file keeps them in the tenant). */
	readDeletedUsers(): Promise<void>;
	/** Removes users from a group, and so the licenses it gives them; refused when the rules say no. */
	removeFromGroup(plan: GroupRemovalPlan, wanted?: AbortSignal): Promise<GroupOutcome[]>;
	/**
	 * Reads the tenant again from its source (r), and shows it. Never rejects: a failure is kept in the
	 * state (refreshError) for the screen to say, and the copy shown stays marked as a copy.
	 */
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
	/** This instance holds the writer lock: it may write the state directory (settle, reset, change). */
	writable?: boolean;
	now?: () => Date;
}

/**
 * Where the changed users are in the list, found in one pass over the plain (not drafted) users:
 * an Immer draft scanned for them would make a draft of every user it passed.
 */
function placesOf(users: readonly Tenant['users'][number][], changes: readonly Change[]): (userId: string) => number {
	const wanted = new Set(changes.map(change => change.userId));
	const places = new Map<string, number>();
	for (let i = 0; i < users.length && places.size < wanted.size; i++) if (wanted.has(users[i]!.id)) places.set(users[i]!.id, i);
	return userId => places.get(userId) ?? -1;
}

/** Loads the tenant from its source and replays the changes saved for it. */
export async function openStore({
	backend,
	stateFile,
	reset = false,
	actAs,
	lockedBy = null,
	writable = lockedBy === null,
	now = () => new Date(),
}: StoreOptions): Promise<Store> {
	// A live tenant already holds every change made to it; a file is replayed over: state.json's
	// changes (unless --reset discards them now), then the journal's after them.
	const replays = backend.kind !== 'graph';
	/** The source with every saved change replayed; the backend may keep it with state.json's replayed. */
	const load = async (): Promise<Tenant> => {
		// Read at each load: a writer's compaction makes another state.json.
		const base = replays && !reset ? stateFile.savedBase : null;
		if (!base) return withJournal(await backend.load(), false);
		// Worth keeping replayed when they touch a twentieth of the users or more.
		const replayBase = (tenant: Tenant) => {
			const folded = base.folded(tenant.organization.id);
			applyFolded(tenant, folded);
			return folded.size * 20 >= tenant.users.length;
		};
		if (backend.loadReplayed) return withJournal(await backend.loadReplayed({hash: base.hash, replay: replayBase}), true);
		const tenant = await backend.load();
		replayBase(tenant);
		return withJournal(tenant, true);
	};
	// The source was just read for this store alone, and not indexed yet: the saved changes are
	// replayed into it in place, which costs far less than a copy at 100,000 users.
	const withJournal = async (tenant: Tenant, withBase: boolean): Promise<Tenant> => {
		if (!replays) return tenant;
		const journal = stateFile.journalFolded(tenant.organization.id);
		// A --reset in the journal discarded state.json's changes: the source again, without them.
		if (journal.reset && withBase) tenant = await backend.load();
		applyFolded(tenant, journal.folded);
		return tenant;
	};

	// A live tenant's cached copy is shown at once (once signed in) and read again behind it.
	const cached = (await backend.cached?.()) ?? null;
	// --reset: the source as it is, for discardSaved to name what it discards.
	const loaded = cached?.tenant ?? (reset && replays ? await backend.load() : await load());
	const tenantId = loaded.organization.id;
	const admin = actAs ?? loaded.signedInUser;
	// Deleted by a saved change or not, the admin is one of the tenant's users. Not through
	// indexTenant: its cache is keyed by the tenant object, which changes below may change in place.
	const wanted = admin.toLowerCase();
	const known = (users: readonly User[]) => users.some(user => user.userPrincipalName.toLowerCase() === wanted);
	if (!known(loaded.users) && !known((loaded['x-local']?.deletedUsers ?? []).map(entry => entry.user))) {
		throw new UserError(
			actAs
				? strings.cli.noSuchAdmin(actAs, loaded.organization.displayName, backend.source)
				: strings.cli.tenantFile(backend.source, strings.cli.signedInUserUnknown(admin)),
			actAs ? 2 : 1,
		);
	}
	if (reset && !writable) throw new UserError(strings.cli.resetLocked(lockedBy));
	let notice: string | null = null;
	if (reset) notice = replays ? discardSaved(stateFile, loaded, tenantId, admin, now) : strings.state.reset.live;
	let state: AppState = {
		tenant: reset && replays ? await withJournal(loaded, false) : loaded,
		admin,
		busy: false,
		refreshing: cached !== null,
		copyReadAt: cached?.readAt ?? null,
		refreshError: null,
		lockedBy,
		recovered: null,
		notice,
	};
	// Only the writer settles a change left half-done, and writes the audit entries still owed.
	if (writable) {
		state = {...state, ...(await settleInterrupted(backend, stateFile, state.tenant, tenantId, now))};
		// Files an older version (or a copy) left readable by others are the user's alone again: said once.
		const said = [notice, stateFile.tighten(), stateFile.settleAudit()].filter(Boolean);
		if (said.length > 0) state = {...state, notice: said.join(' ')};
	}
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
	/**
	 * Carries a change out through the backend, saves what it did, then shows it: in that order. The
	 * state is the truth: once the outcome is saved it is reported, even if the audit log could not be
	 * written (the notice says so).
	 */
	const commit = async <T>(
		id: string,
		carryOut: () => Promise<T>,
		changesOf: (result: T, time: string) => Change[],
		auditOf: (result: T, time: string) => AuditEntry[],
		/** Aborted: the change was stopped (Ctrl-C, SIGTERM, SIGHUP): nothing more is asked of the backend, not even a read. */
		stopped?: AbortSignal,
	): Promise<T> => {
		if (state.lockedBy || !writable) throw new Error(lockedWords(state.lockedBy));
		set({...state, busy: true, notice: null});
		try {
			const result = await carryOut();
			crashPoint('after-send');
			const time = now().toISOString();
			const changes = changesOf(result, time);
			let notice: string | null;
			try {
				notice = stateFile.commit({id, tenantId, time, changes: replays ? changes : [], audit: auditOf(result, time)});
			} catch (error) {
				// Microsoft 365 made the change whether or not it is recorded here: the next start reads
				// each user's standing and records it. A file tenant's change is only what is saved.
				if (replays || !(error instanceof UserError)) throw error;
				notice = strings.state.notRecorded(diskReason(error), stateFile.dir);
			}
			let tenant = produce(state.tenant, draft => applyChanges(draft, changes, placesOf(state.tenant.users, changes)));
			if (backend.refreshUsers && changes.length > 0 && !stopped?.aborted) {
				try {
					const fresh = new Map((await backend.refreshUsers(changes.map(c => c.userId))).map(user => [user.id, user]));
					tenant = produce(tenant, draft => {
						draft.users = draft.users.map(user => fresh.get(user.id) ?? user);
					});
				} catch (error) {
					// The change is saved and shown as made; only the read-back failed, and that is said.
					notice = [notice, strings.refresh.afterChange((error as Error).message)].filter(Boolean).join(' ');
				}
			}
			set({...state, tenant, busy: false, notice});
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
		saveCommands: (name, text) => writePrivateFile(join(stateFile.dir, 'commands', name), text, {ownFolder: true}),
		async refresh() {
			set({...state, refreshing: true, refreshError: null});
			try {
				set({...state, tenant: await load(), refreshing: false, copyReadAt: null});
			} catch (error) {
				set({...state, refreshing: false, refreshError: (error as Error).message});
			}
		},
		async deleteUser(userId, wanted) {
			const user = indexTenant(state.tenant).usersById.get(userId);
			if (!user) throw new Error(`No user ${userId}.`);
			const block = deletionBlock(state.tenant, state.admin, user);
			if (block) throw new Error(strings.deleteUser.blocked[block]);
			await commit(
				randomUUID(),
				() => backend.deleteUser(state.tenant, userId, wanted),
				(_, time) => [{type: 'delete', time, userId}],
				(_, time) => [userAudit(time, 'delete-user', user.userPrincipalName, 'deleted')],
			);
		},
		async restoreUser(userId, wanted) {
			const entry = state.tenant['x-local']?.deletedUsers?.find(d => d.user.id === userId);
			if (!entry) throw new Error(`No deleted user ${userId}.`);
			const block = restoreBlock(state.tenant, entry, now());
			if (block) throw new Error(block.reason === 'expired' ? strings.deleted.expired : strings.deleted.noLicenses(productNameOf(state.tenant, block.skuId)));
			await commit(
				randomUUID(),
				() => backend.restoreUser(state.tenant, userId, wanted),
				(_, time) => [{type: 'restore', time, userId}],
				(_, time) => [userAudit(time, 'restore-user', entry.user.userPrincipalName, 'restored')],
			);
		},
		readDeletedUsers: () => readDeletedUsers(backend, () => state, set),
		async removeFromGroup(plan, wanted) {
			if (!adminPermission(state.tenant, state.admin).allowed) throw new Error(strings.readOnly.status);
			const removable = plan.items.filter(item => !item.block).map(({userId, userPrincipalName}) => ({userId, userPrincipalName}));
			return commit(
				randomUUID(),
				async () => [...(removable.length > 0 ? await backend.removeFromGroup(state.tenant, plan.groupId, removable, wanted) : []), ...groupSkips(plan)],
				(outcomes, time) => outcomes.filter(o => o.outcome === 'removed').map(o => ({type: 'leave-group' as const, time, userId: o.userId, groupId: plan.groupId})),
				(outcomes, time) => groupAuditEntries(state.tenant, state.admin, time, plan, outcomes),
			);
		},
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		async apply(plan, onProgress, signal) {
			// The screens refuse first and say why; this is the guard for every other caller.
			const permission = adminPermission(state.tenant, state.admin);
			if (!permission.allowed) throw new Error(strings.readOnly.status);
			if (state.lockedBy || !writable) throw new Error(lockedWords(state.lockedBy));
			// Written before anything is sent: if the app is killed mid-way, the next start settles it.
			const id = randomUUID();
			stateFile.begin({id, time: now().toISOString(), actor: state.admin, tenantId, items: pendingItems(plan)});
			crashPoint('after-begin');
			const outcomes = await commit(
				id,
				// Begun, so whatever happens every user has an outcome: a send that fails as a whole leaves
				// each one unknown (some may have been carried out), for the next start to read back.
				() => backend.apply(state.tenant, plan, onProgress, signal).catch((error: Error) => unknownOutcomes(plan, error.message)),
				changesFromOutcomes,
				(result, time) => auditEntries(state.tenant, state.admin, time, result),
				signal,
			);
			// Sent, and the answer lost: begun again, as a change cut off is, so the next start reads
			// those users back and records what was done.
			const unknown = new Set(outcomes.filter(o => o.outcome === 'unknown').map(o => o.userId));
			if (unknown.size > 0) {
				stateFile.begin({
					id: randomUUID(),
					time: now().toISOString(),
					actor: state.admin,
					tenantId,
					items: pendingItems(plan).filter(item => unknown.has(item.userId)),
				});
			}
			return outcomes;
		},
	};
}

/** Every change of the plan as unknown (a send that failed as a whole), and the plan's skips as they are. */
function unknownOutcomes(plan: LicensePlan, why: string): UserOutcome[] {
	const unknown = (item: PlanItem, skuId: string, requested: UserOutcome['requested']): UserOutcome => ({
		userId: item.userId,
		userPrincipalName: item.userPrincipalName,
		skuId,
		requested,
		outcome: 'unknown',
		reason: null,
		message: strings.graph.sendFailed(why),
	});
	return [
		...plan.items.flatMap(item => [
			...item.add.map(skuId => unknown(item, skuId, 'add')),
			...(item.update ?? []).map(skuId => unknown(item, skuId, 'update')),
			...item.remove.map(skuId => unknown(item, skuId, 'remove')),
		]),
		...skipOutcomes(plan),
	];
}

/** What each user's request is to do, as the journal keeps it until the outcome is known. */
function pendingItems(plan: LicensePlan): PendingChange['items'] {
	return plan.items
		.filter(item => changeCount(item) > 0)
		.map(({userId, userPrincipalName, add, remove, update, disabledPlans}) => ({
			userId,
			userPrincipalName,
			add,
			remove,
			...(update?.length ? {update} : {}),
			...(disabledPlans ? {disabledPlans} : {}),
		}));
}

/** A live tenant's deleted users, read when Deleted users opens: they are not read with the tenant. */
async function readDeletedUsers(backend: TenantBackend, get: () => AppState, set: (next: AppState) => void): Promise<void> {
	if (!backend.deletedUsers) return;
	const deleted = await backend.deletedUsers();
	const state = get();
	set({...state, tenant: produce(state.tenant, draft => void ((draft['x-local'] ??= {}).deletedUsers = deleted))});
}

/**
 * Changes whose outcome was never saved (the app was killed while they were sent): how each user
 * stands now says what was done. Done and not-done users go into the audit log, recorded under the
 * change's own id, so a crash while settling never settles it twice.
 */
async function settleInterrupted(
	backend: TenantBackend,
	stateFile: StateFile,
	tenant: Tenant,
	tenantId: string,
	now: () => Date,
): Promise<{tenant: Tenant; recovered: AppState['recovered']}> {
	const interrupted = stateFile.interrupted(tenantId);
	if (interrupted.length === 0) return {tenant, recovered: null};
	let current = tenant;
	if (backend.refreshUsers) {
		const ids = [...new Set(interrupted.flatMap(pending => pending.items.map(item => item.userId)))];
		const fresh = new Map((await backend.refreshUsers(ids)).map(user => [user.id, user]));
		current = produce(tenant, draft => {
			draft.users = draft.users.map(user => fresh.get(user.id) ?? user);
		});
	}
	const {usersById, skusById} = indexTenant(current);
	const time = now().toISOString();
	let done = 0;
	let notDone = 0;
	for (const pending of interrupted) {
		const entries: AuditEntry[] = pending.items.flatMap(item => {
			const user = usersById.get(item.userId);
			const direct = (skuId: string) => user?.licenseAssignmentStates.find(s => s.skuId === skuId && s.assignedByGroup === null);
			const holds = (skuId: string) => direct(skuId) !== undefined;
			// An app change was made when the direct assignment has exactly the apps it was to turn off.
			const appsAsPlanned = (skuId: string) => {
				const planned = new Set(item.disabledPlans?.[skuId] ?? []);
				const now = direct(skuId)?.disabledPlans ?? null;
				return now !== null && now.length === planned.size && now.every(plan => planned.has(plan));
			};
			const entry = (skuId: string, action: 'assign' | 'unassign' | 'change-apps', found: boolean): AuditEntry => ({
				time,
				actor: pending.actor,
				tenantId,
				action,
				userPrincipalName: item.userPrincipalName,
				skuId,
				skuPartNumber: skusById.get(skuId)?.skuPartNumber ?? null,
				outcome: found ? {assign: 'assigned', unassign: 'removed', 'change-apps': 'updated'}[action] : 'failed',
				reason: found ? 'found-after-interruption' : 'interrupted',
			});
			return [
				...item.add.map(skuId => entry(skuId, 'assign', holds(skuId))),
				...item.remove.map(skuId => entry(skuId, 'unassign', !holds(skuId))),
				...(item.update ?? []).map(skuId => entry(skuId, 'change-apps', appsAsPlanned(skuId))),
			];
		});
		// The standing is already what the tenant shows (Graph, or the saved changes): nothing to replay.
		stateFile.commit({id: pending.id, tenantId, time, changes: [], audit: entries});
		const found = entries.filter(e => e.outcome !== 'failed').length;
		done += found;
		notDone += entries.length - found;
	}
	return {tenant: current, recovered: {time: interrupted[0]!.time, done, notDone}};
}

/** --reset: records that everything saved for the tenant is discarded, and what it was. */
function discardSaved(stateFile: StateFile, source: Tenant, tenantId: string, actor: string, now: () => Date): string {
	const discarded = stateFile.changes(tenantId);
	const name = source.organization.displayName;
	if (discarded.length === 0) return strings.state.reset.nothing(name);
	const upns = new Map([...source.users, ...(source['x-local']?.deletedUsers ?? []).map(d => d.user)].map(u => [u.id, u.userPrincipalName]));
	const skusById = new Map(source.subscribedSkus.map(sku => [sku.skuId, sku]));
	const time = now().toISOString();
	const entry = (userId: string, skuId: string | null, what: string): AuditEntry => ({
		time,
		actor,
		tenantId,
		action: 'reset',
		userPrincipalName: upns.get(userId) ?? userId,
		skuId,
		skuPartNumber: skuId ? (skusById.get(skuId)?.skuPartNumber ?? null) : null,
		outcome: 'discarded',
		reason: what,
	});
	const audit = discarded.flatMap(change =>
		change.type === 'delete' || change.type === 'restore'
			? [entry(change.userId, null, change.type === 'delete' ? 'deleted' : 'restored')]
			: change.type === 'leave-group'
				? [{...entry(change.userId, null, 'left-group'), groupId: change.groupId}]
				: [...change.add.map(skuId => entry(change.userId, skuId, 'assigned')), ...change.remove.map(skuId => entry(change.userId, skuId, 'removed'))],
	);
	const problem = stateFile.commit({id: randomUUID(), tenantId, time, changes: [], audit, reset: true});
	const said = strings.state.reset.discarded(audit.length, new Set(discarded.map(c => c.userId)).size, name);
	return problem ? `${said} ${problem}` : said;
}
