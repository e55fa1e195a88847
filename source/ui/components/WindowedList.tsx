import {Box} from 'ink';
import {Text} from './Text.js';
import type {ReactNode} from 'react';
import type {ListState} from './list-state.js';
import {strings} from '../../text/index.js';

interface Props<T> {
	items: readonly T[];
	state: ListState;
	height: number;
	empty: string;
	/** `index`: the row's place in `items`. */
	renderRow: (item: T, selected: boolean, index: number) => ReactNode;
}

/**
 * Renders only the rows that fit, with a scroll position when there are more. Rows are kept by their
 * place on the screen, not by what they show: a page down gives the same rows new text, instead of
 * taking a screenful down and making another (a row draws only its props: it holds no state).
 */
export function WindowedList<T>({items, state, height, empty, renderRow}: Props<T>) {
	if (items.length === 0) return <Text dimColor>{empty}</Text>;
	const rows = Math.max(1, height);
	const visible = items.slice(state.offset, state.offset + rows);
	return (
		<Box flexDirection="column" height={rows}>
			{visible.map((item, i) => {
				const index = state.offset + i;
				const selected = index === state.cursor;
				return (
					<Box key={i}>
						<Text bold={selected}>{selected ? '›' : ' '}</Text>
						{renderRow(item, selected, index)}
					</Box>
				);
			})}
		</Box>
	);
}

/** "12–30 of 45", shown beside a list's title when it scrolls. */
export function windowLabel(state: ListState, height: number, count: number): string {
	if (count <= height) return '';
	return strings.window(state.offset + 1, Math.min(count, state.offset + height), count);
}
