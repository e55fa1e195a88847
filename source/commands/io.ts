// What a subcommand reads and writes: data to stdout, messages to stderr, never mixed.
import stringWidth from 'string-width';
import {terminalLines, terminalText} from '../domain/text-safety.js';
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

/**
 * Columns padded to the widest cell, two spaces apart: the plain-text output of every subcommand.
 * Widths are terminal columns of what is shown (a CJK character takes two, an escape its letters).
 */
export function table(rows: ReadonlyArray<readonly string[]>): string {
	const shown = rows.map(row => row.map(terminalText));
	const widths: number[] = [];
	for (const row of shown) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, stringWidth(cell))));
	return shown
		.map(row => row.map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat(widths[i]! - stringWidth(cell)))).join('  ').trimEnd())
		.join('\n');
}
