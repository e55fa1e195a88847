#!/usr/bin/env node
// npm run bench: every performance figure of issue 12, each against a baseline measured in the same
// run and against its target, on the built bundle (dist/cli.js, as `npm start` runs it).
//   node source/tools/bench.mjs [--json] [--quick] [--only SECTIONS] [--no-save]
//   SECTIONS: startup, scale, keys, terminal, state, change, graph, reclaim (comma-separated; all by default)
//   --quick   small tenants and one run each: a smoke test that every figure can be taken (.ci/run
//             runs it after npm test; it fails when a section takes no figure); its numbers mean nothing
//   --json    the figures as JSON on stdout (the table goes to stderr)
// Results are kept in bench/results/ with the machine's description (unless --no-save).
import {execFileSync, spawn, spawnSync} from 'node:child_process';
import {cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {cpus, hostname, loadavg, tmpdir, totalmem} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseArgs} from 'node:util';
import {build} from 'esbuild';
import {appBundleOptions, bundlePlugins} from './bundle-plugins.mjs';
import {appKeys, echoKeys, echoProgram, percentiles, terminalPane} from './terminal-keys.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bundle = join(root, 'dist', 'cli.js');
const generator = join(root, 'source', 'tools', 'generate-snapshot.mjs');
const {values: flags} = parseArgs({
	options: {json: {type: 'boolean'}, quick: {type: 'boolean'}, only: {type: 'string'}, 'no-save': {type: 'boolean'}},
});
const quick = flags.quick ?? false;
const sections = new Set((flags.only ?? 'startup,scale,keys,terminal,state,change,graph,reclaim').split(',').map(s => s.trim()));
const runs = quick ? 1 : Number(process.env.BENCH_RUNS ?? 9);
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const say = text => process[flags.json ? 'stderr' : 'stdout'].write(`${text}\n`);
if (!existsSync(bundle)) throw new Error('dist/cli.js is missing: npm run build first (npm run bench does).');
const work = mkdtempSync(join(tmpdir(), 'm365-licenses-bench-'));
process.on('exit', () => rmSync(work, {recursive: true, force: true}));

// ---------------------------------------------------------------------------------------------
// Figures

/** @type {Array<{section: string, name: string, value: number, unit: string, baseline?: {name: string, value: number}, target?: string, met?: boolean}>} */
const figures = [];

/**
 * Records a figure. `target`: {max} in the figure's unit, or {ratio} against the baseline. Under
 * --quick nothing is judged: the tenants are too small to mean anything.
 */
function figure(section, name, value, unit, {baseline, target} = {}) {
	const f = {section, name, value: round(value), unit};
	if (baseline) f.baseline = {name: baseline.name, value: round(baseline.value)};
	if (target) {
		f.target = target.max !== undefined ? `≤ ${target.max} ${unit}` : `≤ ${target.ratio}× ${baseline.name}`;
		if (!quick) f.met = target.max !== undefined ? value <= target.max : value <= target.ratio * baseline.value;
	}
	figures.push(f);
	const base = f.baseline ? `${f.baseline.value} ${unit} ${f.baseline.name} (${(value / Math.max(1e-9, baseline.value)).toFixed(2)}×)` : '';
	say(
		`  ${name.padEnd(52)} ${`${f.value} ${unit}`.padStart(12)}  ${base.padEnd(44)} ${f.target ?? ''}${f.met === undefined ? '' : f.met ? '  met' : '  NOT MET'}`,
	);
	return f;
}

const round = n => Math.round(n * 10) / 10;
const median = list => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const elapsed = start => Number(process.hrtime.bigint() - start) / 1e6;

/** Generated tenants, made once per size for the run. */
const tenants = new Map();
function tenantOf(users, seed = 5, extra = []) {
	const key = [users, seed, ...extra].join('-');
	if (!tenants.has(key)) {
		const file = join(work, `tenant${key}.json`);
		execFileSync(process.execPath, [generator, '--users', String(users), '--out', file, '--seed', String(seed), ...extra]);
		tenants.set(key, file);
	}
	return tenants.get(key);
}

const freshStateDir = () => mkdtempSync(join(work, 'state-'));

