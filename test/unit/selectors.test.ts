import {describe, expect, it} from 'vitest';
import {produce} from 'immer';
import {applyChanges} from '../../source/domain/changes.js';
import {planUnassign} from '../../source/domain/plan.js';
import {consequencesOf} from '../../source/domain/consequences.js';
import {filterUsers, holdersOf, nameWithPartNumber, namesOf, productBySku, productNameOf, productRows} from '../../source/domain/selectors.js';
import {licensesJson, matchProducts} from '../../source/commands/read.js';
import {consequencePhrases} from '../../source/text/index.js';
import {catalogTenant, skuOf} from '../helpers/catalog-tenant.js';
import {demoProductNames, demoTenant, sku, userByName} from '../helpers/tenant.js';

describe('products aggregated over subscriptions', () => {
	it('sums Business Premium over its two subscriptions of 5 and 8', () => {
		const product = productBySku(demoTenant(), sku.businessPremium)!;
		expect(product.name).toBe('Microsoft 365 Business Premium');
		expect(product.subscriptions.map(s => s.totalLicenses).sort((a, b) => a - b)).toEqual([5, 8]);
		expect(product.total).toBe(13);
		expect(product.assigned).toBe(11);
		expect(product.available).toBe(2);
	});

	it('gives one row per product, named from the catalog, sorted by name', () => {
		const names = productRows(demoTenant()).map(p => p.name);
		expect(names).toEqual(demoProductNames);
	});

	it('counts only enabled subscriptions in Total and shows suspended ones apart', () => {
		const tenant = produce(demoTenant(), draft => {
			const [first] = draft.subscriptions.filter(s => s.skuId === sku.businessPremium);
			first!.status = 'Suspended';
		});
		const product = productBySku(tenant, sku.businessPremium)!;
		expect(product.total + product.suspended).toBe(13);
		expect(product.suspended).toBeGreaterThan(0);
		expect(product.available).toBe(Math.max(0, product.total - 11));
	});

	it('counts a Warning subscription (its grace period) in Total, shown with its status', () => {
		const tenant = produce(demoTenant(), draft => {
			draft.subscriptions.find(s => s.skuId === sku.businessPremium && s.totalLicenses === 5)!.status = 'Warning';
		});
		const product = productBySku(tenant, sku.businessPremium)!;
		expect([product.total, product.warning, product.suspended, product.available]).toEqual([13, 5, 0, 2]);
		expect(product.subscriptions.map(s => s.status)).toContain('Warning');
		const units = produce(tenant, draft => {
			draft.subscriptions = [];
			draft.subscribedSkus.find(s => s.skuId === sku.businessPremium)!.prepaidUnits = {enabled: 8, warning: 5, suspended: 2, lockedOut: 0};
		});
		expect(productBySku(units, sku.businessPremium)!.total).toBe(13);
	});

	it('falls back to the SKU prepaid units when a snapshot has no subscriptions', () => {
		const tenant = produce(demoTenant(), draft => {
			draft.subscriptions = [];
		});
		expect(productBySku(tenant, sku.businessPremium)!.total).toBe(13);
	});

	it('flags a self-service purchase with its buyer', () => {
		const product = productBySku(demoTenant(), sku.powerBiPro)!;
		expect(product.selfServiceOwnerId).toBe(userByName(demoTenant(), 'Pradeep Gupta').id);
		expect(productBySku(demoTenant(), sku.e3)!.selfServiceOwnerId).toBeNull();
	});

	it('a company subscription beside a self-service one keeps the product manageable, naming the buyer', () => {
		const pradeep = userByName(demoTenant(), 'Pradeep Gupta');
		const tenant = produce(demoTenant(), draft => {
			draft.subscriptions.push({...draft.subscriptions.find(s => s.skuId === sku.powerBiPro)!, id: 'company-pbi', ownerType: 'Company', ownerId: null});
		});
		const product = productBySku(tenant, sku.powerBiPro)!;
		expect([product.selfServiceOwnerId, product.selfServiceBesideId]).toEqual([null, pradeep.id]);
		const plan = planUnassign(tenant, [pradeep.id], [sku.powerBiPro]);
		expect(plan.items[0]!.remove).toEqual([sku.powerBiPro]);
	});
});

