// A snapshot is refused before anything is shown when it is not a tenant: first its shape, against
// its schema (tenant.schema.ts, published as demo-data/tenant.schema.json and documented in the
// README; the validator is compiled ahead of time into tenant-validator.ts), then what a schema cannot
// say: ids that repeat, and licenses, groups and members that point at nothing.
import type {ErrorObject} from 'ajv';
import {normaliseId, normaliseTenant} from '../domain/ids.js';
import type {Tenant} from '../domain/model.js';
import {strings} from '../text/index.js';
import {UserError} from '../errors.js';
import type {TenantSnapshot} from './tenant.schema.js';
import {tenant as validateShape} from './tenant-validator.js';

/** "/users/3/assignedLicenses/0/skuId" → "users[3].assignedLicenses[0].skuId" */
export function jsonPath(pointer: string): string {
	const path = pointer
		.split('/')
		.slice(1)
		.map(part => (/^\d+$/.test(part) ? `[${part}]` : `.${part.replaceAll('~1', '/').replaceAll('~0', '~')}`))
		.join('');
	return path.startsWith('.') ? path.slice(1) : path || strings.schema.topLevel;
}

// Graph's shapes nest a handful of levels; extra fields a snapshot keeps may add a few. Deeper
// than this is not a tenant, and the checks after this one (and Immer) recurse.
const maxDepth = 64;

/**
 * Where the data first nests deeper than maxDepth, as the keys leading there; null when it does not.
 * Recursive, but never more than maxDepth calls deep.
 */
function tooDeep(value: unknown, depth = 0): string[] | null {
	if (typeof value !== 'object' || value === null) return null;
	if (depth === maxDepth) return [];
	if (Array.isArray(value)) {
		for (let i = 0; i < value.length; i++) {
			const path = tooDeep(value[i], depth + 1);
			if (path) return [String(i), ...path];
		}
		return null;
	}
	for (const key in value) {
		const path = tooDeep((value as Record<string, unknown>)[key], depth + 1);
		if (path) return [key, ...path];
	}
	return null;
}

function describe(error: ErrorObject): string {
	const at = jsonPath(error.instancePath);
	const words = strings.schema;
	if (error.keyword === 'required') return `${error.instancePath ? `${at}.` : ''}${String(error.params['missingProperty'])}: ${words.missing}`;
	if (error.keyword === 'enum') return `${at}: ${words.oneOf((error.params['allowedValues'] as unknown[]).join(', '))}`;
	if (error.keyword === 'pattern' && error.instancePath.endsWith('userPrincipalName')) return `${at}: ${words.notUpn}`;
	if (error.keyword === 'pattern' && error.schemaPath.includes('/dateTime/')) return `${at}: ${strings.files.notATime}`;
	if (error.keyword === 'pattern') return `${at}: ${words.notGuid}`;
	return `${at}: ${error.message ?? words.notValid}`;
}

/** The first thing wrong with the tenant's references, as "path: problem", or null. */
function referenceProblem(tenant: Tenant): string | null {
	// The index of the first value seen before, in one pass: snapshots hold 100,000 users.
	const duplicate = (list: readonly string[]) => {
		const seen = new Set<string>();
		return list.findIndex(value => seen.size === seen.add(value).size);
	};
	const checks: Array<[string, readonly string[], string]> = [
		['subscribedSkus', tenant.subscribedSkus.map(s => s.skuId), 'skuId'],
		['subscriptions', tenant.subscriptions.map(s => s.id), 'id'],
		['users', tenant.users.map(u => u.id), 'id'],
		['users', tenant.users.map(u => u.userPrincipalName.toLowerCase()), 'userPrincipalName'],
		['groups', tenant.groups.map(g => g.id), 'id'],
	];
	for (const [list, values, field] of checks) {
		const i = duplicate(values);
		if (i >= 0) return `${list}[${i}].${field}: ${strings.schema.duplicates(String(values[i]))}`;
	}
	const skus = new Set(tenant.subscribedSkus.map(s => s.skuId));
	const groups = new Set(tenant.groups.map(g => g.id));
	const users = new Set(tenant.users.map(u => u.id));
	for (const [i, subscription] of tenant.subscriptions.entries()) {
		if (!skus.has(subscription.skuId)) return `subscriptions[${i}].skuId: ${strings.schema.noSuch('product', 'subscribedSkus')}`;
	}
	for (const [i, user] of tenant.users.entries()) {
		for (const [j, license] of user.assignedLicenses.entries()) {
			if (!skus.has(license.skuId)) return `users[${i}].assignedLicenses[${j}].skuId: ${strings.schema.noSuch('product', 'subscribedSkus')}`;
		}
		for (const [j, state] of (user.licenseAssignmentStates ?? []).entries()) {
			if (!skus.has(state.skuId)) return `users[${i}].licenseAssignmentStates[${j}].skuId: ${strings.schema.noSuch('product', 'subscribedSkus')}`;
			if (state.assignedByGroup !== null && !groups.has(state.assignedByGroup)) {
				return `users[${i}].licenseAssignmentStates[${j}].assignedByGroup: ${strings.schema.noSuch('group', 'groups')}`;
			}
		}
	}
	for (const [i, role] of tenant.directoryRoles.entries()) {
		const j = role.members.findIndex(member => !users.has(member));
		if (j >= 0) return `directoryRoles[${i}].members[${j}]: ${strings.schema.noSuch('user', 'users')}`;
	}
	if (!tenant.users.some(u => u.userPrincipalName.toLowerCase() === tenant.signedInUser.toLowerCase())) {
		return `signedInUser: ${strings.schema.noSuch('user', 'users')} (${tenant.signedInUser})`;
	}
	return null;
}

