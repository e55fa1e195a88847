import {Box} from 'ink';
import {useChrome} from '../chrome.js';
import {strings} from '../strings.js';
import {Text} from './Text.js';
import {TextField} from './TextField.js';
import type {Filter} from './use-filter.js';

/** The / filter line: the field while editing (with what it matches), else the query in force. */
export function FilterBar({filter, hint}: {filter: Filter; hint?: string}) {
	const chrome = useChrome();
	if (filter.field) {
		return (
			<Box height={1} overflow="hidden">
				<Text>{strings.filter.prompt}</Text>
				<TextField field={filter.field} focused={chrome.active} />
				<Text wrap="truncate-end" dimColor>{`  ${hint ? `${hint} · ` : ''}${strings.filter.hint}`}</Text>
			</Box>
		);
	}
	return (
		<Box height={1}>
			<Text dimColor wrap="truncate-end">
				{filter.query ? strings.filter.active(filter.query) : ''}
			</Text>
		</Box>
	);
}
