// The demo tenant or a snapshot file. The file is only read: changes live in the state directory.
import {readFile} from 'node:fs/promises';
import type {Tenant} from '../domain/model.js';
import {skipOutcomes, type LicensePlan, type UserOutcome} from '../domain/plan.js';
import {indexTenant} from '../domain/selectors.js';
import {UserError, type TenantBackend} from './backend.js';
import {validateTenant} from './validate-tenant.js';

export class LocalTenant implements TenantBackend {
	constructor(
		readonly source: string,
		readonly kind: 'demo' | 'snapshot',
	) {}

	async load(): Promise<Tenant> {
		let text: string;
		try {
			text = await readFile(this.source, 'utf8');
		} catch (error) {
			throw new UserError(`Cannot read tenant file ${this.source}: ${(error as NodeJS.ErrnoException).code ?? error}`);
		}
		let data: unknown;
		try {
			data = JSON.parse(text);
		} catch (error) {
			throw new UserError(`Tenant file ${this.source}: is not valid JSON (${(error as Error).message})`);
		}
		// The bundled demo is checked by the tests; a snapshot is checked every time it is read.
		return this.kind === 'demo' ? (data as Tenant) : validateTenant(data, this.source);
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
					outcomes.push({...base, skuId, outcome: 'assigned', reason: null, message: null});
				}
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
}
