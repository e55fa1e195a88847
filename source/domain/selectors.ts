// Read-only views of a tenant, computed once per tenant value: Immer gives a new object only when
// something changed, so a WeakMap keyed by the tenant is an exact cache.
import type {CompanySubscription, Group, SubscribedSku, Tenant, User} from './model.js';
import {productName} from './names.js';

export interface ProductRow {
	skuId: string;
	skuPartNumber: string;
	name: string;
	/** Licenses of subscriptions that still provide them (Enabled, and Warning: the grace period), summed. */
	total: number;
	/** Users holding the product. */
	assigned: number;
	available: number;
	/** Licenses of suspended subscriptions: shown, not counted. */
	suspended: number;
	/** Licenses of subscriptions in the Warning state, counted in total. */
	warning: number;
	subscriptions: CompanySubscription[];
	/** Set when every subscription of the product is a self-service purchase: the buyer's user id. */
	selfServiceOwnerId: string | null;
	/** Set when a self-service subscription sits beside the company's: its buyer. The company's licenses stay manageable. */
	selfServiceBesideId: string | null;
}

export interface TenantIndex {
	usersById: Map<string, User>;
	usersByUpn: Map<string, User>;
	groupsById: Map<string, Group>;
	skusById: Map<string, SubscribedSku>;
	/** skuId → users holding it, in the tenant's user order */
	holders: Map<string, User[]>;
	products: ProductRow[];
}

const cache = new WeakMap<Tenant, TenantIndex>();

export function indexTenant(tenant: Tenant): TenantIndex {
	const cached = cache.get(tenant);
	if (cached) return cached;

	const usersById = new Map<string, User>();
	const usersByUpn = new Map<string, User>();
	const holders = new Map<string, User[]>();
	for (const user of tenant.users) {
		usersById.set(user.id, user);
		usersByUpn.set(user.userPrincipalName.toLowerCase(), user);
		for (const license of user.assignedLicenses) {
			let list = holders.get(license.skuId);
			if (!list) holders.set(license.skuId, (list = []));
			list.push(user);
		}
	}

	const subscriptionsBySku = new Map<string, CompanySubscription[]>();
	for (const subscription of tenant.subscriptions) {
		let list = subscriptionsBySku.get(subscription.skuId);
		if (!list) subscriptionsBySku.set(subscription.skuId, (list = []));
		list.push(subscription);
	}

	const products = tenant.subscribedSkus
		.filter(sku => sku.appliesTo === undefined || sku.appliesTo === 'User')
		.map(sku => productRow(sku, subscriptionsBySku.get(sku.skuId) ?? [], holders.get(sku.skuId)?.length ?? 0))
		.sort((a, b) => a.name.localeCompare(b.name));

	const index: TenantIndex = {
		usersById,
		usersByUpn,
		groupsById: new Map(tenant.groups.map(group => [group.id, group])),
		skusById: new Map(tenant.subscribedSkus.map(sku => [sku.skuId, sku])),
		holders,
		products,
	};
	cache.set(tenant, index);
	return index;
}

function productRow(sku: SubscribedSku, subscriptions: CompanySubscription[], assigned: number): ProductRow {
	const byStatus = (status: string) =>
		subscriptions.filter(s => s.status === status).reduce((sum, s) => sum + s.totalLicenses, 0);
	// A snapshot without /directory/subscriptions still has Graph's own sums on the SKU.
	const suspended = subscriptions.length > 0 ? byStatus('Suspended') : sku.prepaidUnits.suspended;
	const warning = subscriptions.length > 0 ? byStatus('Warning') : sku.prepaidUnits.warning;
	// A Warning subscription (expired, in its grace period) still provides licenses; a Suspended one does not.
	const total = (subscriptions.length > 0 ? byStatus('Enabled') : sku.prepaidUnits.enabled) + warning;
	const selfService = subscriptions.find(s => s.ownerType === 'User');
	const company = subscriptions.some(s => s.ownerType !== 'User');
	return {
		skuId: sku.skuId,
		skuPartNumber: sku.skuPartNumber,
		name: productName(sku.skuId, sku.skuPartNumber),
		total,
		assigned,
		available: Math.max(0, total - assigned),
		suspended,
		warning,
		subscriptions,
		selfServiceOwnerId: company ? null : (selfService?.ownerId ?? null),
		selfServiceBesideId: company ? (selfService?.ownerId ?? null) : null,
	};
}

