// The sentence that sums up a change's outcomes, built the same way in every language from its words.
import type {Outcome, OutcomeCounts, Requested} from '../domain/plan.js';

export interface SummaryWords {
	/** "2 licenses unassigned", "1 user skipped" */
	counted: Record<Outcome, (n: number) => string>;
	/** Where the product's name goes in a counted change: after the word for licenses. */
	license: RegExp;
	/** " of Office 365 E3" */
	of: (product: string) => string;
	/** From, to or of whom a change for one user was made. */
	toWhom: Record<'removed' | 'assigned' | 'updated', string>;
	and: string;
	/** ", with 2 licenses of add-ons that depend on it" */
	addOns: (n: number) => string;
	/** " (3 users)" */
	users: (n: number) => string;
	/** The sentence as it starts: Danish starts with a capital, English as counted. */
	start: (sentence: string) => string;
	/** When nothing was done: what was not, by what was asked, of the product when one is named ("Apps not changed of Office 365 E3"). */
	notDone: Record<Requested, (product?: string) => string>;
}

/**
 * "2 licenses unassigned from Office 365 E3, 1 user skipped.": licenses and users counted apart; users
 * are named when their number differs from the licenses'. One kind of change for one user names
 * them: "1 license assigned to Alex Wilber".
 */
export function outcomeSummary(words: SummaryWords, counts: OutcomeCounts, product?: string, who?: string): string {
	const total = counts.removed + counts.assigned + counts.updated;
	const rest = (['skipped', 'failed', 'not-sent', 'unknown'] as const)
		.map(kind => [kind, counts[kind === 'not-sent' ? 'notSent' : kind]] as const)
		.filter(([, n]) => n > 0)
		.map(([kind, n]) => words.counted[kind](n));
	// Nothing done, and something was asked: say what was not done, not "0 licenses unassigned".
	if (total === 0 && counts.asked && counts.failed + counts.notSent + counts.unknown > 0) {
		const what = words.notDone[counts.asked](product);
		return `${who !== undefined ? `${who}: ` : ''}${words.start(`${what}: ${rest.join(', ')}`)}.`;
	}
	const changed = (['removed', 'assigned', 'updated'] as const).filter(
		kind => counts[kind] > 0 || (kind === 'removed' && counts.assigned + counts.updated === 0),
	);
	const of = product ? words.of(product) : '';
	const named = who !== undefined && changed.length === 1;
	const licenses = changed
		.map(kind => words.counted[kind](counts[kind]).replace(words.license, `$1${of}`) + (named ? ` ${words.toWhom[kind]} ${who}` : ''))
		.join(` ${words.and} `);
	const addOns = counts.addOns > 0 ? words.addOns(counts.addOns) : '';
	const users = counts.users > 0 && counts.users !== total && !named ? words.users(counts.users) : '';
	const lead = who !== undefined && !named ? `${who}: ` : '';
	return lead + words.start([licenses + addOns + users, ...rest].join(', ')) + '.';
}
