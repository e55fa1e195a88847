// The demo tenant or a snapshot file. The file is only read: changes live in the state directory.
import {normaliseTenant} from '../domain/ids.js';
import {jsonErrorPlace} from '../domain/json-place.js';
import type {Tenant} from '../domain/model.js';
import {plannedDisabled, skipOutcomes, type LicensePlan, type UserOutcome} from '../domain/plan.js';
import type {GroupOutcome} from '../domain/groups.js';
import {assignmentSources, indexTenant} from '../domain/selectors.js';
import {strings} from '../text/index.js';
import {UserError, type TenantBackend} from './backend.js';
import {readTextFile} from './text-file.js';
import {completeTenant, validateTenant} from './validate-tenant.js';
import type {SnapshotCache} from './snapshot-cache.js';
import {stampOf, type SnapshotStamp, type ValidatedSnapshots} from './validated-snapshots.js';

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
		return (await this.read()).tenant;
	}

	async loadReplayed(saved: {identity: string; replay(tenant: Tenant): boolean}): Promise<Tenant> {
		const before = this.kind === 'snapshot' ? stampOf(this.source) : null;
		const kept = before && this.caches ? this.caches.replayed.read(before, saved.identity) : null;
		if (kept) return kept;
		const {tenant, stamp} = await this.read(before);
		if (saved.replay(tenant) && stamp) this.caches?.replayed.write(stamp, tenant, saved.identity);
		return tenant;
	}

	/** The tenant as its file holds it, and the file's identity when that is what was read (then it may be kept). */
	private async read(before = this.kind === 'snapshot' ? stampOf(this.source) : null): Promise<{tenant: Tenant; stamp: SnapshotStamp | null}> {
		const label = strings.cli.tenantFileLabel(this.source);
		const cached = before && this.caches ? this.caches.snapshot.read(before) : null;
		if (cached) return {tenant: cached, stamp: before};
		const text = readTextFile(this.source, label, maxTenantBytes);
		if (text.trim() === '') throw new UserError(`${label}: ${strings.files.empty}`);
		let data: unknown;
		try {
			data = JSON.parse(text);
		} catch (error) {
			const {message} = error as Error;
			throw new UserError(`${label}: ${strings.cli.notJson(message, jsonErrorPlace(text, message))}`);
		}
		// The bundled demo is checked by the tests; a snapshot when it is new or has changed.
		if (this.kind === 'demo') return {tenant: normaliseTenant(data as Tenant), stamp: null};
		// Trusted only when the file is the one checked before, and did not change while it was read.
		const unchanged = before !== null && stampOf(this.source)?.identity === before.identity;
		const passed = unchanged && this.validated ? this.validated.passed(before) : null;
		const tenant = passed ? completeTenant(passed.normalised ? (data as Tenant) : normaliseTenant(data as Tenant)) : validateTenant(data, this.source);
		if (unchanged && !passed) this.validated?.remember(before, tenant === data);
		// Kept as read, before the saved changes are replayed into it.
		if (unchanged) this.caches?.snapshot.write(before, tenant);
		return {tenant, stamp: unchanged ? before : null};
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
					outcomes.push({...base, skuId, outcome: 'failed', reason: 'error', message: 'License assignment cannot be done for user with invalid usage location.'});
				} else if (left <= 0) {
					outcomes.push({...base, skuId, outcome: 'failed', reason: 'error', message: 'No licenses of this product are available.'});
				} else {
					available.set(skuId, left - 1);
					outcomes.push({...base, skuId, outcome: 'assigned', reason: null, message: null, disabledPlans: plannedDisabled(item, skuId)});
				}
			}
			for (const skuId of item.update ?? []) {
				const held = user ? assignmentSources(user, skuId).direct : false;
				const outcome = held ? ('updated' as const) : ('skipped' as const);
				outcomes.push({...base, requested: 'update', skuId, outcome, reason: held ? null : 'not-assigned', message: null, disabledPlans: plannedDisabled(item, skuId)});
			}
			for (const skuId of item.remove) {
				const held = user?.assignedLicenses.some(l => l.skuId === skuId) ?? false;
				outcomes.push({...base, requested: 'remove', skuId, outcome: held ? 'removed' : 'skipped', reason: held ? null : 'not-assigned', message: null});
			}
		}
		return [...outcomes, ...skipOutcomes(plan)];
	}

	// The file is never written: deleting and restoring are kept by the store and replayed over it.
	async deleteUser(): Promise<void> {}

	async restoreUser(): Promise<void> {}

	/** Kept in the state directory and replayed, like every change to a file tenant. */
	async removeFromGroup(_tenant: Tenant, groupId: string, users: ReadonlyArray<{userId: string; userPrincipalName: string}>): Promise<GroupOutcome[]> {
		return users.map(user => ({...user, groupId, outcome: 'removed', reason: null, message: null}));
	}
}