export function productRows(tenant: Tenant): ProductRow[] {
	return indexTenant(tenant).products;
}

export function productBySku(tenant: Tenant, skuId: string): ProductRow | undefined {
	return indexTenant(tenant).products.find(product => product.skuId === skuId);
}

/** The product's name for a skuId of this tenant (or of Microsoft's catalog, or the id itself). */
export function productNameOf(tenant: Tenant, skuId: string): string {
	const sku = indexTenant(tenant).skusById.get(skuId);
	return productName(skuId, sku?.skuPartNumber ?? skuId);
}

/** Product and group names as every screen and command shows them. */
export interface Names {
	product: (skuId: string) => string;
	groups: (groupIds: readonly string[]) => string;
}

export function namesOf(tenant: Tenant): Names {
	const {groupsById} = indexTenant(tenant);
	return {
		product: skuId => productNameOf(tenant, skuId),
		groups: ids => ids.map(id => groupsById.get(id)?.displayName ?? id).join(', '),
	};
}

/** "Business Premium" for "Microsoft 365 Business Premium": for lists where room is short. */
export function shortProductName(name: string): string {
	return name.replace(/^(Microsoft 365|Office 365) /, '');
}

export function holdersOf(tenant: Tenant, skuId: string): User[] {
	return indexTenant(tenant).holders.get(skuId) ?? [];
}

/**
 * The / filter over users, case-insensitive: display name, UPN or the name of a product they hold.
 * `product:NAME` keeps only the holders of products whose name or part number contains NAME.
 * An empty query keeps everyone. `byProduct: false` matches names and UPNs only (a product's own page).
 */
export function filterUsers(
	tenant: Tenant,
	users: readonly User[],
	query: string,
	{byProduct = true}: {byProduct?: boolean} = {},
): readonly User[] {
	const needle = query.trim().toLowerCase();
	if (needle === '') return users;
	// A sorted list has its search texts beside it, in its order: read in a row, not user by user.
	const index = searchIndexes.get(users);
	const text = index ? (i: number) => index.texts[i]! : (i: number) => searchText(users[i]!);
	const keep = (test: (i: number) => boolean) => subset(users, test);
	const byName = (i: number) => text(i).includes(needle);
	if (!byProduct) return keep(byName);
	const {products} = indexTenant(tenant);
	const productMatch = (text: string) =>
		new Set(products.filter(p => p.name.toLowerCase().includes(text) || p.skuPartNumber.toLowerCase().includes(text)).map(p => p.skuId));
	const holds = index
		? (i: number, skuIds: ReadonlySet<string>) => index.skus[i]!.some(skuId => skuIds.has(skuId))
		: (i: number, skuIds: ReadonlySet<string>) => users[i]!.assignedLicenses.some(l => skuIds.has(l.skuId));
	if (needle.startsWith('product:')) {
		const skuIds = productMatch(needle.slice('product:'.length).trim());
		return keep(i => holds(i, skuIds));
	}
	const skuIds = productMatch(needle);
	return keep(i => byName(i) || holds(i, skuIds));
}

/** What the filter reads of each user of a sorted list, in the list's order. */
const searchIndexes = new WeakMap<readonly User[], {texts: string[]; skus: string[][]}>();

/** The users a test keeps, in order; what the filter reads of them comes along, so narrowing stays quick. */
function subset(users: readonly User[], test: (i: number) => boolean): User[] {
	const index = searchIndexes.get(users);
	const kept: User[] = [];
	const texts: string[] = [];
	const skus: string[][] = [];
	for (let i = 0; i < users.length; i++) {
		if (!test(i)) continue;
		kept.push(users[i]!);
		if (index) {
			texts.push(index.texts[i]!);
			skus.push(index.skus[i]!);
		}
	}
	if (index) searchIndexes.set(kept, {texts, skus});
	return kept;
}