describe('two products with one name', () => {
	// Microsoft 365 F1 is both M365_F1 and M365_F1_COMM in Microsoft's table.
	const tenant = catalogTenant({'Kim Akers': [{sku: 'M365_F1'}, {sku: 'ENTERPRISEPACK'}], 'Lee Gu': [{sku: 'M365_F1_COMM'}, {sku: 'ENTERPRISEPACK'}]});
	const f1 = skuOf('M365_F1');
	const f1Comm = skuOf('M365_F1_COMM');

	it('are told apart by their part number wherever a name is shown; a name only one product has stays as it is', () => {
		expect(
			productRows(tenant)
				.map(p => p.name)
				.sort(),
		).toEqual(['Microsoft 365 F1 (M365_F1)', 'Microsoft 365 F1 (M365_F1_COMM)', 'Office 365 E3']);
		const names = namesOf(tenant);
		expect([names.product(f1), names.product(f1Comm), productNameOf(tenant, f1Comm)]).toEqual([
			'Microsoft 365 F1 (M365_F1)',
			'Microsoft 365 F1 (M365_F1_COMM)',
			'Microsoft 365 F1 (M365_F1_COMM)',
		]);
		expect(licensesJson(tenant).products.map(p => p.productName)).toContain('Microsoft 365 F1 (M365_F1_COMM)');
		// The consequences say which one keeps what.
		const [item] = planUnassign(tenant, ['user-2'], [skuOf('ENTERPRISEPACK')]).items;
		expect(consequencePhrases(consequencesOf(tenant, item!, new Date()), names.product)).toContain('keeps Teams (Microsoft 365 F1 (M365_F1_COMM))');
	});

	it('a tenant with only one of them shows the name alone', () => {
		const one = catalogTenant({'Kim Akers': [{sku: 'M365_F1_COMM'}]});
		expect(productRows(one).map(p => p.name)).toEqual(['Microsoft 365 F1']);
	});

	it('--product with the shared name names both candidates, once each with its part number', () => {
		const matches = matchProducts(tenant, 'microsoft 365 f1');
		expect(matches.map(nameWithPartNumber).sort()).toEqual(['Microsoft 365 F1 (M365_F1)', 'Microsoft 365 F1 (M365_F1_COMM)']);
		expect(matchProducts(tenant, 'Microsoft 365 F1 (M365_F1_COMM)').map(p => p.skuId)).toEqual([f1Comm]);
	});
});

describe('counts after unassign', () => {
	it('moves Available up by the number removed and keeps the users out of the holders', () => {
		const before = demoTenant();
		const removed = holdersOf(before, sku.businessPremium)
			.slice(0, 3)
			.map(u => u.id);
		const after = produce(before, draft =>
			applyChanges(
				draft,
				removed.map(userId => ({time: '2026-11-25T00:00:00.000Z', userId, add: [], remove: [sku.businessPremium]})),
			),
		);
		const product = productBySku(after, sku.businessPremium)!;
		expect(product.available).toBe(2 + 3);
		expect(product.assigned).toBe(8);
		expect(product.total).toBe(13);
		expect(holdersOf(after, sku.businessPremium).map(u => u.id)).not.toContain(removed[0]);
		expect(after.subscribedSkus.find(s => s.skuId === sku.businessPremium)!.consumedUnits).toBe(8);
		// The source value is untouched: the store's history is safe.
		expect(productBySku(before, sku.businessPremium)!.available).toBe(2);
	});
});

describe('filterUsers', () => {
	const tenant = demoTenant();
	const users = tenant.users;
	it('matches display name or UPN, case-insensitively', () => {
		expect(filterUsers(tenant, users, 'MEGAN').map(u => u.displayName)).toEqual(['Megan Bowen']);
		expect(filterUsers(tenant, users, 'alex.wil').map(u => u.userPrincipalName)).toEqual(['alex.wilber@contoso.com']);
	});
	it('keeps everyone for an empty or blank query and no one for a miss', () => {
		expect(filterUsers(tenant, users, '  ')).toHaveLength(users.length);
		expect(filterUsers(tenant, users, 'zzz-nobody')).toHaveLength(0);
	});
	it("matches the products a user holds, and product:NAME keeps only that product's holders", () => {
		const visio = filterUsers(tenant, users, 'visio').map(u => u.displayName);
		expect(visio).toHaveLength(5);
		expect(visio).toContain('Grady Archie');
		expect(filterUsers(tenant, users, 'product:Business Premium')).toHaveLength(11);
		expect(filterUsers(tenant, users, 'product:spb')).toHaveLength(11);
		// "Premium" is in no one's name: only product holders match.
		expect(filterUsers(tenant, users, 'premium')).toHaveLength(11);
	});
	it('matches names only on a product page', () => {
		expect(filterUsers(tenant, users, 'visio', {byProduct: false})).toHaveLength(0);
	});
});
