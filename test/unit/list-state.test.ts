import {describe, expect, it} from 'vitest';
import {clampList, moveList} from '../../source/ui/components/list-state.js';

describe('windowed list state', () => {
	it('scrolls the window to keep the cursor visible going down and up', () => {
		let state = {cursor: 0, offset: 0};
		for (let i = 0; i < 7; i++) state = moveList(state, 'down', 20, 5);
		expect(state).toEqual({cursor: 7, offset: 3});
		for (let i = 0; i < 5; i++) state = moveList(state, 'up', 20, 5);
		expect(state).toEqual({cursor: 2, offset: 2});
	});

	it('pages, and jumps to first and last', () => {
		expect(moveList({cursor: 0, offset: 0}, 'pageDown', 20, 5)).toEqual({cursor: 4, offset: 0});
		expect(moveList({cursor: 0, offset: 0}, 'last', 20, 5)).toEqual({cursor: 19, offset: 15});
		expect(moveList({cursor: 19, offset: 15}, 'first', 20, 5)).toEqual({cursor: 0, offset: 0});
	});

	it('stops at both ends', () => {
		expect(moveList({cursor: 0, offset: 0}, 'up', 3, 5)).toEqual({cursor: 0, offset: 0});
		expect(moveList({cursor: 2, offset: 0}, 'down', 3, 5)).toEqual({cursor: 2, offset: 0});
	});

	it('comes back inside when the list shrinks or the window grows', () => {
		expect(clampList({cursor: 18, offset: 15}, 10, 5)).toEqual({cursor: 9, offset: 5});
		expect(clampList({cursor: 18, offset: 15}, 20, 24)).toEqual({cursor: 18, offset: 0});
		expect(clampList({cursor: 3, offset: 1}, 0, 5)).toEqual({cursor: 0, offset: 0});
	});
});
