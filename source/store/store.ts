// The one store: the tenant as the app shows it, and the outcome of the last change.
// Screens read it through selectors and change it only through these intents.
import {randomUUID} from 'node:crypto';
import {produce} from 'immer';
import {UserError} from '../errors.js';
import {type TenantBackend} from '../backends/backend.js';
import type {Progress} from '../domain/progress.js';
import {auditEntries, groupAuditEntries, type AuditEntry} from '../domain/audit.js';
import {groupSkips, type GroupOutcome, type GroupRemovalPlan} from '../domain/groups.js';
import {applyChanges, changesFromOutcomes, type Change} from '../domain/changes.js';
import type {Tenant} from '../domain/model.js';
import type {LicensePlan, UserOutcome} from '../domain/plan.js';
import {adminPermission, deletionBlock, restoreBlock} from '../domain/rules.js';
import {indexTenant, productNameOf} from '../domain/selectors.js';
import {strings} from '../text/index.js';
import {crashPoint, diskReason} from '../fs/durable.js';
import {join} from 'node:path';
import {writePrivateFile} from '../fs/private-files.js';
import {knowsAdmin, tenantLoader, type TenantLoader} from './load.js';
import {staleness} from '../domain/stale.js';
import {discardSaved, pendingItems, settleInterrupted, unknownOutcomes, type Recovered} from './settle.js';
import type {StateFile} from './state-file.js';

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
	/** A change that was cut off (the app killed mid-way), found on opening and settled: what came of it. */
	recovered: Recovered | null;
	/**
	 * What the app must say once: what --reset discarded, or that a change made in Microsoft 365 could
	 * not be recorded here (and why). Set on opening and by each change.
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
	/**
	 * The writer lock for the opening's own writing (a change cut off settled, --reset, files made
	 * private), taken once the tenant is read; who holds it when it cannot be had (then nothing of
	 * that is done, and a --reset is refused); null when there is nothing to write.
	 */
	openingLock?: () => Promise<{release: () => void} | {heldBy: string} | null>;
	/**
	 * The state directory's writer lock, taken for each change and let go after it (never while the
	 * app sits open): resolves to what lets it go, or rejects (a UserError) naming who holds it.
	 * Without it (and without openingLock) the store writes as the directory's only user.
	 */
	writer?: {take(): Promise<() => void>};
	now?: () => Date;
	/**
	 * A command that makes one change and ends: the tenant is not brought up to date after it (no
	 * one reads it again), which at 10,000 users saves a copy of the tenant and a read-back.
	 */
	oneShot?: boolean;
	/** What the opening must say once, before anything else (the state moved to its new place). */
	notice?: string | null;
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

/** A store that is the state directory's only user (a test's, a benchmark's) needs no lock. */
const alone = {take: async () => () => {}, opening: async () => ({release: () => {}})};

/** The state the store opens with: the tenant loaded, the admin checked, --reset and cut-off changes settled. */
async function openingState(
	{backend, stateFile, reset = false, actAs, openingLock, now = () => new Date(), notice: given = null}: StoreOptions,
	loader: TenantLoader,
): Promise<AppState> {
	const {replays} = loader;
	// A live tenant's cached copy is shown at once (once signed in) and read again behind it.
	const cached = (await backend.cached?.()) ?? null;
	// --reset: the source as it is, for discardSaved to name what it discards.
	const read = async () => cached?.tenant ?? (reset && replays ? await backend.load() : await loader.load());
	let loaded = await read();
	// Taken once the tenant is read (a sign-in may take minutes): the opening's writing needs it.
	const lock = await (openingLock ?? alone.opening)();
	const writable = lock !== null && 'release' in lock;
	try {
		// Saved by another process while this one read: read again, with it.
		if (writable && stateFile.catchUp()) loaded = await read();
		return await openWith(loaded);
	} finally {
		if (writable) lock.release();
	}

	async function openWith(loaded: Tenant): Promise<AppState> {
		const tenantId = loaded.organization.id;
		const admin = actAs ?? loaded.signedInUser;
		if (!knowsAdmin(loaded, admin)) {
			throw new UserError(
				actAs
					? strings.cli.noSuchAdmin(actAs, loaded.organization.displayName, backend.source)
					: strings.cli.tenantFile(backend.source, strings.cli.signedInUserUnknown(admin)),
				actAs ? 2 : 1,
			);
		}
		if (reset && !writable) throw new UserError(strings.cli.resetLocked(lock && 'heldBy' in lock ? lock.heldBy : null));
		const discarded = reset ? (replays ? discardSaved(stateFile, loaded, tenantId, admin, now) : strings.state.reset.live) : null;
		let state: AppState = {
			tenant: reset && replays ? await loader.withJournal(loaded, false) : loaded,
			admin,
			busy: false,
			refreshing: cached !== null,
			copyReadAt: cached?.readAt ?? null,
			refreshError: null,
			recovered: null,
			notice: null,
		};
		// Only the writer settles a change left half-done, and takes back what others may read.
		const tightened = writable ? stateFile.tighten() : null;
		if (writable) state = {...state, ...(await settleInterrupted(backend, stateFile, state.tenant, tenantId, now))};
		// Said once: what the opening moved, what --reset discarded, files made the user's alone again.
		const said = [given, discarded, tightened].filter(Boolean);
		return said.length > 0 ? {...state, notice: said.join(' ')} : state;
	}
}

