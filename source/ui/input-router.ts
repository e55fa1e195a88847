// One input handler for the whole app. The screen on top says, while it renders, which key contexts
// and handlers are live; the handler reads that at each keypress.
//
// Keys come one at a time (key-feed.ts), each after the app has drawn what the key before changed.
// Two components take keys themselves: the text field (components/TextField) and ink-select-input (a
// single-choice list). They hear the same keys from Ink, so while one is focused the key table marks
// the keys it takes (`owner: 'component'`), and the router leaves those alone: a key is acted on once.
import {useInput, type Key} from 'ink';
import {createContext, useCallback, useContext} from 'react';
import type {Handlers} from './chrome.js';
import {findBinding, type ActionId, type KeyContext} from './keys.js';

/** A text field's value and what enter and esc do: the field itself is components/TextField. */
export interface TextField {
	value: string;
	onChange: (value: string) => void;
	onSubmit: () => void;
	onCancel: () => void;
}

export interface KeyRoute {
	contexts: readonly KeyContext[];
	handlers: Handlers;
	/** Keys offered but refused now, with why (help says it). */
	disabled?: ReadonlyMap<ActionId, string>;
}

export interface KeyRouter {
	route: {current: KeyRoute | null};
	/** The handlers of the 'always' keys (Ctrl-C): taken before any screen's, whatever has the focus. */
	always: {current: Handlers};
	/** How many keys have been taken: a status remembers the one it was said after. */
	keysTaken: () => number;
	/** The key being taken now (the router hears each key before any component does), or the last one. */
	lastKey: () => Key | null;
}

export const RouterContext = createContext<KeyRouter | null>(null);

export function createKeyRouter(): KeyRouter & {state: {keys: number; last: Key | null}} {
	const state = {keys: 0, last: null as Key | null};
	return {
		route: {current: null},
		always: {current: {}},
		state,
		keysTaken: () => state.keys,
		lastKey: () => state.last,
	};
}

/**
 * Runs the router: each key, acted on here unless the focused component takes it. Rendered before
 * the screens, so that Ink, which calls its listeners in the order they began listening, calls it first.
 */
export function useKeyInput(router: ReturnType<typeof createKeyRouter>): void {
	const onKey = useCallback(
		(input: string, key: Key) => {
			router.state.keys++;
			router.state.last = key;
			const route = router.route.current;
			if (!route) return;
			const first = findBinding(['always'], input, key);
			if (first) return router.always.current[first.id]?.();
			const binding = findBinding(route.contexts, input, key);
			if (binding && binding.owner !== 'component') route.handlers[binding.id]?.();
		},
		[router],
	);
	useInput(onKey);
}

/** Makes this route the live one. Called during render, so it is in force before the frame shows. */
export function useRoute(route: KeyRoute, active: boolean): void {
	const router = useKeyRouter();
	if (active) router.route.current = route;
}

export function useKeyRouter(): KeyRouter {
	const router = useContext(RouterContext);
	if (!router) throw new Error('outside <App>');
	return router;
}
