// The one reader of the terminal. Ink is given its own stdin (`render(…, {stdin: feed.stdin})`), and
// the keys the terminal sends are handed to it one at a time: each after the app has taken the one
// before (acted on it, drawn what it changed, and run that drawing's effects, where a component just
// shown starts listening). So every one of Ink's listeners, the app's key router and the focused
// a text field or ink-select-input alike, hears single keys, never a burst, and never a key meant
// for a component not listening yet.
//
// The app says when a key is taken (ui/key-pacing.tsx). Without it (the opening screen, a sign-in
// prompt) the keys still come one at a time, a turn of the event loop apart.
import {EventEmitter} from 'node:events';
import {createKeySplitter} from './key-burst.js';

/** Where keys come from: the terminal (process.stdin), or a test's or the benchmark's keyboard. */
export interface KeySource {
	on(event: 'data', listener: (chunk: string | Buffer) => void): unknown;
	off(event: 'data', listener: (chunk: string | Buffer) => void): unknown;
}

/**
 * What Ink reads: it listens for 'readable', then calls read(). ink-testing-library's stdin has the
 * same shape, so the UI tests hand keys to Ink the way the app does.
 */
export interface InkInput extends EventEmitter {
	write(data: string): void;
	read(): string | null;
}

/** Ink's stdin: a key at a time, written by the feed. Ink's raw mode is passed on to the terminal, if given. */
export class KeyFeeder extends EventEmitter implements InkInput {
	readonly isTTY = true;
	private data: string | null = null;
	constructor(private readonly rawMode: (on: boolean) => void = () => {}) {
		super();
	}
	write(data: string): void {
		this.data = data;
		this.emit('readable');
	}
	read = (): string | null => {
		const {data} = this;
		this.data = null;
		return data;
	};
	setEncoding(): this {
		return this;
	}
	setRawMode(on: boolean): this {
		this.rawMode(on);
		return this;
	}
	ref(): this {
		return this;
	}
	unref(): this {
		return this;
	}
}

/** Said by the app, once per key, when it has taken the key: see key-pacing.tsx. */
export interface Pacer {
	taken(): void;
	release(): void;
}

export interface KeyFeed {
	/** Ink's stdin, unless another was given. */
	readonly stdin: NodeJS.ReadStream;
	/** Hands the keys to this stdin of Ink's from now on (ink-testing-library makes its own). */
	handTo(ink: InkInput): void;
	/** From now on each key waits until the app has taken the one before. */
	pace(): Pacer;
	/** Resolves once every key read so far has been handed out and taken. */
	idle(): Promise<void>;
	/** Stops reading the source. */
	close(): void;
}

export function createKeyFeed(source: KeySource, feeder: InkInput = new KeyFeeder()): KeyFeed {
	const splitter = createKeySplitter();
	const queue: string[] = [];
	let ink = feeder;
	/** A key handed out and not taken yet. */
	let handing = false;
	let pacers = 0;
	let flushing: NodeJS.Immediate | undefined;
	const idlers: Array<() => void> = [];

	const listening = () => ink.listenerCount('readable') > 0;
	/** Every key read has been taken, or none can be: no one listens (the app has left, or is not there yet). */
	const settled = () => !handing && ((queue.length === 0 && !splitter.waiting()) || !listening());
	const pump = () => {
		if (!handing && queue.length > 0 && listening()) {
			handing = true;
			ink.write(queue.shift()!);
			if (pacers === 0) setImmediate(taken);
		}
		if (settled()) for (const idle of idlers.splice(0)) idle();
	};
	const taken = () => {
		if (!handing) return;
		handing = false;
		pump();
	};
	// Before Ink listens (the app is being mounted), the keys wait: Ink would find only the last.
	const onListener = (event: string | symbol) => {
		if (event === 'readable') queueMicrotask(pump);
	};
	ink.on('newListener', onListener);
	ink.on('removeListener', onListener);

	const onData = (chunk: string | Buffer) => {
		queue.push(...splitter.push(String(chunk)));
		clearImmediate(flushing);
		// A read that ends inside an escape sequence: the rest comes with the next read, or it is a key as it stands.
		if (splitter.waiting()) {
			flushing = setImmediate(() => {
				queue.push(...splitter.flush());
				pump();
			});
		}
		pump();
	};
	source.on('data', onData);

	return {
		stdin: feeder as unknown as NodeJS.ReadStream,
		handTo(next) {
			ink.off('newListener', onListener);
			ink.off('removeListener', onListener);
			ink = next;
			ink.on('newListener', onListener);
			ink.on('removeListener', onListener);
			pump();
		},
		pace() {
			pacers++;
			let released = false;
			return {
				taken,
				release() {
					if (released) return;
					released = true;
					pacers--;
					// The app is gone: a key it had not taken yet is not waited for.
					handing = false;
					pump();
				},
			};
		},
		idle() {
			if (settled()) return Promise.resolve();
			return new Promise(resolve => idlers.push(resolve));
		},
		close() {
			source.off('data', onData);
			ink.off('newListener', onListener);
			ink.off('removeListener', onListener);
			clearImmediate(flushing);
			for (const idle of idlers.splice(0)) idle();
		},
	};
}

/**
 * The terminal, read by the feed from now on. It is in raw mode while Ink asks for it (a screen that
 * takes keys is shown), or the app sets it; until then, Ctrl-C is the terminal's: SIGINT.
 */
export function feedFromTerminal(terminal: NodeJS.ReadStream): KeyFeed {
	terminal.setEncoding('utf8');
	const feed = createKeyFeed(terminal, new KeyFeeder(on => terminal.isTTY && terminal.setRawMode(on)));
	return {
		...feed,
		close() {
			feed.close();
			if (terminal.isTTY) terminal.setRawMode(false);
			// Nothing reads it any more: it must not keep the process alive.
			terminal.pause();
			terminal.unref();
		},
	};
}
