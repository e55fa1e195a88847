#!/usr/bin/env node
// Bundles source/cli.tsx into dist/cli.js and the chunks it loads when needed, for a fast start (no tsx,
// no module resolution at run time).
// --if-needed skips the build when dist/cli.js is newer than every input: the sources, the tenant
// schema bundled with them, package.json and the lock file.
import {build} from 'esbuild';
import {chmodSync, existsSync, readdirSync, rmSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

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
	const inputs = ['source', 'demo-data/tenant.schema.json', 'package.json', 'package-lock.json'].map(p => join(root, p)).filter(p => existsSync(p));
	return statSync(outfile).mtimeMs >= Math.max(...inputs.map(newestMtime));
}

// Ink loads react-devtools-core only when DEV=true; the bundle ships a stub instead of the package.
const withoutDevtools = {
	name: 'without-react-devtools',
	setup(b) {
		b.onResolve({filter: /^react-devtools-core$/}, () => ({path: 'react-devtools-core', namespace: 'stub'}));
		b.onLoad({filter: /.*/, namespace: 'stub'}, () => ({contents: 'export default {connectToDevTools() {}};'}));
	},
};

if (process.argv.includes('--if-needed') && upToDate()) process.exit(0);

// What is imported only when needed (sign-in, the network client, the TUI) goes into chunks of its own
// beside cli.js (paths are read relative to it): a subcommand on the demo does not parse them at start-up.
rmSync(join(root, 'dist'), {recursive: true, force: true});
await build({
	entryPoints: {cli: join(root, 'source', 'cli.tsx')},
	outdir: join(root, 'dist'),
	splitting: true,
	chunkNames: '[name]-[hash]',
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	minify: true,
	sourcemap: false,
	legalComments: 'none',
	logLevel: 'warning',
	define: {'process.env.NODE_ENV': '"production"'},
	plugins: [withoutDevtools],
	banner: {
		// CommonJS dependencies inside an ESM bundle still call require() for Node built-ins.
		js: "#!/usr/bin/env node\nimport {createRequire as __createRequire} from 'node:module';const require=__createRequire(import.meta.url);",
	},
});
chmodSync(outfile, 0o755);
