// A one-line field's editing, as a pure function: the keys of a shell's line (readline, emacs mode)
// on a value and a cursor. Ctrl-A/E start and end, Ctrl-B/F and ←/→ a character, Alt-B/F a word,
// Ctrl-U and Ctrl-K delete to the start and to the end, Ctrl-W the word before the cursor, Ctrl-D
// the character under it, backspace the one before it. A key it does not know types nothing.
import type {Key} from 'ink';

export interface LineState {
	value: string;
	/** Where the next character goes: 0 … value.length. */
	cursor: number;
}

/** Ctrl-W's words run to a space; Alt-B and Alt-F's are letters and digits (a username is several), as in bash. */
const spaced = (char: string) => !/\s/.test(char);
const alphanumeric = (char: string) => /[\p{L}\p{N}]/u.test(char);

/** Where the word before the cursor starts (what is not a word before it skipped, as readline's does). */
function wordStart(value: string, cursor: number, inWord: (char: string) => boolean): number {
	let at = cursor;
	while (at > 0 && !inWord(value[at - 1]!)) at--;
	while (at > 0 && inWord(value[at - 1]!)) at--;
	return at;
}

/** Where the word after the cursor ends. */
function wordEnd(value: string, cursor: number, inWord: (char: string) => boolean): number {
	let at = cursor;
	while (at < value.length && !inWord(value[at]!)) at++;
	while (at < value.length && inWord(value[at]!)) at++;
	return at;
}

const cut = (state: LineState, from: number, to: number): LineState => ({value: state.value.slice(0, from) + state.value.slice(to), cursor: from});

/** The line after the key; null when the key is not the field's (enter, esc, ↑/↓, tab, Ctrl-C and the like). */
export function editLine(state: LineState, input: string, key: Key): LineState | null {
	const {value, cursor} = state;
	const at = (position: number): LineState => ({value, cursor: Math.max(0, Math.min(value.length, position))});
	if (key.return || key.escape || key.upArrow || key.downArrow || key.tab || key.pageUp || key.pageDown) return null;
	if (key.leftArrow) return at(cursor - 1);
	if (key.rightArrow) return at(cursor + 1);
	if (key.home) return at(0);
	if (key.end) return at(value.length);
	if (key.backspace || key.delete) return cursor > 0 ? cut(state, cursor - 1, cursor) : state;
	if (key.ctrl) {
		const edits: Record<string, () => LineState> = {
			a: () => at(0),
			e: () => at(value.length),
			b: () => at(cursor - 1),
			f: () => at(cursor + 1),
			u: () => cut(state, 0, cursor),
			k: () => cut(state, cursor, value.length),
			w: () => cut(state, wordStart(value, cursor, spaced), cursor),
			d: () => cut(state, cursor, Math.min(value.length, cursor + 1)),
			h: () => (cursor > 0 ? cut(state, cursor - 1, cursor) : state),
		};
		return edits[input]?.() ?? null;
	}
	if (key.meta) {
		if (input === 'b') return at(wordStart(value, cursor, alphanumeric));
		if (input === 'f') return at(wordEnd(value, cursor, alphanumeric));
		if (input === 'd') return cut(state, cursor, wordEnd(value, cursor, alphanumeric));
		return null;
	}
	if (input === '') return null;
	return {value: value.slice(0, cursor) + input + value.slice(cursor), cursor: cursor + input.length};
}
