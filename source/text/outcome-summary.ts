// The sentence that sums up a change's outcomes, built the same way in every language from its words.
import type {Outcome, OutcomeCounts} from '../domain/plan.js';

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
}

/**
 * "2 licenses unassigned from Office 365 E3, 1 user skipped.": licenses and users counted apart; users
 * are named when their number differs from the licenses'. One kind of change for one user names
 * them: "1 license assigned to Alex Wilber".
 */
export function outcomeSummary(words: SummaryWords, counts: OutcomeCounts, product?: string, who?: string): string {
	const changed = (['removed', 'assigned', 'updated'] as const).filter(kind => counts[kind] > 0 || (kind === 'removed' && counts.assigned + counts.updated === 0));
	const of = product ? words.of(product) : '';
	const named = who !== undefined && changed.length === 1;
	const licenses = changed
		.map(kind => words.counted[kind](counts[kind]).replace(words.license, `$1${of}`) + (named ? ` ${words.toWhom[kind]} ${who}` : ''))
		.join(` ${words.and} `);
	const addOns = counts.addOns > 0 ? words.addOns(counts.addOns) : '';
	const total = counts.removed + counts.assigned + counts.updated;
	const users = counts.users > 0 && counts.users !== total && !named ? words.users(counts.users) : '';
	const rest = (['skipped', 'failed'] as const).filter(kind => counts[kind] > 0).map(kind => words.counted[kind](counts[kind]));
	const lead = who !== undefined && !named ? `${who}: ` : '';
	return lead + words.start([licenses + addOns + users, ...rest].join(', ')) + '.';
}
