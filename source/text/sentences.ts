// The sentences built from several words of the language in use: a user's consequences, the sums
// and notes below them, why an outcome or a reclaim candidate is what it is. Each reads the words
// (and the way of listing them) from `strings`, so they speak whichever language was chosen.
import {consequenceKinds, sumConsequences, type Consequence, type UserConsequences} from '../domain/consequences.js';
import type {Tenant} from '../domain/model.js';
import type {Candidate, Loss, ReclaimLicense} from '../domain/reclaim.js';
import {dayOf} from '../domain/dates.js';
import type {UserOutcome} from '../domain/plan.js';
import {assignmentSources, indexTenant, namesOf} from '../domain/selectors.js';
import {reducedKey} from './en.js';
import {strings} from './current.js';

/** "a, b and c", in the language in use. */
export const listWords = (items: readonly string[]) => strings.list(items);

/**
 * A status line starts upper-case, as a sentence: words of the text module that begin lower-case
 * (they are parts of sentences elsewhere) are raised. A text that begins with a username or an
 * address is left as it is: tenant data is shown as it is.
 */
export function asStatus(text: string): string {
	return /^\p{Ll}[\p{L}-]*(?=[\s:,;]|$)/u.test(text) ? text.charAt(0).toLocaleUpperCase() + text.slice(1) : text;
}

/**
 * One user's consequences as phrases, as the panel and the command line say them: what stays through
 * another license, then what goes or shrinks; "loses no mailbox, OneDrive, Office apps or Teams" when nothing is said.
 */
export function consequencePhrases(user: UserConsequences, product: (skuId: string) => string): string[] {
	const words = strings.consequences;
	const kept = consequenceKinds.flatMap(kind => {
		const keepers = user.kept[kind];
		return keepers ? [words.keeps(words.kind[kind], keepers.map(product).join(', '))] : [];
	});
	const lost = [...user.changes.map(change => words.phrase(user, change)), ...(user.unrecognised.length > 0 ? [words.unrecognised(user.unrecognised)] : [])];
	return [...kept, ...lost].length > 0 ? [...kept, ...lost] : [words.nothing];
}

/** "2 users lose their mailbox · mailbox reduced for 1 user · 1 user loses no mailbox, OneDrive, Office apps or Teams" */
export function consequenceSummary(list: readonly UserConsequences[]): string {
	const sums = sumConsequences(list);
	const words = strings.consequences.sum;
	return [
		...consequenceKinds.flatMap(kind => [
			...(sums.lost[kind] > 0 ? [words.lost[kind](sums.lost[kind])] : []),
			...(sums.reduced[kind] > 0 ? [words.reduced[kind]!(sums.reduced[kind])] : []),
			...(sums.undocumented[kind] > 0 ? [words.undocumented(kind, sums.undocumented[kind])] : []),
		]),
		...(sums.unrecognised > 0 ? [words.unrecognised(sums.unrecognised)] : []),
		...(sums.none > 0 ? [words.none(sums.none)] : []),
	].join(' · ');
}

/** A loss the kind's note speaks of: the Office note is about desktop apps, which a web-only user never had. */
export const explained = (change: Consequence) => (change.kind === 'office-apps' ? change.from === 'desktop' : change.effect === 'lost');

/** What the losses in the list mean, once each, with the sources: below the changes. */
export function consequenceNotes(list: readonly UserConsequences[]): string[] {
	const words = strings.consequences;
	const changes = list.flatMap(user => user.changes);
	const notes = consequenceKinds.flatMap(kind => [
		...(changes.some(c => c.kind === kind && explained(c)) ? [words.explain[kind]] : []),
		...[...new Set(changes.filter(c => c.kind === kind && c.effect === 'reduced').map(reducedKey))].flatMap(key => words.explainReduced[key] ?? []),
	]);
	if (list.some(user => !user.holdsVisible && user.mailboxDeletedOn)) notes.push(words.holdsHidden);
	if (list.some(user => user.unrecognised.length > 0)) notes.push(words.unrecognisedNote);
	return notes.length > 0 ? [...notes, words.source] : [];
}

