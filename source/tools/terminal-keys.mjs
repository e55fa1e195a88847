// Key latency through a terminal, as an admin feels it: the built app runs in a tmux pane (80×24),
// a key is sent to the pane, and the time is taken until the frame it leads to has come out of the
// pane (Ink ends each frame with the end of synchronised output). tmux's control mode reports the
// pane's output as it comes, so nothing polls the screen. The same is timed for a program that
// only answers each key with a frame of the same size (the echo baseline): what tmux, the pty and
// starting to run Node's event loop cost; the app's figure is the difference.
import {spawn, spawnSync} from 'node:child_process';
import {rmSync} from 'node:fs';
import {join} from 'node:path';
import {createInterface} from 'node:readline';

const endOfFrame = '\\033[?2026l';

/** The pane's output as written: tmux escapes control characters and backslashes as octal. */
const unescape = text => text.replace(/\\(\d{3})/g, (_, octal) => String.fromCharCode(Number.parseInt(octal, 8)));

/** A program for the baseline: each key answered at once with a full frame of text, synchronised as Ink does. */
export const echoProgram = `process.stdin.setRawMode(true);process.stdin.on('data',d=>{if(d[0]===3)process.exit(0);process.stdout.write('\\u001B[?2026h\\u001B[H'+(String(d).replace(/\\W/g,'k')+'x'.repeat(79)).slice(0,79).concat('\\r\\n').repeat(23)+'\\u001B[?2026l')});process.stdout.write('\\u001B[?2026hready\\u001B[?2026l')`;

/**
 * A pane running `argv` (an array, quoted for tmux's shell) in its own tmux server, driven through
 * control mode. `env`: the server's environment, which the program has.
 */
