// What the terminal sends, as keypresses. A read can hold many keys ("jj\r" from tmux send-keys, a
// paste, a fast typist); each is handed to the app on its own (key-feed.ts), so that it goes through
// the key table, and reaches a text field or a list, as a key of its own.
//
// An escape sequence (an arrow, PgDn, alt+key) is one key, read as Ink's own input parser reads it, so
// the app and Ink agree on where a key ends. A read can end in the middle of one (a slow link): the
// start waits for the next read, and is taken as it stands if none comes (a lone esc is the escape key).
//
// Keys typed before the terminal is in raw mode (while the app starts) come through the terminal's
// line mode, which turns enter into a line feed: read as enter, so none of them is lost.

const escape = '\u001B';

type Found = {key: string; next: number} | 'incomplete';
/** null: not a control sequence. */
type Sequence = Found | null;

const isParameter = (code: number) => code >= 0x30 && code <= 0x3f;
const isIntermediate = (code: number) => code >= 0x20 && code <= 0x2f;
const isFinal = (code: number) => code >= 0x40 && code <= 0x7e;

/** A control sequence (CSI: ESC [ …, or SS3: ESC O x) starting at `at`, after `prefix` escapes. */
function controlSequence(input: string, at: number, prefix: number): Sequence {
	const kind = input[at + prefix];
	if (kind === undefined) return 'incomplete';
	if (kind === 'O') {
		const final = input.codePointAt(at + prefix + 1);
		if (final === undefined) return 'incomplete';
		return isFinal(final) ? {key: input.slice(at, at + prefix + 2), next: at + prefix + 2} : null;
	}
	if (kind !== '[') return null;
	let i = at + prefix + 1;
	// The old function-key form: ESC [ [ A.
	if (input[i] === '[') i++;
	for (; i < input.length; i++) {
		const code = input.codePointAt(i)!;
		if (isParameter(code) || isIntermediate(code)) continue;
		return isFinal(code) ? {key: input.slice(at, i + 1), next: i + 1} : null;
	}
	return 'incomplete';
}

/** The key that starts with the escape at `at`. */
function escapeKey(input: string, at: number): Found {
	if (at === input.length - 1) return 'incomplete';
	const sequence = controlSequence(input, at, 1);
	if (sequence !== null) return sequence;
	if (input[at + 1] === escape) {
		// Alt with an arrow (ESC ESC [ A) is one key; two escapes alone are esc pressed twice.
		const withAlt = at + 2 < input.length ? controlSequence(input, at, 2) : 'incomplete';
		return withAlt ?? {key: escape, next: at + 1};
	}
	// Alt with a character.
	const next = at + 1 + (input.codePointAt(at + 1)! > 0xffff ? 2 : 1);
	return {key: input.slice(at, next), next};
}

/** The keys in `input`, and what is left of a key not complete yet (the start of an escape sequence). */
export function splitKeys(input: string): {keys: string[]; rest: string} {
	const keys: string[] = [];
	let i = 0;
	while (i < input.length) {
		if (input[i] !== escape) {
			const character = String.fromCodePoint(input.codePointAt(i)!);
			keys.push(character === '\n' ? '\r' : character);
			i += character.length;
			continue;
		}
		const sequence = escapeKey(input, i);
		if (sequence === 'incomplete') return {keys, rest: input.slice(i)};
		keys.push(sequence.key);
		i = sequence.next;
	}
	return {keys, rest: ''};
}

/** Splits reads into keys, keeping a key cut between two reads until the rest comes, or it is flushed. */
export function createKeySplitter() {
	let rest = '';
	return {
		push(chunk: string): string[] {
			const split = splitKeys(rest + chunk);
			rest = split.rest;
			return split.keys;
		},
		/** The start of a sequence no read completed: as it stands (a lone esc is the escape key). */
		flush(): string[] {
			const left = rest;
			rest = '';
			if (left === '') return [];
			// Two escapes and nothing after them: esc, twice.
			return left === escape + escape ? [escape, escape] : [left];
		},
		waiting: () => rest !== '',
	};
}
