import {useMemo, useReducer, useRef} from 'react';
import type {Handlers} from '../chrome.js';
import {listHandlers} from './list-handlers.js';
import {carryTicks, noTicks, tickAll, tickedOf, toggleTick, type Ticks} from './ticks.js';
import {useFilter, type Filter} from './use-filter.js';
import {useList, type List} from './use-list.js';

export interface Checklist<T> {
	filter: Filter;
	list: List;
	/** The items the filter keeps. */
	shown: readonly T[];
	/** Whether the row at this index of `shown` is ticked. */
	isTicked: (shownIndex: number) => boolean;
	/** How many items are ticked. */
	tickCount: number;
	/**
	 * Ticked items that are still in `items` (a change may have taken some away). Made when first read
	 * for these ticks: with every one of 100,000 users ticked, making it on every tick cost a pass and
	 * a list of 100,000; read it where it is used, not on every render.
	 */
	readonly tickedItems: readonly T[];
	clearTicks: () => void;
	handlers: Handlers;
}

interface TickState<T> {
	/** The items the ticks are positions in. */
	items: readonly T[];
	ticks: Ticks;
}

type TickAction<T> = {items: readonly T[]; idOf: (item: T) => string} & (
	{type: 'toggle'; position: number} | {type: 'all'; positions: ArrayLike<number>} | {type: 'clear'}
);

/** The ticks over the current items: carried over by id when the items were rebuilt. */
function ticksOver<T>(state: TickState<T>, items: readonly T[], idOf: (item: T) => string): Ticks {
	return state.items === items ? state.ticks : carryTicks(state.ticks, state.items, items, idOf);
}

export function tickReducer<T>(state: TickState<T>, action: TickAction<T>): TickState<T> {
	const ticks = ticksOver(state, action.items, action.idOf);
	switch (action.type) {
		case 'toggle':
			return {items: action.items, ticks: toggleTick(ticks, action.position)};
		case 'all':
			return {items: action.items, ticks: tickAll(ticks, action.positions)};
		case 'clear':
			return {items: action.items, ticks: noTicks(action.items.length)};
	}
}

/** Where each shown item stands in `items`: the filter keeps a subsequence, so one walk finds them. */
function positionsOf<T>(items: readonly T[], shown: readonly T[]): Int32Array {
	const positions = new Int32Array(shown.length);
	if (shown === items) {
		for (let i = 0; i < shown.length; i++) positions[i] = i;
		return positions;
	}
	for (let i = 0, j = 0; i < items.length && j < shown.length; i++) if (items[i] === shown[j]) positions[j++] = i;
	return positions;
}

/**
 * A filtered, windowed list with checkboxes: the state behind every "tick users" screen. Built for
 * 100,000 rows: the filter runs once per query (narrowing the last result while a word is typed
 * on), and ticks are a byte per row.
 */
export function useChecklist<T>(
	items: readonly T[],
	idOf: (item: T) => string,
	filterItems: (items: readonly T[], query: string) => readonly T[],
	height: number,
	/** True when every item `next` keeps is one that `previous` kept: typing on narrows the last result. */
	narrows: (previous: string, next: string) => boolean = () => false,
): Checklist<T> {
	const filter = useFilter();
	const last = useRef<{items: readonly T[]; query: string; shown: readonly T[]} | null>(null);
	const shown = useMemo(() => {
		if (!filter.query) return items;
		const previous = last.current;
		const from = previous && previous.items === items && previous.query && narrows(previous.query, filter.query) ? previous.shown : items;
		return filterItems(from, filter.query);
		// eslint-disable-next-line react-hooks/exhaustive-deps -- filterItems and narrows are the caller's rules, the same for the checklist's life
	}, [items, filter.query]);
	last.current = {items, query: filter.query, shown};
	const positions = useMemo(() => positionsOf(items, shown), [items, shown]);
	const list = useList(shown.length, height);
	const [state, dispatch] = useReducer(tickReducer<T>, undefined, () => ({items, ticks: noTicks(items.length)}));
	// eslint-disable-next-line react-hooks/exhaustive-deps -- idOf is the caller's, the same for the checklist's life
	const ticks = useMemo(() => ticksOver(state, items, idOf), [state, items]);
	const ticked = useRef<{ticks: Ticks; items: readonly T[]; list: readonly T[]} | null>(null);
	return {
		filter,
		list,
		shown,
		isTicked: index => ticks.bits[positions[index] ?? -1] === 1,
		tickCount: ticks.count,
		get tickedItems() {
			if (ticked.current?.ticks !== ticks || ticked.current.items !== items) ticked.current = {ticks, items, list: tickedOf(ticks, items)};
			return ticked.current.list;
		},
		clearTicks: () => dispatch({type: 'clear', items, idOf}),
		handlers: {
			...listHandlers(list, filter),
			tick: () => {
				const position = positions[list.state.cursor];
				if (position !== undefined) dispatch({type: 'toggle', position, items, idOf});
			},
			tickAll: () => dispatch({type: 'all', positions, items, idOf}),
		},
	};
}
