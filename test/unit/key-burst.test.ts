import {describe, expect, it} from 'vitest';
import {splitKeys} from '../../source/ui/key-burst.js';

describe('a burst of keys', () => {
	it('is each key on its own; an escape sequence stays whole', () => {
		expect(splitKeys('jj\r')).toEqual(['j', 'j', '\r']);
		expect(splitKeys('\u001B[B')).toEqual(['\u001B[B']);
	});

	it('reads a line feed (enter, through the terminal line mode of a starting app) as enter', () => {
		expect(splitKeys('jjj\n')).toEqual(['j', 'j', 'j', '\r']);
	});
});
