// The text-safety functions against generated hostile strings: nothing that controls a terminal or
// hides a character gets through, ordinary writing is untouched, and nothing is lost (the escapes
// read back as the exact text).
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import {describe, expect, it} from 'vitest';
import {markdownText, powershellString, terminalLines, terminalText} from '../../source/present/text-safety.js';

// Characters hostile tenant data is made of: ESC/CSI/OSC/DCS pieces, C1, NUL, bidi, zero-width,
// tags, variation selectors, separators, lone surrogates; and Markdown and PowerShell's specials.
const hostile = [
	'\u001b',
	'[',
	']',
	'2J',
	'0;title',
	'52;c;',
	'\u0007',
	'\u001b\\',
	'P',
	'\u009b',
	'\u009d',
	'\u0090',
	'\u0000',
	'\r',
	'\n',
	'\t',
	'\u007f',
	'\u202a',
	'\u202b',
	'\u202c',
	'\u202d',
	'\u202e',
	'\u2066',
	'\u2067',
	'\u2068',
	'\u2069',
	'\u200e',
	'\u200f',
	'\u061c',
	'\u200b',
	'\u200c',
	'\u200d',
	'\u2060',
	'\u2061',
	'\u2062',
	'\u2063',
	'\u2064',
	'\ufeff',
	'\u00ad',
	'\u3164',
	'\u115f',
	'\u{e0001}',
	'\u{e0000}',
	'\ufff0',
	'\u{1d173}',
	'\u{e0041}',
	'\u{e007f}',
	'\ufe0f',
	'\ufe0e',
	'\u{e0100}',
	'\u2028',
	'\u2029',
	'\ud800',
	'\udfff',
	'|',
	'`',
	'*',
	'_',
	'<script>',
	'&lt;',
	'&#x202e;',
	'#',
	'- ',
	'1. ',
	'> ',
	'!',
	'[x](javascript:alert(1))',
	'\\',
	'~~',
	'    ',
	"'",
	'\u2018',
	'\u2019',
	'\u201a',
	'\u201b',
	'"',
	'$',
	'@',
];
const ordinaryPieces = ['alex', '.', '@contoso.com', ' ', 'Æble', 'Søren', 'Åse', '王小明', '山田　太郎', 'é', 'e\u0301', '-', '1'];
const emojiPieces = ['😀', '👍🏽', '👩‍💻', '👨‍👩‍👧‍👦', '❤️', '🏳️‍🌈', '1️⃣', '🇩🇰', '🏴󠁧󠁢󠁥󠁮󠁧󠁿', '葛󠄀'];
const joiningPieces = ['می\u200cخواهم', 'क्\u200dष'];

const pieces = (alphabet: string[]) => fc.array(fc.constantFrom(...alphabet), {maxLength: 12}).map(parts => parts.join(''));
const hostileText = fc.oneof(pieces([...hostile, ...ordinaryPieces]), fc.string({unit: 'binary', maxLength: 40}));

const codePoints = (text: string) => [...text].map(char => char.codePointAt(0)!);
const between = (code: number, from: number, to: number) => code >= from && code <= to;
/** The characters the brief names, from their code points alone: none may be in the output. */
function forbidden(code: number): boolean {
	return (
		code < 0x20 ||
		between(code, 0x7f, 0x9f) ||
		between(code, 0x202a, 0x202e) ||
		between(code, 0x2066, 0x2069) ||
		[0x200e, 0x200f, 0x061c, 0xfeff, 0x00ad, 0x2028, 0x2029, 0x3164, 0x115f].includes(code) ||
		between(code, 0x200b, 0x200d) ||
		between(code, 0x2060, 0x2064) ||
		between(code, 0xd800, 0xdfff) ||
		between(code, 0xe0000, 0xe007f) ||
		between(code, 0xfe00, 0xfe0f) ||
		between(code, 0xe0100, 0xe01ef)
	);
}
/** Forbidden characters left in a text: an ideographic variation selector after a Han character is
 * how some Japanese names are written, and stays. */
const leftRaw = (text: string) => {
	const codes = codePoints(text);
	return codes.filter((code, i) => forbidden(code) && !(between(code, 0xe0100, 0xe01ef) && /\p{Ideographic}/u.test(String.fromCodePoint(codes[i - 1] ?? 0))));
};
/** Reads the escapes back, as JSON would: the text must come out exactly as it went in. */
const unescape = (shown: string) => JSON.parse(`"${shown.replaceAll('"', '\\"')}"`) as string;

