// What a subcommand reads and writes: data to stdout, messages to stderr, never mixed.
import {terminalLines, terminalText} from '../present/text-safety.js';
import {textWidth, wrapPlain} from '../present/wrap.js';
import type {Progress} from '../domain/progress.js';

export interface CommandIO {
	out: (text: string) => void;
	err: (text: string) => void;
	stdinIsTTY: boolean;
	stdoutIsTTY: boolean;
	/** The terminal's width when stdout is one; text output fits it (80 otherwise). */
	columns?: number;
	/** Asks a question on the terminal and resolves to the answer. */
	ask: (question: string) => Promise<string>;
	env: NodeJS.ProcessEnv;
	/** A change being sent: kept up to date where someone watches (stderr is a terminal), and its last line. */
	progress?: (progress: Progress) => void;
	/** Runs a change that the user may stop (Ctrl-C): the signal aborts when they do. */
	whileChanging?: <T>(change: (signal: AbortSignal) => Promise<T>) => Promise<T>;
}

/** Exit codes, the same for every subcommand. */
export const exitCodes = {done: 0, error: 1, usage: 2, partial: 3} as const;

/**
 * Everything a subcommand writes goes through terminalLines: a tenant's names can reach neither
 * stdout nor stderr as control sequences, whoever prints them. JSON stays JSON (the escapes are JSON's).
 */
export function terminalSafe(io: CommandIO, width?: number): CommandIO {
	return {
		...io,
		out: text => io.out(width === undefined ? terminalLines(text) : fitLines(terminalLines(text), width)),
		err: text => io.err(terminalLines(text)),
		ask: question => io.ask(terminalText(question)),
	};
}

/**
 * Text output within `width` columns whatever wrote it: a line wider goes on over the next lines,
 * broken between words, under its last column (a table's) or its own indent. The renderers wrap
 * their own text to fit; this is the rule for every line, so none can be wider.
 */
export function fitLines(text: string, width: number): string {
	return text
		.split('\n')
		.flatMap(line => {
			if (textWidth(line) <= width) return [line];
			const indent = /^ */.exec(line)![0].length;
			// The last column of a table row starts after its last run of two spaces or more.
			const column = [...line.trimEnd().matchAll(/ {2,}(?=\S)/g)].at(-1);
			const start = column && column.index + column[0].length <= width / 2 ? column.index + column[0].length : indent + 4;
			const [first = '', ...rest] = wrapPlain(line.slice(start), width - start);
			const head = line.slice(0, start);
			return textWidth(head + first) <= width
				? [head + first, ...rest.map(part => ' '.repeat(start) + part)]
				: [...wrapPlain(line.slice(0, start).trimEnd(), width), ...[first, ...rest].map(part => ' '.repeat(start) + part)];
		})
		.join('\n');
}

/** The width the plain-text output fits: the terminal's when stdout is one, else 80 columns. */
export const outputWidth = (io: CommandIO) => io.columns ?? 80;

/**
 * Columns padded to the widest cell, two spaces apart: the plain-text output of every subcommand.
 * Widths are terminal columns of what is shown (a CJK character takes two, an escape its letters).
 * When the rows are wider than `width`, the columns in `wrap` (the long, readable ones; the first
 * narrows first) go on over several lines, so nothing is cut off. A cell's own line breaks start
 * new lines too.
 */
export function table(rows: ReadonlyArray<readonly string[]>, options: TableOptions = {}): string {
	return tableRows(rows, options).flat().join('\n');
}

export interface TableOptions {
	width?: number;
	/** The columns that go on over several lines when the rows are too wide: the others keep their width. */
	wrap?: readonly number[];
}

/** The table's lines, row by row (a row can take several), for output that puts more under a row. */
export function tableRows(rows: ReadonlyArray<readonly string[]>, options: TableOptions = {}): string[][] {
	const lines = tableColumns(rows, options);
	return rows.map(lines);
}

/**
 * The table's columns, laid out from every row, and a function giving one row's lines in them: for
 * output too long to hold, the rows are read once to lay them out and again to write them.
 */
export function tableColumns(rows: Iterable<readonly string[]>, {width = Infinity, wrap = []}: TableOptions = {}): (row: readonly string[]) => string[] {
	const shown = (row: readonly string[]) => row.map(cell => cell.split('\n').map(terminalText));
	const widths: number[] = [];
	/** Per column in `wrap`: its longest word, which it never narrows below. */
	const longestWord: number[] = [];
	for (const row of rows) {
		shown(row).forEach((cell, i) => {
			widths[i] = Math.max(widths[i] ?? 0, ...cell.map(textWidth));
			if (wrap.includes(i)) longestWord[i] = Math.max(longestWord[i] ?? 0, ...cell.flatMap(line => line.split(' ').map(textWidth)));
		});
	}
	const total = widths.reduce((sum, w) => sum + w, 0) + 2 * (widths.length - 1);
	const flexible = wrap.filter(i => i < widths.length);
	// The widest of the columns in `wrap` narrows, a column at a time, each down to its longest word
	// (a word is never broken: a row still too wide goes on over the next lines, see fitLines).
	const floor = new Map(flexible.map(i => [i, Math.min(widths[i]!, longestWord[i] ?? 0)]));
	for (let over = total - width; over > 0; over--) {
		const narrowing = flexible.filter(i => widths[i]! > floor.get(i)!).sort((a, b) => widths[b]! - widths[a]!)[0];
		if (narrowing === undefined) break;
		widths[narrowing]!--;
	}
	return row => {
		const cells = shown(row).map((cell, i) => (flexible.includes(i) ? cell.flatMap(line => wrapPlain(line, widths[i]!)) : cell));
		const height = Math.max(...cells.map(cell => cell.length));
		return Array.from({length: height}, (_, line) =>
			cells
				.map((cell, i) => {
					const text = cell[line] ?? '';
					return i === cells.length - 1 ? text : text + ' '.repeat(Math.max(0, widths[i]! - textWidth(text)));
				})
				.join('  ')
				.trimEnd(),
		);
	};
}

/**
 * Writes `{...head, [key]: [...items], ...tail()}` exactly as JSON.stringify(value, null, 2) and a
 * line break would, an item at a time and in pieces of about 64 KB: a result for each of hundreds of
 * thousands of users is never held whole, as objects or as text. `tail` is asked for after the items
 * (a summary counted while they were written).
 */
export function writeJson(out: (text: string) => void, head: object, key: string, items: Iterable<unknown>, tail: () => object): void {
	const fields = (value: object) =>
		Object.entries(value)
			.filter(([, v]) => v !== undefined)
			.map(([k, v]) => `  ${JSON.stringify(k)}: ${indented(v, '  ')}`);
	let text = `{\n${[...fields(head), `  ${JSON.stringify(key)}: [`].join(',\n')}`;
	let count = 0;
	for (const item of items) {
		text += `${count++ === 0 ? '' : ','}\n    ${indented(item, '    ')}`;
		if (text.length >= 65_536) {
			out(text);
			text = '';
		}
	}
	text += count === 0 ? ']' : '\n  ]';
	out(`${[text, ...fields(tail())].join(',\n')}\n}\n`);
}

/** JSON.stringify's text of a value nested `indent` deep (JSON's strings hold no raw line break). */
const indented = (value: unknown, indent: string) => JSON.stringify(value, null, 2).replaceAll('\n', `\n${indent}`);

/** A paragraph wrapped to the output's width, each line after `indent`. */
export function paragraph(text: string, width: number, indent = ''): string {
	return wrapPlain(terminalText(text), Math.max(20, width - indent.length))
		.map(line => indent + line)
		.join('\n');
}
