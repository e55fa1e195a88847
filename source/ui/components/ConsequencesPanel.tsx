// The consequences panel: before a confirmation, per user and summed, what goes and what stays.
// Given as single-row lines so the confirmation can scroll them with the rest.
import type {UserConsequences} from '../../domain/consequences.js';
import {consequenceNotes, consequencePhrases, consequenceSummary, strings} from '../../text/index.js';
import type {Names} from '../../domain/selectors.js';
import {wrapText, type Line, type Segment} from './wrap-text.js';

/**
 * A sentence per user, each phrase list worked out once per change: users with the same assignments
 * losing the same share one change (the engine memoises it), so thousands of users cost a handful.
 */
function userSentences(names: Names): (user: UserConsequences) => string {
	const phrases = new Map<UserConsequences['changes'], string>();
	return user => {
		let said = phrases.get(user.changes);
		if (said === undefined) phrases.set(user.changes, (said = consequencePhrases(user, names.product).join('; ')));
		const hold = user.hold ? ` [${strings.consequences.hold(user.hold)}]` : '';
		return `${user.displayName}${hold}: ${said}`;
	};
}

const wrapper = (width: number) => (text: string, indent: string) => wrapText(text, Math.max(20, width - indent.length), indent);

/** The panel's upper part, a row at a time: the title, the sums, then a sentence per user. */
export function* consequenceHead(list: readonly UserConsequences[], names: Names, width: number): Generator<Segment> {
	if (list.length === 0) return;
	const wrap = wrapper(width);
	const userSentence = userSentences(names);
	yield {text: strings.consequences.title, bold: true};
	for (const text of wrap(consequenceSummary(list), '  ')) yield {text, bold: true};
	for (const user of list) for (const text of wrap(userSentence(user), '  ')) yield {text};
}

/** The panel's lower part: what each kind lost means, and the source. */
export function consequenceNoteRows(list: readonly UserConsequences[], width: number): Segment[] {
	const wrap = wrapper(width);
	return consequenceNotes(list).flatMap(note => wrap(note, '  ').map(text => ({text, dim: true})));
}

/**
 * The panel's text in two parts: `head` (title, sums, a sentence per user) goes above the changes,
 * `notes` (what each kind lost means, and the source) below them. Lines are wrapped to `width`.
 */
export function consequenceRows(list: readonly UserConsequences[], names: Names, width: number): {head: Segment[]; notes: Segment[]} {
	if (list.length === 0) return {head: [], notes: []};
	return {head: [...consequenceHead(list, names, width)], notes: consequenceNoteRows(list, width)};
}

/** The consequences panel as single-row lines, for a confirmation to scroll with the rest. */
export function consequencesPanelLines(list: readonly UserConsequences[], names: Names, width: number): {head: Line[]; notes: Line[]} {
	const {head, notes} = consequenceRows(list, names, width);
	return {head: head.map(row => [row]), notes: notes.map(row => [row])};
}
