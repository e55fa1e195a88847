#!/usr/bin/env node
// Start-up figures, measured against `node -e 0` in the same run. Prints medians of several runs.
//   node -e 0                    Node itself
//   dist/cli.js --version        loading and parsing the bundle
//   first frame (tmux, 80×24)    from spawning the app until the Licenses page is on screen
import {execFileSync, spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

const bundle = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 15);

const median = values => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
};

function timeCommand(args) {
	const times = [];
	for (let i = 0; i < runs; i++) {
		const start = process.hrtime.bigint();
		const result = spawnSync(process.execPath, args, {stdio: 'ignore'});
		if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status}`);
		times.push(Number(process.hrtime.bigint() - start) / 1e6);
	}
	return median(times);
}

/** Time from starting a command in a fresh 80×24 tmux session until `text` is on screen. */
function timeToScreen(command, text) {
	const times = [];
	for (let i = 0; i < runs; i++) {
		const name = `m365-bench-${process.pid}-${i}`;
		const start = process.hrtime.bigint();
		execFileSync('tmux', ['new-session', '-d', '-s', name, '-x', '80', '-y', '24', `${command}; sleep 5`]);
		for (;;) {
			const screen = execFileSync('tmux', ['capture-pane', '-p', '-t', name], {encoding: 'utf8'});
			if (screen.includes(text)) break;
			if (Number(process.hrtime.bigint() - start) / 1e6 > 10_000) throw new Error(`no "${text}" after 10 s:\n${screen}`);
		}
		times.push(Number(process.hrtime.bigint() - start) / 1e6);
		spawnSync('tmux', ['kill-session', '-t', name]);
	}
	return median(times);
}

const row = (label, ms, base) =>
	console.log(`${label.padEnd(34)} ${ms.toFixed(1).padStart(8)} ms${base === undefined ? '' : `   (+${(ms - base).toFixed(1)} ms over node -e 0)`}`);

console.log(`m365-licenses start-up, median of ${runs} runs, Node ${process.version}`);
const nodeBase = timeCommand(['-e', '0']);
row('node -e 0', nodeBase);
row('node dist/cli.js --version', timeCommand([bundle, '--version']), nodeBase);

if (spawnSync('tmux', ['-V']).status === 0) {
	const stateDir = mkdtempSync(join(tmpdir(), 'm365-licenses-bench-'));
	const tmuxBase = timeToScreen(`node -e "console.log('ready')"`, 'ready');
	row('tmux: node prints a line', tmuxBase);
	const frame = timeToScreen(`node ${bundle} --state-dir ${stateDir}`, 'Microsoft 365 Business Premium');
	row('tmux: first frame of the TUI', frame, undefined);
	console.log(`${''.padEnd(34)} ${''.padStart(8)}      (+${(frame - tmuxBase).toFixed(1)} ms over node printing a line in tmux)`);
	rmSync(stateDir, {recursive: true, force: true});
} else {
	console.log('tmux not installed: first-frame time not measured');
}
