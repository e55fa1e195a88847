import {useState} from 'react';
import type {Handlers} from '../chrome.js';
import {listHandlers} from './list-handlers.js';
import {tickAll, toggleTick} from './ticks.js';
import {useFilter, type Filter} from './use-filter.js';
import {useList, type List} from './use-list.js';

export interface Checklist<T> {
	filter: Filter;
	list: List;
	/** The items the filter keeps. */
	shown: readonly T[];
	ticked: ReadonlySet<string>;
	/** Ticked items that are still in `items` (a change may have taken some away). */
	tickedItems: T[];
	clearTicks: () => void;
	handlers: Handlers;
}

/** A filtered, windowed list with checkboxes: the state behind every "tick users" screen. */
export function useChecklist<T>(
	items: readonly T[],
	idOf: (item: T) => string,
	filterItems: (items: readonly T[], query: string) => readonly T[],
	height: number,
): Checklist<T> {
	const filter = useFilter();
	const shown = filter.query ? filterItems(items, filter.query) : items;
	const list = useList(shown.length, height);
	const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
	const tickedItems = ticked.size === 0 ? [] : items.filter(item => ticked.has(idOf(item)));
	return {
		filter,
		list,
		shown,
		ticked,
		tickedItems,
		clearTicks: () => setTicked(new Set()),
		handlers: {
			...listHandlers(list, filter),
			tick: () => {
				const current = shown[list.state.cursor];
				if (current !== undefined) setTicked(previous => toggleTick(previous, idOf(current)));
			},
			tickAll: () => setTicked(previous => tickAll(previous, shown.map(idOf))),
		},
	};
}
