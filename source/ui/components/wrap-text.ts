import wrapAnsi from 'wrap-ansi';
import {terminalText} from '../../domain/text-safety.js';

/**
 * A paragraph as the single-row lines a scrolling panel needs: wrapped to `width` columns (long
 * words broken), each line after `indent`. `trim: false` keeps spaces that matter (commands).
 * Made safe first: wrap-ansi would take an escape sequence in a name for styling, and a line break
 * for the end of a line.
 */
export function wrapText(text: string, width: number, indent = '', trim = true): string[] {
	return wrapAnsi(terminalText(text), width, {hard: true, trim})
		.split('\n')
		.map(line => indent + line);
}
