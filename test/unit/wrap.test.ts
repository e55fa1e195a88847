// The fast wrapping gives wrap-ansi's lines (hard, trimmed), for any words, widths and line breaks.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import wrapAnsi from 'wrap-ansi';
import stringWidth from 'string-width';
import cliTruncate from 'cli-truncate';
import {textWidth, truncateEnd, wrapPlain} from '../../source/present/wrap.js';
import {packParts} from '../../source/ui/components/wrap-text.js';

describe('wrapping plain text', () => {
	it('is wrap-ansi, hard and trimmed, line for line', () => {
		const word = fc.constantFrom('a', 'bb', 'mailbox', 'Tomás', 'æblegrød', '2026-12-26)', '数据', 'supercalifragilistic', '(deleted', '', ' ');
		fc.assert(
			fc.property(fc.array(word, {maxLength: 25}), fc.constantFrom(' ', ' ', ' ', '\n', '  '), fc.integer({min: 1, max: 40}), (words, joint, width) => {
				const text = words.join(joint);
				expect(wrapPlain(text, width)).toEqual(wrapAnsi(text, width, {hard: true, trim: true}).split('\n'));
			}),
			{numRuns: 2000},
		);
	});

	it('keeps spaces that matter when asked', () => {
		expect(wrapPlain('  two  spaces  ', 40, {trim: false})).toEqual(wrapAnsi('  two  spaces  ', 40, {hard: true, trim: false}).split('\n'));
		expect(wrapPlain('a b c d e f', 3)).toEqual(['a b', 'c d', 'e f']);
	});
});

describe('the width of text', () => {
	it("is string-width's, for every character", () => {
		fc.assert(
			fc.property(fc.string({unit: 'grapheme', maxLength: 12}), text => {
				expect(textWidth(text)).toBe(stringWidth(text));
			}),
			{numRuns: 3000},
		);
		for (const text of ['Tomás — æblegrød … ─── − →', 'ﾃｽﾄ', '数据', '👍🏽', 'e\u0301', 'a\u200bb']) expect(textWidth(text), text).toBe(stringWidth(text));
	});
});

describe('cutting text to a width', () => {
	it("is cli-truncate's, as Ink cuts a line, for any text and width", () => {
		fc.assert(
			fc.property(fc.string({unit: 'grapheme', maxLength: 16}), fc.integer({min: 1, max: 20}), (text, width) => {
				expect(truncateEnd(text, width)).toBe(cliTruncate(text, width, {position: 'end'}));
			}),
			{numRuns: 3000},
		);
		expect(truncateEnd('Isaiah Langer', 8)).toBe('Isaiah …');
		expect(truncateEnd('数据数据', 5)).toBe(cliTruncate('数据数据', 5, {position: 'end'}));
		expect(truncateEnd('anything', 0)).toBe('');
	});
});

describe('parts of a line, packed', () => {
	it('a part that does not fit goes whole to the next line; one too wide for any is left to be cut', () => {
		expect(packParts(['adele.vance@contoso.com', 'Sign-in allowed', 'Usage location US'], 79)).toEqual([
			'adele.vance@contoso.com · Sign-in allowed · Usage location US',
		]);
		expect(packParts(['adele.vance@contoso.com', 'Sign-in allowed', 'Usage location US'], 59)).toEqual([
			'adele.vance@contoso.com · Sign-in allowed',
			'Usage location US',
		]);
		expect(packParts(['a.very.long.username.from.a.long.domain@subsidiary.contoso.com', 'Logon tilladt', 'Brugsplacering DK'], 59)).toEqual([
			'a.very.long.username.from.a.long.domain@subsidiary.contoso.com',
			'Logon tilladt · Brugsplacering DK',
		]);
		expect(packParts(['x\u001b[2Jy', 'æøå'], 20)).toEqual(['x\\u001b[2Jy · æøå']);
	});
});
