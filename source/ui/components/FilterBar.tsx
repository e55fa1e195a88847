import {Box} from 'ink';
import {Text} from './Text.js';
import {strings} from '../strings.js';
import type {Filter} from './use-filter.js';

/** The / filter line: the field while editing (with what it matches), else the query in force. */
export function FilterBar({filter, hint}: {filter: Filter; hint?: string}) {
	if (filter.editing) {
		return (
			<Box height={1}>
				<Text wrap="truncate-end">
					{strings.filter.prompt}
					{filter.query}
					<Text inverse> </Text>
					<Text dimColor>{`  ${hint ? `${hint} · ` : ''}${strings.filter.hint}`}</Text>
				</Text>
			</Box>
		);
	}
	return (
		<Box height={1}>
			<Text dimColor>{filter.query ? strings.filter.active(filter.query) : ''}</Text>
		</Box>
	);
}
