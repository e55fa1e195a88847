// Unsaved edits (ticks in Licenses and apps, Manage product licenses, a product's ticked users, a
// change being confirmed) are never dropped by one key: esc (Back) and q (Quit) ask first, here, for
// every screen. The screen says only what would be lost; ScreenFrame asks.
import {useState} from 'react';
import type {Handlers} from '../chrome.js';
import type {ActionId} from '../keys.js';
import {strings} from '../../text/index.js';

/** The keys that leave a screen, and what it holds with it. */
export const leavingActions: readonly ActionId[] = ['back', 'quit'];

/** The handlers with each leaving one asking first (ask is given what to do on y). */
export function guardLeaving(handlers: Handlers, ask: (then: () => void) => void, losing: readonly ActionId[] = leavingActions): Handlers {
	const guarded: Handlers = {...handlers};
	for (const id of losing) {
		const leave = handlers[id];
		if (leave) guarded[id] = () => ask(leave);
	}
	return guarded;
}

export interface DiscardQuestion {
	/** Asking: y leaves, n or esc stays; the keys while it is asked. */
	handlers: Handlers | null;
	/** The handlers to route: guarded when there is something to lose. */
	guard: (handlers: Handlers) => Handlers;
}

/** The question about unsaved edits, said on the status line ("… y/n") until answered. */
export function useDiscardQuestion(unsaved: string | undefined, say: (text: string | null) => void, losing?: readonly ActionId[]): DiscardQuestion {
	const [pending, setPending] = useState<{then: () => void} | null>(null);
	if (pending && !unsaved) setPending(null);
	const answer = (leave: boolean) => {
		setPending(null);
		say(null);
		if (leave) pending?.then();
	};
	return {
		handlers: pending ? {confirm: () => answer(true), cancel: () => answer(false)} : null,
		guard: handlers =>
			unsaved
				? guardLeaving(
						handlers,
						then => {
							setPending({then});
							say(strings.unsaved.ask(unsaved));
						},
						losing,
					)
				: handlers,
	};
}