export async function terminalPane(argv, env = process.env) {
	const socket = `m365-keys-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
	const quoted = argv.map(arg => `'${arg.replaceAll("'", "'\\''")}'`).join(' ');
	const tmux = spawn('tmux', ['-L', socket, '-f', '/dev/null', '-C', 'new-session', '-x', '80', '-y', '24', quoted], {env, stdio: ['pipe', 'pipe', 'ignore']});
	const lines = createInterface({input: tmux.stdout});
	/** Called at the end of each frame the pane writes. */
	let listener = () => {};
	// Every command sent is answered, in order, in a %begin … %end block (flag 1: sent by this client).
	const answers = [];
	let answer = null;
	lines.on('line', line => {
		const at = performance.now();
		if (answer) {
			if (/^%(end|error) \d+ \d+ 1$/.test(line)) {
				answers.shift()?.(answer.join('\n'));
				answer = null;
			} else answer.push(line);
			return;
		}
		if (/^%begin \d+ \d+ 1$/.test(line)) answer = [];
		else if (line.startsWith('%output ')) {
			lastOutput = at;
			if (line.includes(endOfFrame)) listener?.(at);
		}
	});
	const command = text =>
		new Promise(resolve => {
			answers.push(resolve);
			tmux.stdin.write(`${text}\n`);
		});
	const capture = () => command('capture-pane -p').then(unescape);
	let lastFrame = performance.now();
	let lastOutput = performance.now();
	/** Resolves once the pane has written nothing for `ms`. */
	const quiet = async ms => {
		for (let wait = ms; wait > 0; wait = lastOutput + ms - performance.now()) await new Promise(resolve => setTimeout(resolve, wait));
	};
	await command('set-option -g status off');

	return {
		/** Waits until the screen shows `text` (or `timeoutMs` passes). */
		async waitFor(text, timeoutMs = 120_000) {
			const start = performance.now();
			for (;;) {
				if ((await capture()).includes(text)) return;
				if (performance.now() - start > timeoutMs) throw new Error(`no "${text}" on the screen after ${timeoutMs} ms:\n${await capture()}`);
				await new Promise(resolve => setTimeout(resolve, 50));
			}
		},
		screen: capture,
		/**
		 * Sends a key (tmux's name for it, e.g. j, Space, NPage, Tab, BSpace) after `quietMs` with no
		 * output (as a person who reads the screen types). Resolves to the milliseconds until the first
		 * frame after it had come out whole (`first`), and until the last one before the pane was quiet
		 * again for `quietMs` (`settled`: a key whose effect is drawn in more than one frame).
		 */
		async press(key, {quietMs = 60, timeoutMs = 30_000} = {}) {
			await quiet(quietMs);
			const start = performance.now();
			let first = null;
			const framed = new Promise((resolve, reject) => {
				const timer = setTimeout(() => reject(new Error(`no frame after the key ${key} in ${timeoutMs} ms`)), timeoutMs);
				listener = at => {
					lastFrame = at;
					if (first !== null) return;
					first = at - start;
					clearTimeout(timer);
					resolve();
				};
			});
			void command(`send-keys ${key}`);
			await framed;
			await quiet(quietMs);
			return {first, settled: lastFrame - start};
		},
		close() {
			lines.close();
			tmux.stdin.end();
			tmux.kill();
			spawnSync('tmux', ['-L', socket, 'kill-server']);
			// tmux leaves the socket's file behind.
			rmSync(join(process.env.TMUX_TMPDIR ?? '/tmp', `tmux-${process.getuid()}`, socket), {force: true});
		},
	};
}

/** p50 and p95 of samples, in ms to a tenth. */
export function percentiles(samples) {
	const sorted = [...samples].sort((a, b) => a - b);
	const at = q => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] * 10) / 10;
	return {p50: at(0.5), p95: at(0.95), n: sorted.length};
}

/** Times `n` presses of one key (or of keys chosen by index): each press's {first, settled}. */
export async function timed(pane, n, key) {
	const times = [];
	for (let i = 0; i < n; i++) times.push(await pane.press(typeof key === 'function' ? key(i) : key));
	return times;
}

/**
 * The app's keys at scale through the terminal: move, page, tick, tick all, filter typing and tab on
 * Active users, move and tab on Reclaim. Each key's samples, less the baseline's median.
 */
export async function appKeys(pane, runs) {
	await pane.waitFor('Assigned');
	// What the app does after its first frame (sorting and indexing the users) is over before a
	// person who has read the screen types: as in the in-process figures.
	await new Promise(resolve => setTimeout(resolve, 3000));
	const samples = {};
	await pane.press('2');
	await pane.waitFor('Display name');
	samples['move (j)'] = await timed(pane, runs, 'j');
	samples['page (PgDn)'] = await timed(pane, runs, 'NPage');
	await pane.press('g');
	samples['tick (space)'] = await timed(pane, runs, 'Space');
	samples['tick all'] = await timed(pane, Math.min(runs, 10), 'a');
	if (/\d+ selected/.test(await pane.screen())) await pane.press('a');
	await pane.press('/');
	await pane.waitFor('Done typing');
	const typed = 'adaberg';
	samples['filter typing'] = [];
	for (let round = 0; round < Math.max(2, Math.floor(runs / typed.length)); round++) {
		samples['filter typing'].push(...(await timed(pane, typed.length, i => typed[i])));
		for (let n = 0; n < typed.length; n++) await pane.press('BSpace');
	}
	await pane.press('b');
	await pane.press('Enter');
	samples['tab switch (1/2)'] = await timed(pane, runs, i => (i % 2 === 0 ? '1' : '2'));
	await pane.press('4');
	await pane.waitFor('Redundant (', 60_000);
	samples['reclaim: move (j)'] = await timed(pane, runs, 'j');
	samples['reclaim: section (tab)'] = await timed(pane, runs, 'Tab');
	return samples;
}

/** The baseline's samples: a program that answers each key with a frame at once. */
export async function echoKeys(pane, runs) {
	await pane.waitFor('ready', 10_000);
	return timed(pane, runs, i => 'jk'[i % 2]);
}
