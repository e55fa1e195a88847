// A value given by the user, a file or a server that ends in a full stop never makes a message end
// in two ("--inactive-days=-XYZ.. See"): every message of the text module, in every language, is
// called with values that end in one, and no sentence in it ends twice.
import {describe, expect, it} from 'vitest';
import {en} from '../../source/text/en.js';
import {da} from '../../source/text/da.js';

/** Every message function of a language, by its path (messages.cli.usageError). */
function messages(node: unknown, path: string[] = []): Array<[string, (...args: unknown[]) => unknown]> {
	if (typeof node === 'function') return [[path.join('.'), node as (...args: unknown[]) => unknown]];
	if (node && typeof node === 'object') return Object.entries(node).flatMap(([key, value]) => messages(value, [...path, key]));
	return [];
}

const doubled = /(?<!\.)\.\.(?!\.)/;

describe.each([
	['en', en],
	['da', da],
] as const)('%s: sentences end once', (_, language) => {
	it('a value ending in a full stop is not followed by another', () => {
		const bad: string[] = [];
		let called = 0;
		for (const [path, message] of messages(language)) {
			let said: unknown;
			try {
				said = message(...Array.from({length: Math.max(message.length, 1)}, () => 'ends with a stop.'));
			} catch {
				// A message of numbers, lists or records: not one a value ending in a stop reaches.
				continue;
			}
			if (typeof said !== 'string') continue;
			called++;
			if (doubled.test(said)) bad.push(`${path}: ${said}`);
		}
		expect(called).toBeGreaterThan(100);
		expect(bad).toEqual([]);
	});
});
