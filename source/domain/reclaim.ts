// Reclaim: the licenses that can go, found three ways.
// - Redundant: a product whose removal loses the user nothing. What the consequences engine speaks of
//   (mailbox and its size class, archive, OneDrive, Office apps, Teams) is compared by what each
//   assignment the user keeps gives, with its own disabled plans; every other service plan the
//   product enables (Power BI, Visio, Teams Phone, Intune...) must still be enabled by a license they
//   keep: the same plan, the same plan in a higher edition, or a fuller plan that includes it.
// - Sign-in blocked: accounts that cannot sign in and still hold licenses.
// - Inactive: accounts that may sign in but have not for N days (signInActivity).
// The redundancy of a license depends only on the user's assignments, and a large tenant has few
// distinct sets of them: each set is worked out once, then every user holding it is a lookup.
import {assignmentsKey, assignmentsOf, capabilityCatalog, givesCapability, type Assignment} from './capabilities.js';
import {capabilityChange, consequencesOfChange, directChange, type Consequence, type UserConsequences} from './consequences.js';
import {daysAfter} from './dates.js';
import type {ServicePlanInfo, SubscribedSku, Tenant, User} from './model.js';
import {servicePlanName} from './names.js';
import {planChanges, type LicensePlan} from './plan.js';
import {dependentAddOns, selfServiceOwner} from './rules.js';
import {indexTenant} from './selectors.js';
import {extended} from './extended.js';

export type SectionId = 'redundant' | 'blocked' | 'inactive';
export const sectionIds: readonly SectionId[] = ['redundant', 'blocked', 'inactive'];

/** The default of --inactive-days. */
export const defaultInactiveDays = 90;

/**
 * Why a license is listed but not offered: held only through a group (Graph refuses to remove it
 * from the user), bought by self-service purchase, or redundant only while another one the user is
 * offered to lose stays.
 */
export type NotOffered = 'group-assigned' | 'self-service-subscription' | 'not-together';

export interface ReclaimLicense {
	skuId: string;
	direct: boolean;
	/** The groups the user holds it through. */
	groupIds: string[];
	notOffered: NotOffered | null;
	/** Unassigning it frees a license: the user holds it directly and through no group. */
	frees: boolean;
}

/** What the user would lose: kinds the engine speaks of, service plans (by name), add-ons that would fall. */
export interface Loss {
	kinds: Consequence[];
	plans: string[];
	addOns: string[];
}

export interface Redundancy {
	/** The products the user keeps that give what this one gives (its own skuId: through a group). */
	coveredBy: string[];
	/** Its plans not counted, because they give no user anything of their own: names. */
	notCounted: string[];
	/** Redundant alone, but not beside these (offered in its place): what the user would lose with both gone. */
	notWith: {skuIds: string[]; loss: Loss} | null;
}

export interface Candidate {
	section: SectionId;
	user: User;
	/** Redundant: the one product. Sign-in blocked and inactive: every product the user holds. */
	licenses: ReclaimLicense[];
	redundancy: Redundancy | null;
	/** The last sign-in recorded: null when none is, or the tenant's source has no sign-in activity. */
	lastSignIn: string | null;
	/** The user's assignments as a key: candidates with the same one, losing the same, lose the same. */
	assignmentsKey: string;
}

/** Why the inactive section has nothing to go on: Graph refused signInActivity, or the snapshot has none. */
export type SignInUnavailable = {source: 'graph'; message: string} | {source: 'snapshot'};

export interface ReclaimSection {
	id: SectionId;
	candidates: Candidate[];
	/** skuId → licenses freed when every license the section offers goes. */
	freed: Map<string, number>;
	/** Licenses the section offers for unassigning. */
	offered: number;
	/** Users with a license offered. */
	users: number;
	unavailable: SignInUnavailable | null;
}

export interface ReclaimOptions {
	now: Date;
	inactiveDays: number;
}

/**
 * Plans that give no user anything of their own, so their loss is not counted (and is named):
 * retired services, the portal partners use to manage customers' tenants, and extras the suites
 * switch on for Teams and list under one suite and not the next.
 */
