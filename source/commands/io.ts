// What a subcommand reads and writes: data to stdout, messages to stderr, never mixed.
import stringWidth from 'string-width';
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
export function tableRows(rows: ReadonlyArray<readonly string[]>, {width = Infinity, wrap = []}: TableOptions = {}): string[][] {
	const shown = rows.map(row => row.map(cell => cell.split('\n').map(terminalText)));
	const widths: number[] = [];
	for (const row of shown) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, ...cell.map(line => stringWidth(line)))));
	const total = widths.reduce((sum, w) => sum + w, 0) + 2 * (widths.length - 1);
	const flexible = wrap.filter(i => i < widths.length);
	// The widest of the columns in `wrap` narrows, a column at a time, each down to its longest word
	// (a word is never broken: a row still too wide goes on over the next lines, see fitLines).
	const floor = new Map(flexible.map(i => [i, Math.min(widths[i]!, Math.max(0, ...shown.flatMap(row => (row[i] ?? []).flatMap(line => line.split(' ').map(textWidth)))))]));
	for (let over = total - width; over > 0; over--) {
		const narrowing = flexible.filter(i => widths[i]! > floor.get(i)!).sort((a, b) => widths[b]! - widths[a]!)[0];
		if (narrowing === undefined) break;
		widths[narrowing]!--;
	}
	return shown.map(row => {
			const cells = row.map((cell, i) => (flexible.includes(i) ? cell.flatMap(line => wrapPlain(line, widths[i]!)) : cell));
			const height = Math.max(...cells.map(cell => cell.length));
			return Array.from({length: height}, (_, line) =>
				cells
					.map((cell, i) => {
						const text = cell[line] ?? '';
						return i === cells.length - 1 ? text : text + ' '.repeat(Math.max(0, widths[i]! - stringWidth(text)));
					})
					.join('  ')
					.trimEnd(),
			);
	});
}

/** A paragraph wrapped to the output's width, each line after `indent`. */
export function paragraph(text: string, width: number, indent = ''): string {
	return wrapPlain(terminalText(text), Math.max(20, width - indent.length))
		.map(line => indent + line)
		.join('\n');
}
