#!/usr/bin/env node
// Bundles source/cli.tsx into one file, dist/cli.js, as appBundleOptions (bundle-plugins.mjs) says.
// --if-needed skips the build when dist/cli.js is newer than every input: the sources (the schema
// validators among them), package.json and the lock file.
import {build} from 'esbuild';
import {chmodSync, existsSync, readdirSync, rmSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {appBundleOptions} from './bundle-plugins.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outfile = join(root, 'dist', 'cli.js');

function newestMtime(path) {
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = stat.mtimeMs;
	for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
	return newest;
}

function upToDate() {
	if (!existsSync(outfile)) return false;
	const inputs = ['source', 'package.json', 'package-lock.json'].map(p => join(root, p)).filter(p => existsSync(p));
	return statSync(outfile).mtimeMs >= Math.max(...inputs.map(newestMtime));
}

if (process.argv.includes('--if-needed') && upToDate()) process.exit(0);

// Chunks an earlier build may have left beside cli.js are not part of this one.
rmSync(join(root, 'dist'), {recursive: true, force: true});
await build(appBundleOptions(outfile));
chmodSync(outfile, 0o755);