const notCountedPlans: ReadonlySet<string> = new Set([
	// Microsoft's table: "RETIRED - Commercial data protection for Microsoft Copilot".
	'Bing_Chat_Enterprise',
	// Microsoft 365 Lighthouse: the managed-service partner's portal over customer tenants.
	'M365_LIGHTHOUSE_CUSTOMER_PLAN1',
	'M365_LIGHTHOUSE_PARTNER_PLAN1',
	// Avatars and immersive spaces in Teams meetings: Office 365 E3 lists them, Office 365 E5 does not.
	// (Microsoft Mesh sold on its own, in Teams Premium, is MESH_IMMERSIVE: counted.)
	'MESH_AVATARS_FOR_TEAMS',
	'MESH_AVATARS_ADDITIONAL_FOR_TEAMS',
	'MESH_IMMERSIVE_FOR_TEAMS',
	'Nucleus',
]);

/**
 * Plans included in a fuller plan of another name: plan → the plans that include it. Exchange
 * Foundation is what products without a mailbox carry for Exchange's services; a mailbox plan
 * carries them too.
 */
const includedIn: Readonly<Record<string, readonly string[]>> = {
	EXCHANGE_S_FOUNDATION: ['EXCHANGE_S_STANDARD', 'EXCHANGE_S_ENTERPRISE', 'EXCHANGE_S_DESKLESS', 'EXCHANGE_S_ESSENTIALS', 'EXCHANGE_S_STANDARD_MIDMARKET'],
	EXCHANGE_S_FOUNDATION_GOV: ['EXCHANGE_S_STANDARD_GOV', 'EXCHANGE_S_ENTERPRISE_GOV', 'EXCHANGE_S_DESKLESS_GOV'],
	// Microsoft Defender for Endpoint Plan 1 → (Plan 2); Cloud App Security Discovery → Defender for Cloud Apps.
	MDE_LITE: ['WINDEFATP'],
	ADALLOM_S_DISCOVERY: ['ADALLOM_S_STANDALONE'],
	// Azure Rights Management: basic → Azure Information Protection P1 → P2; Entra ID P1 → P2.
	RMS_S_BASIC: ['RMS_S_ENTERPRISE', 'RMS_S_PREMIUM', 'RMS_S_PREMIUM2'],
	RMS_S_PREMIUM: ['RMS_S_PREMIUM2'],
	AAD_PREMIUM: ['AAD_PREMIUM_P2'],
	// Skype for Business Online (Plan 1) → (Plan 2); Windows 10 Enterprise E3 (local only) → Windows 10/11 Enterprise.
	MCOIMP: ['MCOSTANDARD'],
	WIN10_ENT_LOC_F1: ['WIN10_PRO_ENT_SUB'],
	// "Microsoft Kaizala Pro" under every name.
	KAIZALA_O365_P1: ['KAIZALA_STANDALONE'],
	KAIZALA_O365_P2: ['KAIZALA_STANDALONE'],
	KAIZALA_O365_P3: ['KAIZALA_STANDALONE'],
};

/**
 * A plan's family and edition, when its name ends in one: FORMS_PLAN_E3 → FORMS_PLAN 3,
 * FLOW_O365_P2_GOV → FLOW_O365 _GOV 2, WHITEBOARD_PLAN2, OFFICE_FORMS_PLAN_3, BPOS_S_TODO_2. The
 * frontline editions (FORMS_PLAN_K, FLOW_O365_S1, CDS_O365_F1, BPOS_S_TODO_FIRSTLINE) come lowest.
 * A higher edition of the family includes a lower one. Names whose number is not an edition
 * (calling plans, Cloud PC sizes) do not match.
 */
function edition(name: string): [string, number] | null {
	const match = /^(.*?)(?:_(?:P|E|PLAN_?)(\d)|_(?:K|F\d|S\d|FIRSTLINE\d?)|(?<=TODO)_(\d))((?:_[A-Z]+)*)$/.exec(name);
	return match ? [`${match[1]}#${match[4]}`, Number(match[2] ?? match[3] ?? 0)] : null;
}

interface KeptPlan {
	skuId: string;
	plan: ServicePlanInfo;
}

/** The product of the kept assignments that gives this plan, or a fuller one; undefined when none does. */
function keptBy(plan: ServicePlanInfo, kept: readonly KeptPlan[]): string | undefined {
	const id = plan.servicePlanId.toLowerCase();
	const same = kept.find(k => k.plan.servicePlanId.toLowerCase() === id || k.plan.servicePlanName === plan.servicePlanName);
	if (same) return same.skuId;
	const own = edition(plan.servicePlanName);
	const fuller = includedIn[plan.servicePlanName] ?? [];
	return kept.find(k => {
		const theirs = edition(k.plan.servicePlanName);
		return (own && theirs && own[0] === theirs[0] && theirs[1] >= own[1]) || fuller.includes(k.plan.servicePlanName);
	})?.skuId;
}

