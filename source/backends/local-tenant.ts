// The demo tenant or a snapshot file. The file is only read: changes live in the state directory.
import {readFile} from 'node:fs/promises';
import type {Tenant} from '../domain/model.js';
import {skipOutcomes, type LicensePlan, type UserOutcome} from '../domain/plan.js';
import {indexTenant} from '../domain/selectors.js';
import {UserError, type TenantBackend} from './backend.js';

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
			throw new UserError(`Tenant file ${this.source} is not valid JSON: ${(error as Error).message}`);
		}
		return validateTenant(data, this.source);
	}

	async apply(tenant: Tenant, plan: LicensePlan): Promise<UserOutcome[]> {
		const {usersById, products} = indexTenant(tenant);
		// Available licenses as this request uses them up, as the directory would count.
		const available = new Map(products.map(p => [p.skuId, p.available]));
		const outcomes: UserOutcome[] = [];
		for (const item of plan.items) {
			const user = usersById.get(item.userId);
			const base = {userId: item.userId, userPrincipalName: item.userPrincipalName};
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
				outcomes.push({...base, skuId, outcome: held ? 'removed' : 'skipped', reason: held ? null : 'not-assigned', message: null});
			}
		}
		return [...outcomes, ...skipOutcomes(plan)];
	}

	// The file is never written: deleting and restoring are kept by the store and replayed over it.
	async deleteUser(): Promise<void> {}

	async restoreUser(): Promise<void> {}
}

/** Checks the fields the app relies on and names the first one that is wrong. */
export function validateTenant(data: unknown, file: string): Tenant {
	const fail = (field: string, problem: string): never => {
		throw new UserError(`Tenant file ${file}: ${field} ${problem}`);
	};
	if (typeof data !== 'object' || data === null || Array.isArray(data)) fail('the top level', 'must be an object');
	const tenant = data as Record<string, unknown>;
	const org = tenant['organization'] as Record<string, unknown> | undefined;
	if (typeof org !== 'object' || org === null) fail('"organization"', 'must be an object');
	if (typeof org!['id'] !== 'string') fail('"organization.id"', 'must be a string');
	if (typeof org!['displayName'] !== 'string') fail('"organization.displayName"', 'must be a string');
	for (const key of ['subscribedSkus', 'subscriptions', 'users', 'groups', 'directoryRoles']) {
		if (!Array.isArray(tenant[key])) fail(`"${key}"`, 'must be an array');
	}
	if (typeof tenant['signedInUser'] !== 'string') fail('"signedInUser"', 'must be a UPN string');
	const requireFields = (list: string, fields: Record<string, string>) => {
		(tenant[list] as unknown[]).forEach((entry, i) => {
			if (typeof entry !== 'object' || entry === null) fail(`"${list}[${i}]"`, 'must be an object');
			for (const [field, type] of Object.entries(fields)) {
				const value = (entry as Record<string, unknown>)[field];
				const ok = type === 'array' ? Array.isArray(value) : typeof value === type;
				if (!ok) fail(`"${list}[${i}].${field}"`, `must be ${type === 'array' ? 'an array' : `a ${type}`}`);
			}
		});
	};
	requireFields('subscribedSkus', {skuId: 'string', skuPartNumber: 'string', consumedUnits: 'number', prepaidUnits: 'object', servicePlans: 'array'});
	requireFields('subscriptions', {id: 'string', skuId: 'string', status: 'string', totalLicenses: 'number'});
	requireFields('users', {id: 'string', displayName: 'string', userPrincipalName: 'string', accountEnabled: 'boolean', assignedLicenses: 'array'});
	requireFields('groups', {id: 'string', displayName: 'string'});
	requireFields('directoryRoles', {roleTemplateId: 'string', displayName: 'string', members: 'array'});
	const users = tenant['users'] as Array<Record<string, unknown>>;
	// Graph always sends licenseAssignmentStates; a hand-made snapshot may leave it out.
	for (const user of users) user['licenseAssignmentStates'] ??= [];
	return data as Tenant;
}
