// Read-only views of a tenant, computed once per tenant value: Immer gives a new object only when
// something changed, so a WeakMap keyed by the tenant is an exact cache.
import type {CompanySubscription, Group, SubscribedSku, Tenant, User} from './model.js';
import {productName} from './names.js';
import {searchUsers} from './user-search.js';

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
	readonly usersById: Map<string, User>;
	readonly usersByUpn: Map<string, User>;
	readonly groupsById: Map<string, Group>;
	readonly skusById: Map<string, SubscribedSku>;
	/** skuId → users holding it, in the tenant's user order */
	readonly holders: Map<string, User[]>;
	/** skuId → the product's name as every screen, the command line and reports show it (productNameOf). */
	readonly productNames: Map<string, string>;
	readonly products: ProductRow[];
	/** The user with this UPN (any case): without building the map of every UPN for one look-up. */
	userByUpn(upn: string): User | undefined;
}

const cache = new WeakMap<Tenant, TenantIndex>();

/**
 * Each view is made on first use: at 100,000 users a map of every id or UPN costs tens of
 * milliseconds, and the first frame needs only the products' counts and the admin.
 */
class LazyIndex implements TenantIndex {
	#usersById?: Map<string, User>;
	#usersByUpn?: Map<string, User>;
	#groupsById?: Map<string, Group>;
	#skusById?: Map<string, SubscribedSku>;
	#holders?: Map<string, User[]>;
	#productNames?: Map<string, string>;
	#products?: ProductRow[];
	#upnLookups = 0;

	constructor(private readonly tenant: Tenant) {}

