// Users with checkboxes under a heading, windowed, with the / filter line: a product's holders,
// or the users to assign a product to.
import {Box} from 'ink';
import {Text} from './Text.js';
import type {ReactNode} from 'react';
import type {User} from '../../domain/model.js';
import {strings} from '../../text/index.js';
import {Row, userCells} from './Row.js';
import {fitColumns, widest} from './columns.js';
import {textWidth} from '../../present/wrap.js';
import {FilterBar} from './FilterBar.js';
import type {Checklist} from './use-checklist.js';
import {WindowedList, windowLabel} from './WindowedList.js';

interface Props {
	checklist: Checklist<User>;
	/** Left of the heading; "· N selected" follows it. */
	heading: ReactNode;
	empty: string;
	height: number;
	width: number;
	/** Right-hand column: account state, groups. */
	note: (user: User) => string;
}

export function UserChecklist({checklist, heading, empty, height, width, note}: Props) {
	const {filter, list, shown, isTicked, tickCount} = checklist;
	// The note (groups, a blocked sign-in) and the name keep their width; the username gives way first.
	const visible = shown.slice(list.state.offset, list.state.offset + height);
	const [nameWidth, upnWidth] = fitColumns(
		[
			{want: widest(visible.map(user => user.displayName)) + 1, min: 14},
			{want: widest(visible.map(user => user.userPrincipalName)) + 1, min: 12},
			{want: widest(visible.map(note)), min: 0},
		],
		width - 5,
		[1, 0],
	);
	return (
		<>
			<Box justifyContent="space-between" width={width + 1}>
				<Text bold>
					{heading}
					{tickCount > 0 ? <Text> · {strings.product.selected(tickCount)}</Text> : null}
				</Text>
				<Text dimColor>{windowLabel(list.state, height, shown.length)}</Text>
			</Box>
			<WindowedList
				items={shown}
				state={list.state}
				height={height}
				empty={filter.query ? strings.product.noMatch(filter.query) : empty}
				renderRow={(user, selected, index) => {
					const text = note(user);
					// The highlighted row shows its note whole (a long group name): the username gives it the room.
					const short = selected ? Math.max(0, textWidth(text) - (width - 5 - nameWidth! - upnWidth!)) : 0;
					return (
						<Row
							width={width}
							cells={[
								{text: isTicked(index) ? ' [x]' : ' [ ]', width: 5},
								...userCells(user, selected, nameWidth, Math.max(0, upnWidth! - short)),
								{text, align: 'right'},
							]}
						/>
					);
				}}
			/>
			<FilterBar filter={filter} />
		</>
	);
}
