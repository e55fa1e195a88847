import {Box, Text, useInput} from 'ink';
import TextInput from 'ink-text-input';
import {strings} from '../strings.js';
import type {Filter} from './use-filter.js';

/** The / filter line: a text field while editing, else the query in force (or nothing). */
export function FilterBar({filter, active}: {filter: Filter; active: boolean}) {
	useInput(
		(_input, key) => {
			if (key.escape) filter.clear();
		},
		{isActive: active && filter.editing},
	);
	if (filter.editing) {
		return (
			<Box height={1}>
				<Text>{strings.filter.prompt}</Text>
				<TextInput value={filter.query} onChange={filter.change} onSubmit={filter.submit} focus={active} />
				<Text dimColor>{`  ${strings.filter.hint}`}</Text>
			</Box>
		);
	}
	return (
		<Box height={1}>
			<Text dimColor>{filter.query ? strings.filter.active(filter.query) : ''}</Text>
		</Box>
	);
}