/** Median wall time of a command, and its peak memory where /usr/bin/time can tell. */
function timeCommand(args, {times = runs, env} = {}) {
	const ms = [];
	const mb = [];
	const measured = existsSync('/usr/bin/time');
	for (let i = 0; i < times; i++) {
		const start = process.hrtime.bigint();
		const result = measured
			? spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], {encoding: 'utf8', env, maxBuffer: 1 << 28})
			: spawnSync(process.execPath, args, {encoding: 'utf8', env, maxBuffer: 1 << 28});
		ms.push(elapsed(start));
		if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
		if (measured) mb.push(Number(result.stderr.trim().split('\n').pop()) / 1024);
	}
	return {ms: median(ms), mb: measured ? median(mb) : NaN};
}

const pause = new Int32Array(new SharedArrayBuffer(4));
/**
 * Median time from starting a command in a fresh 80×24 tmux pane until `text` is on its screen;
 * `before` runs before each sample (e.g. to remove a cache).
 */
function timeToScreen(command, text, times = runs, before = () => {}) {
	const socket = `m365-bench-${process.pid}`;
	const tmux = args => execFileSync('tmux', ['-L', socket, ...args], {encoding: 'utf8'});
	// One server for every sample, kept up between them: with the default, killing the last session
	// stops it, and a session started in that moment fails ("server exited unexpectedly").
	tmux(['start-server', ';', 'set-option', '-g', 'exit-empty', 'off']);
	const samples = [];
	for (let i = 0; i < times; i++) {
		const name = `s${i}`;
		before();
		const start = process.hrtime.bigint();
		tmux(['new-session', '-d', '-s', name, '-x', '80', '-y', '24', `${command}; sleep 30`]);
		for (;;) {
			if (tmux(['capture-pane', '-p', '-t', name]).includes(text)) break;
			if (elapsed(start) > 60_000) throw new Error(`no "${text}" after 60 s from ${command}`);
			// 5 ms between looks: looking without a pause keeps a core busy starting tmux, which on a
			// 2-core machine slows what is measured (a 100,000-user first frame by a third).
			Atomics.wait(pause, 0, 0, 5);
		}
		samples.push(elapsed(start));
		tmux(['kill-session', '-t', name]);
	}
	spawnSync('tmux', ['-L', socket, 'kill-server']);
	return median(samples);
}

/** Bundles a TypeScript entry of the project as the app is bundled, for figures taken in-process. */
async function bundled(entry) {
	const outfile = join(work, `${entry.replaceAll('/', '_')}.mjs`);
	await build({
		entryPoints: [join(root, entry)],
		outfile,
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node20',
		define: {'process.env.NODE_ENV': '"production"'},
		logLevel: 'error',
		plugins: bundlePlugins,
		banner: {js: "import {createRequire as __cr} from 'node:module';const require=__cr(import.meta.url);"},
	});
	return outfile;
}

/**
 * The app bundled as build.mjs bundles it, but with one file's text changed (`pattern` must match):
 * to time the app without a piece of it.
 */
async function appVariant(file, pattern, replacement) {
	const outfile = join(work, `cli-${file.replaceAll('/', '_')}.mjs`);
	const changed = {
		name: 'variant',
		setup(b) {
			b.onLoad({filter: new RegExp(`${file.replaceAll('.', '\\.')}$`)}, args => {
				const text = readFileSync(args.path, 'utf8');
				if (!pattern.test(text)) throw new Error(`bench: ${file} no longer has ${pattern}: the variant must be made again`);
				return {contents: text.replace(pattern, replacement), loader: 'ts'};
			});
		},
	};
	await build({...appBundleOptions(outfile), plugins: [changed, ...bundlePlugins]});
	return outfile;
}

// ---------------------------------------------------------------------------------------------
// Sections

const sizes = quick ? {small: 200, large: 500, huge: 1_000} : {small: 10_000, large: 100_000, huge: 300_000};
const fmt = n => n.toLocaleString('en-US');

const nodeBase = sections.has('startup') || sections.has('scale') ? timeCommand(['-e', '0']) : null;

if (sections.has('startup')) {
	say('Start-up');
	const node = {name: 'node -e 0', value: nodeBase.ms};
	figure('startup', 'node -e 0', nodeBase.ms, 'ms');
	figure('startup', 'm365-licenses --version', timeCommand([bundle, '--version']).ms, 'ms', {baseline: node});
	if (hasTmux) {
		const line = {name: 'node prints a line (tmux)', value: timeToScreen(`node -e "console.log('ready')"`, 'ready')};
		figure('startup', 'node prints a line in tmux', line.value, 'ms');
		const frame = timeToScreen(`node ${bundle} --state-dir ${freshStateDir()}`, 'Microsoft 365 Business Premium');
		figure('startup', 'first frame, demo tenant (tmux)', frame, 'ms', {baseline: line, target: {ratio: 5}});
	} else say('  (tmux is not installed: first frames not measured)');
}

