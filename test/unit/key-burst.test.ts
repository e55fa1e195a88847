import {describe, expect, it} from 'vitest';
import {createKeySplitter, splitKeys} from '../../source/ui/key-burst.js';

const keysOf = (input: string) => splitKeys(input).keys;

describe('a burst of keys', () => {
	it('is each key on its own; an escape sequence stays whole', () => {
		expect(keysOf('jj\r')).toEqual(['j', 'j', '\r']);
		expect(keysOf('\u001B[B')).toEqual(['\u001B[B']);
		expect(keysOf('\u001B[Bj\u001B[6~\u001BOA ')).toEqual(['\u001B[B', 'j', '\u001B[6~', '\u001BOA', ' ']);
	});

	it('reads a line feed (enter, through the terminal line mode of a starting app) as enter', () => {
		expect(keysOf('jjj\n')).toEqual(['j', 'j', 'j', '\r']);
	});

	it('keeps alt with a key, and alt with an arrow, as one key; two escapes are esc twice', () => {
		expect(keysOf('\u001Bjk')).toEqual(['\u001Bj', 'k']);
		expect(keysOf('\u001B\u001B[A')).toEqual(['\u001B\u001B[A']);
		expect(keysOf('\u001B\u001Bj')).toEqual(['\u001B', '\u001Bj']);
	});

	it('keeps a character outside the basic plane whole, and Ctrl-C a key of its own', () => {
		expect(keysOf('a😀\u0003')).toEqual(['a', '😀', '\u0003']);
	});

	it('waits for the rest of an escape sequence cut between two reads; flushed, a lone esc is the escape key', () => {
		const splitter = createKeySplitter();
		expect(splitter.push('j\u001B[')).toEqual(['j']);
		expect(splitter.waiting()).toBe(true);
		expect(splitter.push('Bk')).toEqual(['\u001B[B', 'k']);
		expect(splitter.push('\u001B')).toEqual([]);
		expect(splitter.flush()).toEqual(['\u001B']);
		expect(splitter.push('\u001B\u001B')).toEqual([]);
		expect(splitter.flush()).toEqual(['\u001B', '\u001B']);
		expect(splitter.waiting()).toBe(false);
	});
});
