// The ? screen: every key, from the same table that drives input and the footer, in two columns,
// a page at a time.
import {Box} from 'ink';
import {Text} from '../components/Text.js';
import {useState} from 'react';
import {useChrome} from '../chrome.js';
import {ScreenFrame} from '../components/ScreenFrame.js';
import {contextNotes, contextTitles, keyTable, type KeyContext} from '../keys.js';
import {strings} from '../strings.js';

const order: KeyContext[] = ['global', 'list', 'checklist', 'licenses', 'product', 'assign', 'users', 'user', 'manage', 'dialog', 'sending', 'result', 'next', 'guide', 'deleted', 'groups', 'reclaim'];

type Line = {kind: 'title'; text: string} | {kind: 'key'; keys: string; label: string} | {kind: 'note'; text: string};

function helpLines(): Line[] {
	return order.flatMap((context): Line[] => {
		const bindings = keyTable.filter(binding => binding.context === context);
		if (bindings.length === 0) return [];
		const note = contextNotes[context];
		return [
			{kind: 'title', text: contextTitles[context]},
			...bindings.map(binding => ({kind: 'key' as const, keys: binding.keys, label: binding.label})),
			...(note ? [{kind: 'note' as const, text: note}] : []),
		];
	});
}

function HelpLine({line}: {line: Line}) {
	if (line.kind === 'title') return <Text bold underline>{line.text}</Text>;
	if (line.kind === 'note') return <Text dimColor wrap="truncate-end">{line.text}</Text>;
	return (
		<Box>
			<Box width={12} flexShrink={0}>
				<Text bold>{line.keys}</Text>
			</Box>
			<Text wrap="truncate-end">{line.label}</Text>
		</Box>
	);
}

export function HelpScreen({onClose}: {onClose: () => void}) {
	const chrome = useChrome();
	const lines = helpLines();
	const height = Math.max(1, chrome.bodyRows - 1);
	const columns = chrome.size.columns >= 80 ? 2 : 1;
	const pageSize = height * columns;
	const pages = Math.max(1, Math.ceil(lines.length / pageSize));
	const [page, setPage] = useState(0);
	const shown = lines.slice(page * pageSize, (page + 1) * pageSize);
	const columnWidth = Math.floor((chrome.size.columns - 2) / columns);
	return (
		<ScreenFrame
			contexts={['list']}
			handlers={{
				back: onClose,
				help: onClose,
				down: () => setPage(p => Math.min(pages - 1, p + 1)),
				pageDown: () => setPage(p => Math.min(pages - 1, p + 1)),
				up: () => setPage(p => Math.max(0, p - 1)),
				pageUp: () => setPage(p => Math.max(0, p - 1)),
			}}
		>
			<Text bold>
				{strings.help.title}{' '}
				<Text dimColor>· {[strings.help.page(page + 1, pages), strings.help.close].filter(Boolean).join(' · ')}</Text>
			</Text>
			<Box>
				{Array.from({length: columns}, (_, c) => (
					<Box key={c} flexDirection="column" width={columnWidth} marginRight={1}>
						{shown.slice(c * height, (c + 1) * height).map((line, i) => (
							<HelpLine key={i} line={line} />
						))}
					</Box>
				))}
			</Box>
		</ScreenFrame>
	);
}
