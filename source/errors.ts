// The errors every layer may throw and the command line ends on: a user's mistake said in one line
// (never a stack trace), and an action dropped because its dialog was closed.
import {strings} from './text/index.js';

/** A user mistake (bad file, bad flag): shown as one line, never as a stack trace. */
export class UserError extends Error {
	constructor(
		message: string,
		readonly exitCode = 1,
	) {
		super(message);
	}
}

/**
 * An action dropped because its dialog was closed (esc, Ctrl-C, leaving the screen) before it was
 * sent: a sign-in waiting for a code is given up, and nothing reaches the tenant. Exit 130, as for Ctrl-C.
 */
export class Cancelled extends UserError {
	constructor() {
		super(strings.signIn.cancelled, 130);
	}
}
