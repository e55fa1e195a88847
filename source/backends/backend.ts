import type {LocalExtras, Tenant, User} from '../domain/model.js';
import type {LicensePlan, UserOutcome} from '../domain/plan.js';
import type {GroupOutcome} from '../domain/groups.js';
import type {Progress} from '../domain/progress.js';

export type DeletedUser = NonNullable<LocalExtras['deletedUsers']>[number];

/** Where the tenant comes from and where changes go. The UI cannot tell which one it talks to. */
export interface TenantBackend {
	readonly kind: 'demo' | 'snapshot' | 'graph';
	/** What a support person needs to recognise the source: a file path, or Graph's address. */
	readonly source: string;
	/** The tenant as its source holds it, before any change this app saved. */
	load(): Promise<Tenant>;
	/**
	 * A file's backend: the tenant with a saved state replayed into it by `replay`, kept from one
	 * start to the next where `replay` says it is worth it (the state is named by its content hash).
	 */
	loadReplayed?(saved: {hash: string; replay(tenant: Tenant): boolean}): Promise<Tenant>;
	/**
	 * A file's backend: keeps the tenant with this saved state replayed, as loadReplayed would, for the
	 * next start. Called by the writer that folded the journal into a new state.json, after its output.
	 */
	keepReplayed?(saved: {hash: string; replay(tenant: Tenant): boolean}): void;
	/**
	 * Carries out the plan; one outcome per user and product (skips included), never all-or-nothing.
	 * Progress (done, throttled, remaining, rate, waits) is reported as it goes. Once `signal` aborts,
	 * nothing more is sent: what is in flight is answered, and the rest is reported not sent.
	 */
	apply(tenant: Tenant, plan: LicensePlan, onProgress?: (progress: Progress) => void, signal?: AbortSignal): Promise<UserOutcome[]>;
	/**
	 * A live backend's copy from the last run (and when it was read), to show at once while load() reads
	 * the tenant again. Only once signed in, and only to the sign-in that read it.
	 */
	cached?(): Promise<{tenant: Tenant; readAt: string} | null>;
	/** A live backend: the users as they are now, after a change. Local backends need not. */
	refreshUsers?(userIds: readonly string[]): Promise<User[]>;
	/**
	 * Deletes the user (restorable for 30 days); their licenses are freed at once. `wanted` aborts when
	 * the dialog that asked is closed: if a sign-in for a permission is still waiting, it is dropped and
	 * nothing is sent (the same for the actions below).
	 */
	deleteUser(tenant: Tenant, userId: string, wanted?: AbortSignal): Promise<void>;
	restoreUser(tenant: Tenant, userId: string, wanted?: AbortSignal): Promise<void>;
	/**
	 * Removes each user from the group (its licenses go with it); one outcome per user, never
	 * all-or-nothing. The users are ones the plan found removable.
	 */
	removeFromGroup(
		tenant: Tenant,
		groupId: string,
		users: ReadonlyArray<{userId: string; userPrincipalName: string}>,
		wanted?: AbortSignal,
	): Promise<GroupOutcome[]>;
	/** A live backend: the deleted users as its source holds them now (a file keeps them in the tenant). */
	deletedUsers?(): Promise<DeletedUser[]>;
}
