// Where JSON.parse stopped, as a line and column of the text. Node says where inside an English
// sentence: "at position N", that the text ended, or (for an unexpected token) the ten characters on
// either side of it; a message in another language needs the place, not those words.

export interface JsonPlace {
	line: number;
	column: number;
	/** The text ended before the JSON did. */
	end: boolean;
}

/** V8 quotes this many characters on either side of an unexpected token. */
const context = 10;

/** The offset of an unexpected token from the text V8 quotes around it, or null when it cannot be told. */
function tokenOffset(text: string, message: string): number | null {
	const quoted = /^Unexpected token '([\s\S])', (\.\.\.)?"([\s\S]*)"(\.\.\.)? is not valid JSON/.exec(message);
	if (!quoted) return null;
	const [, token, before, around, after] = quoted as unknown as [string, string, string | undefined, string, string | undefined];
	const start = before ? text.indexOf(around) : 0;
	const offset = before ? start + context : after ? around.length - context : text.indexOf(token);
	return start >= 0 && text[offset] === token ? offset : null;
}

/** The line and column (from 1) JSON.parse's message points at, or null when it names no place. */
export function jsonErrorPlace(text: string, message: string): JsonPlace | null {
	const at = /\bat position (\d+)/.exec(message);
	const found = at ? Number(at[1]) : /Unexpected end of JSON input/.test(message) ? text.length : tokenOffset(text, message);
	if (found === null) return null;
	// Stopped where only spaces follow: the text ended, said at its last line.
	const last = text.trimEnd().length;
	const end = found >= last;
	const offset = Math.min(found, last);
	const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
	let line = 1;
	for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
	return {line, column: offset - lineStart + 1, end};
}
