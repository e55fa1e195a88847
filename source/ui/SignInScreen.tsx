// Before the tenant is read: the device-code sign-in (the URL and the code to enter elsewhere) and how
// many users have been read so far. Shown by the TUI while it opens a live tenant; later, an action
// that needs a permission not granted yet shows its sign-in prompt above the screen (App).
import {Box, useInput} from 'ink';
import {Text} from './components/Text.js';
import {useSyncExternalStore} from 'react';
import {strings} from '../text/index.js';

/** A sign-in waiting for its code to be entered: what to show, and how to drop it (esc). */
export interface SignInPrompt {
	text: string;
	cancel?: () => void;
}

/** Lines said while opening, and the sign-in prompt while one waits, for the screen to follow. */
export function openingMessages() {
	let lines: string[] = [];
	let prompt: SignInPrompt | null = null;
	const listeners = new Set<() => void>();
	const changed = () => {
		for (const listener of listeners) listener();
	};
	return {
		say(line: string) {
			lines = [...lines, line];
			changed();
		},
		/** Replaces the last line when it is the same kind of news (a count going up). */
		update(line: string, kind: (last: string) => boolean) {
			lines = lines.length > 0 && kind(lines.at(-1)!) ? [...lines.slice(0, -1), line] : [...lines, line];
			changed();
		},
		/** The device-code prompt while a sign-in waits for it; null once it has ended. */
		prompt(text: string | null, cancel?: () => void) {
			prompt = text === null ? null : {text, cancel};
			changed();
		},
		subscribe(listener: () => void) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		get: () => lines,
		getPrompt: () => prompt,
	};
}

export type OpeningMessages = ReturnType<typeof openingMessages>;

/** The sign-in prompt waiting now, if any. */
export const useSignInPrompt = (messages: OpeningMessages | undefined) =>
	useSyncExternalStore(messages?.subscribe ?? noSubscription, messages?.getPrompt ?? noPrompt);
const noSubscription = () => () => {};
const noPrompt = () => null;

/**
 * While opening: q, esc and Ctrl-C cancel (the sign-in waiting for its code, and the reading), read
 * as keys, so they are never echoed onto the screen.
 */
export function SignInScreen({messages, onCancel}: {messages: OpeningMessages; onCancel: () => void}) {
	const lines = useSyncExternalStore(messages.subscribe, messages.get);
	const prompt = useSignInPrompt(messages);
	useInput((input, key) => {
		if (key.escape || (key.ctrl && input === 'c') || (!key.ctrl && !key.meta && input === 'q')) onCancel();
	});
	return (
		<Box flexDirection="column" borderStyle="round" paddingX={1}>
			<Text bold>{strings.signIn.title}</Text>
			{prompt ? <Text>{prompt.text}</Text> : null}
			{lines.map((line, i) => (
				<Text key={i}>{line}</Text>
			))}
			<Text dimColor>{strings.signIn.cancel}</Text>
		</Box>
	);
}
