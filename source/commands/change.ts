// What the changing subcommands (unassign, remove-from-group) share: their options, the y/N question
// without --yes, and the summary of what came of each user.
import {exitCodes, type CommandIO} from './io.js';

export interface ChangeOptions {
	users: string[];
	dryRun: boolean;
	yes: boolean;
	json: boolean;
}

export type ChangeOutcome = 'removed' | 'would-remove' | 'skipped' | 'failed';

/**
 * Without --yes (and not a dry run): in a terminal, shows the plan and asks y/N; without one, refuses.
 * Null to go on; otherwise the exit code, said why.
 */
export async function confirmed(options: ChangeOptions, io: CommandIO, what: string, showPlan: () => void, question: string): Promise<number | null> {
	if (options.dryRun || options.yes) return null;
	if (!io.stdinIsTTY || !io.stdoutIsTTY) {
		io.err(`m365-licenses: refusing to ${what} without confirmation: pass --yes (or --dry-run to see the plan). Nothing was changed.\n`);
		return exitCodes.usage;
	}
	showPlan();
	const answer = await io.ask(`${question} [y/N] `);
	if (answer.trim().toLowerCase() === 'y') return null;
	io.err('m365-licenses: cancelled. Nothing was changed.\n');
	return exitCodes.error;
}

/** How many users came to each outcome. */
export function summaryOf(results: ReadonlyArray<{outcome: ChangeOutcome}>) {
	const count = (outcome: ChangeOutcome) => results.filter(r => r.outcome === outcome).length;
	return {removed: count('removed'), wouldRemove: count('would-remove'), skipped: count('skipped'), failed: count('failed')};
}

/** 3 when anyone was skipped or failed, else 0. */
export const changeExit = (summary: ReturnType<typeof summaryOf>) => (summary.skipped + summary.failed > 0 ? exitCodes.partial : exitCodes.done);
