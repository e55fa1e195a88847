// A windowed list's cursor and scroll offset, as a pure reducer: the window always holds the cursor.

export interface ListState {
	cursor: number;
	offset: number;
}

export type ListMove = 'up' | 'down' | 'pageUp' | 'pageDown' | 'first' | 'last';

export const initialListState: ListState = {cursor: 0, offset: 0};

/** Brings a state back inside a list of `count` rows shown `height` at a time. */
export function clampList(state: ListState, count: number, height: number): ListState {
	const rows = Math.max(1, height);
	const cursor = Math.min(Math.max(0, state.cursor), Math.max(0, count - 1));
	let offset = Math.min(state.offset, Math.max(0, count - rows));
	if (cursor < offset) offset = cursor;
	if (cursor >= offset + rows) offset = cursor - rows + 1;
	offset = Math.max(0, offset);
	return cursor === state.cursor && offset === state.offset ? state : {cursor, offset};
}

export function moveList(state: ListState, move: ListMove, count: number, height: number): ListState {
	const page = Math.max(1, height - 1);
	const delta: Record<ListMove, number> = {
		up: -1,
		down: 1,
		pageUp: -page,
		pageDown: page,
		first: -Infinity,
		last: Infinity,
	};
	const target = state.cursor + delta[move];
	const cursor = Number.isFinite(target) ? target : target < 0 ? 0 : count - 1;
	return clampList({cursor, offset: state.offset}, count, height);
}
