// One input handler for the whole app. The screen on top says, while it renders, which key contexts
// and handlers are live; the handler reads that at each keypress. Keys that arrive together (a
// paste, tmux send-keys, a fast typist) are taken one at a time, each after React has rendered
// what the key before changed, so `/ r a` types "ra" into the filter instead of ticking all (a).
import {useInput, type Key} from 'ink';
import {createContext, useCallback, useContext, useRef} from 'react';
import {unstable_LowPriority as LowPriority, unstable_scheduleCallback as scheduleCallback} from 'scheduler';
import type {Handlers} from './chrome.js';
import {editLine} from './components/line-edit.js';
import {splitBurst} from './key-burst.js';
import {findBinding, type KeyContext} from './keys.js';

export interface TextField {
	value: string;
	onChange: (value: string) => void;
	onSubmit: () => void;
	onCancel: () => void;
}

export interface KeyRoute {
	contexts: readonly KeyContext[];
	handlers: Handlers;
	/** While set, keys edit this field instead of going through the key table. */
	text?: TextField;
}

type RouteRef = {current: KeyRoute | null};

export const RouterContext = createContext<RouteRef | null>(null);

export function dispatchKey(route: KeyRoute | null, input: string, key: Key): void {
	if (!route) return;
	if (route.text) {
		const edit = editLine(route.text.value, input, key);
		if (edit.type === 'change') route.text.onChange(edit.value);
		else if (edit.type === 'submit') route.text.onSubmit();
		else if (edit.type === 'cancel') route.text.onCancel();
		return;
	}
	const binding = findBinding(route.contexts, input, key);
	if (binding) route.handlers[binding.id]?.();
}

/**
 * Called once, by the app's root: the only useInput there is. Keys are taken one at a time, each
 * after React has rendered what the key before changed. React renders an update in a task of its
 * scheduler at normal priority; a key handled in a task at low priority therefore waits for it.
 * That task is queued from the next turn of the event loop, because the render itself is only
 * queued from a microtask after the key's handler returns.
 */
export function useInputRouter(): RouteRef {
	const route = useRef<KeyRoute | null>(null);
	const queue = useRef<Array<[string, Key]>>([]);
	const draining = useRef(false);
	const drain = useCallback(() => {
		const next = queue.current.shift();
		if (next) dispatchKey(route.current, ...next);
		draining.current = queue.current.length > 0;
		if (draining.current) setImmediate(() => scheduleCallback(LowPriority, drain));
	}, []);
	const onInput = useCallback(
		(input: string, key: Key) => {
			queue.current.push(...splitBurst(input, key));
			if (draining.current) return;
			draining.current = true;
			scheduleCallback(LowPriority, drain);
		},
		[drain],
	);
	useInput(onInput);
	return route;
}

/** Makes this route the live one. Called during render, so it is in force before the frame shows. */
export function useRoute(route: KeyRoute, active: boolean): void {
	const ref = useContext(RouterContext);
	if (!ref) throw new Error('useRoute outside <App>');
	if (active) ref.current = route;
}
