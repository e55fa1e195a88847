import {describe, expect, it} from 'vitest';
import {queryNarrows} from '../../source/domain/selectors.js';
import {carryTicks, noTicks, tickAll, tickedOf, toggleTick} from '../../source/ui/components/ticks.js';
import {tickReducer} from '../../source/ui/components/use-checklist.js';

const items = ['a', 'b', 'c', 'd', 'e'];
const id = (item: string) => item;

describe('checklist ticks', () => {
	it('toggles one row and counts it', () => {
		const one = toggleTick(noTicks(5), 2);
		expect(tickedOf(one, items)).toEqual(['c']);
		expect(one.count).toBe(1);
		const none = toggleTick(one, 2);
		expect(tickedOf(none, items)).toEqual([]);
		expect(none.count).toBe(0);
		// Never changes the ticks it was given.
		expect(one.count).toBe(1);
		expect(toggleTick(one, 9)).toBe(one);
	});

	it('ticks all shown, and unticks them when all shown were ticked already', () => {
		const some = toggleTick(noTicks(5), 0);
		const all = tickAll(some, [0, 2, 4]);
		expect(tickedOf(all, items)).toEqual(['a', 'c', 'e']);
		expect(all.count).toBe(3);
		const again = tickAll(toggleTick(all, 1), [0, 2, 4]);
		expect(tickedOf(again, items)).toEqual(['b']);
		expect(again.count).toBe(1);
	});

	it('carries ticks over a rebuilt list by id', () => {
		const ticks = tickAll(noTicks(5), [1, 3]);
		const carried = carryTicks(ticks, items, ['d', 'x', 'b'], id);
		expect(tickedOf(carried, ['d', 'x', 'b'])).toEqual(['d', 'b']);
		expect(carried.count).toBe(2);
	});

	it('the reducer acts on the items it is given, carrying ticks when they changed', () => {
		let state = {items: items as readonly string[], ticks: noTicks(5)};
		state = tickReducer(state, {type: 'toggle', position: 4, items, idOf: id});
		const fewer = ['e', 'a'];
		state = tickReducer(state, {type: 'toggle', position: 1, items: fewer, idOf: id});
		expect(tickedOf(state.ticks, fewer)).toEqual(['e', 'a']);
		expect(tickReducer(state, {type: 'clear', items: fewer, idOf: id}).ticks.count).toBe(0);
	});
});

describe('filter narrowing', () => {
	it('narrows while a needle grows, not when it turns into product:NAME or is emptied', () => {
		expect(queryNarrows('ada', 'ada b')).toBe(true);
		expect(queryNarrows('da', 'ada')).toBe(true);
		expect(queryNarrows('product:bus', 'product:busi')).toBe(true);
		expect(queryNarrows('produc', 'product:e3')).toBe(false);
		expect(queryNarrows('ada', 'ad')).toBe(false);
		expect(queryNarrows('', 'a')).toBe(false);
		expect(queryNarrows('ADA', 'ada berg')).toBe(true);
	});
});
