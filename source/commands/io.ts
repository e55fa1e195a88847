// What a subcommand reads and writes: data to stdout, messages to stderr, never mixed.
import type {Progress} from '../backends/graph/http.js';

export interface CommandIO {
	out: (text: string) => void;
	err: (text: string) => void;
	stdinIsTTY: boolean;
	stdoutIsTTY: boolean;
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

/** Columns padded to the widest cell, two spaces apart: the plain-text output of every subcommand. */
export function table(rows: ReadonlyArray<readonly string[]>): string {
	const widths: number[] = [];
	for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)));
	return rows
		.map(row => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ').trimEnd())
		.join('\n');
}