if (sections.has('scale')) {
	say('Scale: load to first frame, and a subcommand');
	for (const users of [sizes.small, sizes.large, sizes.huge]) {
		const tenant = tenantOf(users);
		const stateDir = freshStateDir();
		// The first read checks the snapshot and keeps a compact copy of it; the figures are for the reads after.
		timeCommand([bundle, 'licenses', '--json', '--tenant', tenant, '--state-dir', stateDir], {times: 1});
		const licenses = timeCommand([bundle, 'licenses', '--json', '--tenant', tenant, '--state-dir', stateDir]);
		figure('scale', `licenses --json, ${fmt(users)} users`, licenses.ms, 'ms', {baseline: {name: 'node -e 0', value: nodeBase.ms}});
		if (!Number.isNaN(licenses.mb)) figure('scale', `licenses --json, ${fmt(users)} users, peak memory`, licenses.mb, 'MB');
		if (users === sizes.large) {
			const unchecked = freshStateDir();
			const first = timeCommand([bundle, 'licenses', '--json', '--tenant', tenant, '--state-dir', unchecked], {times: 1});
			figure('scale', `licenses --json, ${fmt(users)} users, first read (checked, then cached)`, first.ms, 'ms', {
				baseline: {name: 'read again', value: licenses.ms},
			});
		}
		if (hasTmux) {
			const command = `node ${bundle} --tenant ${tenant} --state-dir ${stateDir}`;
			const frame = timeToScreen(command, 'Microsoft 365 Business Premium');
			const target = users === sizes.large ? {target: {max: 1000}} : {};
			figure('scale', `first frame, ${fmt(users)} users (tmux)`, frame, 'ms', target);
			if (users === sizes.large) {
				// The first start with a snapshot file (checked before): read from the file, and cached.
				const uncached = timeToScreen(command, 'Microsoft 365 Business Premium', runs, () => rmSync(join(stateDir, 'snapshot-cache.json'), {force: true}));
				figure('scale', `first frame, ${fmt(users)} users, the file read (tmux)`, uncached, 'ms', {baseline: {name: 'cached', value: frame}});
			}
		}
	}
}

if (sections.has('keys')) {
	say(`Keys at ${fmt(sizes.large)} users, in-process through Ink's renderer (p50 / p95)`);
	const harness = await bundled('source/tools/bench-keys.tsx');
	const env = {...process.env};
	// Ink draws only a final frame under CI.
	delete env.CI;
	delete env.CONTINUOUS_INTEGRATION;
	const stateDir = freshStateDir();
	const harnessRun = runArgs =>
		execFileSync(
			process.execPath,
			['--expose-gc', harness, '--tenant', tenantOf(sizes.large), '--state-dir', stateDir, ...runArgs],
			// Its stderr is Ink's cursor escape when it exits: shown only when the harness fails (in the error).
			{env, encoding: 'utf8', maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'pipe']},
		);
	// The first start with a snapshot reads the file and keeps a compact copy (snapshot-cache.ts):
	// the figures are for a start after that, as every start but the first is.
	harnessRun(['--runs', '1', '--only-moves']);
	const out = harnessRun(['--runs', String(quick ? 3 : 60)]);
	const keys = JSON.parse(out.trim().split('\n').pop());
	for (const [name, {p50, p95}] of Object.entries(keys.keys)) {
		const confirmation = /^confirmation, (\d+) users/.exec(name);
		const target = confirmation ? (Number(confirmation[1]) <= 1000 ? {max: 100} : undefined) : {max: 16};
		figure('keys', `${name}: p50`, p50, 'ms');
		figure('keys', `${name}: p95`, p95, 'ms', target ? {target} : {});
	}
	figure('keys', 'first frame in-process', keys.firstFrameMs, 'ms');
	figure('keys', 'a key typed as the first frame is drawn (then 3 s for the work after it)', keys.firstKeyMs, 'ms');
	figure('keys', `heap after the first frame, ${fmt(sizes.large)} users`, keys.heapAfterLoadMb, 'MB', {target: {max: 200}});
	figure('keys', `heap after every key above`, keys.heapEndMb, 'MB', {target: {max: 200}});
}

