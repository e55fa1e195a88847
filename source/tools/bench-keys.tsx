// Key latency at scale, in-process: the app rendered by Ink's own renderer (not the test renderer)
// into a virtual 80×24 terminal, each key written to its stdin, and the time until Ink writes the frame
// that shows the key's effect. Bundled and run by bench.mjs; prints one JSON object on stdout.
//   node bench-keys.js --tenant FILE --state-dir DIR   (BENCH_SAMPLES=1: every figure's samples on stderr)
// Run without CI in the environment: Ink draws only a final frame under CI.
import {EventEmitter} from 'node:events';
import {performance} from 'node:perf_hooks';
import {parseArgs} from 'node:util';
import {render} from 'ink';
import {openTenant} from '../open-tenant.js';
import {App} from '../ui/App.js';
import {createKeyFeed} from '../ui/key-feed.js';
import {frameRate} from '../ui/render-options.js';

class Terminal extends EventEmitter {
	readonly columns = 80;
	readonly rows = 24;
	readonly isTTY = true;
	/** The text of the last frame Ink wrote, escapes removed, and when. */
	frame = '';
	frameAt = 0;
	private waiting: {check: (frame: string) => boolean; resolve: () => void} | null = null;

	write = (chunk: string): boolean => {
		const text = chunk.replace(/\u001B\[[0-9;?]*[A-Za-z]/g, '');
		// Synchronised output comes as begin, frame, end: only the frame has text.
		if (text.trim() === '') return true;
		this.frame = text;
		this.frameAt = performance.now();
		if (this.waiting?.check(this.frame)) {
			const {resolve} = this.waiting;
			this.waiting = null;
			resolve();
		}
		return true;
	};

	next(check: (frame: string) => boolean, what: string, timeoutMs = 120_000): Promise<void> {
		if (check(this.frame)) return Promise.resolve();
		return new Promise((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error(`no frame with ${what} after ${timeoutMs} ms:\n${this.frame}`)), timeoutMs);
			this.waiting = {
				check,
				resolve: () => {
					clearTimeout(timer);
					resolve();
				},
			};
		});
	}
}

/** The terminal's side of the keys: what is typed is read by the app's key feed, as the terminal's reads are. */
class Keyboard extends EventEmitter {
	type(data: string): void {
		this.emit('data', data);
	}
}

const keys = {down: '\u001B[B', pageDown: '\u001B[6~', escape: '\u001B', enter: '\r', backspace: '\u007F'};

const {values} = parseArgs({
	options: {
		tenant: {type: 'string'},
		'state-dir': {type: 'string'},
		runs: {type: 'string'},
		'skip-everyone': {type: 'boolean'},
		'only-moves': {type: 'boolean'},
	},
});
const runs = Number(values.runs ?? 40);

const loadStart = performance.now();
const {store, release} = await openTenant({tenant: values.tenant, stateDir: values['state-dir'], reset: false}, {}, () => {}, {writer: 'app'});
const terminal = new Terminal();
const keyboard = new Keyboard();
const feed = createKeyFeed(keyboard);
const app = render(<App store={store} feed={feed} />, {
	stdout: terminal as unknown as NodeJS.WriteStream,
	stdin: feed.stdin,
	stderr: new Terminal() as unknown as NodeJS.WriteStream,
	exitOnCtrlC: false,
	patchConsole: false,
	...frameRate,
});
await terminal.next(frame => frame.includes('Assigned'), 'the Licenses page');
const firstFrameMs = performance.now() - loadStart;
const heapMb = () => {
	globalThis.gc?.();
	return Math.round(process.memoryUsage().heapUsed / 1e6);
};
const heapAfterLoadMb = heapMb();

/**
 * Types one key and waits for the frame it leads to; the milliseconds it took. Keys come as a person
 * types them, not faster than the frame rate: a key within a frame of the last one waits for the next
 * frame by design (a burst makes one frame, not one per key), and that wait is not the key's work.
 */
async function press(key: string, check: (frame: string) => boolean, what: string): Promise<number> {
	const frameMs = 1000 / frameRate.maxFps;
	const since = performance.now() - terminal.frameAt;
	if (since < frameMs + 2) await new Promise(resolve => setTimeout(resolve, frameMs + 2 - since));
	const before = terminal.frame;
	const start = performance.now();
	const shown = terminal.next(frame => frame !== before && check(frame), what);
	keyboard.type(key);
	await shown;
	return performance.now() - start;
}

const noop = () => undefined;

/** An unmeasured key that may change nothing on screen (esc on a page without a filter). */
async function settle(key: string): Promise<void> {
	const before = terminal.frame;
	keyboard.type(key);
	// No new frame within 300 ms is an answer too: the key changed nothing, as it may.
	await terminal.next(frame => frame !== before, key, 300).then(noop, noop);
}

const any = () => true;
const has = (text: string) => (frame: string) => frame.includes(text);

