// The tenant the store opens on: a live tenant as its source holds it (every change is made there),
// a file's with the changes saved for it replayed: state.json's, then the journal's after them.
import {UserError} from '../errors.js';
import {type TenantBackend} from '../backends/backend.js';
import {applyFolded, type Folded} from '../domain/changes.js';
import type {Tenant, User} from '../domain/model.js';
import type {StateFile} from './state-file.js';

/** Worth keeping a tenant with state.json replayed when it touches a twentieth of the users or more. */
export const worthKeeping = (folded: Folded, tenant: Tenant) => folded.size * 20 >= tenant.users.length;

export interface TenantLoader {
	/** A file's changes are replayed over it; a live tenant holds them already. */
	readonly replays: boolean;
	/** The source with every saved change replayed (`withoutSaved`: with only the journal's, as after a --reset). */
	load(withoutSaved?: boolean): Promise<Tenant>;
	/** The journal's changes replayed into a tenant just read (state.json's are in it unless `withBase` is false). */
	withJournal(tenant: Tenant, withBase: boolean): Promise<Tenant>;
}

export function tenantLoader(backend: TenantBackend, stateFile: StateFile): TenantLoader {
	const replays = backend.kind !== 'graph';
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
	const load = async (withoutSaved = false): Promise<Tenant> => {
		// Read at each load: a writer's fold makes another state.json.
		const base = replays && !withoutSaved ? stateFile.savedBase : null;
		if (!base) return withJournal(await backend.load(), false);
		const replayBase = replayer(base);
		if (backend.loadReplayed) return withJournal(await backend.loadReplayed({hash: base.hash, replay: replayBase}), true);
		const tenant = await backend.load();
		replayBase(tenant);
		return withJournal(tenant, true);
	};
	return {replays, load, withJournal};
}

/** Replays state.json's changes into a tenant; true when the tenant is worth keeping so. */
const replayer = (base: NonNullable<StateFile['savedBase']>) => (tenant: Tenant) => {
	const folded = base.folded(tenant.organization.id);
	applyFolded(tenant, folded);
	return worthKeeping(folded, tenant);
};

/**
 * After a fold (a new state.json), the writer keeps the tenant with it replayed for the next start,
 * which would otherwise replay all of it and keep the copy itself. Best effort, as a cache is: a
 * source that cannot be read now is read, and kept, by the next start.
 */
export function keepReplayed(backend: TenantBackend, stateFile: StateFile): void {
	const base = stateFile.savedBase;
	if (!base || !backend.keepReplayed) return;
	try {
		backend.keepReplayed({hash: base.hash, replay: replayer(base)});
	} catch (error) {
		if (!(error instanceof UserError)) throw error;
	}
}

/** The admin the app acts as is one of the tenant's users, deleted by a saved change or not. */
export function knowsAdmin(tenant: Tenant, admin: string): boolean {
	// Not through indexTenant: its cache is keyed by the tenant object, which the store may change in place.
	const wanted = admin.toLowerCase();
	const known = (users: readonly User[]) => users.some(user => user.userPrincipalName.toLowerCase() === wanted);
	return known(tenant.users) || known((tenant['x-local']?.deletedUsers ?? []).map(entry => entry.user));
}
