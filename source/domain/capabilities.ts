// What each license gives a user, by capability: the catalog's classification of every service plan
// (generated from Microsoft's CSV), the few products Microsoft documents as giving less, and each
// assignment's own disabled plans. Computed once per tenant's products, so what a user has is a
// handful of array maxima: cheap enough for every user of a large tenant.
import {productPlanExceptions, servicePlanCapabilities, servicePlanNames} from './catalog.js';
import type {SubscribedSku, Tenant, User} from './model.js';

/** Stable ids: the UI words them, `--json` reports them. */
export type CapabilityKind = 'mailbox' | 'archive' | 'onedrive' | 'office-apps' | 'teams';

export const capabilityKinds: readonly CapabilityKind[] = ['mailbox', 'archive', 'onedrive', 'office-apps', 'teams'];

/**
 * The levels of each kind, lowest first; index 0 is none. A 2 GB OneDrive ranks above the basic one
 * of add-ons such as Visio (FACTS.md: "not a full OneDrive"), below a full one.
 */
export const levelNames = {
	mailbox: ['none', 'kiosk', 'full'],
	archive: ['none', 'archive'],
	onedrive: ['none', 'basic', '2gb', 'full'],
	'office-apps': ['none', 'web-read', 'web', 'desktop'],
	teams: ['none', 'teams'],
} as const satisfies Record<CapabilityKind, readonly string[]>;

export type LevelName<K extends CapabilityKind = CapabilityKind> = (typeof levelNames)[K][number];

type Between<T> = T extends readonly ['none', ...infer M extends readonly string[], string] ? M[number] : never;
/** What a kind can be reduced to, as "kind/level": "mailbox/kiosk", "onedrive/2gb", "office-apps/web"... */
export type ReducedTo = {[K in CapabilityKind]: `${K}/${Between<(typeof levelNames)[K]>}`}[CapabilityKind];
/** The kinds that can be reduced, not only lost: mailbox, onedrive, office-apps. */
export type ReducibleKind = ReducedTo extends `${infer K}/${string}` ? K : never;

/** A level per kind, in capabilityKinds order. */
export type Levels = readonly number[];

const none: Levels = capabilityKinds.map(() => 0);

/** The catalog's codes as (kind, level). */
const codeLevels: Readonly<Record<string, readonly [CapabilityKind, number]>> = {
	mailbox: ['mailbox', 2],
	'mailbox-kiosk': ['mailbox', 1],
	archive: ['archive', 1],
	onedrive: ['onedrive', 3],
	'onedrive-2gb': ['onedrive', 2],
	'onedrive-basic': ['onedrive', 1],
	'office-desktop': ['office-apps', 3],
	'office-web': ['office-apps', 2],
	'office-web-read': ['office-apps', 1],
	teams: ['teams', 1],
};

export const kindIndex = (kind: CapabilityKind) => capabilityKinds.indexOf(kind);

function levelsOfCodes(codes: string): Levels {
	const levels = [...none];
	for (const code of codes.split(' ')) {
		const entry = codeLevels[code];
		if (entry) levels[kindIndex(entry[0])] = Math.max(levels[kindIndex(entry[0])]!, entry[1]);
	}
	return levels;
}

export function maxLevels(list: Iterable<Levels>): number[] {
	const result = [...none];
	for (const levels of list) for (let i = 0; i < result.length; i++) result[i] = Math.max(result[i]!, levels[i]!);
	return result;
}

let byName: Map<string, string> | undefined;
/** The catalog's classification by plan name: for a plan a tenant has under an id the CSV lacks. */
function codesByName(): Map<string, string> {
	if (!byName) {
		byName = new Map();
		for (const [planId, [name]] of Object.entries(servicePlanNames)) {
			const codes = servicePlanCapabilities[planId];
			if (codes) byName.set(name, codes);
		}
	}
	return byName;
}

/** What one service plan of a product gives, or null when neither its id nor its name is known. */
function planCodes(skuId: string, plan: {servicePlanId: string; servicePlanName: string}): string | null {
	const planId = plan.servicePlanId.toLowerCase();
	const exception = productPlanExceptions[skuId.toLowerCase()]?.[planId];
	if (exception !== undefined) return exception;
	return servicePlanCapabilities[planId] || codesByName().get(plan.servicePlanName) || null;
}

/**
 * Whether a service plan gives one of the kinds wherever it appears (a product's exceptions aside):
 * such plans are compared by what they give, not by name.
 */
export function givesCapability(plan: {servicePlanId: string; servicePlanName: string}): boolean {
	const codes = servicePlanCapabilities[plan.servicePlanId.toLowerCase()] || codesByName().get(plan.servicePlanName) || '';
	return codes !== '' && !codes.startsWith('-');
}

export interface SkuCapabilities {
	/** Everything the product gives, with no plan disabled. */
	all: Levels;
	/** The plans that give something, for assignments that disable some. */
	plans: ReadonlyArray<{planId: string; levels: Levels}>;
	/** Plans this catalog cannot classify: servicePlanId → name. */
	unrecognised: ReadonlyMap<string, string>;
}

