import {useCallback, useState} from 'react';
import {clampList, initialListState, moveList, type ListMove, type ListState} from './list-state.js';

/** Cursor and window over `count` rows, kept valid when the list shrinks or the terminal resizes. */
export function useList(count: number, height: number): [ListState, (move: ListMove) => void, () => void] {
	const [raw, setRaw] = useState<ListState>(initialListState);
	const state = clampList(raw, count, height);
	const move = useCallback(
		(m: ListMove) => setRaw(previous => moveList(clampList(previous, count, height), m, count, height)),
		[count, height],
	);
	const reset = useCallback(() => setRaw(initialListState), []);
	return [state, move, reset];
}
