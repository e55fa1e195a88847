// Ink hands a run of plain characters that arrive together ("jj\r" from tmux send-keys, a paste)
// to useInput as one input. Splitting it back into keypresses lets each go through the key table.
import type {Key} from 'ink';

const noKey: Key = {
	upArrow: false,
	downArrow: false,
	leftArrow: false,
	rightArrow: false,
	pageDown: false,
	pageUp: false,
	home: false,
	end: false,
	return: false,
	escape: false,
	ctrl: false,
	shift: false,
	tab: false,
	backspace: false,
	delete: false,
	meta: false,
	super: false,
	hyper: false,
	capsLock: false,
	numLock: false,
};

function keyOf(char: string): [string, Key] {
	if (char === '\r' || char === '\n') return ['', {...noKey, return: true}];
	if (char === '\t') return ['', {...noKey, tab: true}];
	if (char === '\u007F' || char === '\b') return ['', {...noKey, backspace: true}];
	const code = char.codePointAt(0)!;
	// Ctrl+A … Ctrl+Z arrive as 0x01 … 0x1a.
	if (code >= 1 && code <= 26) return [String.fromCodePoint(code + 96), {...noKey, ctrl: true}];
	return [char, {...noKey, shift: /[A-Z]/.test(char)}];
}

export function splitBurst(input: string, key: Key): Array<[string, Key]> {
	const chars = [...input];
	if (chars.length <= 1 || input.includes('\u001B')) return [[input, key]];
	return chars.map(keyOf);
}
