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
 * The levels of each kind, lowest first; index 0 is none. Sizes are levels only where Microsoft
 * documents them (FACTS.md, "Archive: sizes, not only yes/no"): a Kiosk mailbox of 2 GB, Exchange
 * Online (Plan 1)'s 50 GB with its own 50 GB archive, Plan 2's 100 GB with an archive that
 * auto-expands up to 1.5 TB (as Exchange Online Archiving makes it). A 2 GB OneDrive ranks above the
 * basic one of add-ons such as Visio (FACTS.md: "not a full OneDrive"), below a full one.
 */
export const levelNames = {
	mailbox: ['none', 'kiosk', 'undocumented-size', '50gb', '100gb'],
	archive: ['none', 'not-documented', 'undocumented-size', '50gb', 'auto-expanding'],
	onedrive: ['none', 'basic', '2gb', 'full'],
	'office-apps': ['none', 'web-read', 'web', 'desktop'],
	teams: ['none', 'teams'],
} as const satisfies Record<CapabilityKind, readonly string[]>;

export type LevelName<K extends CapabilityKind = CapabilityKind> = (typeof levelNames)[K][number];

/**
 * The levels Microsoft documents no size for, each with the highest level it is known to be above
 * (null: not even none, since whether there is one at all is not documented). Ranked by index for
 * what a user holds together, they are compared with another level only as far as that goes: a full
 * mailbox of undocumented size is more than a Kiosk one, and neither more nor less than 50 GB.
 */
const undocumentedLevels = {
	mailbox: {'undocumented-size': 'kiosk'},
	archive: {'not-documented': null, 'undocumented-size': 'none'},
} as const satisfies {[K in CapabilityKind]?: Partial<Record<LevelName<K>, LevelName<K> | null>>};

type UndocumentedLevel<K extends CapabilityKind> = K extends keyof typeof undocumentedLevels ? keyof (typeof undocumentedLevels)[K] : never;
/** The levels of a kind with a documented size: what a reduction names at either end. */
export type SizedLevel<K extends CapabilityKind> = Exclude<LevelName<K>, 'none' | UndocumentedLevel<K>>;

/** The kinds with more than one documented level, so they can be reduced, not only lost. */
export const reducibleKinds = ['mailbox', 'archive', 'onedrive', 'office-apps'] as const satisfies readonly CapabilityKind[];
export type ReducibleKind = (typeof reducibleKinds)[number];
type Top<K extends CapabilityKind> = (typeof levelNames)[K] extends readonly [...string[], infer L] ? L : never;
/** A kind and a level it can be reduced to, as "kind/level": "mailbox/kiosk", "archive/50gb"... */
export type ReducedTo = {[K in ReducibleKind]: `${K}/${Exclude<SizedLevel<K>, Top<K>>}`}[ReducibleKind];

/** A level per kind, in capabilityKinds order. */
export type Levels = readonly number[];

const none: Levels = capabilityKinds.map(() => 0);

/** The catalog's codes as (kind, level): see source/tools/generate-catalog.mjs. */
const codeLevels: Readonly<Record<string, readonly [CapabilityKind, LevelName]>> = {
	'mailbox-100gb': ['mailbox', '100gb'],
	'mailbox-50gb': ['mailbox', '50gb'],
	mailbox: ['mailbox', 'undocumented-size'],
	'mailbox-kiosk': ['mailbox', 'kiosk'],
	'archive-auto': ['archive', 'auto-expanding'],
	'archive-50gb': ['archive', '50gb'],
	archive: ['archive', 'undocumented-size'],
	'archive-unknown': ['archive', 'not-documented'],
	onedrive: ['onedrive', 'full'],
	'onedrive-2gb': ['onedrive', '2gb'],
	'onedrive-basic': ['onedrive', 'basic'],
	'office-desktop': ['office-apps', 'desktop'],
	'office-web': ['office-apps', 'web'],
	'office-web-read': ['office-apps', 'web-read'],
	teams: ['teams', 'teams'],
};

/** A level's rank in its kind. */
export const levelIndex = <K extends CapabilityKind>(kind: K, level: LevelName<K>) => (levelNames[kind] as readonly string[]).indexOf(level);

/** Per kind, by level: whether Microsoft documents its size, and the highest level it is known to be above (-1: not even none). */
const ranks = {} as Record<CapabilityKind, ReadonlyArray<{documented: boolean; above: number}>>;
for (const kind of capabilityKinds) {
	const names: readonly string[] = levelNames[kind];
	const floors: Readonly<Record<string, string | null>> = (undocumentedLevels as Partial<Record<CapabilityKind, Record<string, string | null>>>)[kind] ?? {};
	ranks[kind] = names.map((name, i) => {
		const floor = floors[name];
		return floor === undefined ? {documented: true, above: i - 1} : {documented: false, above: floor === null ? -1 : names.indexOf(floor)};
	});
}

/** Whether a user at this level is known to have something of the kind: false for none, and for an archive not documented. */
export const hasSome = (kind: CapabilityKind, level: number) => ranks[kind][level]!.above >= 0;

/**
 * What going from level `had` to level `has` does, as far as Microsoft documents it: kept (the same
 * or more, or nothing known to be had), lost, reduced, or undocumented when the documentation does
 * not say which.
 */
export function levelChange(kind: CapabilityKind, had: number, has: number): 'kept' | 'lost' | 'reduced' | 'undocumented' {
	if (has >= had || !hasSome(kind, had)) return 'kept';
	if (!ranks[kind][has]!.documented || has > ranks[kind][had]!.above) return 'undocumented';
	return has === 0 ? 'lost' : 'reduced';
}

export const kindIndex = (kind: CapabilityKind) => capabilityKinds.indexOf(kind);

function levelsOfCodes(codes: string): Levels {
	const levels = [...none];
	for (const code of codes.split(' ')) {
		const entry = codeLevels[code];
		if (entry) levels[kindIndex(entry[0])] = Math.max(levels[kindIndex(entry[0])]!, levelIndex(entry[0], entry[1]));
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
