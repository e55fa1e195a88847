#!/usr/bin/env node
// The state directory's figures on a generated tenant: saving one change (p50/p95), and the start
// of `licenses --json` (the bundle, median of runs) with an empty state directory, after 100,000
// saved license changes and after 1,000 saved deletions.
// Usage: npm run build && node source/tools/state-bench.mjs [USERS]   (default 100000; BENCH_RUNS=n)
import {execFileSync, spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));
const users = Number(process.argv[2] ?? 100_000);
const runs = Number(process.env.BENCH_RUNS ?? 7);
const bundle = join(root, 'dist', 'cli.js');
if (!existsSync(bundle)) throw new Error('dist/cli.js is missing: npm run build first');

// The figures are TypeScript: bundled here, as the app is.
const out = join(mkdtempSync(join(tmpdir(), 'm365-licenses-state-bench-')), 'figures.mjs');
await build({entryPoints: [join(root, 'source/tools/state-figures.ts')], outfile: out, bundle: true, platform: 'node', format: 'esm', logLevel: 'warning',
	banner: {js: "import {createRequire as __cr} from 'node:module';const require=__cr(import.meta.url);"}});
const {persistOneChange, buildHistory} = await import(out);

const tenantFile = join(tmpdir(), `m365-licenses-bench-${users}.json`);
if (!existsSync(tenantFile)) execFileSync(process.execPath, [join(root, 'source/tools/generate-snapshot.mjs'), String(users), tenantFile, '--seed', '1']);
const tenant = JSON.parse(readFileSync(tenantFile, 'utf8'));
const SPB = 'cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46';

const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const hasTime = existsSync('/usr/bin/time');
/** One start of `licenses --json`: wall time, and peak memory where /usr/bin/time can tell. */
function once(stateDir) {
	const begin = process.hrtime.bigint();
	const args = [bundle, 'licenses', '--json', '--tenant', tenantFile, '--state-dir', stateDir];
	const result = hasTime
		? spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], {encoding: 'utf8', maxBuffer: 1 << 26})
		: spawnSync(process.execPath, args, {encoding: 'utf8', maxBuffer: 1 << 26});
	if (result.status !== 0) throw new Error(result.stderr);
	return {ms: Number(process.hrtime.bigint() - begin) / 1e6, mb: hasTime ? Number(result.stderr.trim().split('\n').pop()) / 1024 : NaN};
}

console.log(`m365-licenses state directory, ${users} users, Node ${process.version}, ${runs} runs`);
const persist = await persistOneChange(tenantFile, SPB, 200);
console.log(`save one change (journal + audit, fsynced)   p50 ${persist.save.p50.toFixed(2)} ms   p95 ${persist.save.p95.toFixed(2)} ms   (target p95 <= 5 ms)`);
console.log(`store.apply, one user, end to end            p50 ${persist.change.p50.toFixed(2)} ms   p95 ${persist.change.p95.toFixed(2)} ms`);

const dir = () => mkdtempSync(join(tmpdir(), 'm365-licenses-state-bench-'));
const variants = {
	'empty state directory': {},
	'100,000 saved changes to 1,000 users': {changes: 100_000, users: 1_000},
	'100,000 saved changes to 100,000 users': {changes: 100_000},
	'100,000 saved changes, not yet folded': {changes: 100_000, compacted: false},
	'1,000 saved deletions': {deletions: 1_000},
};
const dirs = Object.fromEntries(Object.entries(variants).map(([label, history]) => {
	const stateDir = dir();
	buildHistory(stateDir, tenant, history);
	return [label, stateDir];
}));
// Round by round, every variant once: a machine shared with others slows them alike.
const samples = Object.fromEntries(Object.keys(variants).map(label => [label, []]));
for (let i = 0; i < runs; i++) for (const label of Object.keys(variants)) samples[label].push(once(dirs[label]));
const figure = label => ({ms: median(samples[label].map(s => s.ms)), mb: median(samples[label].map(s => s.mb))});
const base = figure('empty state directory');
for (const label of Object.keys(variants)) {
	const f = figure(label);
	console.log(`licenses --json, ${label.padEnd(40)} ${f.ms.toFixed(0).padStart(6)} ms ${(f.ms / base.ms).toFixed(2)}x   ${Number.isNaN(f.mb) ? '' : `peak ${f.mb.toFixed(0)} MB ${(f.mb / base.mb).toFixed(2)}x`}`);
}
