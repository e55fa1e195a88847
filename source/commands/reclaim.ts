// m365-licenses reclaim: the licenses that can go, with the reasons and consequences the TUI shows;
// with --apply, a section's offered licenses unassigned through the same store as unassign.
import {consequencesOf, type UserConsequences} from '../domain/consequences.js';
import type {Tenant} from '../domain/model.js';
import type {OutcomeReason, PlanItem, UserOutcome} from '../domain/plan.js';
import {
	candidateConsequences,
	findReclaim,
	reclaimPlan,
	type Candidate,
	type ReclaimSection,
	type SectionId,
	type SignInUnavailable,
} from '../domain/reclaim.js';
import {indexTenant, namesOf, type Names} from '../domain/selectors.js';
import {consequencePhrases, failureWords, inEnglish, listWords, mailboxAdvice, notOfferedWords, reclaimReason, strings} from '../text/index.js';
import {exitCodes, outputWidth, paragraph, tableRows, type CommandIO} from './io.js';
import type {Opened} from '../open-tenant.js';
import {changeExit, confirmed, refusedRole, send, summaryOf} from './change.js';
import {consequenceList, contractReason} from './unassign.js';
import type {Output} from './output.schema.js';

export interface ReclaimOptions {
	sections: readonly SectionId[];
	inactiveDays: number;
	apply: boolean;
	yes: boolean;
	json: boolean;
}

const sectionTitle = (id: SectionId, days: number) => (id === 'inactive' ? strings.reclaim.section.inactive(days) : strings.reclaim.section[id]);

const unavailableText = (why: SignInUnavailable) =>
	why.source === 'graph' ? strings.reclaim.unavailable.graph(why.message) : strings.reclaim.unavailable.snapshot;

function productRef(tenant: Tenant, names: Names, skuId: string) {
	return {skuId, skuPartNumber: indexTenant(tenant).skusById.get(skuId)?.skuPartNumber ?? skuId, productName: names.product(skuId)};
}

/**
 * The consequences in words, once for every user whose change is the same one (the engine gives them
 * the same list of changes) and whose mailbox holds are the same.
 */
function consequenceWords(): (c: UserConsequences) => ReturnType<typeof consequenceList> {
	const said = new WeakMap<object, Map<string, ReturnType<typeof consequenceList>>>();
	return c => {
		let byHold = said.get(c.changes);
		if (!byHold) said.set(c.changes, (byHold = new Map()));
		const key = `${c.hold}|${c.holdsVisible}|${c.unrecognised.join()}`;
		let list = byHold.get(key);
		if (!list) byHold.set(key, (list = consequenceList(c)));
		return list;
	};
}

function candidateJson(tenant: Tenant, names: Names, candidate: Candidate, now: Date, words: (c: UserConsequences) => ReturnType<typeof consequenceList>) {
	const {user} = candidate;
	const consequences = candidateConsequences(tenant, candidate, now);
	return {
		userPrincipalName: user.userPrincipalName,
		id: user.id,
		displayName: user.displayName,
		accountEnabled: user.accountEnabled,
		lastSignIn: candidate.lastSignIn,
		licenses: candidate.licenses.map(license => ({
			skuId: license.skuId,
			skuPartNumber: indexTenant(tenant).skusById.get(license.skuId)?.skuPartNumber ?? license.skuId,
			productName: names.product(license.skuId),
			direct: license.direct,
			viaGroups: license.groupIds.map(id => names.groups([id])),
			offered: license.notOffered === null,
			notOffered: license.notOffered,
			notOfferedText: notOfferedWords(license, candidate, names),
			frees: license.frees,
		})),
		reason: inEnglish(() => reclaimReason(tenant, candidate, now)),
		coveredBy: (candidate.redundancy?.coveredBy ?? []).map(skuId => productRef(tenant, names, skuId)),
		notCounted: candidate.redundancy?.notCounted ?? [],
		consequences: words(consequences),
		mailbox: inEnglish(() => mailboxAdvice(consequences)),
	};
}

function sectionJson(tenant: Tenant, section: ReclaimSection, days: number, now: Date) {
	const names = namesOf(tenant);
	const words = consequenceWords();
	return {
		id: section.id,
		title: inEnglish(() => sectionTitle(section.id, days)),
		users: section.users,
		licenses: section.offered,
		freed: [...section.freed].map(([skuId, licenses]) => ({...productRef(tenant, names, skuId), licenses})),
		unavailable: section.unavailable ? {source: section.unavailable.source, text: unavailableText(section.unavailable)} : null,
		candidates: section.candidates.map(candidate => candidateJson(tenant, names, candidate, now, words)),
	};
}

