import {useCallback, useState} from 'react';
import {clampList, initialListState, moveList, type ListMove, type ListState} from './list-state.js';

export interface List {
	state: ListState;
	move: (move: ListMove) => void;
}

/** Cursor and window over `count` rows, kept valid when the list shrinks or the terminal resizes. */
export function useList(count: number, height: number): List {
	const [raw, setRaw] = useState<ListState>(initialListState);
	const move = useCallback((m: ListMove) => setRaw(previous => moveList(clampList(previous, count, height), m, count, height)), [count, height]);
	return {state: clampList(raw, count, height), move};
}
