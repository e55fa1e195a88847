// Tenant text (names, UPNs, product and group names, Graph's messages) is data, never terminal
// control: a display name can carry ESC sequences that clear the screen, set the window title or
// write the clipboard (OSC 52), and bidi overrides or zero-width characters that make one UPN look
// like another. Every place where such text meets a terminal, a Markdown report or a PowerShell
// command goes through one of the functions here.

/**
 * What never reaches a terminal as itself: controls (C0, DEL, C1, so every ESC, CSI, OSC and DCS),
 * format characters (bidi embeddings, overrides, isolates and marks, the BOM, tags), line and
 * paragraph separators, lone surrogates, and Unicode's default-ignorable code points: what draws
 * nothing (zero-width space and joiners, word joiner, invisible operators, variation selectors,
 * Hangul fillers, soft hyphen, the whole tag block).
 */
const unsafeClass = String.raw`\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{Default_Ignorable_Code_Point}`;
const hasUnsafe = new RegExp(`[${unsafeClass}]`, 'u');
// The same but the line break, which every command's output has many of: a large output that is all
// safe lines is checked in one pass, not split into them.
const hasUnsafeInLines = new RegExp(`[[${unsafeClass}]--[\\n]]`, 'v');
// An emoji tag sequence (the flags of England, Scotland, Wales): the only proper use of tag characters.
const tagSequence = String.raw`\u{1F3F4}[\u{E0030}-\u{E0039}\u{E0061}-\u{E007A}]{1,30}\u{E007F}`;
const candidates = new RegExp(`${tagSequence}|[${unsafeClass}]`, 'gu');

// The few places where a character of the class above is ordinary writing and shows as such:
// joiners inside emoji (👩‍💻) and in scripts whose letters visibly change shape with them (Persian,
// Hindi); presentation selectors after emoji (❤️, 1️⃣) and ideographic variants after Han (葛󠄀).
const joiningScripts =
	/[\p{sc=Arabic}\p{sc=Syriac}\p{sc=Nko}\p{sc=Devanagari}\p{sc=Bengali}\p{sc=Gurmukhi}\p{sc=Gujarati}\p{sc=Oriya}\p{sc=Tamil}\p{sc=Telugu}\p{sc=Kannada}\p{sc=Malayalam}\p{sc=Sinhala}]/u;
const emojiBeforeJoiner = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F]/u;
const pictograph = /\p{Extended_Pictographic}/u;
const emoji = /\p{Emoji}/u;
const ideograph = /\p{Ideographic}/u;

const is = (pattern: RegExp, codePoint: number | undefined) => codePoint !== undefined && pattern.test(String.fromCodePoint(codePoint));

function codePointBefore(text: string, offset: number): number | undefined {
	if (offset === 0) return undefined;
	const low = text.charCodeAt(offset - 1);
	if (low >= 0xdc00 && low <= 0xdfff && offset >= 2) {
		const high = text.charCodeAt(offset - 2);
		if (high >= 0xd800 && high <= 0xdbff) return text.codePointAt(offset - 2);
	}
	return low;
}

function isOrdinary(char: string, before: number | undefined, after: number | undefined): boolean {
	const code = char.codePointAt(0)!;
	if (code === 0x200d && is(emojiBeforeJoiner, before) && is(pictograph, after)) return true;
	if ((code === 0x200c || code === 0x200d) && is(joiningScripts, before) && is(joiningScripts, after)) return true;
	// After a digit, # or *, only as a keycap (1️⃣): alone it would hide in a plain-looking name.
	if ((code === 0xfe0e || code === 0xfe0f) && is(emoji, before) && (before! > 0x7f || after === 0x20e3)) return true;
	return code >= 0xe0100 && code <= 0xe01ef && is(ideograph, before);
}

/** Where the characters that must not reach a terminal as themselves are, in order. */
function unsafeChars(text: string): Array<{offset: number; char: string}> {
	if (!hasUnsafe.test(text)) return [];
	const found: Array<{offset: number; char: string}> = [];
	let escapedUpTo = -1;
	for (const match of text.matchAll(candidates)) {
		const [char] = match;
		if (char.length > 2) continue; // a whole emoji tag sequence
		// A character shown escaped is no emoji or letter for the next one to join or select.
		const before = escapedUpTo === match.index ? undefined : codePointBefore(text, match.index);
		if (isOrdinary(char, before, text.codePointAt(match.index + char.length))) continue;
		found.push({offset: match.index, char});
		escapedUpTo = match.index + char.length;
	}
	return found;
}

