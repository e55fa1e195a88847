#!/usr/bin/env node
// Bundles source/cli.tsx into one file, dist/cli.js, for a fast start (no tsx, no module resolution at
// run time). The two packages only a live tenant needs, the sign-in library and the network client
// that honours proxies, are left out of it and loaded from node_modules on first use: parsing them at
// every start would cost the demo and snapshots about a third of the bundle.
// --if-needed skips the build when dist/cli.js is newer than every input: the sources (the schema
// validators among them), package.json and the lock file.
import {build} from 'esbuild';
import {chmodSync, existsSync, readdirSync, rmSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {bundlePlugins} from './bundle-plugins.mjs';

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
await build({
	entryPoints: [join(root, 'source', 'cli.tsx')],
	outfile,
	// Imported only with --graph, and only by import(): see the top of this file.
	external: ['undici', '@azure/msal-node'],
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	minify: true,
	sourcemap: false,
	legalComments: 'none',
	logLevel: 'warning',
	define: {'process.env.NODE_ENV': '"production"'},
	plugins: bundlePlugins,
	banner: {
		// CommonJS dependencies inside an ESM bundle still call require() for Node built-ins.
		js: "#!/usr/bin/env node\nimport {createRequire as __createRequire} from 'node:module';const require=__createRequire(import.meta.url);",
	},
});
chmodSync(outfile, 0o755);