function skuCapabilities(sku: SubscribedSku): SkuCapabilities {
	const plans: Array<{planId: string; levels: Levels}> = [];
	const unrecognised = new Map<string, string>();
	for (const plan of sku.servicePlans) {
		const codes = planCodes(sku.skuId, plan);
		if (codes === null) unrecognised.set(plan.servicePlanId.toLowerCase(), plan.servicePlanName);
		else if (!codes.startsWith('-') && codes !== '') plans.push({planId: plan.servicePlanId.toLowerCase(), levels: levelsOfCodes(codes)});
	}
	return {all: maxLevels(plans.map(p => p.levels)), plans, unrecognised};
}

export type CapabilityCatalog = ReadonlyMap<string, SkuCapabilities>;

const catalogs = new WeakMap<readonly SubscribedSku[], CapabilityCatalog>();

/** What each of the tenant's products gives, computed once per list of products. */
export function capabilityCatalog(tenant: Tenant): CapabilityCatalog {
	let catalog = catalogs.get(tenant.subscribedSkus);
	if (!catalog) {
		catalog = new Map(tenant.subscribedSkus.map(sku => [sku.skuId, skuCapabilities(sku)]));
		catalogs.set(tenant.subscribedSkus, catalog);
	}
	return catalog;
}

/** One license of a user: direct (groupId null) or through a group, each with its own disabled plans. */
export interface Assignment {
	skuId: string;
	groupId: string | null;
	disabledPlans: readonly string[];
}

/**
 * The same assignments, whoever holds them: product, direct or through a group, and the plans turned
 * off. Read from Graph's fields as assignmentsOf reads them, without building the assignments: for
 * most users this key is all that is needed.
 */
export function assignmentsKey(user: User): string {
	const part = (skuId: string, group: boolean, disabled: readonly string[]) =>
		`${skuId}${group ? '*' : ''}${disabled.length > 0 ? `-${[...disabled].sort().join(',')}` : ''}`;
	const parts = user.licenseAssignmentStates.map(s => part(s.skuId, s.assignedByGroup !== null, s.disabledPlans ?? []));
	for (const license of user.assignedLicenses) {
		if (!user.licenseAssignmentStates.some(state => state.skuId === license.skuId)) parts.push(part(license.skuId, false, license.disabledPlans));
	}
	return parts.length < 2 ? (parts[0] ?? '') : parts.sort().join('|');
}

/**
 * Every assignment a user holds. Graph lists each one in licenseAssignmentStates (direct and per
 * group); a snapshot without them holds its assignedLicenses directly.
 */
export function assignmentsOf(user: User): Assignment[] {
	const result: Assignment[] = user.licenseAssignmentStates.map(state => ({
		skuId: state.skuId,
		groupId: state.assignedByGroup,
		disabledPlans: state.disabledPlans ?? [],
	}));
	for (const license of user.assignedLicenses) {
		if (!user.licenseAssignmentStates.some(state => state.skuId === license.skuId)) {
			result.push({skuId: license.skuId, groupId: null, disabledPlans: license.disabledPlans});
		}
	}
	return result;
}

/** What the user still holds once the direct assignments of these products go (group ones stay). */
export function withoutDirect(assignments: readonly Assignment[], skuIds: readonly string[]): Assignment[] {
	return assignments.filter(a => a.groupId !== null || !skuIds.includes(a.skuId));
}

/** ...and once these products are assigned directly, with the apps given turned off (else every one on). */
export function withAdded(
	assignments: readonly Assignment[],
	skuIds: readonly string[],
	disabled: Readonly<Record<string, readonly string[]>> = {},
): Assignment[] {
	return [...assignments, ...skuIds.map(skuId => ({skuId, groupId: null, disabledPlans: disabled[skuId] ?? []}))];
}

/** What one assignment gives: its product's plans, less the ones it disables. */
export function assignmentLevels(catalog: CapabilityCatalog, assignment: Assignment): Levels {
	const sku = catalog.get(assignment.skuId);
	if (!sku) return none;
	if (assignment.disabledPlans.length === 0) return sku.all;
	const disabled = new Set(assignment.disabledPlans.map(id => id.toLowerCase()));
	return maxLevels(sku.plans.filter(p => !disabled.has(p.planId)).map(p => p.levels));
}

/** What a set of assignments gives together. */
export function levelsOf(catalog: CapabilityCatalog, assignments: readonly Assignment[]): number[] {
	return maxLevels(assignments.map(a => assignmentLevels(catalog, a)));
}

/** The unrecognised plans the assignments enable: servicePlanId → name. */
export function unrecognisedPlans(catalog: CapabilityCatalog, assignments: readonly Assignment[]): Map<string, string> {
	const found = new Map<string, string>();
	for (const assignment of assignments) {
		const sku = catalog.get(assignment.skuId);
		if (!sku || sku.unrecognised.size === 0) continue;
		for (const [planId, name] of sku.unrecognised) {
			if (!assignment.disabledPlans.some(id => id.toLowerCase() === planId)) found.set(planId, name);
		}
	}
	return found;
}

/** The service plan names an assignment enables: what Graph checks a dependency against. */
export function enabledPlanNames(assignment: Assignment, skusById: ReadonlyMap<string, SubscribedSku>): string[] {
	const sku = skusById.get(assignment.skuId);
	if (!sku) return [];
	const disabled = new Set(assignment.disabledPlans.map(id => id.toLowerCase()));
	return sku.servicePlans.filter(p => !disabled.has(p.servicePlanId.toLowerCase())).map(p => p.servicePlanName);
}
