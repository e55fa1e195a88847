// A confirmation's lines are made as they are needed (line-buffer.ts): the ones on screen at once,
// the rest a slice at a time. Made lazily, they must still be all there, in order, exactly once.
import {describe, expect, it} from 'vitest';
import {LineBuffer} from '../../source/ui/components/line-buffer.js';

function* counted(n: number, made: {count: number}) {
	for (let i = 0; i < n; i++) {
		made.count++;
		yield i;
	}
}

describe('a buffer of lines', () => {
	it('makes only as many lines as asked, then the rest, each once and in order', () => {
		const made = {count: 0};
		const buffer = new LineBuffer(counted(10_000, made));
		expect(made.count).toBe(0);
		buffer.fill(13);
		expect(made.count).toBe(13);
		expect(buffer.lines).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
		expect(buffer.done).toBe(false);
		buffer.fill(5);
		expect(made.count).toBe(13);
		while (!buffer.done) buffer.fillFor(1);
		expect(made.count).toBe(10_000);
		expect(buffer.lines).toEqual(Array.from({length: 10_000}, (_, i) => i));
		buffer.fill(20_000);
		expect(buffer.lines).toHaveLength(10_000);
	});

	it('takes lines already made as they are, done', () => {
		const lines = ['a', 'b'];
		const buffer = new LineBuffer(lines);
		expect(buffer.done).toBe(true);
		expect(buffer.lines).toBe(lines);
	});
});