function enabledPlans(assignment: Assignment, skusById: ReadonlyMap<string, SubscribedSku>): ServicePlanInfo[] {
	const plans = skusById.get(assignment.skuId)?.servicePlans ?? [];
	if (assignment.disabledPlans.length === 0) return plans;
	const disabled = new Set(assignment.disabledPlans.map(id => id.toLowerCase()));
	return plans.filter(p => !disabled.has(p.servicePlanId.toLowerCase()));
}

const holdsDirectly = (assignments: readonly Assignment[], skuId: string) => assignments.some(a => a.skuId === skuId && a.groupId === null);

interface Check {
	ok: boolean;
	loss: Loss;
	coveredBy: string[];
	notCounted: string[];
}

/**
 * What removing these products would cost the user: a product held directly loses its direct
 * assignment (a group's stays); one held only through groups loses them all.
 */
function removalCost(tenant: Tenant, user: User, assignments: readonly Assignment[], skuIds: readonly string[]): Check {
	const {skusById} = indexTenant(tenant);
	const removed = assignments.filter(a => skuIds.includes(a.skuId) && (a.groupId === null || !holdsDirectly(assignments, a.skuId)));
	const kept = assignments.filter(a => !removed.includes(a));
	const change = capabilityChange(capabilityCatalog(tenant), assignments, kept);
	const keptPlans = kept.flatMap(a => enabledPlans(a, skusById).map(plan => ({skuId: a.skuId, plan})));
	const coveredBy = new Set<string>(Object.values(change.kept).flat());
	const notCounted = new Set<string>();
	const lost = new Set<string>(change.unrecognised);
	for (const assignment of removed) {
		for (const plan of enabledPlans(assignment, skusById)) {
			if (givesCapability(plan)) continue;
			const by = keptBy(plan, keptPlans);
			if (by) coveredBy.add(by);
			else if (notCountedPlans.has(plan.servicePlanName)) notCounted.add(servicePlanName(plan.servicePlanId, plan.servicePlanName));
			else lost.add(servicePlanName(plan.servicePlanId, plan.servicePlanName));
		}
	}
	const direct = skuIds.filter(skuId => holdsDirectly(assignments, skuId));
	const addOns = direct.length > 0 ? [...dependentAddOns(tenant, user, direct).keys()] : [];
	const loss = {kinds: change.changes, plans: [...lost], addOns};
	return {ok: loss.kinds.length + loss.plans.length + loss.addOns.length === 0, loss, coveredBy: [...coveredBy], notCounted: [...notCounted]};
}

/** The redundant products of one set of assignments, with what covers them. */
type Verdicts = ReadonlyMap<string, Redundancy>;

function verdictsOf(tenant: Tenant, user: User, assignments: readonly Assignment[], offerable: (skuId: string) => boolean): Verdicts {
	const {skusById} = indexTenant(tenant);
	const verdicts = new Map<string, Redundancy>();
	for (const skuId of new Set(assignments.map(a => a.skuId))) {
		const cost = removalCost(tenant, user, assignments, [skuId]);
		if (cost.ok) verdicts.set(skuId, {coveredBy: cost.coveredBy, notCounted: cost.notCounted, notWith: null});
	}
	// Two redundant products may each cover the other: offer the ones that can go together, the
	// smaller first, and say of the rest which of those they cannot go with.
	const size = (skuId: string) => skusById.get(skuId)?.servicePlans.length ?? 0;
	const offered = [...verdicts.keys()]
		.filter(skuId => holdsDirectly(assignments, skuId) && offerable(skuId))
		.sort((a, b) => size(a) - size(b) || a.localeCompare(b));
	const together: string[] = [];
	for (const skuId of offered) {
		const cost = together.length === 0 ? null : removalCost(tenant, user, assignments, [...together, skuId]);
		if (!cost || cost.ok) together.push(skuId);
		else verdicts.set(skuId, {...verdicts.get(skuId)!, notWith: {skuIds: [...together], loss: cost.loss}});
	}
	return verdicts;
}

