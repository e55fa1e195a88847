import {terminalText} from '../../present/text-safety.js';
import {textWidth, wrapPlain} from '../../present/wrap.js';
import {extended} from '../../domain/extended.js';

/**
 * A paragraph as the single-row lines a scrolling panel needs: wrapped to `width` columns (long
 * words broken), each line after `indent`. `trim: false` keeps spaces that matter (commands).
 * Made safe first: wrap-ansi would take an escape sequence in a name for styling, and a line break
 * for the end of a line.
 */
export function wrapText(text: string, width: number, indent = '', trim = true): string[] {
	return wrapPlain(terminalText(text), width, {trim}).map(line => indent + line);
}

/**
 * Parts of a line ("a@b.com", "Sign-in allowed", "Usage location US") joined by a separator, as lines
 * no wider than `width`: a part that does not fit goes whole to the next line instead of being cut
 * (one wider than a whole line is left to the row that shows it to cut).
 */
export function packParts(parts: readonly string[], width: number, separator = ' · '): string[] {
	const lines: string[] = [];
	for (const part of parts.map(terminalText)) {
		const joined = lines.length > 0 ? `${lines.at(-1)}${separator}${part}` : null;
		if (joined !== null && textWidth(joined) <= width) lines[lines.length - 1] = joined;
		else lines.push(part);
	}
	return lines;
}

/** A run of text in one style. */
export interface Segment {
	text: string;
	bold?: boolean;
	dim?: boolean;
}

/** One row of a scrolling panel: styled runs, no wider than the panel. */
export type Line = Segment[];

/**
 * Styled text wrapped like wrapText: each line as the segments (cut where the line breaks) it
 * holds, after `indent`. Nothing is cut off: a name, a group or a reason goes on the next line.
 */
export function wrapSegments(segments: readonly Segment[], width: number, indent = '', hang = indent): Segment[][] {
	const safe = segments.map(segment => extended(segment, {text: terminalText(segment.text)}));
	const plain = safe.map(segment => segment.text).join('');
	// Most lines fit: a confirmation of thousands of users need not wrap each one.
	if (textWidth(plain) <= width - indent.length && !plain.includes('\n')) return [indent ? [{text: indent}, ...safe] : safe];
	let from = 0;
	return wrapText(plain, Math.max(1, width - Math.max(indent.length, hang.length))).map((line, n) => {
		// Each wrapped line is a piece of the paragraph (only spaces at the breaks are dropped).
		const start = plain.indexOf(line, from);
		const end = start + line.length;
		from = end;
		const lead = n === 0 ? indent : hang;
		const pieces: Segment[] = lead ? [{text: lead}] : [];
		let at = 0;
		for (const segment of safe) {
			const [a, b] = [Math.max(start, at), Math.min(end, at + segment.text.length)];
			if (a < b) pieces.push(extended(segment, {text: segment.text.slice(a - at, b - at)}));
			at += segment.text.length;
		}
		return pieces;
	});
}
