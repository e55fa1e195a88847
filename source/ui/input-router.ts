// One input handler for the whole app. The screen on top says, while it renders, which key contexts
// and handlers are live; the handler reads that at each keypress.
//
// Keys are handed out one at a time, each after React has rendered what the key before changed and
// run its effects. Ink hands a run of plain characters that arrive together (a paste, tmux
// send-keys, a fast typist) to its listeners as one input; here Ink's input is held and given on a
// key at a time, so `/ r a` types "ra" into the filter instead of ticking all (a).
//
// Two components take keys themselves: ink-text-input (a text field) and ink-select-input (a
// single-choice list). They listen to the same input, so while one is focused the key table marks
// the keys it takes (`owner: 'component'`), and the router leaves those alone: a key is acted on
// once. Because each key comes alone, and after the last one's render, they act on it as on a key
// typed by a person, never on a bunch or with what the screen held a key ago.
import {useInput, useStdin, type Key} from 'ink';
import {createContext, useCallback, useContext, useEffect, useRef} from 'react';
import {unstable_LowPriority as LowPriority, unstable_scheduleCallback as scheduleCallback} from 'scheduler';
import type {Handlers} from './chrome.js';
import {splitKeys} from './key-burst.js';
import {findBinding, type KeyContext} from './keys.js';

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
}

/** The focused component that takes its own keys; `listening` once it hears Ink's input. */
interface Owner {
	listening: boolean;
}

export interface KeyRouter {
	route: {current: KeyRoute | null};
	/** The handlers of the 'always' keys (Ctrl-C): taken before any screen's, whatever has the focus. */
	always: {current: Handlers};
	owner: {current: Owner | null};
	/** True while the key being handed out is the focused component's: its callbacks act only then. */
	delivering: () => boolean;
	/** How many keys have been handed out: a status remembers the one it was said after. */
	keysTaken: () => number;
	/** Hands out the keys that wait, once the component they are for listens. */
	wake: () => void;
}

export const RouterContext = createContext<KeyRouter | null>(null);

interface RouterState {
	delivering: boolean;
	keys: number;
	wake: () => void;
}

export function createKeyRouter(): KeyRouter & {state: RouterState} {
	const state: RouterState = {delivering: false, keys: 0, wake: () => {}};
	return {
		route: {current: null},
		always: {current: {}},
		owner: {current: null},
		state,
		delivering: () => state.delivering,
		keysTaken: () => state.keys,
		wake: () => state.wake(),
	};
}

/**
 * Runs the router. Ink's input is taken as it arrives and kept in a queue; each key is then given
 * to Ink's listeners (this router's own, rendered first, and the focused component's) on its own.
 * Ink keeps its input emitter to itself, so it is reached through useStdin and its `emit` wrapped:
 * the one place where the app steps between Ink and its listeners.
 */
export function useKeyInput(router: ReturnType<typeof createKeyRouter>): void {
	const {internal_eventEmitter: emitter} = useStdin();
	const queue = useRef<string[]>([]);
	const draining = useRef(false);
	/** The key being handed out (null between keys), and Ink's own emit to hand it out with. */
	const handing = useRef<string | null>(null);
	const emit = useRef(emitter.emit);
	/** The key handed out was for a component not listening yet: it goes back and waits. */
	const waiting = useRef(false);

	const drain = useCallback(() => {
		const raw = queue.current.shift();
		if (raw !== undefined) {
			// Counted before it is handed out: what it leads to is said after it.
			router.state.keys++;
			handing.current = raw;
			try {
				emit.current.call(emitter, 'input', raw);
			} finally {
				handing.current = null;
			}
			if (waiting.current) {
				waiting.current = false;
				router.state.keys--;
				queue.current.unshift(raw);
				draining.current = false;
				return;
			}
		}
		draining.current = queue.current.length > 0;
		if (draining.current) setImmediate(() => scheduleCallback(LowPriority, drain));
	}, [router, emitter]);

	const start = useCallback(() => {
		if (draining.current || queue.current.length === 0) return;
		draining.current = true;
		// React renders an update in a task of its scheduler at normal priority, and runs the
		// render's effects (a component's new key handler) the same way: a key handed out at low
		// priority waits for both.
		scheduleCallback(LowPriority, drain);
	}, [drain]);
	router.state.wake = start;

	useEffect(() => {
		const original = emitter.emit;
		emit.current = original;
		emitter.emit = function (this: typeof emitter, event: string | symbol, ...args: unknown[]) {
			if (event !== 'input' || handing.current !== null) return original.call(this, event, ...args);
			queue.current.push(...splitKeys(String(args[0])));
			start();
			return true;
		};
		return () => {
			emitter.emit = original;
		};
	}, [emitter, start]);

	// Each key, alone: acted on here unless the focused component takes it.
	const onKey = useCallback(
		(input: string, key: Key) => {
			const route = router.route.current;
			if (!route || handing.current === null) return;
			const first = findBinding(['always'], input, key);
			if (first) return router.always.current[first.id]?.();
			const binding = findBinding(route.contexts, input, key);
			const forComponent = binding?.owner === 'component';
			if (forComponent && !router.owner.current?.listening) {
				// Its component is still being mounted: the key waits for it to listen.
				waiting.current = true;
				return;
			}
			router.state.delivering = forComponent;
			// Only while this key is with the listeners after this one.
			queueMicrotask(() => {
				router.state.delivering = false;
			});
			if (binding && !forComponent) route.handlers[binding.id]?.();
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

/**
 * Registers a component that takes its own keys while `focused`. Its effect runs after the
 * component's own (a child's effects come first), so `listening` means it hears Ink's input.
 */
export function useKeyOwner(focused: boolean): KeyRouter {
	const router = useKeyRouter();
	useEffect(() => {
		if (!focused) return;
		const owner: Owner = {listening: true};
		router.owner.current = owner;
		// Keys typed while it was being mounted wait for it.
		router.wake();
		return () => {
			owner.listening = false;
			if (router.owner.current === owner) router.owner.current = null;
		};
	}, [router, focused]);
	return router;
}
