// A subcommand's terminal, captured: what it printed and asked, for tests that run commands in-process.
import type {CommandIO} from '../../source/commands/io.js';

export interface CapturedIO {
	io: CommandIO;
	/** stdout, with each question asked written where it was asked. */
	out: () => string;
	err: () => string;
	questions: string[];
}

/** A terminal (or not: `terminal: false`, as under a pipe) `columns` wide, answering every y/N with `answer`. */
export function captureIO({
	terminal = false,
	columns,
	answer = 'n',
	env = {},
}: {terminal?: boolean; columns?: number; answer?: string; env?: NodeJS.ProcessEnv} = {}): CapturedIO {
	let out = '';
	let err = '';
	const questions: string[] = [];
	const io: CommandIO = {
		out: text => void (out += text),
		err: text => void (err += text),
		stdinIsTTY: terminal,
		stdoutIsTTY: terminal || columns !== undefined,
		...(columns !== undefined ? {columns} : {}),
		env,
		ask: async question => {
			questions.push(question);
			out += question;
			return answer;
		},
	};
	return {io, out: () => out, err: () => err, questions};
}
