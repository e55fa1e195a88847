import {Box} from 'ink';
import {Text} from './Text.js';
import type {ReactNode} from 'react';
import {useChrome, type Handlers} from '../chrome.js';
import {useRoute, type TextField} from '../input-router.js';
import {changeActions, type ActionId, type KeyContext} from '../keys.js';
import {strings} from '../strings.js';
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
	const all: KeyContext[] = [...contexts, 'global'];
	const global = modal ? {help: chrome.global.help, quit: chrome.global.quit} : chrome.global;
	const own = definedOnly(handlers);
	// Read-only: every change key says why instead of acting, and shows as unavailable.
	const refused = chrome.readOnly ? Object.keys(own).filter(id => changeActions.has(id as ActionId)) : [];
	for (const id of refused) own[id as ActionId] = () => chrome.setStatus(chrome.readOnly);
	const live = {...global, ...own};
	const unavailable = new Set<ActionId>([...(disabled ?? []), ...(refused as ActionId[])]);
	useRoute({contexts: all, handlers: live, text}, chrome.active);
	return (
		<Box flexDirection="column" height={chrome.bodyRows + 2}>
			<Box flexDirection="column" height={chrome.bodyRows} overflowY="hidden">
				{children}
			</Box>
			<Box height={1}>
				<Text wrap="truncate-end">{chrome.status ?? ''}</Text>
			</Box>
			{text ? (
				// While a field is being typed in, the table's keys are letters: only enter and esc act.
				<Text dimColor>{strings.typing}</Text>
			) : (
				<Footer
					contexts={all}
					handled={new Set(Object.keys(live) as ActionId[])}
					disabled={unavailable}
					width={chrome.size.columns}
				/>
			)}
		</Box>
	);
}

/** A screen passes `back: undefined` to leave esc to the global handler. */
function definedOnly(handlers: Handlers): Handlers {
	return Object.fromEntries(Object.entries(handlers).filter(([, handler]) => handler !== undefined));
}
