// The changes the app makes to its dependencies' code: applied as the app is bundled (bundle-plugins.mjs,
// for build.mjs and bench.mjs) and as the tests load the packages (vitest.config.ts), from this one
// list, so what the tests run is what ships. docs/patches.md says what each changes and why, as a change
// the package could take.
// Each patch is written for one exact version of its package, pinned in package.json. Another version,
// or a file without the code a patch changes, fails the build (and the tests) naming the patch to
// re-check: an upgrade is never shipped half-patched.
import {readFileSync} from 'node:fs';
import {join, sep} from 'node:path';

/**
 * @typedef {object} Patch
 * @property {string} name       what docs/patches.md calls it
 * @property {string} package    the package it changes
 * @property {string} version    the one version it was written for
 * @property {string} file       the file it changes, inside the package
 * @property {Array<[string, string]>} replacements  [code as the package has it, code as the app runs it]
 * @property {string} [end]      code added at the end of the file
 */

/** @type {Patch[]} */
export const patches = [
	// Yoga (Ink's layout engine) loads its WebAssembly with fetch() wherever fetch exists. In Node that
	// first loads Node's whole fetch implementation: 50-60 ms of every start, for bytes that are in the
	// bundle already. It is told to take them directly, the way it does where there is no fetch.
	{
		name: 'yoga-without-fetch',
		package: 'yoga-layout',
		version: '3.2.1',
		file: 'dist/binaries/yoga-wasm-base64-esm.js',
		replacements: [['||"function"!=typeof fetch?', '||true?']],
	},
	// Ink turns every line of every frame into styled characters (and measures it) with caches that
	// live for one frame: a key that moves a cursor redoes the whole screen, 3-4 ms of the 14 a key
	// takes at 80×24. The caches are kept from frame to frame instead: a line drawn again is a look-up.
	// What they hold is only read, and they start over once they have grown (500 lines, a few MB).
	// The blank cells a frame starts from are one frozen cell, not 1,920 new ones: a cell is only ever
	// replaced, never changed. A line inside a clipping box (every line: the screen is one) is cut to
	// the box by splitting it into tokens, most of the garbage a frame made: the cut lines are kept too.
	// A row of the screen whose cells are the very ones a row had the frame before, at its place or (a
	// list scrolled by one) a row above or below (cells are shared and never changed), is the text that
	// row was: a move or a scroll by a row writes out one or two rows again, not the screen.
	{
		name: 'ink-output',
		package: 'ink',
		version: '6.8.0',
		file: 'build/output.js',
		replacements: [
			['    caches = new OutputCaches();', '    caches = keptOutputCaches();'],
			['                            return sliceAnsi(line, from, to);', '                            return keptSlice(line, from, to);'],
			[
				`                row.push({
                    type: 'char',
                    value: ' ',
                    fullWidth: false,
                    styles: [],
                });`,
				'                row.push(blankCell);',
			],
			[
				`            .map(line => {
            // See https://github.com/vadimdemedes/ink/pull/564#issuecomment-1637022742
            const lineWithoutEmptyItems = line.filter(item => item !== undefined);
            return styledCharsToString(lineWithoutEmptyItems).trimEnd();
        })`,
				'            .map((line, y) => rowText(line, y))',
			],
		],
		end: `
let lastRows = [];
let rows = [];
function sameCells(a, b) {
	if (a === undefined || a.cells.length !== b.length) return false;
	for (let x = 0; x < b.length; x++) if (a.cells[x] !== b[x]) return false;
	return true;
}
function rowText(line, y) {
	if (y === 0) [lastRows, rows] = [rows, []];
	// The same row, or (a list scrolled by one) the row above or below it.
	const last = [lastRows[y], lastRows[y + 1], lastRows[y - 1]].find(row => sameCells(row, line));
	// See https://github.com/vadimdemedes/ink/pull/564#issuecomment-1637022742
	rows[y] = last ?? {cells: line, text: styledCharsToString(line.filter(item => item !== undefined)).trimEnd()};
	return rows[y].text;
}
const blankCell = Object.freeze({type: 'char', value: ' ', fullWidth: false, styles: Object.freeze([])});
let kept;
function keptOutputCaches() {
	if (!kept || kept.styledChars.size > 500 || kept.widths.size > 20000 || kept.blockWidths.size > 2000) kept = new OutputCaches();
	return kept;
}
const slices = new Map();
function keptSlice(line, from, to) {
	const key = from + ':' + to + ':' + line;
	let slice = slices.get(key);
	if (slice === undefined) {
		if (slices.size >= 1000) slices.clear();
		slice = sliceAnsi(line, from, to);
		slices.set(key, slice);
	}
	return slice;
}
`,
	},
	// Ink writes each frame's rows back as text through @alcalzone/ansi-tokenize, which works out the
	// change of style between every two characters with four new Sets and several arrays: about 1.5 MB
	// of garbage a frame at 80×24, so a collection every few keys. Two characters of the same style (most
	// of a frame) need no change: said at once, and no codes at all is said without a Set.
	{
		name: 'ansi-same-style',
		package: '@alcalzone/ansi-tokenize',
		version: '0.2.5',
		file: 'build/diff.js',
		replacements: [['export function diffAnsiCodes(from, to) {', 'export function diffAnsiCodes(from, to) {\n    if (sameCodes(from, to)) return [];']],
		end: `
function sameCodes(a, b) {
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) if (a[i].code !== b[i].code || a[i].endCode !== b[i].endCode) return false;
	return true;
}
`,
	},
	{
		name: 'ansi-no-codes',
		package: '@alcalzone/ansi-tokenize',
		version: '0.2.5',
		file: 'build/ansiCodes.js',
		replacements: [['export function ansiCodesToString(codes) {', 'export function ansiCodesToString(codes) {\n    if (codes.length === 0) return "";']],
	},
	// Every character of a line drawn anew (all of them after a page down) becomes a styled character
	// as {...token, styles: [...codes]}: in Node 20 a literal that starts with a spread takes about ten
	// times a plain one and leaves a hidden class in the old generation for each character, which the
	// next collections pay for. The same object is made field by field, and characters of one style
	// share one copy of it (nothing changes a character's styles once made).
	{
		name: 'ansi-chars-plain',
		package: '@alcalzone/ansi-tokenize',
		version: '0.2.5',
		file: 'build/styledChars.js',
		replacements: [
			[
				'            codes = reduceAnsiCodesIncremental(codes, [token]);',
				'            codes = reduceAnsiCodesIncremental(codes, [token]);\n            shared = undefined;',
			],
			[
				`            ret.push({
                ...token,
                styles: [...codes],
            });`,
				`            shared ??= [...codes];
            ret.push({ type: token.type, value: token.value, fullWidth: token.fullWidth, styles: shared });`,
			],
			['    let codes = [];\n    const ret = [];', '    let codes = [];\n    let shared;\n    const ret = [];'],
		],
	},
	// Lines are split into graphemes with Intl.Segmenter, most of the time a line takes to tokenize. In
	// ASCII without a carriage return ("\r\n" is one grapheme) each code unit is a grapheme: those
	// lines (nearly all a frame has) are split a code unit at a time, into the same segments.
	{
		name: 'ansi-ascii-segments',
		package: '@alcalzone/ansi-tokenize',
		version: '0.2.5',
		file: 'build/tokenize.js',
		replacements: [['    for (const { segment, index } of segmenter.segment(str)) {', '    for (const { segment, index } of segmentsOf(str)) {']],
		end: `
const asciiWithoutCR = /^[\\x00-\\x0c\\x0e-\\x7f]*$/;
function* asciiSegments(str) {
	for (let index = 0; index < str.length; index++) yield { segment: str[index], index };
}
function segmentsOf(str) {
	return asciiWithoutCR.test(str) ? asciiSegments(str) : segmenter.segment(str);
}
`,
	},
	// string-width measures a line through Intl.Segmenter and Unicode property regexes whenever it holds
	// a character past ASCII (a box-drawing rule, a tick mark): Ink measures every text of every frame,
	// most of them the same as the frame before. The widths are remembered by string (options left at
	// their defaults, as Ink and its helpers call it), and forgotten all at once past 4,000 strings.
	{
		name: 'string-width-kept',
		package: 'string-width',
		version: '8.3.0',
		file: 'index.js',
		replacements: [['export default function stringWidth(input, options = {}) {', 'function measuredWidth(input, options = {}) {']],
		end: `
const keptWidths = new Map();
export default function stringWidth(input, options) {
	if (options !== undefined || typeof input !== 'string') return measuredWidth(input, options);
	let width = keptWidths.get(input);
	if (width === undefined) {
		if (keptWidths.size >= 4000) keptWidths.clear();
		width = measuredWidth(input);
		keptWidths.set(input, width);
	}
	return width;
}
`,
	},
];

