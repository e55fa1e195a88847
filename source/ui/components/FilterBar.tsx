import {Box} from 'ink';
import {useChrome} from '../chrome.js';
import {strings} from '../../text/index.js';
import {Text} from './Text.js';
import {TextField} from './TextField.js';
import type {Filter} from './use-filter.js';

/** The / filter line: the field while editing (with what it matches), else the query in force. */
export function FilterBar({filter, hint}: {filter: Filter; hint?: string}) {
	const chrome = useChrome();
	if (filter.field) {
		return (
			<Box height={1} overflow="hidden">
				{/* What is typed keeps its room; the hint beside it gives way. */}
				<Box flexShrink={0} marginRight={1}>
					<Text>{strings.filter.prompt.trimEnd()}</Text>
				</Box>
				<Box flexShrink={0}>
					<TextField field={filter.field} focused={chrome.active} />
				</Box>
				<Box flexShrink={1}>
					<Text wrap="truncate-end" dimColor>{`  ${hint ? `${hint} · ` : ''}${strings.filter.hint}`}</Text>
				</Box>
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