if (sections.has('terminal')) {
	if (hasTmux) {
		say(`Keys at ${fmt(sizes.large)} users through a terminal (tmux, 80×24): the built app, less an echo baseline (p50 / p95)`);
		// Ink draws only a final frame under CI.
		const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'CI' && name !== 'CONTINUOUS_INTEGRATION'));
		const keyRuns = quick ? 3 : 40;
		const echoPane = await terminalPane([process.execPath, '-e', echoProgram], env);
		let echo;
		try {
			echo = percentiles((await echoKeys(echoPane, keyRuns)).map(t => t.first));
		} finally {
			echoPane.close();
		}
		figure('terminal', 'echo baseline: a frame written back for each key: p50', echo.p50, 'ms');
		figure('terminal', 'echo baseline: p95', echo.p95, 'ms');
		const stateDir = freshStateDir();
		const tenant = tenantOf(sizes.large);
		// The first start with a snapshot keeps a compact copy of it: the figures are for the starts after.
		timeCommand([bundle, 'licenses', '--json', '--tenant', tenant, '--state-dir', stateDir], {times: 1});
		const pane = await terminalPane([process.execPath, bundle, '--tenant', tenant, '--state-dir', stateDir], env);
		let samples;
		try {
			samples = await appKeys(pane, keyRuns);
		} finally {
			pane.close();
		}
		// p95 less the baseline's median: the terminal's own share of a key is not the app's.
		for (const [name, times] of Object.entries(samples)) {
			const {p50, p95} = percentiles(times.map(t => t.first - echo.p50));
			figure('terminal', `${name}: p50`, p50, 'ms');
			figure('terminal', `${name}: p95`, p95, 'ms', /^tick all/.test(name) ? {} : {target: {max: 16}});
		}
	} else say('  (tmux is not installed: keys through a terminal not measured)');
}

