import wrapAnsi from 'wrap-ansi';

/**
 * A paragraph as the single-row lines a scrolling panel needs: wrapped to `width` columns (long
 * words broken), each line after `indent`. `trim: false` keeps spaces that matter (commands).
 */
export function wrapText(text: string, width: number, indent = '', trim = true): string[] {
	return wrapAnsi(text, width, {hard: true, trim})
		.split('\n')
		.map(line => indent + line);
}