/** Every product the user holds, once, with how. */
function licensesOf(tenant: Tenant, assignments: readonly Assignment[]): ReclaimLicense[] {
	return [...new Set(assignments.map(a => a.skuId))].map(skuId => {
		const own = assignments.filter(a => a.skuId === skuId);
		const direct = own.some(a => a.groupId === null);
		const groupIds = own.flatMap(a => (a.groupId === null ? [] : [a.groupId]));
		const notOffered = !direct ? 'group-assigned' : selfServiceOwner(tenant, skuId) ? 'self-service-subscription' : null;
		return {skuId, direct, groupIds, notOffered, frees: direct && groupIds.length === 0};
	});
}

/** Whether the tenant's source tells when users signed in, and if not, why. */
export function signInUnavailable(tenant: Tenant): SignInUnavailable | null {
	if (tenant.signInActivityUnavailable !== undefined) return {source: 'graph', message: tenant.signInActivityUnavailable};
	if (tenant['x-local']?.lastSignIn || tenant.users.some(user => user.signInActivity !== undefined)) return null;
	return {source: 'snapshot'};
}

/** The latest of these times, as given and in milliseconds; null when none is a time. */
function latest(times: ReadonlyArray<string | null | undefined>): {time: string; ms: number} | null {
	let found: {time: string; ms: number} | null = null;
	for (const time of times) {
		if (typeof time !== 'string') continue;
		const ms = Date.parse(time);
		if (!Number.isNaN(ms) && (!found || ms > found.ms)) found = {time, ms};
	}
	return found;
}

/**
 * The user's last sign-in: the latest of their interactive, non-interactive and successful sign-ins
 * (attempts count: a user is inactive only when nothing at all is recorded for the days asked), or a
 * snapshot's x-local.lastSignIn.
 */
function lastSignInOf(tenant: Tenant, user: User): {time: string; ms: number} | null {
	const activity = user.signInActivity;
	if (activity === undefined) return latest([tenant['x-local']?.lastSignIn?.[user.id]]);
	return activity === null ? null : latest([activity.lastSignInDateTime, activity.lastNonInteractiveSignInDateTime, activity.lastSuccessfulSignInDateTime]);
}

/** The user's last sign-in as recorded, or null when none is. */
export function lastSignIn(tenant: Tenant, user: User): string | null {
	return lastSignInOf(tenant, user)?.time ?? null;
}

/**
 * Not signed in since the cut-off: the last sign-in before it, or none recorded for an account
 * created before it. An account with no sign-in and no known creation time may be new: not listed.
 */
function inactiveSince(tenant: Tenant, user: User, cutoff: number, cutoffText: string): {lastSignIn: string | null} | null {
	// Most users signed in lately, in Graph's own form (2026-11-20T09:00:00Z), which sorts as text.
	const activity = user.signInActivity;
	const recent = (time: string | null | undefined) => typeof time === 'string' && time.length === 20 && time.endsWith('Z') && time >= cutoffText;
	if (activity && (recent(activity.lastSuccessfulSignInDateTime) || recent(activity.lastNonInteractiveSignInDateTime) || recent(activity.lastSignInDateTime))) {
		return null;
	}
	const last = lastSignInOf(tenant, user);
	if (last) return last.ms < cutoff ? {lastSignIn: last.time} : null;
	const created = latest([user.createdDateTime]);
	return created && created.ms < cutoff ? {lastSignIn: null} : null;
}

function section(id: SectionId, candidates: Candidate[], unavailable: SignInUnavailable | null = null): ReclaimSection {
	const {licenses, users, freed} = reclaimTotals(candidates);
	return {id, candidates, freed, offered: licenses, users, unavailable};
}

const cache = new WeakMap<Tenant, Map<string, ReclaimSection[]>>();

/**
 * The three sections. Computed once per tenant value (the store gives a new one after a change), per
 * day and number of days asked.
 */