if (sections.has('state')) {
	say(`State directory at ${fmt(sizes.large)} users`);
	const {persistOneChange, persistChange, buildHistory} = await import(await bundled('source/tools/state-figures.ts'));
	const tenantFile = tenantOf(sizes.large);
	const tenant = JSON.parse(readFileSync(tenantFile, 'utf8'));
	const SPB = 'cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46';
	const one = await persistOneChange(tenantFile, SPB, quick ? 3 : 200);
	figure('state', 'save one change (journal and audit, fsynced): p50', one.save.p50, 'ms');
	figure('state', 'save one change: p95', one.save.p95, 'ms', {target: {max: 5}});
	figure('state', 'one user unassigned, end to end (store.apply): p50', one.change.p50, 'ms');
	const thousand = persistChange(tenant, quick ? 100 : 1000, quick ? 1 : 9);
	figure('state', `save a ${fmt(thousand.users)}-user change: median`, thousand.ms, 'ms');
	const variants = {
		empty: {},
		// A year of history: many changes, to the same users again and again.
		'100,000 saved changes to 1,000 users': {changes: quick ? 2_000 : 100_000, users: quick ? 100 : 1_000},
		// Every user changed once: the saved state is as big as the tenant.
		'100,000 saved changes, each to another user': {changes: quick ? 2_000 : 100_000},
		'1,000 saved deletions': {deletions: quick ? 50 : 1_000},
	};
	const dirs = Object.fromEntries(
		Object.entries(variants).map(([label, history]) => {
			const dir = freshStateDir();
			buildHistory(dir, tenant, history);
			return [label, dir];
		}),
	);
	// The first read checks the snapshot and keeps a compact copy of it; the figures are for the reads
	// after, which replay the history over that copy.
	for (const dir of Object.values(dirs)) timeCommand([bundle, 'licenses', '--json', '--tenant', tenantFile, '--state-dir', dir], {times: 1});
	// Round by round, every variant once: a machine shared with others slows them alike.
	const samples = Object.fromEntries(Object.keys(variants).map(label => [label, []]));
	for (let i = 0; i < runs; i++) {
		for (const [label, dir] of Object.entries(dirs)) {
			samples[label].push(timeCommand([bundle, 'licenses', '--json', '--tenant', tenantFile, '--state-dir', dir], {times: 1}));
		}
	}
	// The first start after a writer folds the journal into state.json replays all of it once, and
	// keeps the tenant so replayed for the starts after (state.json made again, as folding does: with
	// another content, as the copy is kept by state.json's content, so its counter is moved on).
	const everyUser = dirs['100,000 saved changes, each to another user'];
	const folded = [];
	for (let i = 0; i < Math.min(runs, 3); i++) {
		const state = join(everyUser, 'state.json');
		const again = readFileSync(state, 'utf8').replace(/^\{"version":1,"through":(\d+)/, (_, n) => `{"version":1,"through":${Number(n) + 1}`);
		if (again === readFileSync(state, 'utf8')) throw new Error('state.json is not of the format the benchmark moves on');
		writeFileSync(`${state}.again`, again);
		renameSync(`${state}.again`, state);
		folded.push(timeCommand([bundle, 'licenses', '--json', '--tenant', tenantFile, '--state-dir', everyUser], {times: 1}));
	}
	const at = label => ({ms: median(samples[label].map(s => s.ms)), mb: median(samples[label].map(s => s.mb))});
	const empty = at('empty');
	figure('state', 'licenses --json, empty state directory', empty.ms, 'ms');
	for (const label of Object.keys(variants).filter(label => label !== 'empty')) {
		const f = at(label);
		figure('state', `licenses --json after ${label}`, f.ms, 'ms', {baseline: {name: 'empty', value: empty.ms}, target: {ratio: 1.2}});
		if (!Number.isNaN(f.mb)) figure('state', `peak memory after ${label}`, f.mb, 'MB', {baseline: {name: 'empty', value: empty.mb}, target: {ratio: 1.2}});
	}
	figure('state', 'licenses --json, a state.json with no copy kept for it (edited by hand)', median(folded.map(s => s.ms)), 'ms', {
		baseline: {name: 'empty', value: empty.ms},
	});
}

if (sections.has('change')) {
	say(`A bulk change at ${fmt(sizes.large)} users`);
	const tenantFile = tenantOf(sizes.large);
	const tenant = JSON.parse(readFileSync(tenantFile, 'utf8'));
	// The app as built, and the same app keeping no copy of the tenant with state.json replayed
	// (replayed-cache.json): every start after a fold then replays state.json (docs/state.md).
	const withoutCopy = await appVariant('source/store/load.ts', /export const worthKeeping = [^;]+;/, 'export const worthKeeping = () => false;');
	const prepare = app => {
		const dir = freshStateDir();
		timeCommand([app, 'licenses', '--json', '--tenant', tenantFile, '--state-dir', dir], {times: 1});
		return () => {
			const copy = freshStateDir();
			cpSync(dir, copy, {recursive: true});
			return copy;
		};
	};
	const copyOf = prepare(bundle);
	const copyForVariant = prepare(withoutCopy);
	// The product the most users hold directly, and that many of its holders.
	const spb = tenant.subscribedSkus.reduce((best, sku) => (sku.consumedUnits > best.consumedUnits ? sku : best)).skuPartNumber;
	const skuId = tenant.subscribedSkus.find(sku => sku.skuPartNumber === spb).skuId;
	const holders = tenant.users.filter(u => u.licenseAssignmentStates.some(a => a.skuId === skuId && a.assignedByGroup === null)).map(u => u.userPrincipalName);
	const changeSizes = quick ? [20, 200] : [1_000, 10_000];
	const samples = {};
	const add = (name, ms) => (samples[name] ??= []).push(ms);
	const licenses = (app, dir) => timeCommand([app, 'licenses', '--json', '--tenant', tenantFile, '--state-dir', dir], {times: 1}).ms;
	// Round by round, each figure beside the one it is held against: a machine shared with others slows them alike.
	for (let i = 0; i < Math.min(runs, 5); i++) {
		for (const users of changeSizes) {
			const list = join(work, `holders-${users}.txt`);
			writeFileSync(list, holders.slice(0, users).join('\n'));
			const args = ['unassign', '--tenant', tenantFile, '--product', spb, '--users-file', list, '--json'];
			add(`dry ${users}`, timeCommand([bundle, ...args, '--dry-run', '--state-dir', copyOf()], {times: 1}).ms);
			const dir = copyOf();
			add(`change ${users}`, timeCommand([bundle, ...args, '--yes', '--state-dir', dir], {times: 1}).ms);
			if (users !== changeSizes[1]) continue;
			add('after', licenses(bundle, dir));
			add('plain', licenses(bundle, copyOf()));
			const variantDir = copyForVariant();
			timeCommand([withoutCopy, ...args, '--yes', '--state-dir', variantDir], {times: 1});
			add('after, no copy', licenses(withoutCopy, variantDir));
			add('plain, no copy', licenses(withoutCopy, copyForVariant()));
		}
	}
	const at = name => median(samples[name]);
	const [small, large] = changeSizes;
	figure('change', `unassign ${fmt(small)} users, --dry-run`, at(`dry ${small}`), 'ms');
	figure('change', `unassign ${fmt(small)} users`, at(`change ${small}`), 'ms', {
		baseline: {name: 'its dry run', value: at(`dry ${small}`)},
		target: {ratio: 2},
	});
	figure('change', `unassign ${fmt(large)} users, --dry-run`, at(`dry ${large}`), 'ms');
	figure('change', `unassign ${fmt(large)} users`, at(`change ${large}`), 'ms', {
		baseline: {name: 'its dry run', value: at(`dry ${large}`)},
		target: {ratio: 2},
	});
	figure('change', `unassign ${fmt(large)} users against ${fmt(small)} (linear: ≤ 11×)`, at(`change ${large}`), 'ms', {
		baseline: {name: `${fmt(small)} users`, value: at(`change ${small}`)},
		target: {ratio: 11},
	});
	figure('change', `licenses --json, the first start after the ${fmt(large)}-user change`, at('after'), 'ms', {
		baseline: {name: 'a plain load', value: at('plain')},
		target: {ratio: 1.5},
	});
	figure('change', `the same, keeping no replayed-cache.json`, at('after, no copy'), 'ms', {
		baseline: {name: 'a plain load', value: at('plain, no copy')},
		target: {ratio: 1.5},
	});

	// A users file of 800,000 names that match nobody (under the 10 MB limit): its peak memory.
	if (existsSync('/usr/bin/time')) {
		const lines = quick ? 8_000 : 800_000;
		const list = join(work, `unknown-${lines}.txt`);
		writeFileSync(list, Array.from({length: lines}, (_, i) => `u${i.toString(36)}@x.io`).join('\n'));
		for (const json of [true, false]) {
			const args = [
				'unassign',
				'--tenant',
				tenantFile,
				'--product',
				spb,
				'--users-file',
				list,
				'--dry-run',
				'--state-dir',
				copyOf(),
				...(json ? ['--json'] : []),
			];
			const ran = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, bundle, ...args], {encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe']});
			if (ran.status !== 3) throw new Error(`unassign --users-file exited ${ran.status}: ${ran.stderr}`);
			figure(
				'change',
				`unassign --users-file of ${fmt(lines)} unknown names${json ? ', --json' : ''}: peak memory`,
				Number(ran.stderr.trim().split('\n').pop()) / 1024,
				'MB',
				{target: {max: 200}},
			);
		}
	}
}

if (sections.has('graph')) {
	say(`Microsoft Graph, against the local test server (never Microsoft), a ${quick ? 300 : '4,000'}-user tenant`);
	const {startGraphServer} = await import(await bundled('test/fixtures/graph-server.ts'));
	const tenant = JSON.parse(readFileSync(tenantOf(quick ? 300 : 4000, 3), 'utf8'));
	const spb = tenant.subscribedSkus.find(s => s.skuPartNumber === 'SPB').skuId;
	const holders = tenant.users.filter(u => u.licenseAssignmentStates.some(s => s.skuId === spb && s.assignedByGroup === null)).map(u => u.userPrincipalName);
	const unassign = async (users, faults, pageSize) => {
		const server = await startGraphServer(tenant, {pageSize, faults});
		const usersFile = join(work, `graph-users-${users}.txt`);
		writeFileSync(usersFile, holders.slice(0, users).join('\n'));
		const args = ['unassign', '--product', 'SPB', '--users-file', usersFile, '--yes', '--json', '--graph', '--graph-endpoint', server.url];
		const start = process.hrtime.bigint();
		const out = await new Promise((resolve, reject) => {
			const child = spawn(process.execPath, [bundle, ...args, '--state-dir', freshStateDir()], {
				env: {...process.env, M365_LICENSES_GRAPH_TOKEN: server.token},
				stdio: ['ignore', 'pipe', 'pipe'],
			});
			let text = '';
			child.stdout.on('data', chunk => (text += chunk));
			child.on('close', code => (code === 0 || code === 3 ? resolve(text) : reject(new Error(`unassign exited ${code}`))));
		});
		const ms = elapsed(start);
		await server.close();
		return {ms, removed: JSON.parse(out).summary.removed, ...server.stats};
	};
	const hundred = await unassign(quick ? 20 : 100, {}, 7);
	figure('graph', `unassign ${hundred.removed} users, users paged 7 a time: user-list requests`, hundred.userReads, 'requests', {target: {max: 5}});
	figure('graph', `unassign ${hundred.removed} users: all requests`, hundred.requests, 'requests');
	const n = quick ? 40 : 1000;
	const free = await unassign(n, {}, 7);
	figure('graph', `unassign ${fmt(n)} users, no throttling`, free.ms, 'ms', quick ? {} : {target: {max: 3000}});
	figure('graph', 'requests per 100 users, no throttling', (free.requests / n) * 100, 'requests');
	const floor = (n / 20) * 1000;
	const throttled = await unassign(n, {writesPerSecond: 20, retryAfter: 1}, 7);
	figure('graph', `unassign ${fmt(n)} users at 20 writes/s`, throttled.ms, 'ms', {baseline: {name: 'floor', value: floor}, target: {ratio: 1.1}});
	figure('graph', `users removed at 20 writes/s (of ${fmt(n)})`, throttled.removed, 'users');
	figure('graph', 'answers of 429 honoured at 20 writes/s', throttled.throttled, 'answers');
	figure('graph', 'requests per 100 users at 20 writes/s', (throttled.requests / n) * 100, 'requests');
}

if (sections.has('reclaim')) {
	say(`Reclaim at ${fmt(sizes.large)} users`);
	// Reclaim needs to know when users signed in: the same tenant, with signInActivity.
	const tenant = tenantOf(sizes.large, 5, ['--sign-ins']);
	const stateDir = freshStateDir();
	timeCommand([bundle, 'licenses', '--json', '--tenant', tenant, '--state-dir', stateDir], {times: 1});
	const probe = spawnSync(process.execPath, [bundle, 'reclaim', '--json', '--tenant', tenant, '--state-dir', stateDir], {
		stdio: ['ignore', 'ignore', 'pipe'],
		encoding: 'utf8',
	});
	if (probe.status !== 0) throw new Error(`reclaim --json exited ${probe.status}: ${probe.stderr}`);
	figure(
		'reclaim',
		`reclaim --json, ${fmt(sizes.large)} users`,
		timeCommand([bundle, 'reclaim', '--json', '--tenant', tenant, '--state-dir', stateDir]).ms,
		'ms',
		{target: {max: 2000}},
	);
}

// ---------------------------------------------------------------------------------------------
// Results

const machine = {
	host: hostname(),
	cpus: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
	memoryGb: Math.round(totalmem() / 2 ** 30),
	node: process.version,
	platform: `${process.platform} ${process.arch}`,
	loadAverageAtEnd: loadavg().map(n => Math.round(n * 100) / 100),
};
const result = {time: new Date().toISOString(), quick, runs, machine, figures};
// The quick run is CI's smoke test of the benchmark itself: every section asked took figures, and
// every figure is a number. Its values are not judged.
const broken = [
	...[...sections].filter(section => !figures.some(f => f.section === section)).map(section => `section ${section} took no figure`),
	...figures.filter(f => !Number.isFinite(f.value)).map(f => `${f.name} is not a number`),
];
if (broken.length > 0) {
	process.stderr.write(`bench: ${broken.join('; ')}\n`);
	process.exitCode = 1;
}
const missed = figures.filter(f => f.met === false);
say(
	quick
		? 'Quick run: figures taken, nothing judged.'
		: missed.length === 0
			? 'Every target met.'
			: `${missed.length} target(s) not met: ${missed.map(f => f.name).join('; ')}`,
);
say(`Machine: ${machine.cpus}, ${machine.memoryGb} GB, Node ${machine.node}, load average ${machine.loadAverageAtEnd.join(' ')}`);
if (!flags['no-save'] && !quick) {
	const folder = join(root, 'bench', 'results');
	mkdirSync(folder, {recursive: true});
	const file = join(folder, `${result.time.slice(0, 16).replace(':', '')}-${machine.host}.json`);
	writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
	say(`Kept in ${file}`);
}
if (flags.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
