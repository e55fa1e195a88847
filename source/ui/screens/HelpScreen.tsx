// The ? screen: every key, from the same table that drives input and the footer, in two columns,
// a page at a time: the keys of the screen it was opened on first.
import {Box} from 'ink';
import {Text} from '../components/Text.js';
import {useState} from 'react';
import {useChrome} from '../chrome.js';
import {ScreenFrame} from '../components/ScreenFrame.js';
import {wrapText} from '../components/wrap-text.js';
import type {KeyRoute} from '../input-router.js';
import {bindingsFor, keysText, keyTable, labelOf, sharesKey, type Binding, type KeyContext} from '../keys.js';
import {strings} from '../../text/index.js';

const order: KeyContext[] = [
	'always',
	'global',
	'list',
	'checklist',
	'text',
	'choice',
	'licenses',
	'product',
	'assign',
	'users',
	'user',
	'manage',
	'dialog',
	'sending',
	'signIn',
	'result',
	'next',
	'guide',
	'deleted',
	'groups',
	'reclaim',
];

type Line = {kind: 'title'; text: string} | {kind: 'key'; keys: string; label: string} | {kind: 'note'; text: string};

/** The width of the keys' column. */
const keysWidth = 12;

/**
 * The keys of the screen help was opened on first (those it acts on, as it reads them: a key a more
 * specific context takes is shown once), then every other context's.
 */
export function helpLines(current: KeyRoute, width: number): Line[] {
	const notes = (text: string | undefined): Line[] => (text ? wrapText(text, Math.max(10, width)).map(line => ({kind: 'note' as const, text: line})) : []);
	// A label longer than its column (a language's longer words) goes on under its keys, not cut. It has
	// the column's whole width beside the keys: a note keeps one column free, so width is one less.
	const keyLines = (binding: Binding): Line[] =>
		wrapText(labelOf(binding), Math.max(10, width + 1 - keysWidth)).map((label, i) => ({kind: 'key' as const, keys: i === 0 ? keysText(binding) : '', label}));
	// A key of this screen that would be refused now says why under it.
	const why = (binding: Binding): Line[] => {
		const reason = current.disabled?.get(binding.id);
		return reason ? notes(strings.help.unavailable(reason)) : [];
	};
	const here: readonly KeyContext[] = current.contexts.filter(context => context !== 'global');
	// What the screen acts on (or its field or list takes), each key once.
	const acted = (binding: Binding) => binding.owner === 'component' || current.handlers[binding.id] !== undefined;
	const bindings = bindingsFor(here)
		.filter(acted)
		.filter((binding, i, all) => !all.slice(0, i).some(earlier => sharesKey(earlier, binding)));
	const first: Line[] =
		here.length > 0
			? [
					{kind: 'title', text: strings.help.thisScreen(strings.keys.contexts[here[0]!])},
					...bindings.flatMap(binding => [...keyLines(binding), ...why(binding)]),
					...here.flatMap(context => notes(strings.keys.notes[context])),
				]
			: [];
	const rest = order
		.filter(context => !here.includes(context))
		.flatMap((context): Line[] => {
			const list = keyTable.filter(binding => binding.context === context);
			if (list.length === 0) return [];
			return [{kind: 'title', text: strings.keys.contexts[context]}, ...list.flatMap(keyLines), ...notes(strings.keys.notes[context])];
		});
	return [...first, ...rest];
}

function HelpLine({line, width}: {line: Line; width: number}) {
	// A title is drawn as a rule, so it stands out without bold or underline (TERM=dumb, NO_COLOR).
	if (line.kind === 'title') {
		return (
			<Text bold underline wrap="truncate-end">
				{`── ${line.text} ${'─'.repeat(Math.max(0, width - line.text.length - 4))}`}
			</Text>
		);
	}
	if (line.kind === 'note')
		return (
			<Text dimColor wrap="truncate-end">
				{line.text}
			</Text>
		);
	return (
		<Box>
			<Box width={keysWidth} flexShrink={0}>
				<Text bold>{line.keys}</Text>
			</Box>
			<Text wrap="truncate-end">{line.label}</Text>
		</Box>
	);
}

export function HelpScreen({current, onClose}: {current: KeyRoute; onClose: () => void}) {
	const chrome = useChrome();
	const height = Math.max(1, chrome.bodyRows - 1);
	const columns = chrome.size.columns >= 80 ? 2 : 1;
	const lines = helpLines(current, Math.floor((chrome.size.columns - 2) / columns) - 1);
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
				{strings.help.title} <Text dimColor>· {[strings.help.page(page + 1, pages), strings.help.close].filter(Boolean).join(' · ')}</Text>
			</Text>
			<Box>
				{Array.from({length: columns}, (_, c) => (
					<Box key={c} flexDirection="column" width={columnWidth} marginRight={1}>
						{shown.slice(c * height, (c + 1) * height).map((line, i) => (
							<HelpLine key={i} line={line} width={columnWidth - 1} />
						))}
					</Box>
				))}
			</Box>
		</ScreenFrame>
	);
}
