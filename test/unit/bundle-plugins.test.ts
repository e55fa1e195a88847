// The bundle patches dependencies for speed (source/tools/patches.mjs). A patch must change how fast,
// never what: the patched ANSI code, string-width and Ink's output must give exactly what the packages
// give (the packages as published: the tests themselves load them patched, see vitest.config.ts), and
// each patch must be checked against the one version it was written for, pinned.
import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {build} from 'esbuild';
import fc from 'fast-check';
import type * as Tokenize from '@alcalzone/ansi-tokenize';
import type stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {bundlePlugins} from '../../source/tools/bundle-plugins.mjs';
import {checkVersion, patched as withPatches, patches} from '../../source/tools/patches.mjs';

/** A module as the app's bundle has it (with its patches, which must show `mark`), or as the package has it. */
async function bundled<T>(source: string, {mark, patched = true}: {mark?: string | string[]; patched?: boolean} = {}): Promise<T> {
	const result = await build({
		stdin: {contents: source, resolveDir: process.cwd()},
		bundle: true,
		write: false,
		format: 'esm',
		platform: 'node',
		plugins: patched ? bundlePlugins : [],
		logLevel: 'silent',
	});
	const code = result.outputFiles[0]!.text;
	for (const shown of [mark ?? []].flat()) expect(code).toContain(shown);
	return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

/** @alcalzone/ansi-tokenize and string-width as published. */
const original = await bundled<typeof Tokenize>("export * from '@alcalzone/ansi-tokenize';", {patched: false});
const {default: publishedWidth} = await bundled<{default: typeof stringWidth}>("export {default} from 'string-width';", {patched: false});

/** @alcalzone/ansi-tokenize as the app's bundle has it. */
const patchedTokenize = () => bundled<typeof Tokenize>("export * from '@alcalzone/ansi-tokenize';", {mark: 'sameCodes(from, to)'});

/** SGR codes as chalk writes them: [on, off]. */
const styles: Record<string, [number, number]> = {
	bold: [1, 22],
	dim: [2, 22],
	italic: [3, 23],
	underline: [4, 24],
	inverse: [7, 27],
	red: [31, 39],
	green: [32, 39],
	gray: [90, 39],
	bgBlue: [44, 49],
};
const styled = (text: string, on: readonly string[]) => on.reduce((out, style) => `\u001B[${styles[style]![0]}m${out}\u001B[${styles[style]![1]}m`, text);

describe('the bundle patches of the ANSI code', () => {
	it('write every styled line as the package writes it', async () => {
		const patched = await patchedTokenize();
		const segment = fc.record({text: fc.string({maxLength: 6}), styles: fc.subarray(Object.keys(styles), {maxLength: 3})});
		fc.assert(
			fc.property(fc.array(segment, {maxLength: 8}), segments => {
				const line = segments.map(({text, styles: on}) => styled(text, on)).join('');
				const chars = original.styledCharsFromTokens(original.tokenize(line));
				expect(patched.styledCharsToString(chars)).toBe(original.styledCharsToString(chars));
				for (let i = 1; i < chars.length; i++) {
					expect(patched.diffAnsiCodes(chars[i - 1]!.styles, chars[i]!.styles)).toEqual(original.diffAnsiCodes(chars[i - 1]!.styles, chars[i]!.styles));
				}
			}),
			{numRuns: 500},
		);
	});
});

describe('the bundle patches of tokenizing', () => {
	it('split and style every line as the package does: ASCII, a carriage return, wide letters, emoji, styles', async () => {
		const patched = await bundled<typeof Tokenize>("export * from '@alcalzone/ansi-tokenize';", {mark: ['segmentsOf(str)', 'shared ??= [...codes]']});
		const unit = fc.constantFrom(
			'a',
			' ',
			'\r',
			'\n',
			'\r\n',
			'\t',
			'│',
			'✓',
			'日',
			'é',
			'\u0301',
			'👩',
			'\u200D',
			'🏽',
			'\u001B[1m',
			'\u001B[22m',
			'\u001B[2;7m',
			'\u001B[27m',
			'\u001B[0m',
			'\u001B',
		);
		fc.assert(
			fc.property(fc.string({unit, maxLength: 16}), fc.integer({min: 1, max: 20}), (line, end) => {
				expect(patched.tokenize(line)).toEqual(original.tokenize(line));
				expect(patched.tokenize(line, end)).toEqual(original.tokenize(line, end));
				expect(patched.styledCharsFromTokens(patched.tokenize(line))).toEqual(original.styledCharsFromTokens(original.tokenize(line)));
			}),
			{numRuns: 1000},
		);
	});
});

describe('the bundle patch of string-width', () => {
	it('gives every string the width the package gives it, measured again or not', async () => {
		const kept = (await bundled<{default: typeof stringWidth}>("export {default} from 'string-width';", {mark: 'keptWidths'})).default;
		// Wide and zero-width letters, emoji, styles and tabs among plain ones.
		const unit = fc.constantFrom('a', ' ', '│', '✓', '…', '日', 'ア', '\u0301', '\u200D', '👩', '🏽', '\u001B[1m', '\u001B[22m', '\t', 'é');
		fc.assert(
			fc.property(fc.string({unit, maxLength: 12}), fc.boolean(), (text, wide) => {
				expect(kept(text)).toBe(publishedWidth(text));
				expect(kept(text)).toBe(publishedWidth(text));
				expect(kept(text, {ambiguousIsNarrow: !wide})).toBe(publishedWidth(text, {ambiguousIsNarrow: !wide}));
			}),
			{numRuns: 500},
		);
	});
});

describe("the bundle patches of Ink's output", () => {
	/** Ink's Output (what turns a frame's writes into its text), bundled with the app's patches or without. */
	async function inkOutput(patched: boolean) {
		type Output = {
			write(x: number, y: number, text: string, options: {transformers: []}): void;
			clip(clip: object): void;
			unclip(): void;
			get(): {output: string};
		};
		const module = await bundled<{default: new (options: {width: number; height: number}) => Output}>(
			"export {default} from './node_modules/ink/build/output.js';",
			{
				patched,
				mark: patched ? ['keptSlice', 'rowText(line, y)'] : undefined,
			},
		);
		return module.default;
	}

	it('give every frame the text the package gives it, lines cut by a clipping box or not', async () => {
		const [Patched, Original] = await Promise.all([inkOutput(true), inkOutput(false)]);
		const segment = fc.record({
			text: fc.string({unit: fc.constantFrom('a', ' ', '│', '日', '✓', 'é'), maxLength: 8}),
			styles: fc.subarray(Object.keys(styles), {maxLength: 2}),
		});
		const line = fc.array(segment, {maxLength: 4}).map(segments => segments.map(({text, styles: on}) => styled(text, on)).join(''));
		const write = fc.record({x: fc.nat(12), y: fc.nat(6), lines: fc.array(line, {minLength: 1, maxLength: 3})});
		const clip = fc.option(fc.record({x1: fc.nat(6), x2: fc.integer({min: 4, max: 16}), y1: fc.nat(3), y2: fc.integer({min: 2, max: 8})}), {nil: undefined});
		fc.assert(
			fc.property(fc.array(fc.tuple(clip, write), {maxLength: 6}), steps => {
				const frames = [Patched, Original].map(Output => {
					const output = new Output({width: 16, height: 8});
					for (const [box, {x, y, lines}] of steps) {
						if (box) output.clip(box);
						output.write(x, y, lines.join('\n'), {transformers: []});
						if (box) output.unclip();
					}
					return output.get().output;
				});
				expect(frames[0]).toBe(frames[1]);
			}),
			{numRuns: 500},
		);
	});
});

describe('each patch, against the one version it was written for', () => {
	const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
	const lock = JSON.parse(readFileSync(new URL('../../package-lock.json', import.meta.url), 'utf8'));

	it('is pinned to that version in package.json, and the lock installs no other', () => {
		for (const patch of patches) {
			const pin = packageJson.dependencies?.[patch.package] ?? packageJson.devDependencies?.[patch.package] ?? packageJson.overrides?.[patch.package];
			expect(pin, patch.name).toBe(patch.version);
			const installed = Object.entries(lock.packages as Record<string, {version: string}>).filter(([path]) => path.endsWith(`node_modules/${patch.package}`));
			expect(
				installed.map(([, entry]) => entry.version),
				patch.name,
			).toEqual([patch.version]);
		}
	});

	it('fails, naming itself, on another version of its package or without the code it changes', () => {
		const [ink] = patches.filter(patch => patch.package === 'ink');
		/** An ink folder of this version, as node_modules would hold it. */
		const installed = (version: string) => {
			const folder = join(mkdtempSync(join(tmpdir(), 'm365-patches-')), 'node_modules', 'ink');
			mkdirSync(join(folder, 'build'), {recursive: true});
			writeFileSync(join(folder, 'package.json'), JSON.stringify({name: 'ink', version}));
			return folder;
		};
		expect(() => checkVersion(ink!, installed('6.9.0'))).toThrow(`patch ink-output was written for ink ${ink!.version}, and 6.9.0 is installed`);
		expect(() => withPatches(join(installed(ink!.version), 'build', 'output.js'), 'export default class Output {}')).toThrow(
			/^patch ink-output: .* does not have the code it changes/,
		);
	});

	it("the bundle leaves Ink's devtools out, and the WebSocket client with them", async () => {
		const result = await build({
			stdin: {contents: "import 'ink';", resolveDir: process.cwd()},
			bundle: true,
			write: false,
			format: 'esm',
			platform: 'node',
			plugins: bundlePlugins,
			logLevel: 'silent',
			metafile: true,
		});
		const packages = Object.keys(result.metafile!.inputs).filter(path => path.includes('node_modules'));
		expect(packages.some(path => /node_modules[\\/]ink[\\/]/.test(path))).toBe(true);
		expect(packages.filter(path => /node_modules[\\/](ws|react-devtools-core)[\\/]|devtools/.test(path))).toEqual([]);
	});
});