/** A failure in words: the message the backend gave it, or that it failed. */
export function failureWords(outcome: Pick<UserOutcome, 'message'>): string {
	return strings.outcome.failed(outcome.message);
}

/** What removing licenses together would cost, in a few words: "the mailbox, less OneDrive and Power BI Pro". */
export function lossWords(loss: Loss, product: (skuId: string) => string): string {
	const kind = strings.consequences.kind;
	return strings.list([
		...loss.kinds.map(c => (c.effect === 'lost' ? kind[c.kind] : strings.reclaim[c.effect](c.kind))),
		...loss.plans,
		...loss.addOns.map(product),
	]);
}

/** Why a listed license is not offered, or null when it is. */
export function notOfferedWords(
	license: ReclaimLicense,
	candidate: Candidate,
	names: {product: (skuId: string) => string; groups: (ids: readonly string[]) => string},
): string | null {
	const words = strings.reclaim.notOffered;
	switch (license.notOffered) {
		case null:
			return null;
		case 'group-assigned':
			return words['group-assigned'](names.groups(license.groupIds));
		case 'self-service-subscription':
			return words['self-service-subscription']();
		case 'not-together':
			return words['not-together'](strings.list(candidate.redundancy?.notWith?.skuIds.map(names.product) ?? []));
	}
}

const dayMs = 24 * 60 * 60 * 1000;

/**
 * Why a candidate is listed, in one line: what gives a redundant license's plans, how a blocked
 * account stands, when an inactive one last signed in.
 */
export function reclaimReason(tenant: Tenant, candidate: Candidate, now: Date): string {
	const words = strings.reclaim.reason;
	const names = namesOf(tenant);
	const [license] = candidate.licenses;
	const last = candidate.lastSignIn;
	const since = (time: string) => words.lastSignIn(dayOf(time), Math.floor((now.getTime() - Date.parse(time)) / dayMs));
	if (candidate.section === 'blocked') return last ? `${words.blocked}; ${since(last)}` : words.blocked;
	if (candidate.section === 'inactive') return last ? since(last) : words.neverSignedIn(dayOf(candidate.user.createdDateTime ?? now));
	const redundancy = candidate.redundancy!;
	const others = redundancy.coveredBy.filter(skuId => skuId !== license!.skuId);
	return (
		[
			...(others.length > 0 ? [words.coveredBy(strings.list(others.map(names.product)))] : []),
			...(redundancy.coveredBy.includes(license!.skuId) ? [words.alsoThrough(names.groups(license!.groupIds))] : []),
			...(redundancy.notCounted.length > 0 ? [words.notCounted(strings.list(redundancy.notCounted))] : []),
			...(redundancy.notWith
				? [words.notWith(strings.list(redundancy.notWith.skuIds.map(names.product)), lossWords(redundancy.notWith.loss, names.product))]
				: []),
		].join('; ') || words.givesNothing
	);
}

/** For a user who would lose their mailbox: how to keep the mail (a shared mailbox), as far as FACTS allows. */
export function mailboxAdvice(user: UserConsequences): string | null {
	if (!user.changes.some(c => c.kind === 'mailbox' && c.effect === 'lost')) return null;
	return user.hold === 'litigation-hold' ? strings.reclaim.mailbox.onHold : strings.reclaim.mailbox.shared;
}

/** Why an outcome is what it is, in words: Graph's failure, the groups that license the user, or the reason. */
export function outcomeWhy(tenant: Tenant, outcome: UserOutcome): string {
	if (outcome.outcome === 'failed') return failureWords(outcome);
	const user = indexTenant(tenant).usersById.get(outcome.userId);
	const groups = outcome.reason === 'group-assigned' && user ? assignmentSources(user, outcome.skuId).groupIds : [];
	if (groups.length > 0) return strings.user.groupReason(namesOf(tenant).groups(groups));
	return outcome.reason ? strings.outcome.reason[outcome.reason] : (outcome.message ?? '');
}
