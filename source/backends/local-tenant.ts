// The demo tenant or a snapshot file. The file is only read: changes live in the state directory.
import {normaliseTenant} from '../domain/ids.js';
import {jsonErrorPlace} from '../domain/json-place.js';
import type {Tenant} from '../domain/model.js';
import {plannedDisabled, skipOutcomes, type LicensePlan, type UserOutcome} from '../domain/plan.js';
import type {GroupOutcome} from '../domain/groups.js';
import {assignmentSources, indexTenant} from '../domain/selectors.js';
import {strings} from '../text/index.js';
import {UserError} from '../errors.js';
import {type TenantBackend} from './backend.js';
import type {TenantSnapshot} from './tenant.schema.js';
import {readFileBytes, textOf} from './text-file.js';
import {completeTenant, validateTenant} from './validate-tenant.js';
import type {SnapshotCache} from './snapshot-cache.js';
import {stampOf, stampOfBytes, type SnapshotStamp, type ValidatedSnapshots} from './validated-snapshots.js';
import {extended} from '../domain/extended.js';

// JSON.parse needs the file as one string, and V8's strings stop short of 512 MiB.
const maxTenantBytes = 500 * 1024 * 1024;

export class LocalTenant implements TenantBackend {
	constructor(
		readonly source: string,
		readonly kind: 'demo' | 'snapshot',
		/** Snapshots already checked (kept in the state directory): such a file is not checked again. */
		private readonly validated?: ValidatedSnapshots,
		/**
		 * The last snapshot read, compact (kept in the state directory): read instead of the file while
		 * it is the same. `replayed`: the same with a saved state replayed into it.
		 */
		private readonly caches?: {snapshot: SnapshotCache; replayed: SnapshotCache},
	) {}

	async load(): Promise<Tenant> {
		return this.read().tenant;
	}

	async loadReplayed(saved: {hash: string; replay(tenant: Tenant): boolean}): Promise<Tenant> {
		const before = this.stamp();
		const kept = before && this.caches ? this.caches.replayed.read(before, saved.hash) : null;
		if (kept) return kept;
		const {tenant, stamp} = this.read(before);
		if (saved.replay(tenant) && stamp) this.caches?.replayed.write(stamp, tenant, saved.hash);
		return tenant;
	}

	keepReplayed(saved: {hash: string; replay(tenant: Tenant): boolean}): void {
		const stamp = this.stamp();
		if (!stamp || !this.caches) return;
		const {tenant} = this.read(stamp);
		if (saved.replay(tenant)) this.caches.replayed.write(stamp, tenant, saved.hash);
	}

	/** The snapshot's stamp now, where a copy of it may be kept: hashed in pieces, the file not held whole. */
	private stamp(): SnapshotStamp | null {
		return this.kind === 'snapshot' && this.caches ? stampOf(this.source) : null;
	}

	/** The tenant as its file holds it, and the stamp of the bytes read when it is a snapshot (then it may be kept). */
	private read(before = this.stamp()): {tenant: Tenant; stamp: SnapshotStamp | null} {
		const label = strings.cli.tenantFileLabel(this.source);
		const cached = before && this.caches ? this.caches.snapshot.read(before) : null;
		if (cached) return {tenant: cached, stamp: before};
		const bytes = readFileBytes(this.source, label, maxTenantBytes);
		// What is kept or trusted is kept under the hash of exactly the bytes parsed here.
		const stamp = this.kind === 'snapshot' ? stampOfBytes(bytes) : null;
		const text = textOf(bytes, label);
		if (text.trim() === '') throw new UserError(`${label}: ${strings.files.empty}`);
		let data: unknown;
		try {
			data = JSON.parse(text);
		} catch (error) {
			const {message} = error as Error;
			throw new UserError(`${label}: ${strings.cli.notJson(message, jsonErrorPlace(text, message))}`);
		}
		// The bundled demo is checked by the tests; a snapshot when it is new or has changed.
		if (!stamp) return {tenant: normaliseTenant(data as Tenant), stamp: null};
		const passed = this.validated?.passed(stamp) ?? null;
		let tenant: Tenant;
		if (passed) {
			// These bytes passed the checks before: they have the shape the checks let through.
			const complete = completeTenant(data as TenantSnapshot);
			tenant = passed.normalised ? complete : normaliseTenant(complete);
		} else tenant = validateTenant(data, this.source);
		if (!passed) this.validated?.remember(stamp, tenant === data);
		// Kept as read, before the saved changes are replayed into it.
		this.caches?.snapshot.write(stamp, tenant);
		return {tenant, stamp};
	}

	async apply(tenant: Tenant, plan: LicensePlan): Promise<UserOutcome[]> {
		const {usersById, products} = indexTenant(tenant);
		// Available licenses as this request uses them up, as the directory would count.
		const available = new Map(products.map(p => [p.skuId, p.available]));
		const outcomes: UserOutcome[] = [];
		for (const item of plan.items) {
			const user = usersById.get(item.userId);
			const base = {userId: item.userId, userPrincipalName: item.userPrincipalName, requested: 'add' as const};
			for (const skuId of item.add) {
				const left = available.get(skuId) ?? 0;
				if (!user?.usageLocation) {
					outcomes.push(
						extended(base, {skuId, outcome: 'failed', reason: 'error', message: 'License assignment cannot be done for user with invalid usage location.'}),
					);
				} else if (left <= 0) {
					outcomes.push(extended(base, {skuId, outcome: 'failed', reason: 'error', message: 'No licenses of this product are available.'}));
				} else {
					available.set(skuId, left - 1);
					outcomes.push(extended(base, {skuId, outcome: 'assigned', reason: null, message: null, disabledPlans: plannedDisabled(item, skuId)}));
				}
			}
			for (const skuId of item.update ?? []) {
				const held = user ? assignmentSources(user, skuId).direct : false;
				const outcome = held ? ('updated' as const) : ('skipped' as const);
				outcomes.push(
					extended(base, {
						requested: 'update',
						skuId,
						outcome,
						reason: held ? null : 'not-assigned',
						message: null,
						disabledPlans: plannedDisabled(item, skuId),
					}),
				);
			}
			for (const skuId of item.remove) {
				const held = user?.assignedLicenses.some(l => l.skuId === skuId) ?? false;
				outcomes.push(extended(base, {requested: 'remove', skuId, outcome: held ? 'removed' : 'skipped', reason: held ? null : 'not-assigned', message: null}));
			}
		}
		return [...outcomes, ...skipOutcomes(plan)];
	}

	// The file is never written: deleting and restoring are kept by the store and replayed over it.
	async deleteUser(): Promise<void> {}

	async restoreUser(): Promise<void> {}

	/** Kept in the state directory and replayed, like every change to a file tenant. */
	async removeFromGroup(_tenant: Tenant, groupId: string, users: ReadonlyArray<{userId: string; userPrincipalName: string}>): Promise<GroupOutcome[]> {
		return users.map(user => extended(user, {groupId, outcome: 'removed', reason: null, message: null}));
	}
}
