// Work after the first frame runs a step per turn of the event loop (ui/in-turns.ts), so that a key
// typed meanwhile is handled between two steps, not after all of them.
import {afterEach, describe, expect, it, vi} from 'vitest';
import {inTurns} from '../../source/ui/in-turns.js';

afterEach(() => vi.useRealTimers());

describe('steps in turns', () => {
	it('lets what comes meanwhile run between two steps, and runs the steps in order', () => {
		vi.useFakeTimers();
		const ran: string[] = [];
		inTurns(['a', 'b', 'c'].map(step => () => ran.push(step)));
		setTimeout(() => ran.push('key'), 0);
		vi.runAllTimers();
		expect(ran).toEqual(['a', 'key', 'b', 'c']);
	});

	it('waits the delay before the first step, and stops when told', () => {
		vi.useFakeTimers();
		const ran: string[] = [];
		const stop = inTurns(
			['a', 'b', 'c'].map(step => () => ran.push(step)),
			300,
		);
		vi.advanceTimersByTime(299);
		expect(ran).toEqual([]);
		vi.advanceTimersByTime(1);
		expect(ran).toEqual(['a']);
		stop();
		vi.runAllTimers();
		expect(ran).toEqual(['a']);
	});
});