/** A section as text: its heading with what it frees, then a line per candidate and, indented, what they lose. */
function sectionText(tenant: Tenant, section: ReclaimSection, days: number, now: Date, width: number): string {
	const names = namesOf(tenant);
	const freed = [...section.freed].map(([skuId, n]) => strings.reclaim.freed(n, names.product(skuId)));
	const heading = paragraph(`${sectionTitle(section.id, days)}: ${strings.reclaim.summary(section.offered, section.users, freed)}`, width);
	if (section.unavailable) return `${heading}\n${paragraph(unavailableText(section.unavailable), width, '  ')}`;
	if (section.candidates.length === 0)
		return `${heading}\n${paragraph(section.id === 'inactive' ? strings.reclaim.empty.inactive(days) : strings.reclaim.empty[section.id], width, '  ')}`;
	const rows = section.candidates.map(candidate => [
		candidate.user.userPrincipalName,
		candidate.licenses.map(l => names.product(l.skuId) + (l.notOffered ? ` (${notOfferedWords(l, candidate, names)})` : '')).join(', '),
		reclaimReason(tenant, candidate, now),
	]);
	// The reason narrows first, then the products; the username stays whole.
	const lines = tableRows(rows, {width: width - 2, wrap: [2, 1]});
	return [
		heading,
		...section.candidates.flatMap((candidate, i) => {
			const row = lines[i]!.map(line => `  ${line}`);
			if (candidate.section === 'redundant') return row;
			const consequences = candidateConsequences(tenant, candidate, now);
			const advice = mailboxAdvice(consequences);
			return [...row, ...[...consequencePhrases(consequences, names.product), ...(advice ? [advice] : [])].map(text => paragraph(text, width, '      '))];
		}),
	].join('\n');
}

type Result = Output['reclaim-apply']['results'][number];

/** A product's outcome as --json gives it: reclaim only unassigns, so nothing is assigned or updated. */
function removalOutcome(outcome: UserOutcome['outcome']): Result['products'][number]['outcome'] {
	if (outcome === 'assigned' || outcome === 'updated') throw new Error(`reclaim met an outcome only an assign has: ${outcome}`);
	return outcome;
}

/** One user's outcome, as unassign reports it, with a line per product unassigned. */
function resultOf(tenant: Tenant, names: Names, item: PlanItem, own: readonly UserOutcome[], consequences: UserConsequences): Result {
	// The least known of the user's products says how the user stands.
	const failed = own.find(o => o.outcome === 'unknown') ?? own.find(o => o.outcome === 'failed') ?? own.find(o => o.outcome === 'not-sent');
	const skipped = own.find(o => o.outcome === 'skipped');
	const dependents = Object.keys(item.dependents);
	const notes = [
		...(dependents.length > 0 ? [strings.user.alsoRemoves(listWords(dependents.map(names.product)))] : []),
		...Object.values(item.keptThroughGroups).map(groups => strings.product.alsoGroup(names.groups(groups))),
	];
	const outcome = failed ? (failed.outcome as 'failed' | 'not-sent' | 'unknown') : skipped ? 'skipped' : 'removed';
	const why = failed ? failed.reason : (skipped?.reason ?? null);
	return {
		userPrincipalName: item.userPrincipalName,
		id: item.userId,
		outcome,
		reason: why && contractReason(why),
		message: failed ? failureWords(failed) : skipped ? skipped.message : notes.length > 0 ? notes.join('; ') : null,
		consequences: outcome === 'removed' ? consequenceList(consequences) : [],
		alsoRemoves: dependents.map(skuId => productRef(tenant, names, skuId)),
		products: own.map(o => ({
			...productRef(tenant, names, o.skuId),
			outcome: removalOutcome(o.outcome),
			reason: o.reason && contractReason(o.reason),
			message: o.outcome === 'failed' ? failureWords(o) : o.message,
		})),
	};
}

