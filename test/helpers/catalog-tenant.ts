// Tenants built from Microsoft's real products (the catalog generated from its CSV): each product with
// the service plans Microsoft lists for it, and users holding them directly or through groups, with
// disabled plans named by servicePlanName.
import {readFileSync} from 'node:fs';
import {productNames, servicePlanNames} from '../../source/domain/catalog.js';
import type {SubscribedSku, Tenant, User} from '../../source/domain/model.js';

/** skuId → the servicePlanIds of the product, written by `npm run catalog` beside the catalog. */
export const catalogProducts: Readonly<Record<string, readonly string[]>> = JSON.parse(
	readFileSync(new URL('../fixtures/catalog-products.json', import.meta.url), 'utf8'),
);

/** The skuId of a part number (ENTERPRISEPACK), as the catalog has it. */
export function skuOf(partNumber: string): string {
	const found = Object.entries(productNames).filter(([, [part]]) => part === partNumber);
	if (found.length !== 1) throw new Error(`${found.length} products have the part number ${partNumber}`);
	return found[0]![0];
}

export function catalogSku(partNumber: string): SubscribedSku {
	const skuId = skuOf(partNumber);
	return {
		skuId,
		skuPartNumber: partNumber,
		appliesTo: 'User',
		capabilityStatus: 'Enabled',
		consumedUnits: 0,
		prepaidUnits: {enabled: 100, suspended: 0, warning: 0, lockedOut: 0},
		servicePlans: catalogProducts[skuId]!.map(servicePlanId => ({servicePlanId, servicePlanName: servicePlanNames[servicePlanId]![0]})),
	};
}

/** A license held: a part number, directly or through a group (by name), with plans turned off. */
export interface Holding {
	sku: string;
	group?: string;
	disabled?: string[];
}

/** A tenant of the given users (display name → what they hold), with the products they hold. */
export function catalogTenant(users: Record<string, readonly Holding[]>, extras: Partial<Tenant> = {}): Tenant {
	const skus = new Map<string, SubscribedSku>();
	const skuFor = (part: string) => {
		if (!skus.has(part)) skus.set(part, catalogSku(part));
		return skus.get(part)!;
	};
	const groupIds = new Map<string, string>();
	const groupId = (name: string) => {
		if (!groupIds.has(name)) groupIds.set(name, `group-${groupIds.size + 1}`);
		return groupIds.get(name)!;
	};
	const planIds = (sku: SubscribedSku, names: readonly string[] = []) =>
		names.map(name => {
			const plan = sku.servicePlans.find(p => p.servicePlanName === name);
			if (!plan) throw new Error(`${sku.skuPartNumber} has no service plan ${name}`);
			return plan.servicePlanId;
		});
	const built: User[] = Object.entries(users).map(([displayName, holdings], i) => {
		const states = holdings.map(h => {
			const sku = skuFor(h.sku);
			return {skuId: sku.skuId, assignedByGroup: h.group ? groupId(h.group) : null, state: 'Active', error: 'None', disabledPlans: planIds(sku, h.disabled)};
		});
		const upn = `${displayName.toLowerCase().replaceAll(' ', '.')}@contoso.example`;
		return {
			id: `user-${i + 1}`,
			displayName,
			userPrincipalName: upn,
			accountEnabled: true,
			usageLocation: 'US',
			assignedLicenses: [...new Set(states.map(s => s.skuId))].map(skuId => ({
				skuId,
				disabledPlans: states.find(s => s.skuId === skuId && s.assignedByGroup === null)?.disabledPlans ?? [],
			})),
			licenseAssignmentStates: states,
		};
	});
	return {
		organization: {id: 'org-1', displayName: 'Contoso'},
		subscribedSkus: [...skus.values()],
		subscriptions: [],
		users: built,
		groups: [...groupIds].map(([displayName, id]) => ({id, displayName, assignedLicenses: [], members: []})),
		directoryRoles: [],
		signedInUser: built[0]?.userPrincipalName ?? 'admin@contoso.example',
		...extras,
	};
}
