// What each user loses when licenses go: computed from the service plans the removed licenses give
// and the plans the user keeps through the licenses that stay (direct or through a group). Removing
// Office 365 E3 from someone who also holds Exchange Online (Plan 1) keeps their mailbox.
// Facts and sources: ../shared/reference/FACTS.md ("What happens to data").
import type {Tenant, User} from './model.js';
import type {LicensePlan, PlanItem} from './plan.js';
import {dayOf, daysAfter} from './dates.js';
import {restorableUntil} from './rules.js';
import {indexTenant} from './selectors.js';

/** Stable ids: the UI words them, `--json` reports them. */
export type ConsequenceKind = 'mailbox' | 'onedrive' | 'office-apps' | 'teams';

/** Service plans by what they give the user; EXCHANGE_S_FOUNDATION is not a mailbox. */
const kindOfPlan: Readonly<Record<string, ConsequenceKind>> = {
	EXCHANGE_S_STANDARD: 'mailbox',
	EXCHANGE_S_ENTERPRISE: 'mailbox',
	EXCHANGE_S_DESKLESS: 'mailbox',
	SHAREPOINTSTANDARD: 'onedrive',
	SHAREPOINTENTERPRISE: 'onedrive',
	SHAREPOINTDESKLESS: 'onedrive',
	ONEDRIVESTANDARD: 'onedrive',
	ONEDRIVE_BASIC: 'onedrive',
	OFFICESUBSCRIPTION: 'office-apps',
	OFFICE_BUSINESS: 'office-apps',
	TEAMS1: 'teams',
};

export const consequenceKinds: readonly ConsequenceKind[] = ['mailbox', 'onedrive', 'office-apps', 'teams'];

/** The mailbox window: mail is kept this many days after the license goes, then deleted. */
export const mailboxRetentionDays = 30;

export interface UserConsequences {
	userId: string;
	userPrincipalName: string;
	displayName: string;
	/** What the user loses; empty when they keep everything ("none"). */
	lost: ConsequenceKind[];
	/** What a removed license gave but another license still gives: kind → the skuIds that keep it. */
	kept: Partial<Record<ConsequenceKind, string[]>>;
	/** A hold on the mailbox (litigation hold, retention policy or label), from the snapshot. */
	hold: string | null;
	/** When the mail is deleted for good, unless a license is assigned again: only when the mailbox is lost. */
	mailboxDeletedOn: string | null;
}

function kindsOf(tenant: Tenant, user: User, skuId: string): Set<ConsequenceKind> {
	const sku = indexTenant(tenant).skusById.get(skuId);
	const disabled = new Set(user.assignedLicenses.find(l => l.skuId === skuId)?.disabledPlans ?? []);
	const kinds = new Set<ConsequenceKind>();
	for (const plan of sku?.servicePlans ?? []) {
		const kind = kindOfPlan[plan.servicePlanName];
		if (kind && !disabled.has(plan.servicePlanId)) kinds.add(kind);
	}
	return kinds;
}

export function consequencesOf(tenant: Tenant, item: PlanItem, now: Date): UserConsequences {
	const user = indexTenant(tenant).usersById.get(item.userId);
	const base = {userId: item.userId, userPrincipalName: item.userPrincipalName, displayName: item.displayName};
	if (!user) return {...base, lost: [], kept: {}, hold: null, mailboxDeletedOn: null};
	// A license also held through a group stays: it is not lost.
	const going = item.remove.filter(skuId => !item.keptThroughGroups[skuId]);
	const staying = user.assignedLicenses.map(l => l.skuId).filter(skuId => !going.includes(skuId));
	const given = new Set(going.flatMap(skuId => [...kindsOf(tenant, user, skuId)]));
	const lost: ConsequenceKind[] = [];
	const kept: Partial<Record<ConsequenceKind, string[]>> = {};
	for (const kind of consequenceKinds) {
		if (!given.has(kind)) continue;
		const keepers = staying.filter(skuId => kindsOf(tenant, user, skuId).has(kind));
		if (keepers.length > 0) kept[kind] = keepers;
		else lost.push(kind);
	}
	return {
		...base,
		lost,
		kept,
		hold: tenant['x-local']?.mailboxHolds?.[user.id] ?? null,
		mailboxDeletedOn: lost.includes('mailbox') ? dayOf(daysAfter(now, mailboxRetentionDays)) : null,
	};
}

