// One input handler for the whole app. The screen on top says, while it renders, which key contexts
// and handlers are live; the handler reads that at each keypress. Keys that arrive together (a
// paste, tmux send-keys, a fast typist) are taken one at a time, each after React has rendered
// what the key before changed, so `/ r a` types "ra" into the filter instead of ticking all (a).
//
// Two components take keys themselves: ink-text-input (a text field) and ink-select-input (a
// single-choice list). They listen to Ink's input as this router does, so while one is focused the
// key table marks the keys it takes (`owner: 'component'`) and the router leaves those alone: a
// key is acted on once. They understand a key only when it comes alone, so keys that came together
// are handed to them one at a time, re-sent on Ink's input; what they do with the bunch is ignored.
import {useInput, useStdin, type Key} from 'ink';
import {createContext, useCallback, useContext, useEffect, useRef} from 'react';
import {unstable_LowPriority as LowPriority, unstable_scheduleCallback as scheduleCallback} from 'scheduler';
import type {Handlers} from './chrome.js';
import {rawKey, splitBurst} from './key-burst.js';
import {findBinding, type Binding, type KeyContext} from './keys.js';

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
	kind: 'text' | 'choice';
	listening: boolean;
}

interface Pending {
	input: string;
	key: Key;
	/** The focused component took this key as it came: nothing more to do. */
	taken: boolean;
	/** Tries to hand it to a component still being set up. */
	tries: number;
}

export interface KeyRouter {
	route: {current: KeyRoute | null};
	owner: {current: Owner | null};
	/** True while Ink's input carries a key the focused component should act on: its callbacks check it. */
	delivering: () => boolean;
	/** How many keys the router has taken so far: a status remembers the one it was said after. */
	keysTaken: () => number;
}

export const RouterContext = createContext<KeyRouter | null>(null);

export function createKeyRouter(): KeyRouter & {state: {delivering: boolean; keys: number}} {
	const state = {delivering: false, keys: 0};
	return {route: {current: null}, owner: {current: null}, state, delivering: () => state.delivering, keysTaken: () => state.keys};
}

const ownedByComponent = (binding: Binding | undefined) => binding?.owner === 'component';

/**
 * Runs the router: rendered once, as the app's first child, so its listener is Ink's first and
 * decides, before a component hears a key, whether that component may act on it.
 */
export function useKeyInput(router: ReturnType<typeof createKeyRouter>): void {
	const {internal_eventEmitter: input} = useStdin();
	const queue = useRef<Pending[]>([]);
	const draining = useRef(false);
	const resending = useRef(false);

	/** Hands a key to the focused component, as if it had come alone. */
	const resend = useCallback(
		(pending: Pending) => {
			resending.current = true;
			router.state.delivering = true;
			try {
				input.emit('input', rawKey(pending.input, pending.key));
			} finally {
				router.state.delivering = false;
				resending.current = false;
			}
		},
		[input, router],
	);

	const drain = useCallback(() => {
		const next = queue.current.shift();
		if (next && next.tries === 0) router.state.keys++;
		if (next && !next.taken) {
			const route = router.route.current;
			const binding = route ? findBinding(route.contexts, next.input, next.key) : undefined;
			if (!ownedByComponent(binding)) {
				if (binding) route?.handlers[binding.id]?.();
			} else if (router.owner.current?.listening) {
				resend(next);
			} else if (next.tries < 20) {
				// The component this key is for is still being mounted: try again after it is.
				queue.current.unshift({...next, tries: next.tries + 1});
			}
		}
		draining.current = queue.current.length > 0;
		if (draining.current) setImmediate(() => scheduleCallback(LowPriority, drain));
	}, [router, resend]);

	const onInput = useCallback(
		(text: string, key: Key) => {
			if (resending.current) return;
			const keys = splitBurst(text, key);
			const owner = router.owner.current;
			const route = router.route.current;
			const [only] = keys;
			// A key that comes alone is taken by the focused component itself, when it is one of its
			// keys: in order, unless keys before it still wait (a choice list moves anyway, so it takes it).
			const taken =
				keys.length === 1 &&
				owner?.listening === true &&
				(queue.current.length === 0 || owner.kind === 'choice') &&
				route !== null &&
				ownedByComponent(findBinding(route.contexts, only![0], only![1]));
			router.state.delivering = taken;
			// Only while this key is with the components listening after this one.
			queueMicrotask(() => {
				if (!resending.current) router.state.delivering = false;
			});
			queue.current.push(...keys.map(([input, key]) => ({input, key, taken, tries: 0})));
			if (draining.current) return;
			draining.current = true;
			scheduleCallback(LowPriority, drain);
		},
		[drain, router],
	);
	useInput(onInput);
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
 * `generation` changes when the component is mounted again.
 */
export function useKeyOwner(kind: Owner['kind'], focused: boolean, generation = 0): KeyRouter {
	const router = useKeyRouter();
	useEffect(() => {
		if (!focused) return;
		const owner: Owner = {kind, listening: true};
		router.owner.current = owner;
		return () => {
			owner.listening = false;
			if (router.owner.current === owner) router.owner.current = null;
		};
	}, [router, kind, focused, generation]);
	return router;
}