	get usersById(): Map<string, User> {
		return (this.#usersById ??= new Map(this.tenant.users.map(user => [user.id, user])));
	}

	get usersByUpn(): Map<string, User> {
		return (this.#usersByUpn ??= new Map(this.tenant.users.map(user => [user.userPrincipalName.toLowerCase(), user])));
	}

	get groupsById(): Map<string, Group> {
		return (this.#groupsById ??= new Map(this.tenant.groups.map(group => [group.id, group])));
	}

	get skusById(): Map<string, SubscribedSku> {
		return (this.#skusById ??= new Map(this.tenant.subscribedSkus.map(sku => [sku.skuId, sku])));
	}

	get holders(): Map<string, User[]> {
		if (!this.#holders) {
			const holders = new Map<string, User[]>();
			for (const user of this.tenant.users) {
				for (const license of user.assignedLicenses) {
					let list = holders.get(license.skuId);
					if (!list) holders.set(license.skuId, (list = []));
					list.push(user);
				}
			}
			this.#holders = holders;
		}
		return this.#holders;
	}

	get productNames(): Map<string, string> {
		if (!this.#productNames) {
			const skus = this.tenant.subscribedSkus;
			const named = skus.map(sku => productName(sku.skuId, sku.skuPartNumber));
			const counts = new Map<string, number>();
			for (const name of named) counts.set(name, (counts.get(name) ?? 0) + 1);
			// Two products of the tenant with one name (Microsoft 365 F1 is both M365_F1 and M365_F1_COMM):
			// each told apart by its part number.
			this.#productNames = new Map(skus.map((sku, i) => [sku.skuId, counts.get(named[i]!)! > 1 ? nameWithPartNumber(sku) : named[i]!]));
		}
		return this.#productNames;
	}

	get products(): ProductRow[] {
		if (!this.#products) {
			// Counted without the holders' lists, which only a product's page needs.
			const assigned = new Map<string, number>();
			if (this.#holders) for (const [skuId, list] of this.#holders) assigned.set(skuId, list.length);
			else
				for (const user of this.tenant.users) for (const license of user.assignedLicenses) assigned.set(license.skuId, (assigned.get(license.skuId) ?? 0) + 1);
			const subscriptionsBySku = new Map<string, CompanySubscription[]>();
			for (const subscription of this.tenant.subscriptions) {
				let list = subscriptionsBySku.get(subscription.skuId);
				if (!list) subscriptionsBySku.set(subscription.skuId, (list = []));
				list.push(subscription);
			}
			this.#products = this.tenant.subscribedSkus
				.filter(sku => sku.appliesTo === undefined || sku.appliesTo === 'User')
				.map(sku => productRow(sku, this.productNames.get(sku.skuId)!, subscriptionsBySku.get(sku.skuId) ?? [], assigned.get(sku.skuId) ?? 0))
				.sort((a, b) => a.name.localeCompare(b.name));
		}
		return this.#products;
	}

	userByUpn(upn: string): User | undefined {
		const wanted = upn.toLowerCase();
		// A look-up or two (the admin, at start-up) scan; more than that are worth the map.
		if (this.#usersByUpn || ++this.#upnLookups > 2) return this.usersByUpn.get(wanted);
		return this.tenant.users.find(user => user.userPrincipalName.toLowerCase() === wanted);
	}
}

export function indexTenant(tenant: Tenant): TenantIndex {
	let index = cache.get(tenant);
	if (!index) cache.set(tenant, (index = new LazyIndex(tenant)));
	return index;
}

function productRow(sku: SubscribedSku, name: string, subscriptions: CompanySubscription[], assigned: number): ProductRow {
	const byStatus = (status: string) => subscriptions.filter(s => s.status === status).reduce((sum, s) => sum + s.totalLicenses, 0);
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
		name,
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

/**
 * The product's name for a skuId of this tenant (or of Microsoft's catalog, or the id itself), with
 * its part number where another product of the tenant has the same name.
 */
export function productNameOf(tenant: Tenant, skuId: string): string {
	return indexTenant(tenant).productNames.get(skuId) ?? productName(skuId, skuId);
}

/** "Microsoft 365 F1 (M365_F1_COMM)": a product's name with its part number, always. */
export function nameWithPartNumber(sku: {skuId: string; skuPartNumber: string}): string {
	return `${productName(sku.skuId, sku.skuPartNumber)} (${sku.skuPartNumber})`;
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

/**
 * "Business Premium" for "Microsoft 365 Business Premium". The one rule: the short name only in a
 * list's rows and its one-line summary, where room is short; the full name everywhere else (titles,
 * sentences, choices, the filter in force), so the same product reads the same in each of them.
 */
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
 * The list is searched through an index made once per list (domain/user-search.ts).
 */
export function filterUsers(tenant: Tenant, users: readonly User[], query: string, {byProduct = true}: {byProduct?: boolean} = {}): readonly User[] {
	const needle = query.trim().toLowerCase();
	if (needle === '') return users;
	if (!byProduct) return searchUsers(users, needle, true, new Set());
	const {products} = indexTenant(tenant);
	const productMatch = (text: string) =>
		new Set(products.filter(p => p.name.toLowerCase().includes(text) || p.skuPartNumber.toLowerCase().includes(text)).map(p => p.skuId));
	if (needle.startsWith('product:')) return searchUsers(users, '', false, productMatch(needle.slice('product:'.length).trim()));
	return searchUsers(users, needle, true, productMatch(needle));
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
			: user.assignedLicenses
					.map(l => shortProductName(productNameOf(tenant, l.skuId)))
					.join(', ')
					.toLowerCase();
	};
	const keys = tenant.users.map(key);
	const names = tenant.users.map(user => user.displayName.toLowerCase());
	const order = tenant.users.map((_, i) => i);
	order.sort((a, b) => keys[a]!.localeCompare(keys[b]!) || names[a]!.localeCompare(names[b]!) || a - b);
	const result = order.map(i => tenant.users[i]!);
	bySort.set(sort, result);
	return result;
}

/** The users a filter keeps, in their order. */
export function usersIn(users: readonly User[], filter: UserFilter): readonly User[] {
	const keep = (test: (user: User) => boolean) => users.filter(test);
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
