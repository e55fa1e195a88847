// The esbuild plugins every bundle of the app is built with: the app (build.mjs) and the benchmark's
// in-process harnesses (bench.mjs), so that what is measured is what runs.
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {checkInstalled, packageFile, patched, patches, patchesOf} from './patches.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

// Ink imports its React devtools connection (react-devtools-core, and the ws WebSocket client under
// it: 49 KB) only when DEV=true, which the app never sets: the bundle carries an empty module instead.
const withoutDevtools = {
	name: 'without-ink-devtools',
	setup(b) {
		b.onResolve({filter: /^\.\/devtools\.js$/}, args =>
			packageFile(args.importer)?.package === 'ink' ? {path: 'ink-devtools', namespace: 'stub'} : undefined,
		);
		b.onLoad({filter: /.*/, namespace: 'stub'}, () => ({contents: '', loader: 'js'}));
	},
};

// The patches of source/tools/patches.mjs. A package the bundle takes in with a file of it not patched
// (the file moved in another version) fails the build too.
const patchedDependencies = {
	name: 'patched-dependencies',
	setup(b) {
		checkInstalled(root);
		b.initialOptions.metafile = true;
		const path = p => `node_modules/${p.package}/${p.file}`.replaceAll('.', '\\.').replaceAll('/', '[\\\\/]');
		const files = new RegExp(`(${patches.map(path).join('|')})$`);
		const done = new Set();
		b.onStart(() => done.clear());
		b.onLoad({filter: files}, args => {
			const text = patched(args.path, readFileSync(args.path, 'utf8'));
			for (const patch of patchesOf(args.path)) done.add(patch.name);
			return {contents: text, loader: 'js'};
		});
		b.onEnd(result => {
			if (!result.metafile) return;
			const bundled = new Set(Object.keys(result.metafile.inputs).map(path => packageFile(path)?.package));
			const missed = patches.filter(p => bundled.has(p.package) && !done.has(p.name));
			if (missed.length > 0)
				return {
					errors: missed.map(p => ({
						text: `patch ${p.name}: ${p.package} is bundled without ${p.file}, the file it changes: re-check it (source/tools/patches.mjs, docs/patches.md)`,
					})),
				};
		});
	},
};

export const bundlePlugins = [withoutDevtools, patchedDependencies];

/**
 * How the app's bundle is built (build.mjs), and the benchmark's variants of it: source/cli.tsx in
 * one file, for a fast start (no module resolution at run time). The two packages only a live tenant
 * needs, the sign-in library and the network client that honours proxies, are left out of it and
 * loaded from node_modules on first use (by import(), only with --graph): parsing them at every start
 * would cost the demo and snapshots about a third of the bundle.
 */
export const appBundleOptions = outfile => ({
	entryPoints: [join(root, 'source', 'cli.tsx')],
	outfile,
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