/** The text cut into runs of ordinary text and single unsafe characters, each passed to its own form. */
function rebuild(text: string, plain: (run: string) => string, unsafe: (char: string) => string): string[] {
	const parts: string[] = [];
	let from = 0;
	for (const {offset, char} of unsafeChars(text)) {
		if (offset > from) parts.push(plain(text.slice(from, offset)));
		parts.push(unsafe(char));
		from = offset + char.length;
	}
	if (from < text.length || parts.length === 0) parts.push(plain(text.slice(from)));
	return parts;
}

/** `\u202e`: JSON's and JavaScript's own escape, so an escaped character inside JSON stays valid JSON. */
function visible(char: string): string {
	let escaped = '';
	for (let i = 0; i < char.length; i++) escaped += `\\u${char.charCodeAt(i).toString(16).padStart(4, '0')}`;
	return escaped;
}

/**
 * Tenant text as one line that is safe to draw or print: every character above is shown as its
 * escape (`\u001b[2J`, `\u202e`, `\u200b`), so it does nothing to the terminal and a UPN with a
 * hidden character does not look like one without. Everything else (æøå, CJK, emoji) is untouched.
 */
export function terminalText(text: string): string {
	return hasUnsafe.test(text) ? rebuild(text, run => run, visible).join('') : text;
}

/**
 * Text of several lines (a command's output): each line as terminalText, the line breaks kept.
 * JSON keeps its meaning: JSON.stringify already escapes C0, and what it leaves raw inside strings
 * (C1, bidi, zero-width, U+2028) becomes a \u escape that parses back to the same value.
 */
export function terminalLines(text: string): string {
	return hasUnsafeInLines.test(text) ? text.split('\n').map(terminalText).join('\n') : text;
}

/**
 * Text inside a Markdown document (a paragraph, a list item, a table cell): shown as written when
 * the report is rendered, never as markup, HTML, a link, a code span or a new table column; and
 * safe to `cat`, since terminalText comes first. Line breaks arrive escaped (`\u000a`), so nothing
 * starts a new block.
 */
export function markdownText(text: string): string {
	return (
		terminalText(text)
			.trim()
			// Backslash first, so the escapes added next are not escaped again.
			.replace(/[\\`*_[\]<>&|~]/g, '\\$&')
			// What would open a block where the text starts a line: a heading, quote, list or rule.
			.replace(/^[#+=-]/, '\\$&')
			.replace(/^(\d+)([.)])/, '$1\\$2')
	);
}

// PowerShell takes ' and the curly single quotes alike as the quotes of a verbatim string.
const powershellQuotes = /['\u2018\u2019\u201A\u201B]/g;

/**
 * A PowerShell expression that is exactly the text: single-quoted (every kind of single quote
 * doubled; nothing else is special inside), with what terminalText would escape joined in as
 * [char] values, so the command can be copied from the terminal and does what the app would.
 */
export function powershellString(text: string): string {
	const parts = rebuild(
		text,
		run => `'${run.replaceAll(powershellQuotes, '$&$&')}'`,
		char => {
			const code = char.codePointAt(0)!.toString(16).toUpperCase();
			return char.length > 1 ? `[char]::ConvertFromUtf32(0x${code})` : `[char]0x${code.padStart(4, '0')}`;
		},
	);
	return parts.length === 1 ? parts[0]! : `(${parts.join(' + ')})`;
}

/**
 * A POSIX shell word that is exactly the text: single-quoted (a ' closes the quotes, is written \',
 * and opens them again), with what terminalText would escape written as its UTF-8 bytes through
 * printf, so the script is safe to `cat` and does what the app would. `quoted: false` gives the
 * inside of the quotes, for text placed within a longer single-quoted string.
 */
export function shellString(text: string, quoted = true): string {
	const inside = rebuild(
		text,
		run => run.replaceAll("'", `'\\''`),
		char => `'"$(printf '${[...new TextEncoder().encode(char)].map(byte => `\\${byte.toString(8).padStart(3, '0')}`).join('')}')"'`,
	).join('');
	return quoted ? `'${inside}'` : inside;
}

/** The text without what terminalText would escape: for what someone types into a field. */
export function withoutUnsafe(text: string): string {
	return hasUnsafe.test(text)
		? rebuild(
				text,
				run => run,
				() => '',
			).join('')
		: text;
}
