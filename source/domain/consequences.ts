// What each user loses when licenses go: what their assignments give now minus what the assignments
// they keep will give (direct and through groups, each with its own disabled plans), by capability.
// Removing Office 365 E3 from someone who also holds Exchange Online (Plan 1) shrinks their mailbox
// from 100 GB to 50 GB and their archive to Plan 1's own 50 GB; from someone who also holds Exchange
// Online Kiosk, the mailbox shrinks to 2 GB and the archive goes.
// Facts and sources: ../shared/reference/FACTS.md ("What happens to data").
import type {Tenant, User} from './model.js';
import type {LicensePlan, PlanItem} from './plan.js';
import {
	assignmentLevels,
	assignmentsKey,
	assignmentsOf,
	capabilityCatalog,
	capabilityKinds,
	hasSome,
	kindIndex,
	levelChange,
	levelIndex,
	levelNames,
	levelsOf,
	maxLevels,
	unrecognisedPlans,
	withAdded,
	withoutDirect,
	type Assignment,
	type CapabilityCatalog,
	type CapabilityKind,
	type LevelName,
} from './capabilities.js';
import {dayOf, daysAfter} from './dates.js';
import {restorableUntil} from './rules.js';
import {indexTenant} from './selectors.js';
import {extended} from './extended.js';

export type ConsequenceKind = CapabilityKind;
export const consequenceKinds = capabilityKinds;

/**
 * lost: the user no longer has it; reduced: they keep less, both sizes documented; undocumented: they
 * keep something Microsoft documents no size for, so whether it is less is not said.
 */
export type Effect = 'lost' | 'reduced' | 'undocumented';

export interface Consequence {
	kind: ConsequenceKind;
	effect: Effect;
	/** The level the user had, and the one they keep ('none' when lost): levelNames' ids. */
	from: LevelName;
	to: LevelName;
}

/** The mailbox window: mail is kept this many days after the license goes, then deleted. */
export const mailboxRetentionDays = 30;
/** A newly unlicensed OneDrive is archived this many days after the license goes (FACTS.md, OneDrive). */
export const oneDriveArchiveDays = 93;

/** What a change of assignments does to one user, by capability. */
export interface CapabilityChange {
	changes: Consequence[];
	/** What a removed assignment gave but another still gives as well: kind → the skuIds that keep it. */
	kept: Partial<Record<ConsequenceKind, string[]>>;
	/** Service plans the catalog cannot classify that the user no longer has: their names. */
	unrecognised: string[];
}

/**
 * The engine: a pure function of the user's assignments before and after and the tenant's products.
 * Unassigning, turning plans off (the same product with more disabled plans), deleting and the guide
 * all ask it.
 */
export function capabilityChange(catalog: CapabilityCatalog, before: readonly Assignment[], after: readonly Assignment[]): CapabilityChange {
	const had = levelsOf(catalog, before);
	const afterLevels = after.map(a => assignmentLevels(catalog, a));
	const has = maxLevels(afterLevels);
	const going = before.filter(a => !after.includes(a));
	const gave = maxLevels(going.map(a => assignmentLevels(catalog, a)));
	const changes: Consequence[] = [];
	const kept: Partial<Record<ConsequenceKind, string[]>> = {};
	capabilityKinds.forEach((kind, i) => {
		const names: readonly LevelName[] = levelNames[kind];
		const effect = levelChange(kind, had[i]!, has[i]!);
		if (effect !== 'kept') changes.push({kind, effect, from: names[had[i]!]!, to: names[has[i]!]!});
		// Who still gives it: when a removed license gave the most of it, or when what stays is a size
		// not documented (the user keeps a mailbox; how big is not said).
		const named = effect === 'kept' ? hasSome(kind, had[i]!) && gave[i] === had[i] : effect === 'undocumented' && hasSome(kind, has[i]!);
		if (named) kept[kind] = [...new Set(after.filter((_, j) => afterLevels[j]![i] === has[i]).map(a => a.skuId))];
	});
	const stays = unrecognisedPlans(catalog, after);
	const unrecognised = [...unrecognisedPlans(catalog, going)].filter(([planId]) => !stays.has(planId)).map(([, name]) => name);
	return {changes, kept, unrecognised};
}

export interface UserConsequences extends CapabilityChange {
	userId: string;
	userPrincipalName: string;
	displayName: string;
	/** A hold on the mailbox (litigation hold, retention policy or label), from the snapshot. */
	hold: string | null;
	/** False when the tenant's source cannot say whether a mailbox is on hold (Microsoft Graph does not). */
	holdsVisible: boolean;
	/** When the mail is deleted for good, unless a license is assigned again: only when the mailbox is lost. */
	mailboxDeletedOn: string | null;
	/** When a newly unlicensed OneDrive is archived: only when OneDrive is lost. */
	oneDriveArchivedOn: string | null;
}