export function findReclaim(tenant: Tenant, {now, inactiveDays}: ReclaimOptions): ReclaimSection[] {
	const key = `${inactiveDays}|${now.toISOString().slice(0, 13)}`;
	let byKey = cache.get(tenant);
	const cached = byKey?.get(key);
	if (cached) return cached;

	const combos = new Map<string, Verdicts>();
	const offerable = (skuId: string) => !selfServiceOwner(tenant, skuId);
	const cutoff = daysAfter(now, -inactiveDays).getTime();
	const cutoffText = new Date(cutoff).toISOString().replace(/\.\d+Z$/, 'Z');
	const unavailable = signInUnavailable(tenant);
	const redundant: Candidate[] = [];
	const blocked: Candidate[] = [];
	const inactive: Candidate[] = [];
	for (const user of tenant.users) {
		if (user.assignedLicenses.length === 0 && user.licenseAssignmentStates.length === 0) continue;
		const comboKey = assignmentsKey(user);
		let assignments: Assignment[] | undefined;
		const own = () => (assignments ??= assignmentsOf(user));
		let verdicts = combos.get(comboKey);
		if (!verdicts) combos.set(comboKey, (verdicts = verdictsOf(tenant, user, own(), offerable)));
		let licenses: ReclaimLicense[] | undefined;
		const held = () => (licenses ??= licensesOf(tenant, own()));
		const last = () => (unavailable ? null : lastSignIn(tenant, user));
		for (const [skuId, redundancy] of verdicts) {
			const license = held().find(l => l.skuId === skuId)!;
			const notOffered = license.notOffered ?? (redundancy.notWith ? 'not-together' : null);
			redundant.push({section: 'redundant', user, licenses: [extended(license, {notOffered})], redundancy, lastSignIn: last(), assignmentsKey: comboKey});
		}
		if (!user.accountEnabled) {
			blocked.push({section: 'blocked', user, licenses: held(), redundancy: null, lastSignIn: last(), assignmentsKey: comboKey});
		} else if (!unavailable) {
			const since = inactiveSince(tenant, user, cutoff, cutoffText);
			if (since) inactive.push({section: 'inactive', user, licenses: held(), redundancy: null, lastSignIn: since.lastSignIn, assignmentsKey: comboKey});
		}
	}
	// The longest inactive first; no sign-in at all before any.
	const oldestFirst = inactive.map(c => ({c, at: c.lastSignIn === null ? -Infinity : Date.parse(c.lastSignIn)})).sort((a, b) => a.at - b.at);
	const sections = [
		section('redundant', redundant),
		section('blocked', blocked),
		section(
			'inactive',
			oldestFirst.map(s => s.c),
			unavailable,
		),
	];
	if (!byKey) cache.set(tenant, (byKey = new Map()));
	byKey.set(key, sections);
	return sections;
}

/** The licenses a candidate offers for unassigning. */
export const offeredSkus = (candidate: Candidate) => candidate.licenses.filter(l => l.notOffered === null).map(l => l.skuId);

/** The candidates' offered licenses as one plan: a user ticked in two sections is asked once. */
export function reclaimPlan(tenant: Tenant, candidates: readonly Candidate[]): LicensePlan {
	const byUser = new Map<string, Set<string>>();
	for (const candidate of candidates) {
		const going = offeredSkus(candidate);
		if (going.length === 0) continue;
		const set = byUser.get(candidate.user.id) ?? new Set<string>();
		for (const skuId of going) set.add(skuId);
		byUser.set(candidate.user.id, set);
	}
	return planChanges(
		tenant,
		[...byUser].map(([user, skuIds]) => ({user, add: [], remove: [...skuIds]})),
	);
}

/**
 * What the candidates come to, each license of each user once (a user may be in two sections): the
 * licenses offered, the users, and the licenses freed per product.
 */
export function reclaimTotals(candidates: readonly Candidate[]): {licenses: number; users: number; freed: Map<string, number>} {
	const seen = new Set<string>();
	const users = new Set<string>();
	const freed = new Map<string, number>();
	for (const candidate of candidates) {
		for (const license of candidate.licenses) {
			const key = `${candidate.user.id}|${license.skuId}`;
			if (license.notOffered !== null || seen.has(key)) continue;
			seen.add(key);
			users.add(candidate.user.id);
			if (license.frees) freed.set(license.skuId, (freed.get(license.skuId) ?? 0) + 1);
		}
	}
	return {licenses: seen.size, users: users.size, freed};
}

/**
 * What unassigning the licenses a candidate offers would do to the user: the consequences engine,
 * asked once for all the users with the same assignments losing the same products.
 */
export function candidateConsequences(tenant: Tenant, candidate: Candidate, now: Date): UserConsequences {
	const {user} = candidate;
	const going = offeredSkus(candidate);
	return consequencesOfChange(tenant, user, directChange(tenant, user, {remove: going}, candidate.assignmentsKey), now);
}