function stats(times: number[]): {p50: number; p95: number; n: number} {
	if (process.env.BENCH_SAMPLES) process.stderr.write(`${times.map(t => t.toFixed(1)).join(' ')}\n`);
	const sorted = [...times].sort((a, b) => a - b);
	const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! * 10) / 10;
	return {p50: at(0.5), p95: at(0.95), n: sorted.length};
}

async function repeat(n: number, step: (i: number) => Promise<number>): Promise<number[]> {
	const times: number[] = [];
	for (let i = 0; i < n; i++) times.push(await step(i));
	return times;
}

const results: Record<string, {p50: number; p95: number; n: number}> = {};
const userCount = store.getState().tenant.users.length;

// A key typed as soon as the first frame is drawn waits for what the app does then (sorting and
// indexing the users, finding Reclaim's candidates): timed on its own. The keys below are timed once
// that is over, as a person who has read the screen types them.
const firstKeyMs = await press('j', any, 'a move on Licenses');
await new Promise(resolve => setTimeout(resolve, 3000));

await press('2', has('Display name'), 'Active users');
results['move (j)'] = stats(await repeat(runs, () => press('j', any, 'a move')));
results['page (PgDn)'] = stats(await repeat(runs, () => press(keys.pageDown, any, 'a page')));
if (values['only-moves']) {
	process.stdout.write(`${JSON.stringify(results)}\n`);
	process.exit(0);
}
await press('g', any, 'the first row');
results['tick (space)'] = stats(await repeat(runs, () => press(' ', any, 'a tick')));
results['tick all 100%'] = stats(await repeat(Math.min(runs, 10), () => press('a', any, 'tick all')));
if (/\d+ selected/.test(terminal.frame)) await press('a', frame => !/\d+ selected/.test(frame), 'untick all');

// Filter typing: each character narrows the 100,000 rows again.
await press('/', has('Done typing'), 'the filter');
const typed = 'ada berg';
results['filter typing'] = stats(
	await repeat(Math.max(2, Math.floor(runs / typed.length)) * typed.length, async i => {
		const char = typed[i % typed.length]!;
		const time = await press(char, any, `filter ${char}`);
		// A word typed: clear it (unmeasured) and type it again.
		if (i % typed.length === typed.length - 1) {
			for (let n = 0; n < typed.length; n++) await press(keys.backspace, any, 'backspace');
		}
		return time;
	}),
);
await press('b', any, 'filter b');
await press(keys.enter, any, 'keep the filter');
results['tab switch (filtered)'] = stats(
	await repeat(runs, i => press(i % 2 === 0 ? '1' : '2', has(i % 2 === 0 ? 'Available' : 'Display name'), 'the other tab')),
);

/** Filters Active users, ticks all shown, opens Manage product licenses, chooses Unassign all: the confirmation. */
async function confirmationFor(filter: string): Promise<{times: number[]; ticked: number}> {
	await settle('2');
	await settle(keys.escape);
	// A query still in force ("filter: …") takes a second esc.
	if (terminal.frame.includes('filter: ')) await settle(keys.escape);
	if (filter) {
		await press('/', has('Done typing'), 'the filter');
		for (const char of filter) await press(char, any, `filter ${char}`);
		await press(keys.enter, any, 'keep the filter');
	}
	await press('a', has('selected'), 'tick all');
	const ticked = Number(/(\d+) selected/.exec(terminal.frame)?.[1] ?? 0);
	const times = await repeat(filter ? 5 : 3, async () => {
		await press('m', has('Manage product licenses'), 'Manage product licenses');
		await press('j', has('› Replace existing products'), 'Replace existing products');
		await press('j', has('Removes every product'), 'Unassign all');
		const time = await press(keys.enter, has('Cancel'), 'the confirmation');
		await press(keys.escape, frame => !frame.includes('Cancel'), 'cancel');
		await press(keys.escape, has('Display name'), 'back to Active users');
		return time;
	});
	return {times, ticked};
}
const thousand = await confirmationFor('00@');
results[`confirmation, ${thousand.ticked} users`] = stats(thousand.times);
await press('a', frame => !/\d+ selected/.test(frame), 'untick');
if (!values['skip-everyone']) {
	const everyone = await confirmationFor('');
	results[`confirmation, ${everyone.ticked} users`] = stats(everyone.times);
}

// Reclaim: opened once (it looks at every user then), then moving, ticking and changing section.
results['reclaim: open (4), once'] = stats([await press('4', has('Redundant ('), 'Reclaim')]);
results['reclaim: move (j)'] = stats(await repeat(runs, () => press('j', any, 'a move')));
results['reclaim: tick (space)'] = stats(await repeat(runs, () => press(' ', any, 'a tick')));
results['reclaim: section (tab)'] = stats(await repeat(runs, () => press('\t', any, 'another section')));

const heapEndMb = heapMb();
app.unmount();
release();
process.stdout.write(
	`${JSON.stringify({users: userCount, firstFrameMs: Math.round(firstFrameMs), firstKeyMs: Math.round(firstKeyMs), heapAfterLoadMb, heapEndMb, keys: results})}\n`,
);
process.exit(0);