describe('terminalText: tenant text made safe to draw', () => {
	it('lets no control, bidi, zero-width, tag, selector or lone surrogate through', () => {
		fc.assert(
			fc.property(pieces([...hostile, ...ordinaryPieces]), text => {
				expect(leftRaw(terminalText(text))).toEqual([]);
			}),
		);
	});

	it('never passes a control character or bidi override, whatever the text (emoji included)', () => {
		fc.assert(
			fc.property(fc.oneof(hostileText, pieces([...hostile, ...emojiPieces, ...joiningPieces])), text => {
				const shown = terminalText(text);
				expect(shown).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/);
				expect(shown).not.toMatch(/[\ud800-\udfff]/u);
			}),
		);
	});

	it('shows each escaped character as its \\u escape: the original reads back exactly, so two UPNs never look alike', () => {
		fc.assert(
			fc.property(fc.oneof(hostileText, pieces([...hostile, ...emojiPieces])), text => {
				fc.pre(!text.includes('\\'));
				expect(unescape(terminalText(text))).toBe(text);
			}),
		);
		expect(terminalText('alex\u200b@contoso.com')).toBe('alex\\u200b@contoso.com');
		expect(terminalText('Evil\u001b]52;c;aGk=\u0007')).toBe('Evil\\u001b]52;c;aGk=\\u0007');
		expect(terminalText('\u202egnp.exe')).toBe('\\u202egnp.exe');
		expect(terminalText('a\u{e0041}b')).toBe('a\\udb40\\udc41b');
	});

	it('leaves ordinary writing alone: Danish, CJK, combining accents, emoji sequences, Persian and Hindi joiners', () => {
		fc.assert(
			fc.property(pieces([...ordinaryPieces, ...emojiPieces, ...joiningPieces]), text => {
				expect(terminalText(text)).toBe(text);
			}),
		);
	});

	it('does not hide a joiner or selector that is not part of such writing', () => {
		expect(terminalText('ad\u200dmin')).toBe('ad\\u200dmin');
		expect(terminalText('user1\ufe0f@contoso.com')).toBe('user1\\ufe0f@contoso.com');
		expect(terminalText('😀\ufe0f\ufe0f')).toBe('😀\ufe0f\\ufe0f');
		expect(terminalText('\u{1f3f4}\u{e0041}')).toBe('\u{1f3f4}\\udb40\\udc41');
	});

	it('is idempotent: text already made safe is not escaped again', () => {
		fc.assert(
			fc.property(hostileText, text => {
				expect(terminalText(terminalText(text))).toBe(terminalText(text));
			}),
		);
	});
});

describe('terminalLines: a command output of several lines', () => {
	it('keeps JSON valid and its values exact, with nothing unsafe left raw', () => {
		const value = fc.dictionary(hostileText, fc.oneof(hostileText, fc.array(hostileText, {maxLength: 3})), {maxKeys: 4});
		fc.assert(
			fc.property(value, data => {
				const shown = terminalLines(JSON.stringify({data}, null, 2));
				expect(JSON.parse(shown)).toEqual({data});
				expect(leftRaw(shown.replaceAll('\n', ''))).toEqual([]);
			}),
		);
	});

	it('keeps the line breaks between lines', () => {
		expect(terminalLines('a\u001b[2J\nb\n')).toBe('a\\u001b[2J\nb\n');
	});
});

describe('markdownText: tenant text in the guide report', () => {
	const md = new MarkdownIt();
	const html = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
	const markdownish = pieces([
		...hostile,
		...ordinaryPieces,
		'**',
		'__',
		'```',
		'---',
		'***',
		'===',
		'+ ',
		'1) ',
		'## ',
		'<b>',
		'</p>',
		'&amp;',
		'https://x.test',
	]);

	it('renders as the text itself in a paragraph: no markup, HTML, link, heading, list or code', () => {
		fc.assert(
			fc.property(markdownish, text => {
				const shown = terminalText(text).trim();
				fc.pre(shown !== '');
				expect(md.render(`${markdownText(text)}\n`)).toBe(`<p>${html(shown)}</p>\n`);
			}),
		);
	});

	it('stays in its table cell', () => {
		fc.assert(
			fc.property(markdownish, text => {
				const rendered = md.render(`| User | Outcome |\n| --- | --- |\n| ${markdownText(text)} | Unassigned |\n`);
				const row = /<tbody>\n<tr>\n([\s\S]*?)<\/tr>/.exec(rendered)![1]!;
				expect(row).toBe(`<td>${html(terminalText(text).trim())}</td>\n<td>Unassigned</td>\n`);
			}),
		);
	});
});

describe('powershellString: a value in the equivalent PowerShell command', () => {
	/** Reads a string expression back as PowerShell's tokenizer does (a doubled quote is the second one). */
	function evaluate(expression: string): string {
		const quotes = "'\u2018\u2019\u201a\u201b";
		let i = 0;
		let out = '';
		const inner = expression.startsWith('(') ? expression.slice(1, -1) : expression;
		while (i < inner.length) {
			if (quotes.includes(inner[i]!)) {
				i++;
				for (;;) {
					const char = inner[i]!;
					if (quotes.includes(char)) {
						if (!quotes.includes(inner[i + 1] ?? 'x')) break;
						i++;
					}
					out += inner[i];
					i++;
				}
				i++;
			} else {
				const rest = inner.slice(i);
				const char = /^\[char\]0x([0-9A-F]{4})/.exec(rest);
				const utf32 = /^\[char\]::ConvertFromUtf32\(0x([0-9A-F]+)\)/.exec(rest);
				const join = /^ \+ /.exec(rest);
				if (char) out += String.fromCharCode(parseInt(char[1]!, 16));
				else if (utf32) out += String.fromCodePoint(parseInt(utf32[1]!, 16));
				else if (!join) throw new Error(`not a PowerShell string expression at ${i}: ${expression}`);
				i += (char ?? utf32 ?? join)![0].length;
			}
		}
		return out;
	}

	it('is exactly the value, and prints safely', () => {
		fc.assert(
			fc.property(fc.oneof(hostileText, pieces([...hostile, ...emojiPieces])), text => {
				const expression = powershellString(text);
				expect(evaluate(expression)).toBe(text);
				expect(terminalText(expression)).toBe(expression);
			}),
		);
	});

	it('doubles every kind of single quote PowerShell knows, not only the ASCII one', () => {
		expect(powershellString("grace.o'connor@contoso.com")).toBe("'grace.o''connor@contoso.com'");
		expect(powershellString('o\u2019neil\u2018\u201a\u201b')).toBe("'o\u2019\u2019neil\u2018\u2018\u201a\u201a\u201b\u201b'");
		expect(powershellString('a$b`c"d')).toBe(`'a$b\`c"d'`);
		expect(powershellString('evil\u202e@contoso.com')).toBe("('evil' + [char]0x202E + '@contoso.com')");
		expect(powershellString('')).toBe("''");
	});
});
