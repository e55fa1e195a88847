// Wrapping plain text (no escape sequences: tenant text is made safe before) to a width in terminal
// columns, for panels and for the command line's text output: wrap-ansi's wrapping (hard, trimmed),
// done directly where no word is wider than a line. A confirmation wraps a sentence per user,
// thousands of them, and wrap-ansi takes some 20 µs a sentence where this takes 2.
import cliTruncate from 'cli-truncate';
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';

/**
 * Characters one column wide each, whatever the terminal: printable ASCII, Latin letters with their
 * accents (æ, ø, å), general punctuation (– — … ’), arrows, mathematical signs (−) and box drawing
 * (─). Text made of them is as wide as it is long; anything else is measured by string-width.
 */
const narrow = /^[\x20-\x7e\u00a0-\u02ff\u2010-\u2027\u2030-\u205e\u2190-\u21ff\u2200-\u22ff\u2500-\u257f]*$/;

/** The columns the text takes in a terminal. */
export const textWidth = (text: string): number => (narrow.test(text) ? text.length : stringWidth(text));
const length = (word: string) => word.length;

/** Greedy wrapping at single spaces; null when a word is wider than a line (wrap-ansi breaks those). */
function greedy(paragraph: string, columns: number, widthOf: (word: string) => number): string[] | null {
	const lines: string[] = [];
	let line = '';
	let used = 0;
	for (const word of paragraph.split(' ')) {
		if (word === '') return null;
		const w = widthOf(word);
		if (w > columns) return null;
		if (line === '') {
			line = word;
			used = w;
		} else if (used + 1 + w <= columns) {
			line += ` ${word}`;
			used += 1 + w;
		} else {
			lines.push(line);
			line = word;
			used = w;
		}
	}
	lines.push(line);
	return lines;
}

/** The lines of `text` (its own line breaks kept) wrapped to `width` columns, long words broken. */
export function wrapPlain(text: string, width: number, {trim = true}: {trim?: boolean} = {}): string[] {
	const columns = Math.max(1, Math.floor(width));
	const lines: string[] = [];
	for (const paragraph of text.split('\n')) {
		// Measured once: in text of narrow characters alone, every word is as wide as it is long.
		const plain = narrow.test(paragraph);
		const fits = (plain ? paragraph.length : stringWidth(paragraph)) <= columns;
		// Spaces that matter (trim: false), and runs of them, are wrap-ansi's to keep.
		const simple = trim && !paragraph.includes('  ') && paragraph === paragraph.trim();
		const wrapped = fits ? [trim ? paragraph.trim() : paragraph] : simple ? greedy(paragraph, columns, plain ? length : textWidth) : null;
		lines.push(...(wrapped ?? wrapAnsi(paragraph, columns, {hard: true, trim}).split('\n')));
	}
	return lines;
}

/** The text cut to `width` columns, ending in … when cut (as Ink's truncate-end does it). */
export function truncateEnd(text: string, width: number): string {
	const columns = Math.max(0, Math.floor(width));
	if (textWidth(text) <= columns) return text;
	if (columns === 0) return '';
	return narrow.test(text) ? `${text.slice(0, columns - 1)}…` : cliTruncate(text, columns, {position: 'end'});
}
