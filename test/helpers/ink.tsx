import {EventEmitter} from 'node:events';
import {render} from 'ink-testing-library';
import type {ComponentProps} from 'react';
import stringWidth from 'string-width';
import {App} from '../../source/ui/App.js';
import {createKeyFeed} from '../../source/ui/key-feed.js';
import type {Store} from '../../source/store/store.js';
import {demoStore} from './tenant.js';

export const keys = {
	up: '\u001B[A',
	down: '\u001B[B',
	right: '\u001B[C',
	left: '\u001B[D',
	enter: '\r',
	escape: '\u001B',
	tab: '\t',
	space: ' ',
	backspace: '\u007F',
} as const;

/** Polls the last frame until it satisfies the check: frames come when React is done, not on a clock. */
export async function waitForFrame(lastFrame: () => string | undefined, check: (frame: string) => boolean, what: string, timeoutMs = 10_000): Promise<string> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const frame = lastFrame() ?? '';
		if (check(frame)) return frame;
		if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}. Last frame:\n${frame}`);
		await new Promise(resolve => setTimeout(resolve, 10));
	}
}

/** The keyboard: what is written to it reaches the app as the terminal's reads reach it. */
class Keyboard extends EventEmitter {
	write(data: string): void {
		this.emit('data', data);
	}
}

/**
 * The app in a terminal of ink-testing-library's 100 columns, or of the size given (80×24, 40×12…).
 * Keys go through the app's own key feed, into ink-testing-library's stdin, as the terminal's go
 * into Ink's: `stdin.write('jj\r')` is a burst read at once.
 */
export function renderApp(store: Store, size?: {columns: number; rows: number}, props: Omit<ComponentProps<typeof App>, 'store' | 'feed'> = {}) {
	const keyboard = new Keyboard();
	const feed = createKeyFeed(keyboard);
	const app = render(<App store={store} feed={feed} {...props} />);
	feed.handTo(app.stdin);
	let columns = 100;
	// A frame drawn for another width (before a resize reached the app) is not one to read.
	const fits = (f: string) => f.split('\n').every(line => stringWidth(line) <= columns);
	const frame = () => app.lastFrame() ?? '';
	/** The terminal takes this size, as a window resized would: Ink and the app follow. */
	const resize = (width: number, rows: number) => {
		columns = width;
		Object.defineProperty(app.stdout, 'columns', {value: width, configurable: true});
		Object.defineProperty(app.stdout, 'rows', {value: rows, configurable: true});
		app.stdout.emit('resize');
	};
	if (size) resize(size.columns, size.rows);
	return {
		...app,
		stdin: keyboard,
		unmount: () => {
			app.unmount();
			feed.close();
		},
		frame,
		resize,
		/** Waits until the frame contains the text (or matches the pattern, or passes the check). */
		waitFor: (expected: string | RegExp | ((frame: string) => boolean), timeoutMs?: number) =>
			waitForFrame(
				app.lastFrame,
				f => fits(f) && (typeof expected === 'string' ? f.includes(expected) : typeof expected === 'function' ? expected(f) : expected.test(f)),
				String(expected),
				timeoutMs,
			),
		/** Types keys one at a time, as a person would: each read on its own, once the app has taken the one before. */
		async press(...sequence: string[]) {
			for (const key of sequence) {
				keyboard.write(key);
				await feed.idle();
			}
		},
		/** Resolves once the app has taken every key typed so far. */
		taken: () => feed.idle(),
	};
}

/** The app on a fresh copy of the demo tenant, at the size given, once its Licenses page shows. */
export async function openDemo(size?: {columns: number; rows: number}) {
	const {store} = await demoStore();
	const app = renderApp(store, size);
	await app.waitFor('Microsoft 365 Business Premium');
	return app;
}
