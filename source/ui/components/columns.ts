// Column widths for a list row: each column as wide as what it shows (the rows on screen), and when
// they do not all fit, the least important ones give way first, each down to its minimum. Only a
// column that has given way cuts its text, so what matters in a row is never what is cut off.
import stringWidth from 'string-width';
import {terminalText} from '../../present/text-safety.js';

export interface Column {
	/** The widest text it shows (see widest). */
	want: number;
	/** It never gets narrower than this. */
	min: number;
}

/** Widths within `width` (the row's space for these columns); `giveWay`: column indexes, least important first. */
export function fitColumns(columns: readonly Column[], width: number, giveWay: readonly number[]): number[] {
	const widths = columns.map(c => Math.max(c.want, c.min));
	let over = widths.reduce((a, b) => a + b, 0) - width;
	for (const i of giveWay) {
		if (over <= 0) break;
		const take = Math.min(over, widths[i]! - columns[i]!.min);
		if (take > 0) {
			widths[i]! -= take;
			over -= take;
		}
	}
	return widths;
}

/** The terminal width of the widest of these texts, as shown (escapes included). */
export function widest(texts: Iterable<string>): number {
	let most = 0;
	for (const text of texts) most = Math.max(most, stringWidth(terminalText(text)));
	return most;
}
