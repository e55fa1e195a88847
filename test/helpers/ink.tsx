import {render} from 'ink-testing-library';
import {App} from '../../source/ui/App.js';
import type {Store} from '../../source/store/store.js';

export const keys = {
	up: '\u001B[A',
	down: '\u001B[B',
	right: '\u001B[C',
	left: '\u001B[D',
	enter: '\r',
	escape: '\u001B',
	tab: '\t',
	space: ' ',
} as const;

/** Polls the last frame until it satisfies the check: frames come when React is done, not on a clock. */
export async function waitForFrame(
	lastFrame: () => string | undefined,
	check: (frame: string) => boolean,
	what: string,
	timeoutMs = 3000,
): Promise<string> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const frame = lastFrame() ?? '';
		if (check(frame)) return frame;
		if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}. Last frame:\n${frame}`);
		await new Promise(resolve => setTimeout(resolve, 10));
	}
}

export function renderApp(store: Store) {
	const app = render(<App store={store} />);
	const frame = () => app.lastFrame() ?? '';
	return {
		...app,
		frame,
		/** Waits until the frame contains the text (or matches the pattern). */
		waitFor: (expected: string | RegExp, timeoutMs?: number) =>
			waitForFrame(
				app.lastFrame,
				f => (typeof expected === 'string' ? f.includes(expected) : expected.test(f)),
				String(expected),
				timeoutMs,
			),
		/** Types keys one at a time, as a person would, each after the app has taken the previous one. */
		async press(...sequence: string[]) {
			for (const key of sequence) {
				app.stdin.write(key);
				// Let Ink's input handler and React's update run before the next key.
				await new Promise(resolve => setImmediate(resolve));
			}
		},
	};
}
