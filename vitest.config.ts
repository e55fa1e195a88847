import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import type {Plugin} from 'vite';
import {defineConfig} from 'vitest/config';
import {checkInstalled, patched, patchedPackages, patchesOf} from './source/tools/patches.mjs';

/**
 * The packages the tests must load through Vite for the patches to reach them: the patched ones, and
 * every package that imports one (else Node would load that import unpatched, beside the patched copy).
 * ink-testing-library imports ink without naming it as a dependency.
 */
function patchedAndTheirImporters(): string[] {
	const lock = JSON.parse(readFileSync(new URL('package-lock.json', import.meta.url), 'utf8')) as {packages: Record<string, {dependencies?: object; peerDependencies?: object}>};
	const found = new Set([...patchedPackages, 'ink-testing-library']);
	const entries = Object.entries(lock.packages).filter(([path]) => path !== '');
	for (let grew = true; grew; ) {
		grew = false;
		for (const [path, entry] of entries) {
			const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
			if (found.has(name)) continue;
			if (Object.keys({...entry.dependencies, ...entry.peerDependencies}).some(dependency => found.has(dependency))) {
				found.add(name);
				grew = true;
			}
		}
	}
	return [...found];
}

/**
 * The app's patches (source/tools/patches.mjs) made as the tests load the packages, as the bundle has
 * them. Each patched module says so in a set the tests read (test/unit/patches.test.ts): the bundle has no such line.
 */
const patchedDependencies: Plugin = {
	name: 'patched-dependencies',
	enforce: 'pre',
	buildStart() {
		checkInstalled(fileURLToPath(new URL('.', import.meta.url)));
	},
	transform(code, id) {
		const path = id.split('?')[0]!;
		const text = patched(path, code);
		if (text === null) return null;
		const names = JSON.stringify(patchesOf(path).map(patch => patch.name));
		return {code: `${text}\n;for (const name of ${names}) (globalThis[Symbol.for('m365-licenses.patched')] ??= new Set()).add(name);\n`, map: null};
	},
};

export default defineConfig({
	plugins: [patchedDependencies],
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		globalSetup: ['test/helpers/tmux-server.ts'],
		// The end-to-end tests drive the built bundle in tmux; they need more than the default 5 s.
		testTimeout: 30_000,
		hookTimeout: 30_000,
		// Two files at a time: most tests wait on tmux and child processes rather than compute.
		maxWorkers: 2,
		// English unless a test asks for Danish, whatever the machine's locale (LANG=da_DK would choose Danish).
		env: {M365_LICENSES_LANG: 'en'},
		server: {deps: {inline: patchedAndTheirImporters()}},
	},
});
