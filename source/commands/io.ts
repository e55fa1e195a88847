// What a subcommand reads and writes: data to stdout, messages to stderr, never mixed.
export interface CommandIO {
	out: (text: string) => void;
	err: (text: string) => void;
	stdinIsTTY: boolean;
	stdoutIsTTY: boolean;
	/** Asks a question on the terminal and resolves to the answer. */
	ask: (question: string) => Promise<string>;
	env: NodeJS.ProcessEnv;
	/** Shown while a change is carried out, where someone watches (stderr is a terminal). */
	progress?: (progress: {done: number; total: number; retries: number; waitingMs: number}) => void;
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
