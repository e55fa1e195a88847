// A change being sent to a live tenant, as the TUI shows it: the progress, and esc to stop it.
// A pure reducer, and a small store around it, so only the panel redraws on every answer: the
// screens below learn only when the panel opens and closes.
import {createContext, useContext, useSyncExternalStore} from 'react';
import type {Progress} from '../domain/progress.js';

export interface SendingState {
	/** Null until the backend reports: a local change is done before there is anything to show. */
	progress: Progress | null;
	/** esc was pressed: what is in flight is answered, nothing more is sent. */
	stopping: boolean;
}

export type SendingEvent = {type: 'start'} | {type: 'progress'; progress: Progress} | {type: 'stop'} | {type: 'finish'};

export const notSending: SendingState = {progress: null, stopping: false};

export function sendingReducer(state: SendingState, event: SendingEvent): SendingState {
	switch (event.type) {
		case 'start':
		case 'finish':
			return notSending;
		case 'progress':
			return {...state, progress: event.progress};
		case 'stop':
			return {...state, stopping: true};
	}
}

export interface Sending {
	getState(): SendingState;
	subscribe(listener: () => void): () => void;
	/** A change starts: the signal aborts when the admin stops it. */
	start(): AbortSignal;
	report(progress: Progress): void;
	stop(): void;
	finish(): void;
	/** The last change that was stopped, as its last report: said on the normal screen after the app leaves. */
	lastStopped(): Progress | null;
}

export function createSending(): Sending {
	let state = notSending;
	let controller = new AbortController();
	let stopped: Progress | null = null;
	const listeners = new Set<() => void>();
	const dispatch = (event: SendingEvent) => {
		state = sendingReducer(state, event);
		for (const listener of listeners) listener();
	};
	return {
		getState: () => state,
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		start() {
			controller = new AbortController();
			dispatch({type: 'start'});
			return controller.signal;
		},
		report: progress => dispatch({type: 'progress', progress}),
		stop() {
			controller.abort();
			dispatch({type: 'stop'});
		},
		finish() {
			if (state.stopping && state.progress) stopped = state.progress;
			dispatch({type: 'finish'});
		},
		lastStopped: () => stopped,
	};
}

export const SendingContext = createContext<Sending | null>(null);

export function useSending(): Sending {
	const sending = useContext(SendingContext);
	if (!sending) throw new Error('useSending outside <App>');
	return sending;
}

/** Only what the caller selects: a screen re-renders when the panel opens or closes, not on every answer. */
export function useSendingState<T>(select: (state: SendingState) => T): T {
	const sending = useSending();
	return useSyncExternalStore(sending.subscribe, () => select(sending.getState()));
}
