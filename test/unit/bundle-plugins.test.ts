// The bundle patches dependencies for speed (source/tools/bundle-plugins.mjs). A patch must change
// how fast, never what: the patched ANSI code, string-width and Ink's output must give exactly what
// the packages give, and each patch must find the code it changes (else the build fails, naming the
// package).
import {build} from 'esbuild';
import fc from 'fast-check';
import * as original from '@alcalzone/ansi-tokenize';
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {bundlePlugins} from '../../source/tools/bundle-plugins.mjs';

/** A module as the app's bundle has it (with its patches, which must show `mark`), or as the package has it. */
async function bundled<T>(source: string, {mark, patched = true}: {mark?: string; patched?: boolean} = {}): Promise<T> {
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
	if (mark) expect(code).toContain(mark);
	return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

/** @alcalzone/ansi-tokenize as the app's bundle has it. */
const patchedTokenize = () => bundled<typeof original>("export * from '@alcalzone/ansi-tokenize';", {mark: 'sameCodes(from, to)'});

/** SGR codes as chalk writes them: [on, off]. */
const styles: Record<string, [number, number]> = {bold: [1, 22], dim: [2, 22], italic: [3, 23], underline: [4, 24], inverse: [7, 27], red: [31, 39], green: [32, 39], gray: [90, 39], bgBlue: [44, 49]};
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

describe('the bundle patch of string-width', () => {
	it('gives every string the width the package gives it, measured again or not', async () => {
		const patched = (await bundled<{default: typeof stringWidth}>("export {default} from 'string-width';", {mark: 'keptWidths'})).default;
		// Wide and zero-width letters, emoji, styles and tabs among plain ones.
		const unit = fc.constantFrom('a', ' ', '│', '✓', '…', '日', 'ア', '\u0301', '\u200D', '👩', '🏽', '\u001B[1m', '\u001B[22m', '\t', 'é');
		fc.assert(
			fc.property(fc.string({unit, maxLength: 12}), fc.boolean(), (text, wide) => {
				expect(patched(text)).toBe(stringWidth(text));
				expect(patched(text)).toBe(stringWidth(text));
				expect(patched(text, {ambiguousIsNarrow: !wide})).toBe(stringWidth(text, {ambiguousIsNarrow: !wide}));
			}),
			{numRuns: 500},
		);
	});
});

describe('the bundle patches of Ink\'s output', () => {
	/** Ink's Output (what turns a frame's writes into its text), bundled with the app's patches or without. */
	async function inkOutput(patched: boolean) {
		type Output = {write(x: number, y: number, text: string, options: {transformers: []}): void; clip(clip: object): void; unclip(): void; get(): {output: string}};
		const module = await bundled<{default: new (options: {width: number; height: number}) => Output}>("export {default} from './node_modules/ink/build/output.js';", {
			patched,
			mark: patched ? 'keptSlice' : undefined,
		});
		return module.default;
	}

	it('give every frame the text the package gives it, lines cut by a clipping box or not', async () => {
		const [Patched, Original] = await Promise.all([inkOutput(true), inkOutput(false)]);
		const segment = fc.record({text: fc.string({unit: fc.constantFrom('a', ' ', '│', '日', '✓', 'é'), maxLength: 8}), styles: fc.subarray(Object.keys(styles), {maxLength: 2})});
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
