// Before the tenant is read: the device-code sign-in (the URL and the code to enter elsewhere) and how
// many users have been read so far. Shown by the TUI while it opens a live tenant.
import {Box} from 'ink';
import {Text} from './components/Text.js';
import {useSyncExternalStore} from 'react';
import {strings} from './strings.js';

/** Lines said while opening, for the screen to follow. */
export function openingMessages() {
	let lines: string[] = [];
	const listeners = new Set<() => void>();
	return {
		say(line: string) {
			lines = [...lines, line];
			for (const listener of listeners) listener();
		},
		/** Replaces the last line when it is the same kind of news (a count going up). */
		update(line: string, kind: (last: string) => boolean) {
			lines = lines.length > 0 && kind(lines.at(-1)!) ? [...lines.slice(0, -1), line] : [...lines, line];
			for (const listener of listeners) listener();
		},
		subscribe(listener: () => void) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		get: () => lines,
	};
}

export function SignInScreen({messages}: {messages: ReturnType<typeof openingMessages>}) {
	const lines = useSyncExternalStore(messages.subscribe, messages.get);
	return (
		<Box flexDirection="column" borderStyle="round" paddingX={1}>
			<Text bold>{strings.signIn.title}</Text>
			{lines.map((line, i) => (
				<Text key={i}>{line}</Text>
			))}
			<Text dimColor>{strings.signIn.cancel}</Text>
		</Box>
	);
}