/** What reclaim --json says of a tenant, without --apply. */
export function reclaimJson(tenant: Tenant, options: Pick<ReclaimOptions, 'sections' | 'inactiveDays'>, now = new Date()): Output['reclaim'] {
	const days = options.inactiveDays;
	return {
		tenant: {id: tenant.organization.id, displayName: tenant.organization.displayName},
		inactiveDays: days,
		sections: findReclaim(tenant, {now, inactiveDays: days})
			.filter(s => options.sections.includes(s.id))
			.map(section => sectionJson(tenant, section, days, now)),
	};
}

/** What reclaim says of a tenant as text, without --apply: each section, with what it frees. */
export function reclaimText(tenant: Tenant, options: Pick<ReclaimOptions, 'sections' | 'inactiveDays'>, now: Date, width: number): string {
	const days = options.inactiveDays;
	const sections = findReclaim(tenant, {now, inactiveDays: days}).filter(s => options.sections.includes(s.id));
	return sections.map(section => sectionText(tenant, section, days, now, width)).join('\n\n');
}

export async function reclaim({store, chosen}: Opened, options: ReclaimOptions, io: CommandIO): Promise<number> {
	const {tenant, admin} = store.getState();
	const now = new Date();
	const days = options.inactiveDays;
	if (!options.apply) {
		io.out(`${options.json ? JSON.stringify(reclaimJson(tenant, options, now), null, 2) : reclaimText(tenant, options, now, outputWidth(io))}\n`);
		return exitCodes.done;
	}
	const sections = findReclaim(tenant, {now, inactiveDays: days}).filter(s => options.sections.includes(s.id));

	if (refusedRole(tenant, admin, 'unassign', io)) return exitCodes.error;
	const unavailable = sections.find(s => s.unavailable);
	if (unavailable?.unavailable) {
		io.err(`m365-licenses: ${strings.cli.inactiveUnavailable(unavailableText(unavailable.unavailable))}\n`);
		return exitCodes.error;
	}
	const plan = reclaimPlan(
		tenant,
		sections.flatMap(s => s.candidates),
	);
	const changing = plan.items.filter(item => item.remove.length > 0);
	const licenses = changing.reduce((sum, item) => sum + item.remove.length, 0);
	const names = namesOf(tenant);

	const refused = await confirmed(
		options,
		io,
		'unassign',
		() => io.out(`${sections.map(section => sectionText(tenant, section, days, now, outputWidth(io))).join('\n\n')}\n\n`),
		strings.reclaim.question(licenses, changing.length),
		'noApply',
		chosen ? tenant.organization.displayName : undefined,
	);
	if (refused !== null) return refused;

	const outcomes = changing.length === 0 ? [] : await send(store, plan, io);
	// Each user's whole change: every product that goes, from every section asked.
	const perUser = new Map(changing.map(item => [item.userId, consequencesOf(tenant, item, now)]));
	const byUser = new Map<string, UserOutcome[]>();
	for (const outcome of outcomes) byUser.set(outcome.userId, [...(byUser.get(outcome.userId) ?? []), outcome]);
	const results = changing.map(item => resultOf(tenant, names, item, byUser.get(item.userId) ?? [], perUser.get(item.userId)!));
	const removedLicenses = outcomes.filter(o => o.outcome === 'removed').length;
	const {removed, skipped, failed, notSent, unknown} = summaryOf(results);
	const summary = {removed, skipped, failed, notSent, unknown, licenses: removedLicenses};
	if (options.json) {
		const data: Output['reclaim-apply'] = {inactiveDays: days, sections: [...options.sections], results, summary};
		io.out(`${JSON.stringify(data, null, 2)}\n`);
	} else {
		const width = outputWidth(io);
		// Asked in a terminal: what would go was shown before the question; now only who was not done, then the result.
		const asked = !options.yes && changing.length > 0;
		const shown = asked ? results.filter(r => r.outcome !== 'removed') : results;
		const lines = tableRows(
			shown.map(r => [r.userPrincipalName, strings.cli.outcomeWord(r.outcome), r.reason ? strings.outcome.reason[r.reason as OutcomeReason] : '']),
			{width, wrap: [2, 0]},
		);
		const body = shown.flatMap((r, i) => {
			const details = [...(r.message ? [r.message] : []), ...(r.outcome === 'removed' ? consequencePhrases(perUser.get(r.id)!, names.product) : [])];
			return [...lines[i]!, ...details.map(detail => paragraph(detail, width, '    '))];
		});
		io.out(`${[...body, paragraph(strings.reclaim.commandSummary(summary), width)].join('\n')}\n`);
	}
	return changeExit(summary);
}