/**
 * Whether the tenant's source shows mailbox holds. A snapshot carries them under x-local.mailboxHolds
 * (an empty object: none is on hold); Microsoft Graph does not return them, so a live tenant has none.
 */
export function holdsVisible(tenant: Tenant): boolean {
	return tenant['x-local']?.mailboxHolds !== undefined;
}

export const lostKinds = (user: CapabilityChange) => user.changes.filter(c => c.effect === 'lost').map(c => c.kind);
const loses = (user: CapabilityChange, kind: ConsequenceKind) => user.changes.some(c => c.kind === kind && c.effect === 'lost');

/** The day that many days after now, worked out once for every user of a change made now. */
const days = new Map<string, string>();
function dayAfter(now: Date, count: number): string {
	const key = `${now.getTime()}+${count}`;
	let day = days.get(key);
	if (day === undefined) {
		if (days.size > 16) days.clear();
		days.set(key, (day = dayOf(daysAfter(now, count))));
	}
	return day;
}

/** What the user loses if their assignments become `after`: for any change, not only unassigning. */
export function consequencesAfter(
	tenant: Tenant,
	user: Pick<User, 'id' | 'userPrincipalName' | 'displayName'>,
	before: readonly Assignment[],
	after: readonly Assignment[],
	now: Date,
): UserConsequences {
	return consequencesOfChange(tenant, user, capabilityChange(capabilityCatalog(tenant), before, after), now);
}

/** A change the engine worked out (once for every user with the same assignments), for one user. */
export function consequencesOfChange(
	tenant: Tenant,
	user: Pick<User, 'id' | 'userPrincipalName' | 'displayName'>,
	change: CapabilityChange,
	now: Date,
): UserConsequences {
	return {
		userId: user.id,
		userPrincipalName: user.userPrincipalName,
		displayName: user.displayName,
		...change,
		hold: tenant['x-local']?.mailboxHolds?.[user.id] ?? null,
		holdsVisible: holdsVisible(tenant),
		mailboxDeletedOn: loses(change, 'mailbox') ? dayAfter(now, mailboxRetentionDays) : null,
		oneDriveArchivedOn: loses(change, 'onedrive') ? dayAfter(now, oneDriveArchiveDays) : null,
	};
}

/** A change of a user's direct licenses: products unassigned, assigned, and assigned again with other apps off. */
export interface DirectChange {
	remove: readonly string[];
	add?: readonly string[];
	/** Products whose apps change: their direct assignment replaced by one with `disabledPlans` off. */
	update?: readonly string[];
	disabledPlans?: Readonly<Record<string, readonly string[]>>;
}

const directChanges = new WeakMap<Tenant, Map<string, CapabilityChange>>();

/**
 * What a change of direct licenses does to a user's capabilities, worked out once per tenant for all
 * the users with the same assignments making the same change: a confirmation for thousands of users
 * holds a handful of license combinations. The result is shared: never change it.
 */
export function directChange(tenant: Tenant, user: User, change: DirectChange, key = assignmentsKey(user)): CapabilityChange {
	const {remove, add = [], update = [], disabledPlans = {}} = change;
	const changeKey = `${key}>${remove.join()}+${add.join()}~${update.join()}${Object.keys(disabledPlans).length > 0 ? JSON.stringify(disabledPlans) : ''}`;
	let byKey = directChanges.get(tenant);
	if (!byKey) directChanges.set(tenant, (byKey = new Map()));
	let result = byKey.get(changeKey);
	if (!result) {
		const before = assignmentsOf(user);
		const after = withAdded(withoutDirect(before, [...remove, ...update]), [...add, ...update], disabledPlans);
		result = capabilityChange(capabilityCatalog(tenant), before, after);
		// What a product keeps giving while only its apps change is not "kept through another license".
		const kept: CapabilityChange['kept'] = {};
		for (const kind of consequenceKinds) {
			const keepers = result.kept[kind]?.filter(skuId => !update.includes(skuId));
			if (keepers?.length) kept[kind] = keepers;
		}
		result = extended(result, {kept});
		byKey.set(changeKey, result);
	}
	return result;
}

/** What one user of a plan loses: the plan's removals (add-ons included) go, its additions come. */
export function consequencesOf(tenant: Tenant, item: PlanItem, now: Date): UserConsequences {
	const user = indexTenant(tenant).usersById.get(item.userId);
	const who = {id: item.userId, userPrincipalName: item.userPrincipalName, displayName: item.displayName};
	if (!user) return consequencesAfter(tenant, who, [], [], now);
	const change = directChange(tenant, user, {remove: item.remove, add: item.add, update: item.update, disabledPlans: item.disabledPlans});
	return consequencesOfChange(tenant, who, change, now);
}

/**
 * What a plan takes from the signed-in admin themself, or null when it leaves them as they are: the
 * kinds they lose or keep less of (none, when only licenses the app tracks no capability of go).
 */
