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

/** The bytes a terminal sends for a keypress: to hand one key on to a component that reads Ink's input. */
export function rawKey(input: string, key: Key): string {
	if (key.upArrow) return '\u001B[A';
	if (key.downArrow) return '\u001B[B';
	if (key.rightArrow) return '\u001B[C';
	if (key.leftArrow) return '\u001B[D';
	if (key.pageUp) return '\u001B[5~';
	if (key.pageDown) return '\u001B[6~';
	if (key.home) return '\u001B[H';
	if (key.end) return '\u001B[F';
	if (key.return) return '\r';
	if (key.tab) return '\t';
	if (key.backspace) return '\u007F';
	if (key.delete) return '\u001B[3~';
	if (key.escape) return '\u001B';
	if (key.ctrl && /^[a-z]$/.test(input)) return String.fromCodePoint(input.codePointAt(0)! - 96);
	return input;
}