/** Consequences of every user the plan takes licenses from. */
export function planConsequences(tenant: Tenant, plan: LicensePlan, now: Date): UserConsequences[] {
	return plan.items.filter(item => item.remove.length > 0).map(item => consequencesOf(tenant, item, now));
}

/** How many users lose each kind, and how many keep everything: "3 users lose their mailbox". */
export function sumConsequences(list: readonly UserConsequences[]): Record<ConsequenceKind | 'none', number> {
	const sums: Record<ConsequenceKind | 'none', number> = {mailbox: 0, onedrive: 0, 'office-apps': 0, teams: 0, none: 0};
	for (const user of list) {
		if (user.lost.length === 0) sums.none++;
		for (const kind of user.lost) sums[kind]++;
	}
	return sums;
}

/**
 * When each removed mailbox license's mail is deleted for good, from the removal time the store
 * keeps: skuId → ISO date. Only licenses whose removal lost the mailbox, still inside the window.
 */
export function mailboxWindow(tenant: Tenant, user: User, now: Date): {removedAt: string; deletedOn: string} | null {
	const removals = tenant['x-local']?.licenseRemovals?.[user.id] ?? {};
	const holdsMailbox = user.assignedLicenses.some(l => kindsOf(tenant, user, l.skuId).has('mailbox'));
	if (holdsMailbox) return null;
	const {skusById} = indexTenant(tenant);
	const mailboxRemovals = Object.entries(removals)
		.filter(([skuId]) => (skusById.get(skuId)?.servicePlans ?? []).some(p => kindOfPlan[p.servicePlanName] === 'mailbox'))
		.map(([, time]) => time)
		.sort();
	const last = mailboxRemovals.at(-1);
	if (!last) return null;
	const deletedOn = daysAfter(last, mailboxRetentionDays);
	if (deletedOn <= now) return null;
	return {removedAt: last, deletedOn: dayOf(deletedOn)};
}

/** Assigning these licenses brings back a mailbox still inside its 30-day window. */
export function restoresMailbox(tenant: Tenant, item: PlanItem, now: Date): boolean {
	const user = indexTenant(tenant).usersById.get(item.userId);
	if (!user || !mailboxWindow(tenant, user, now)) return false;
	return item.add.some(skuId => kindsOf(tenant, user, skuId).has('mailbox'));
}

export interface DeletionConsequences {
	/** Licenses freed at once. */
	freed: string[];
	/** On hold, with Exchange Online Plan 2, or Plan 1 with Exchange Online Archiving: the mailbox is kept inactive. */
	inactiveMailbox: boolean;
	hold: string | null;
	hasOneDrive: boolean;
	/** The last day the user can be restored from Deleted users. */
	restorableUntil: string;
}

/** What deleting the user does. Source: FACTS.md (inactive mailboxes, OneDrive retention). */
export function deletionConsequences(tenant: Tenant, user: User, now: Date): DeletionConsequences {
	const {skusById} = indexTenant(tenant);
	const plans = new Set(user.assignedLicenses.flatMap(l => (skusById.get(l.skuId)?.servicePlans ?? []).map(p => p.servicePlanName)));
	const hold = tenant['x-local']?.mailboxHolds?.[user.id] ?? null;
	const inactiveEligible = plans.has('EXCHANGE_S_ENTERPRISE') || (plans.has('EXCHANGE_S_STANDARD') && plans.has('EXCHANGE_S_ARCHIVE_ADDON'));
	return {
		freed: user.assignedLicenses.map(l => l.skuId),
		inactiveMailbox: hold !== null && inactiveEligible,
		hold,
		hasOneDrive: user.assignedLicenses.some(l => kindsOf(tenant, user, l.skuId).has('onedrive')),
		restorableUntil: dayOf(restorableUntil(now)),
	};
}
