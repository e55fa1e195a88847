// The esbuild plugins every bundle of the app is built with: the app (build.mjs) and the
// benchmark's in-process harnesses (bench.mjs), so that what is measured is what runs. The others patch a
// dependency as it is bundled; each fails the build when the code it expects is not there, so an
// upgrade that changes it is seen at once, never shipped half-patched.
import {readFileSync} from 'node:fs';

// Ink loads react-devtools-core only when DEV=true; the bundle ships a stub instead of the package.
const withoutDevtools = {
	name: 'without-react-devtools',
	setup(b) {
		b.onResolve({filter: /^react-devtools-core$/}, () => ({path: 'react-devtools-core', namespace: 'stub'}));
		b.onLoad({filter: /.*/, namespace: 'stub'}, () => ({contents: 'export default {connectToDevTools() {}};'}));
	},
};

/** A plugin that makes each [from, to] replacement in the file `filter` matches and adds `end`; or fails the build. */
function patch(name, filter, replacements, end = '') {
	return {
		name,
		setup(b) {
			b.onLoad({filter}, args => {
				let text = readFileSync(args.path, 'utf8');
				for (const [from, to] of replacements) {
					if (!text.includes(from)) throw new Error(`${args.path}: the code ${name} changes is not there (the package changed); see source/tools/bundle-plugins.mjs`);
					text = text.replaceAll(from, to);
				}
				return {contents: text + end, loader: 'js'};
			});
		},
	};
}

// Yoga (Ink's layout engine) loads its WebAssembly with fetch() wherever fetch exists. In Node that
// first loads Node's whole fetch implementation: 50-60 ms of every start, for bytes that are in the
// bundle already. It is told to take them directly, the way it does where there is no fetch.
const yogaWithoutFetch = patch('yoga-without-fetch', /yoga-wasm-base64-esm\.js$/, [['||"function"!=typeof fetch?', '||true?']]);

// Ink turns every line of every frame into styled characters (and measures it) with caches that
// live for one frame: a key that moves a cursor redoes the whole screen, 3-4 ms of the 14 a key
// takes at 80×24. The caches are kept from frame to frame instead: a line drawn again is a look-up.
// What they hold is only read, and they start over once they have grown (500 lines, a few MB).
// The blank cells a frame starts from are one frozen cell, not 1,920 new ones: a cell is only ever
// replaced, never changed. A line inside a clipping box (every line: the screen is one) is cut to
// the box by splitting it into tokens, most of the garbage a frame made: the cut lines are kept too.
const inkOutput = patch(
	'ink-output',
	/ink[\\/]build[\\/]output\.js$/,
	[
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
	],
	`
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
);

// Ink writes each frame's rows back as text through @alcalzone/ansi-tokenize, which works out the
// change of style between every two characters with four new Sets and several arrays: about 1.5 MB
// of garbage a frame at 80×24, so a collection every few keys. Two characters of the same style (most
// of a frame) need no change: said at once, and no codes at all is said without a Set.
const sameStyleNoDiff = patch(
	'ansi-same-style',
	/ansi-tokenize[\\/]build[\\/]diff\.js$/,
	[['export function diffAnsiCodes(from, to) {', 'export function diffAnsiCodes(from, to) {\n    if (sameCodes(from, to)) return [];']],
	`
function sameCodes(a, b) {
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) if (a[i].code !== b[i].code || a[i].endCode !== b[i].endCode) return false;
	return true;
}
`,
);
const noCodesNoSet = patch(
	'ansi-no-codes',
	/ansi-tokenize[\\/]build[\\/]ansiCodes\.js$/,
	[['export function ansiCodesToString(codes) {', 'export function ansiCodesToString(codes) {\n    if (codes.length === 0) return "";']],
);

// string-width measures a line through Intl.Segmenter and Unicode property regexes whenever it holds
// a character past ASCII (a box-drawing rule, a tick mark): Ink measures every text of every frame,
// most of them the same as the frame before. The widths are remembered by string (options left at
// their defaults, as Ink and its helpers call it), and forgotten all at once past 4,000 strings.
const stringWidthKept = patch(
	'string-width-kept',
	/string-width[\\/]index\.js$/,
	[['export default function stringWidth(input, options = {}) {', 'function measuredWidth(input, options = {}) {']],
	`
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
);

export const bundlePlugins = [withoutDevtools, yogaWithoutFetch, inkOutput, sameStyleNoDiff, noCodesNoSet, stringWidthKept];