export function selfConsequences(tenant: Tenant, adminUpn: string, plan: LicensePlan, now: Date): ConsequenceKind[] | null {
	const own = plan.items.find(item => item.userPrincipalName.toLowerCase() === adminUpn.toLowerCase());
	if (!own || (own.remove.length === 0 && (own.update?.length ?? 0) === 0)) return null;
	return [...new Set(consequencesOf(tenant, own, now).changes.map(change => change.kind))];
}

/** Consequences of every user the plan takes licenses or apps from. */
export function planConsequences(tenant: Tenant, plan: LicensePlan, now: Date): UserConsequences[] {
	return plan.items.filter(item => item.remove.length > 0 || (item.update?.length ?? 0) > 0).map(item => consequencesOf(tenant, item, now));
}

export interface ConsequenceSums {
	lost: Record<ConsequenceKind, number>;
	reduced: Record<ConsequenceKind, number>;
	undocumented: Record<ConsequenceKind, number>;
	/** Users who keep everything they use. */
	none: number;
	/** Users who lose service plans the catalog cannot describe. */
	unrecognised: number;
}

/** How many users lose or keep less of each kind, and how many keep everything: "3 users lose their mailbox". */
export function sumConsequences(list: readonly UserConsequences[]): ConsequenceSums {
	const zero = () => Object.fromEntries(capabilityKinds.map(kind => [kind, 0])) as Record<ConsequenceKind, number>;
	const sums: ConsequenceSums = {lost: zero(), reduced: zero(), undocumented: zero(), none: 0, unrecognised: 0};
	for (const user of list) {
		if (user.changes.length === 0 && user.unrecognised.length === 0) sums.none++;
		if (user.unrecognised.length > 0) sums.unrecognised++;
		for (const change of user.changes) sums[change.effect][change.kind]++;
	}
	return sums;
}

const mailboxLevel = (levels: readonly number[]) => levels[kindIndex('mailbox')]!;

/** When the mail of a user who lost their mailbox is deleted for good, from the removal time the store keeps. */
export function mailboxWindow(tenant: Tenant, user: User, now: Date): {removedAt: string; deletedOn: string} | null {
	const catalog = capabilityCatalog(tenant);
	if (mailboxLevel(levelsOf(catalog, assignmentsOf(user))) > 0) return null;
	const removals = tenant['x-local']?.licenseRemovals?.[user.id] ?? {};
	const last = Object.entries(removals)
		.filter(([skuId]) => mailboxLevel(catalog.get(skuId)?.all ?? []) > 0)
		.map(([, time]) => time)
		.sort()
		.at(-1);
	if (!last) return null;
	const deletedOn = daysAfter(last, mailboxRetentionDays);
	if (deletedOn <= now) return null;
	return {removedAt: last, deletedOn: dayOf(deletedOn)};
}

/** Assigning these licenses brings back a mailbox still inside its 30-day window. */
export function restoresMailbox(tenant: Tenant, item: PlanItem, now: Date): boolean {
	const catalog = capabilityCatalog(tenant);
	if (!item.add.some(skuId => mailboxLevel(catalog.get(skuId)?.all ?? []) > 0)) return false;
	const user = indexTenant(tenant).usersById.get(item.userId);
	return user !== undefined && mailboxWindow(tenant, user, now) !== null;
}

export interface DeletionConsequences {
	/** Licenses freed at once. */
	freed: string[];
	/** Licensed for an inactive mailbox: Exchange Online Plan 2, or Plan 1 with Exchange Online Archiving (its archive auto-expands). */
	inactiveEligible: boolean;
	/** On hold and licensed for it: the mailbox is kept inactive. */
	inactiveMailbox: boolean;
	hold: string | null;
	holdsVisible: boolean;
	hasOneDrive: boolean;
	/** The last day the user can be restored from Deleted users. */
	restorableUntil: string;
}

/** What deleting the user does, from the plans their assignments enable. Source: FACTS.md (inactive mailboxes, OneDrive retention). */
export function deletionConsequences(tenant: Tenant, user: User, now: Date): DeletionConsequences {
	const levels = levelsOf(capabilityCatalog(tenant), assignmentsOf(user));
	const hold = tenant['x-local']?.mailboxHolds?.[user.id] ?? null;
	// Plan 2 gives 100 GB and an auto-expanding archive; Plan 1 gives 50 GB, and Exchange Online
	// Archiving makes its archive auto-expand. Nothing else is documented as enough.
	const mailbox = levels[kindIndex('mailbox')]!;
	const inactiveEligible =
		(mailbox === levelIndex('mailbox', '50gb') || mailbox === levelIndex('mailbox', '100gb')) &&
		levels[kindIndex('archive')] === levelIndex('archive', 'auto-expanding');
	return {
		freed: user.assignedLicenses.map(l => l.skuId),
		inactiveEligible,
		inactiveMailbox: hold !== null && inactiveEligible,
		hold,
		holdsVisible: holdsVisible(tenant),
		hasOneDrive: levels[kindIndex('onedrive')]! > 0,
		restorableUntil: dayOf(restorableUntil(now)),
	};
}
