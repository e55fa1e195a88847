// Ctrl-C (as a key, or SIGINT), SIGTERM and SIGHUP (an SSH session dropped): a stop that stops. With
// no change being sent the app leaves at once. While one is sent, nothing more is sent, the answers
// to what was sent are awaited (a few seconds at most: see stopGraceMs in backends/graph/http.ts),
// every user's outcome is saved, and only then does the app leave, and with it the writer lock. A
// second one leaves at once: the journal holds the change begun, and the next start settles it.
import {useEffect, useRef} from 'react';
import type {Store} from '../store/store.js';
import type {Sending} from './sending.js';

export type InterruptKind = 'key' | 'SIGINT' | 'SIGTERM' | 'SIGHUP';

/** The process's signals, handed to the app (tui.tsx listens; a test can send its own). */
export interface Interrupts {
	listen(handler: (kind: InterruptKind) => void): () => void;
}

export interface InterruptOptions {
	store: Store;
	sending: Sending;
	/** Leaves the app the ordinary way (Ink's exit): the lock is released after it. */
	exit: () => void;
	/** Leaves now, mid-change: the second stop. */
	leaveNow: () => void;
	/** Drops a sign-in waiting for its code (an action's new permission), and so the action. */
	dropSignIn: () => void;
	/** Said on the status line while the answers are awaited. */
	say: (text: string) => void;
	stoppingText: string;
	interrupts?: Interrupts;
}

/** The app's one way to be interrupted; returns what the Ctrl-C key does. */
export function useInterrupt(options: InterruptOptions): () => void {
	const latest = useRef(options);
	latest.current = options;
	const stopping = useRef(false);
	const interrupt = useRef(() => {
		const {store, sending, exit, leaveNow, dropSignIn, say, stoppingText} = latest.current;
		if (!store.getState().busy) return exit();
		if (stopping.current) return leaveNow();
		stopping.current = true;
		dropSignIn();
		sending.stop();
		say(stoppingText);
		// Leaves once the outcome is saved: the store is busy until then.
		const off = store.subscribe(() => {
			if (store.getState().busy) return;
			off();
			latest.current.exit();
		});
	}).current;
	useEffect(() => options.interrupts?.listen(interrupt), [options.interrupts, interrupt]);
	return interrupt;
}
