import {Box} from 'ink';
import {Text} from './Text.js';
import {useId, useLayoutEffect, type ReactNode} from 'react';
import {useChrome, type Handlers} from '../chrome.js';
import {useRoute, type TextField} from '../input-router.js';
import {bindingsFor, changeActions, type ActionId, type KeyContext} from '../keys.js';
import {Footer} from './Footer.js';

interface Props {
	/** Most specific first; 'global' is always added last. */
	contexts: readonly KeyContext[];
	handlers: Handlers;
	disabled?: ReadonlySet<ActionId>;
	/** A text field being edited takes the keys instead of the key table. */
	text?: TextField;
	/** A dialog: of the global keys only help and quit stay (no leaving for another screen under it). */
	modal?: boolean;
	children: ReactNode;
}

/** A screen's body, status line and footer; its keys go live when it is the one on top. */
export function ScreenFrame({contexts, handlers, disabled, text, modal = false, children}: Props) {
	const chrome = useChrome();
	// While a field is typed in, it takes every key but esc: the screen's own keys wait.
	const all: KeyContext[] = text ? ['text'] : [...contexts, 'global'];
	const global = text ? {} : modal ? {help: chrome.global.help, quit: chrome.global.quit} : chrome.global;
	const own = text ? {cancel: text.onCancel} : definedOnly(handlers);
	const screen = `${useId()}:${contexts.join(',')}`;
	// Before the next frame, so a status from the screen before is gone as this one shows.
	useLayoutEffect(() => {
		if (chrome.active) chrome.screenShown(screen);
	}, [chrome.active, screen]);
	// Read-only: every change key says why instead of acting, and shows as unavailable.
	const refused = chrome.readOnly ? Object.keys(own).filter(id => changeActions.has(id as ActionId)) : [];
	for (const id of refused) own[id as ActionId] = () => chrome.setStatus(chrome.readOnly);
	const live = definedOnly({...global, ...own});
	const unavailable = new Set<ActionId>([...(disabled ?? []), ...(refused as ActionId[])]);
	useRoute({contexts: all, handlers: live}, chrome.active);
	return (
		<Box flexDirection="column" height={chrome.bodyRows + chrome.statusLines.length + 1}>
			<Box flexDirection="column" height={chrome.bodyRows} overflowY="hidden">
				{children}
			</Box>
			<Box flexDirection="column" height={chrome.statusLines.length}>
				{chrome.statusLines.map((line, i) => (
					<Text key={i} wrap="truncate-end">
						{line}
					</Text>
				))}
			</Box>
			<Footer contexts={all} handled={handledHere(all, live)} disabled={unavailable} width={chrome.size.columns} />
		</Box>
	);
}

/** What the screen acts on, and what the focused field or list takes itself. */
function handledHere(contexts: readonly KeyContext[], live: Handlers): Set<ActionId> {
	const taken = bindingsFor(contexts).filter(binding => binding.owner === 'component');
	return new Set([...(Object.keys(live) as ActionId[]), ...taken.map(binding => binding.id)]);
}

/** A screen passes `back: undefined` to leave esc to the global handler. */
function definedOnly(handlers: Handlers): Handlers {
	return Object.fromEntries(Object.entries(handlers).filter(([, handler]) => handler !== undefined));
}
