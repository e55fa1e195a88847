import {Box, Text, useInput} from 'ink';
import type {ReactNode} from 'react';
import {useChrome, type Handlers} from '../chrome.js';
import {findBinding, type ActionId, type KeyContext} from '../keys.js';
import {Footer} from './Footer.js';

interface Props {
	/** Most specific first; 'global' is always added last. */
	contexts: readonly KeyContext[];
	handlers: Handlers;
	disabled?: ReadonlySet<ActionId>;
	/** While a text field has the keys, the table is not consulted. */
	captureInput?: boolean;
	children: ReactNode;
}

/** A screen's body, status line and footer, and the one place its keys are dispatched. */
export function ScreenFrame({contexts, handlers, disabled, captureInput = false, children}: Props) {
	const chrome = useChrome();
	const all: KeyContext[] = [...contexts, 'global'];
	useInput(
		(input, key) => {
			const binding = findBinding(all, input, key);
			if (!binding) return;
			const handler = handlers[binding.id] ?? chrome.global[binding.id];
			handler?.();
		},
		{isActive: chrome.active && !captureInput},
	);
	return (
		<Box flexDirection="column" height={chrome.bodyRows + 2}>
			<Box flexDirection="column" height={chrome.bodyRows} overflow="hidden">
				{children}
			</Box>
			<Box height={1}>
				<Text wrap="truncate-end">{chrome.status ?? ''}</Text>
			</Box>
			<Footer contexts={all} disabled={disabled} width={chrome.size.columns} />
		</Box>
	);
}
