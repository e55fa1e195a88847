#!/usr/bin/env node
// Start-up figures, measured against `node -e 0` in the same run. Prints medians of several runs.
// At 100,000 users: licenses --json, reclaim --json (a tenant with sign-in activity) and the first frame.
// Flags: --no-large (skip 100,000 users), --no-graph (skip Microsoft Graph), --graph-only.
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

const graphOnly = process.argv.includes('--graph-only');
if (!graphOnly) console.log(`m365-licenses start-up, median of ${runs} runs, Node ${process.version}`);
if (!graphOnly) {
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
}

// 100,000 users: a generated snapshot, read by a subcommand and shown by the TUI.
if (!graphOnly && !process.argv.includes('--no-large')) {
	const work = mkdtempSync(join(tmpdir(), 'm365-licenses-bench-large-'));
	const snapshot = join(work, 'tenant.json');
	execFileSync(process.execPath, [fileURLToPath(new URL('generate-snapshot.mjs', import.meta.url)), '100000', snapshot, '--seed', '5']);
	const large = ['--tenant', snapshot, '--state-dir', join(work, 'state')];
	row('100,000 users: licenses --json', timeCommand([bundle, 'licenses', '--json', ...large]), nodeBase);
	// Reclaim needs to know when users signed in: the same tenant, with signInActivity.
	const signIns = join(work, 'tenant-sign-ins.json');
	execFileSync(process.execPath, [fileURLToPath(new URL('generate-snapshot.mjs', import.meta.url)), '100000', signIns, '--seed', '5', '--sign-ins']);
	row('100,000 users: reclaim --json', timeCommand([bundle, 'reclaim', '--json', '--tenant', signIns, '--state-dir', join(work, 'state')]), nodeBase);
	if (spawnSync('tmux', ['-V']).status === 0) {
		row('100,000 users: first frame (tmux)', timeToScreen(`node ${bundle} ${large.join(' ')}`, 'Microsoft 365 Business Premium'));
	}
	rmSync(work, {recursive: true, force: true});
}

// Unassigning in a live tenant, against the local Graph test server (never Microsoft), from a
// 4,000-user tenant: what unassign reads (only the users it names), the requests per 100 users, and
// 1,000 users with no throttle and under a budget of 20 writes a second (a floor of 50 s).
if (!process.argv.includes('--no-graph')) {
	const {build} = await import('esbuild');
	const {spawn} = await import('node:child_process');
	const {readFileSync, writeFileSync} = await import('node:fs');
	const work = mkdtempSync(join(tmpdir(), 'm365-licenses-bench-graph-'));
	const fixture = join(work, 'graph-server.mjs');
	await build({
		entryPoints: [fileURLToPath(new URL('../../test/fixtures/graph-server.ts', import.meta.url))],
		outfile: fixture,
		bundle: true,
		platform: 'node',
		format: 'esm',
		logLevel: 'error',
	});
	const {startGraphServer} = await import(fixture);
	const snapshot = join(work, 'tenant.json');
	execFileSync(process.execPath, [fileURLToPath(new URL('generate-snapshot.mjs', import.meta.url)), '4000', snapshot, '--seed', '3']);
	const tenant = JSON.parse(readFileSync(snapshot, 'utf8'));
	const spb = tenant.subscribedSkus.find(s => s.skuPartNumber === 'SPB').skuId;
	const holders = tenant.users
		.filter(u => u.licenseAssignmentStates.some(s => s.skuId === spb && s.assignedByGroup === null))
		.map(u => u.userPrincipalName);

	const unassign = async (users, faults, pageSize) => {
		const server = await startGraphServer(tenant, {pageSize, faults});
		const usersFile = join(work, `users-${users}.txt`);
		writeFileSync(usersFile, holders.slice(0, users).join('\n'));
		const args = ['--graph', '--graph-endpoint', server.url, '--state-dir', join(work, `state-${users}-${faults.writesPerSecond ?? 'free'}`)];
		const start = process.hrtime.bigint();
		const out = await new Promise((resolve, reject) => {
			const child = spawn(process.execPath, [bundle, 'unassign', '--product', 'SPB', '--users-file', usersFile, '--yes', '--json', ...args], {
				env: {...process.env, M365_LICENSES_GRAPH_TOKEN: server.token},
				stdio: ['ignore', 'pipe', 'pipe'],
			});
			let text = '';
			child.stdout.on('data', chunk => (text += chunk));
			child.on('close', code => (code === 0 || code === 3 ? resolve(text) : reject(new Error(`unassign exited ${code}`))));
		});
		const ms = Number(process.hrtime.bigint() - start) / 1e6;
		const {summary, results} = JSON.parse(out);
		if (summary.failed > 0) console.log(`   (${summary.failed} failed: ${results.find(r => r.outcome === 'failed').message})`);
		await server.close();
		return {ms, removed: summary.removed, ...server.stats};
	};

	const hundred = await unassign(100, {}, 7);
	console.log(
		`graph: unassign 100 users (users paged 7 at a time): ${hundred.requests} requests, ${hundred.userReads} of them reading users; ${hundred.removed} removed`,
	);
	const free = await unassign(1000, {}, 7);
	row('graph: 1,000 users, no throttle', free.ms);
	console.log(`${''.padEnd(34)} (${(free.requests / 10).toFixed(1)} requests per 100 users; ${free.removed} removed)`);
	const throttled = await unassign(1000, {writesPerSecond: 20, retryAfter: 1}, 7);
	row('graph: 1,000 users, 20 writes/s', throttled.ms);
	console.log(
		`${''.padEnd(34)} (floor 50 s: ${(throttled.ms / 50_000).toFixed(2)}×; ${throttled.throttled} answers of 429 honoured; ` +
			`${(throttled.requests / 10).toFixed(1)} requests per 100 users; ${throttled.removed} removed)`,
	);
	rmSync(work, {recursive: true, force: true});
}
