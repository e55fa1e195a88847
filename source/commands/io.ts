// What a subcommand reads and writes: data to stdout, messages to stderr, never mixed.
import stringWidth from 'string-width';
import {terminalLines, terminalText} from '../present/text-safety.js';
import {wrapPlain} from '../present/wrap.js';
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
export function terminalSafe(io: CommandIO): CommandIO {
	return {
		...io,
		out: text => io.out(terminalLines(text)),
		err: text => io.err(terminalLines(text)),
		ask: question => io.ask(terminalText(question)),
	};
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
	// The first column in `wrap` narrows first, down to 12 columns; then the next.
	let over = total - width;
	for (const i of flexible) {
		if (over <= 0) break;
		const take = Math.min(over, widths[i]! - Math.min(widths[i]!, 12));
		widths[i]! -= take;
		over -= take;
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
