import {readFileSync, statSync} from 'node:fs';
import {relative} from 'node:path';
import {fileURLToPath} from 'node:url';
import type {Plugin} from 'vite';
import {defineConfig} from 'vitest/config';
import {BaseSequencer, type TestSpecification} from 'vitest/node';
import {checkInstalled, patched, patchedPackages, patchesOf} from './source/tools/patches.mjs';

/**
 * The packages the tests must load through Vite for the patches to reach them: the patched ones, and
 * every package that imports one (else Node would load that import unpatched, beside the patched copy).
 * ink-testing-library imports ink without naming it as a dependency.
 */
function patchedAndTheirImporters(): string[] {
	const lock = JSON.parse(readFileSync(new URL('package-lock.json', import.meta.url), 'utf8')) as {
		packages: Record<string, {dependencies?: object; peerDependencies?: object}>;
	};
	const found = new Set([...patchedPackages, 'ink-testing-library']);
	const entries = Object.entries(lock.packages).filter(([path]) => path !== '');
	for (let grew = true; grew;) {
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

/**
 * The longest files first, so that two workers end together rather than one finishing a long file
 * alone. Vitest orders by the durations it kept from the last run; a fresh checkout (CI after npm ci)
 * has none, and the files that start processes and tmux (e2e, reliability) are the long ones: those
 * first, then the UI's, then the units, each the larger file first.
 */
const slowestFirst = ['test/e2e/', 'test/reliability/', 'test/ui/', 'test/unit/'];
class LongestFirst extends BaseSequencer {
	override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
		const root = this.ctx.config.root;
		const key = (file: TestSpecification) => `${file.project.name}:${relative(root, file.moduleId)}`;
		if (files.every(file => this.ctx.cache.getFileTestResults(key(file)))) return super.sort(files);
		const kind = (file: TestSpecification) => {
			const at = slowestFirst.findIndex(folder => relative(root, file.moduleId).startsWith(folder));
			return at < 0 ? slowestFirst.length : at;
		};
		const size = (file: TestSpecification) => statSync(file.moduleId).size;
		return [...files].sort((a, b) => kind(a) - kind(b) || size(b) - size(a));
	}
}

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
		// The files of a worker share its loaded modules rather than each loading the app again: 60 s of
		// the suite's imports (74 s → 14 s). Every test sets what it relies on (language, clock, state
		// directory) itself, so none depends on a file before it.
		isolate: false,
		sequence: {sequencer: LongestFirst},
		// English unless a test asks for Danish, whatever the machine's locale (LANG=da_DK would choose Danish).
		env: {M365_LICENSES_LANG: 'en'},
		server: {deps: {inline: patchedAndTheirImporters()}},
	},
});