/** The packages the patches change, once each. */
export const patchedPackages = [...new Set(patches.map(p => p.package))];

/** `…/node_modules/<package>/<file>` → {package, root (the package's folder), file}; null outside node_modules. */
export function packageFile(path) {
	const parts = path.split(/[\\/]/);
	const at = parts.lastIndexOf('node_modules');
	if (at < 0) return null;
	const length = parts[at + 1]?.startsWith('@') ? 2 : 1;
	return {
		package: parts.slice(at + 1, at + 1 + length).join('/'),
		root: parts.slice(0, at + 1 + length).join(sep) || sep,
		file: parts.slice(at + 1 + length).join('/'),
	};
}

/** The patches of the file at `path`: [] for a file none changes. */
export function patchesOf(path) {
	const where = packageFile(path);
	return where ? patches.filter(p => p.package === where.package && p.file === where.file) : [];
}

const versions = new Map();
/** The version of the package installed in `root`. */
function installedVersion(root) {
	if (!versions.has(root)) versions.set(root, JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
	return versions.get(root);
}

/** Throws, naming the patch, unless the package installed at `root` is the version the patch was written for. */
export function checkVersion(patch, root) {
	const installed = installedVersion(root);
	if (installed !== patch.version) {
		throw new Error(
			`patch ${patch.name} was written for ${patch.package} ${patch.version}, and ${installed} is installed (${root}): ` +
				`re-check the patch against it (source/tools/patches.mjs, docs/patches.md), then pin that version in package.json`,
		);
	}
}

/** Every patched package as installed at the top of `root`'s node_modules, checked before any file is read. */
export function checkInstalled(root) {
	for (const patch of patches) checkVersion(patch, join(root, 'node_modules', ...patch.package.split('/')));
}

/**
 * The text of the file at `path` with its patches made, or null when none changes it. Throws, naming
 * the patch, when the package is another version or the code it changes is not there.
 */
export function patched(path, text) {
	const own = patchesOf(path);
	if (own.length === 0) return null;
	const {root} = packageFile(path);
	for (const patch of own) {
		checkVersion(patch, root);
		for (const [from, to] of patch.replacements) {
			if (!text.includes(from))
				throw new Error(`patch ${patch.name}: ${path} does not have the code it changes: re-check it (source/tools/patches.mjs, docs/patches.md)`);
			text = text.replaceAll(from, to);
		}
		text += patch.end ?? '';
	}
	return text;
}