/** The tenant, or a UserError naming the file, the JSON path and what is wrong. */
export function validateTenant(data: unknown, file: string): Tenant {
	const deep = tooDeep(data);
	if (deep) {
		const pointer = deep.slice(0, 8).map(key => `/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`);
		throw new UserError(strings.cli.tenantFile(file, `${jsonPath(pointer.join(''))}…: ${strings.files.tooDeep(maxDepth)}`));
	}
	if (!validateShape(data)) {
		const [error] = validateShape.errors ?? [];
		throw new UserError(strings.cli.tenantFile(file, error ? describe(error) : strings.cli.notATenant));
	}
	const tenant = normaliseTenant(completeTenant(data));
	const problem = referenceProblem(tenant);
	if (problem) throw new UserError(strings.cli.tenantFile(file, problem));
	return tenant;
}

/**
 * The snapshot as the app's model has it: what Graph always sends and a hand-made snapshot may leave
 * out is filled in with what its absence means (no units suspended, no plans turned off, no
 * assignment states, not a trial, the part number of its product). Filled in place: a snapshot of
 * 100,000 users is not copied, and one that lacked nothing is returned as it came.
 */
export function completeTenant(snapshot: TenantSnapshot): Tenant {
	const partNumbers = new Map(snapshot.subscribedSkus.map(sku => [normaliseId(sku.skuId), sku.skuPartNumber]));
	for (const sku of snapshot.subscribedSkus) {
		sku.prepaidUnits.suspended ??= 0;
		sku.prepaidUnits.warning ??= 0;
	}
	for (const subscription of snapshot.subscriptions) {
		// A subscription of no product in the snapshot is refused after this (referenceProblem).
		subscription.skuPartNumber ??= partNumbers.get(normaliseId(subscription.skuId)) ?? '';
		subscription.isTrial ??= false;
	}
	for (const user of snapshot.users) {
		for (const license of user.assignedLicenses) license.disabledPlans ??= [];
		user.licenseAssignmentStates ??= [];
		for (const state of user.licenseAssignmentStates) state.disabledPlans ??= [];
	}
	return snapshot as Tenant;
}

// The cast above holds while every field the model needs and a snapshot may leave out is one
// completeTenant fills in: a field added to either without it fails to compile here.
type RequiredKeys<T> = {[K in keyof T]-?: undefined extends T[K] ? never : K}[keyof T];
type LeftOut<Model, Snapshot> = Exclude<RequiredKeys<Model>, RequiredKeys<Snapshot>>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Item<T> = T extends ReadonlyArray<infer I> ? I : never;
type User = Item<TenantSnapshot['users']>;
type Sku = Item<TenantSnapshot['subscribedSkus']>;
export const filledIn: [
	Same<LeftOut<Tenant, TenantSnapshot>, never>,
	Same<LeftOut<Tenant['subscribedSkus'][number], Sku>, never>,
	Same<LeftOut<Tenant['subscribedSkus'][number]['prepaidUnits'], Sku['prepaidUnits']>, 'suspended' | 'warning'>,
	Same<LeftOut<Tenant['subscriptions'][number], Item<TenantSnapshot['subscriptions']>>, 'skuPartNumber' | 'isTrial'>,
	Same<LeftOut<Tenant['users'][number], User>, 'licenseAssignmentStates'>,
	Same<LeftOut<Tenant['users'][number]['assignedLicenses'][number], Item<User['assignedLicenses']>>, 'disabledPlans'>,
	Same<LeftOut<Tenant['users'][number]['licenseAssignmentStates'][number], Item<NonNullable<User['licenseAssignmentStates']>>>, 'disabledPlans'>,
	Same<LeftOut<Tenant['groups'][number], Item<TenantSnapshot['groups']>>, never>,
	Same<LeftOut<Tenant['directoryRoles'][number], Item<TenantSnapshot['directoryRoles']>>, never>,
] = [true, true, true, true, true, true, true, true, true];
