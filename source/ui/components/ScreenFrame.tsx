import {Box} from 'ink';
import {Text} from './Text.js';
import {useId, useLayoutEffect, type ReactNode} from 'react';
import {useChrome, type Handlers} from '../chrome.js';
import {useRoute, type TextField} from '../input-router.js';
import {bindingsFor, changeActions, type ActionId, type KeyContext} from '../keys.js';
import {Footer} from './Footer.js';
import {strings} from '../../text/index.js';
import {useDiscardQuestion} from './unsaved.js';

interface Props {
	/** Most specific first; 'global' is always added last. */
	contexts: readonly KeyContext[];
	handlers: Handlers;
	/**
	 * Actions the screen offers but that would be refused now, with why: shown dimmed, pressing one
	 * says why, and ? lists the reason. The rule that refuses is the one the screen decides with.
	 */
	disabled?: ReadonlyMap<ActionId, string>;
	/** A text field being edited takes the keys instead of the key table. */
	text?: TextField;
	/** A dialog: of the global keys only help and quit stay (no leaving for another screen under it). */
	modal?: boolean;
	/** What esc (Back) or q (Quit) would throw away, as a question: asked first ("… y/n"). */
	unsaved?: string;
	/** The keys that would throw it away (esc and q unless said: a step back that keeps it is not asked about). */
	losing?: readonly ActionId[];
	children: ReactNode;
}

/** A screen's body, status line and footer; its keys go live when it is the one on top. */
export function ScreenFrame({contexts, handlers, disabled, text, modal = false, unsaved, losing, children}: Props) {
	const chrome = useChrome();
	const question = useDiscardQuestion(unsaved, chrome.setStatus, losing);
	// While a field is typed in, it takes every key but esc: the screen's own keys wait. While unsaved
	// edits are asked about, only y and n (or esc) answer.
	const all: KeyContext[] = question.handlers ? ['dialog'] : text ? ['text'] : [...contexts, 'global'];
	const global = text ? {} : modal ? {help: chrome.global.help, quit: chrome.global.quit} : chrome.global;
	const own = text ? {cancel: text.onCancel} : definedOnly(handlers);
	const screen = `${useId()}:${contexts.join(',')}`;
	// Before the next frame, so a status from the screen before is gone as this one shows.
	useLayoutEffect(() => {
		if (chrome.active) chrome.screenShown(screen);
		// eslint-disable-next-line react-hooks/exhaustive-deps -- chrome is a new object each render; this is said when the screen comes on top
	}, [chrome.active, screen]);
	const unavailable = refusals(own, text ? undefined : disabled, chrome.readOnly);
	// A key that would be refused says why instead of acting.
	for (const [id, why] of unavailable) own[id] = () => chrome.setStatus(why);
	const live = question.handlers ?? question.guard(definedOnly({...global, ...own}));
	useRoute({contexts: all, handlers: live, disabled: unavailable}, chrome.active);
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
			<Footer contexts={all} handled={handledHere(all, live)} disabled={new Set(unavailable.keys())} width={chrome.size.columns} />
		</Box>
	);
}

/** The screen's refusals, and, read-only, every change key's (the read-only reason). */
function refusals(own: Handlers, disabled: ReadonlyMap<ActionId, string> | undefined, readOnly: string | null): Map<ActionId, string> {
	const refused = new Map([...(disabled ?? [])].filter(([id]) => own[id] !== undefined));
	if (readOnly) for (const id of Object.keys(own) as ActionId[]) if (changeActions.has(id)) refused.set(id, readOnly);
	return refused;
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

/** A change confirmed and being saved: the screen says so, and takes no keys but the global ones. */
export function SavingFrame() {
	return (
		<ScreenFrame contexts={[]} handlers={{}}>
			<Text>{strings.dialog.working}</Text>
		</ScreenFrame>
	);
}