type ChangeSteps<T> = [
	id: string,
	carryOut: () => Promise<T>,
	changesOf: (result: T, time: string) => Change[],
	auditOf: (result: T, time: string) => AuditEntry[],
	/** Aborted: the change was stopped (Ctrl-C, SIGTERM, SIGHUP): nothing more is asked of the backend, not even a read. */
	stopped?: AbortSignal,
];

interface ChangeContext extends Required<Pick<StoreOptions, 'backend' | 'stateFile' | 'oneShot' | 'now'>> {
	replays: boolean;
	tenantId: string;
	get: () => AppState;
	set: (next: AppState) => void;
}

/**
 * Carries a change out through the backend, saves what it did (the outcome and its audit entries,
 * in one journal line), then shows it: in that order. Once the outcome is saved it is reported.
 */
async function saveAndShow<T>(
	{backend, stateFile, replays, oneShot, now, tenantId, get, set}: ChangeContext,
	...[id, carryOut, changesOf, auditOf, stopped]: ChangeSteps<T>
): Promise<T> {
	set({...get(), busy: true, notice: null});
	try {
		const result = await carryOut();
		crashPoint('after-send');
		const time = now().toISOString();
		const changes = changesOf(result, time);
		let notice: string | null = null;
		try {
			stateFile.commit({id, tenantId, time, changes: replays ? changes : [], audit: auditOf(result, time)});
		} catch (error) {
			// Microsoft 365 made the change whether or not it is recorded here: the next start reads
			// each user's standing and records it. A file tenant's change is only what is saved.
			if (replays || !(error instanceof UserError)) throw error;
			notice = strings.state.notRecorded(diskReason(error), stateFile.dir);
		}
		// A command that makes one change never shows the tenant again: it is left as it was read.
		if (oneShot) {
			set({...get(), busy: false, notice});
			return result;
		}
		const before = get().tenant;
		let tenant = produce(before, draft => applyChanges(draft, changes, placesOf(before.users, changes)));
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
		set({...get(), tenant, busy: false, notice});
		return result;
	} catch (error) {
		set({...get(), busy: false});
		throw error;
	}
}

/** Loads the tenant from its source and replays the changes saved for it. */
export async function openStore(options: StoreOptions): Promise<Store> {
	const {backend, stateFile, now = () => new Date(), oneShot = false} = options;
	const loader = tenantLoader(backend, stateFile);
	const {replays} = loader;
	const load = () => loader.load(options.reset);
	let state = await openingState(options, loader);
	const tenantId = state.tenant.organization.id;
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
	const {writer = alone} = options;
	const commit = <T>(...args: ChangeSteps<T>) => saveAndShow({backend, stateFile, replays, oneShot, now, tenantId, get: () => state, set}, ...args);
	const underLock = lockedChanges({writer, stateFile, backend, load: replays ? load : null, get: () => state, set});

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
			await underLock([userId], new Map(), () =>
				commit(
					randomUUID(),
					() => backend.deleteUser(state.tenant, userId, wanted),
					(_, time) => [{type: 'delete', time, userId}],
					(_, time) => [userAudit(time, 'delete-user', user.userPrincipalName, 'deleted')],
				),
			);
		},
		async restoreUser(userId, wanted) {
			const entry = state.tenant['x-local']?.deletedUsers?.find(d => d.user.id === userId);
			if (!entry) throw new Error(`No deleted user ${userId}.`);
			const block = restoreBlock(state.tenant, entry, now());
			if (block) throw new Error(block.reason === 'expired' ? strings.deleted.expired : strings.deleted.noLicenses(productNameOf(state.tenant, block.skuId)));
			await underLock([], new Map(), () =>
				commit(
					randomUUID(),
					() => backend.restoreUser(state.tenant, userId, wanted),
					(_, time) => [{type: 'restore', time, userId}],
					(_, time) => [userAudit(time, 'restore-user', entry.user.userPrincipalName, 'restored')],
				),
			);
		},
		readDeletedUsers: () => readDeletedUsers(backend, () => state, set),
		async removeFromGroup(plan, wanted) {
			if (!adminPermission(state.tenant, state.admin).allowed) throw new Error(strings.readOnly.status);
			const removable = plan.items.filter(item => !item.block).map(({userId, userPrincipalName}) => ({userId, userPrincipalName}));
			return underLock(
				removable.map(item => item.userId),
				new Map(),
				() =>
					commit(
						randomUUID(),
						async () => [...(removable.length > 0 ? await backend.removeFromGroup(state.tenant, plan.groupId, removable, wanted) : []), ...groupSkips(plan)],
						(outcomes, time) =>
							outcomes.filter(o => o.outcome === 'removed').map(o => ({type: 'leave-group' as const, time, userId: o.userId, groupId: plan.groupId})),
						(outcomes, time) => groupAuditEntries(state.tenant, state.admin, time, plan, outcomes),
					),
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
			const send = {stateFile, backend, tenantId, now, get: () => state, commit};
			return underLock(...touchedBy(plan), () => sendPlan(send, plan, onProgress, signal));
		},
	};
}