/** A user's display name and UPN in lower case, made once per user object (users are immutable). */
const searchTexts = new WeakMap<User, string>();
function searchText(user: User): string {
	let text = searchTexts.get(user);
	if (text === undefined) searchTexts.set(user, (text = `${user.displayName}\n${user.userPrincipalName}`.toLowerCase()));
	return text;
}

/**
 * True when every user `next` keeps is one `previous` kept, so the filter can narrow the last
 * result while a word is typed on: a longer needle matches less, unless it turns into product:NAME.
 */
export function queryNarrows(previous: string, next: string): boolean {
	const [before, after] = [previous.trim().toLowerCase(), next.trim().toLowerCase()];
	return before !== '' && after.includes(before) && before.startsWith('product:') === after.startsWith('product:');
}

/** How a user holds a product: directly, through groups, or both. */
export function assignmentSources(user: User, skuId: string): {direct: boolean; groupIds: string[]} {
	const states = user.licenseAssignmentStates.filter(state => state.skuId === skuId);
	// A snapshot without assignment states holds the license directly, as Graph does for direct assignments.
	if (states.length === 0) return {direct: user.assignedLicenses.some(l => l.skuId === skuId), groupIds: []};
	return {
		direct: states.some(state => state.assignedByGroup === null),
		groupIds: states.flatMap(state => (state.assignedByGroup === null ? [] : [state.assignedByGroup])),
	};
}

/** The admin center's sort orders for Active users. */
export type UserSort = 'displayName' | 'userPrincipalName' | 'licenses';

/** The admin center's filters for Active users; `product` keeps the holders of one product. */
export type UserFilter = {kind: 'all'} | {kind: 'licensed'} | {kind: 'unlicensed'} | {kind: 'blocked'} | {kind: 'product'; skuId: string};

const sorted = new WeakMap<readonly User[], Map<string, readonly User[]>>();

/**
 * The tenant's users in an order, sorted once per list of users and order: Immer gives a new list
 * only when a user changed, so a restored or changed user takes its place, and typing or moving
 * never sorts 100,000 users again. Licenses sort by the products' names as the list shows them.
 */
export function sortedUsers(tenant: Tenant, sort: UserSort): readonly User[] {
	let bySort = sorted.get(tenant.users);
	if (!bySort) sorted.set(tenant.users, (bySort = new Map()));
	const cached = bySort.get(sort);
	if (cached) return cached;
	const key = (user: User): string => {
		if (sort === 'displayName') return user.displayName.toLowerCase();
		if (sort === 'userPrincipalName') return user.userPrincipalName.toLowerCase();
		// Unlicensed users last, as their "Unlicensed" is no product.
		return user.assignedLicenses.length === 0
			? '\uffff'
			: user.assignedLicenses.map(l => shortProductName(productNameOf(tenant, l.skuId))).join(', ').toLowerCase();
	};
	const keys = tenant.users.map(key);
	const names = tenant.users.map(user => user.displayName.toLowerCase());
	const order = tenant.users.map((_, i) => i);
	order.sort((a, b) => keys[a]!.localeCompare(keys[b]!) || names[a]!.localeCompare(names[b]!) || a - b);
	const result = order.map(i => tenant.users[i]!);
	// Made in the sorted order, so filtering 100,000 users reads them in a row, as in the tenant's order.
	searchIndexes.set(result, {texts: result.map(user => `${user.displayName}\n${user.userPrincipalName}`.toLowerCase()), skus: result.map(user => user.assignedLicenses.map(l => l.skuId))});
	bySort.set(sort, result);
	return result;
}

/** The users a filter keeps, in their order. */
export function usersIn(users: readonly User[], filter: UserFilter): readonly User[] {
	const keep = (test: (user: User) => boolean) => subset(users, i => test(users[i]!));
	switch (filter.kind) {
		case 'all':
			return users;
		case 'licensed':
			return keep(user => user.assignedLicenses.length > 0);
		case 'unlicensed':
			return keep(user => user.assignedLicenses.length === 0);
		case 'blocked':
			return keep(user => !user.accountEnabled);
		case 'product':
			return keep(user => user.assignedLicenses.some(l => l.skuId === filter.skuId));
	}
}