/** A license change, under the lock: begun in the journal, sent, and its outcome saved. */
async function sendPlan(
	{
		stateFile,
		backend,
		tenantId,
		now,
		get,
		commit,
	}: {
		stateFile: StateFile;
		backend: TenantBackend;
		tenantId: string;
		now: () => Date;
		get: () => AppState;
		commit: <T>(...args: ChangeSteps<T>) => Promise<T>;
	},
	plan: LicensePlan,
	onProgress?: (progress: Progress) => void,
	signal?: AbortSignal,
): Promise<UserOutcome[]> {
	// Written before anything is sent: if the app is killed mid-way, the next start settles it.
	const id = randomUUID();
	stateFile.begin({id, time: now().toISOString(), actor: get().admin, tenantId, items: pendingItems(plan)});
	crashPoint('after-begin');
	const outcomes = await commit(
		id,
		// Begun, so whatever happens every user has an outcome: a send that fails as a whole leaves
		// each one unknown (some may have been carried out), for the next start to read back.
		() => backend.apply(get().tenant, plan, onProgress, signal).catch((error: Error) => unknownOutcomes(plan, error.message)),
		changesFromOutcomes,
		(result, time) => auditEntries(get().tenant, get().admin, time, result),
		signal,
	);
	// Sent, and the answer lost: begun again, as a change cut off is, so the next start reads
	// those users back and records what was done.
	const unknown = new Set(outcomes.filter(o => o.outcome === 'unknown').map(o => o.userId));
	if (unknown.size > 0) {
		stateFile.begin({
			id: randomUUID(),
			time: now().toISOString(),
			actor: get().admin,
			tenantId,
			items: pendingItems(plan).filter(item => unknown.has(item.userId)),
		});
	}
	return outcomes;
}

/** The users a license plan changes, and how many of each product it assigns: what is checked before it is sent. */
function touchedBy(plan: LicensePlan): [userIds: string[], adds: Map<string, number>] {
	const changing = plan.items.filter(item => item.add.length + item.remove.length + (item.update?.length ?? 0) > 0);
	const adds = new Map<string, number>();
	for (const item of changing) for (const skuId of item.add) adds.set(skuId, (adds.get(skuId) ?? 0) + 1);
	return [changing.map(item => item.userId), adds];
}

/**
 * Runs a change under the writer lock: what others saved since is read first, the tenant shown
 * brought up to date with it, and the change refused if its users now stand otherwise (or the
 * licenses it assigns are gone), naming them; nothing is sent then.
 */
function lockedChanges({
	writer,
	stateFile,
	backend,
	load,
	get,
	set,
}: {
	writer: NonNullable<StoreOptions['writer']>;
	stateFile: StateFile;
	backend: TenantBackend;
	/** A file tenant read again with every saved change; null for a live one (its users are read back). */
	load: (() => Promise<Tenant>) | null;
	get: () => AppState;
	set: (next: AppState) => void;
}) {
	/** The tenant again, with what others saved; a change planned on the old one is checked against it. */
	const catchUp = async (ids: string[], adds: ReadonlyMap<string, number>) => {
		const before = get().tenant;
		let after = before;
		if (load) after = await load();
		else if (backend.refreshUsers && ids.length > 0) {
			const fresh = new Map((await backend.refreshUsers(ids)).map(user => [user.id, user]));
			after = produce(before, draft => {
				draft.users = draft.users.map(user => fresh.get(user.id) ?? user);
			});
		}
		set({...get(), tenant: after});
		const stale = staleness(before, after, ids, adds);
		if (stale.users.length > 0) throw new UserError(strings.state.changedSince(stale.users.map(user => user.displayName)));
		if (stale.products.length > 0) throw new UserError(strings.state.goneSince(stale.products.map(skuId => productNameOf(after, skuId))));
	};
	return async <T>(userIds: Iterable<string>, adds: ReadonlyMap<string, number>, change: () => Promise<T>): Promise<T> => {
		const release = await writer.take();
		try {
			if (stateFile.catchUp()) await catchUp([...userIds], adds);
			return await change();
		} finally {
			release();
		}
	};
}

/** A live tenant's deleted users, read when Deleted users opens: they are not read with the tenant. */
async function readDeletedUsers(backend: TenantBackend, get: () => AppState, set: (next: AppState) => void): Promise<void> {
	if (!backend.deletedUsers) return;
	const deleted = await backend.deletedUsers();
	const state = get();
	set({...state, tenant: produce(state.tenant, draft => void ((draft['x-local'] ??= {}).deletedUsers = deleted))});
}
