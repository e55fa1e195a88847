// What the changing subcommands (unassign, remove-from-group, reclaim --apply) share: who may change
// licenses, the y/N question without --yes, sending with progress and Ctrl-C, and the summary of what
// came of each user.
import type {GivenUsers} from '../domain/given-users.js';
import type {Tenant} from '../domain/model.js';
import type {LicensePlan, UserOutcome} from '../domain/plan.js';
import {adminPermission, licenseRoles} from '../domain/rules.js';
import type {Store} from '../store/store.js';
import type {UserConsequences} from '../domain/consequences.js';
import {consequenceNotes, strings} from '../text/index.js';
import {exitCodes, paragraph, type CommandIO} from './io.js';

export interface ChangeOptions {
	users: GivenUsers;
	dryRun: boolean;
	yes: boolean;
	json: boolean;
}

/**
 * failed: refused, or read back as not done; not-sent: never sent (stopped, --max-duration, the sign-in
 * gone), nothing changed; unknown: sent, the answer lost, and not read back (the next start settles it).
 */
export type ChangeOutcome = 'removed' | 'would-remove' | 'skipped' | 'failed' | 'not-sent' | 'unknown';

/**
 * Without --yes (and not a dry run): in a terminal, shows the plan and asks y/N; without one, refuses,
 * naming how to see the plan unchanged (`seePlan`). Null to go on; otherwise the exit code, said why.
 */
export async function confirmed(
	options: {dryRun?: boolean; yes: boolean},
	io: CommandIO,
	what: 'unassign' | 'removeFromGroup',
	showPlan: () => void,
	question: string,
	seePlan: 'dryRun' | 'noApply' = 'dryRun',
	/** A tenant added (--profile): the question names it, so a change is never made in the wrong one. */
	tenantName?: string,
): Promise<number | null> {
	if (options.dryRun || options.yes) return null;
	if (!io.stdinIsTTY || !io.stdoutIsTTY) {
		io.err(`m365-licenses: ${strings.unassign.refused(what, seePlan)}\n`);
		return exitCodes.usage;
	}
	showPlan();
	const answer = await io.ask(`${tenantName ? strings.tenants.inTenant(question, tenantName) : question} [y/N] `);
	if (answer.trim().toLowerCase() === 'y') return null;
	io.err(`m365-licenses: ${strings.unassign.cancelled}\n`);
	return exitCodes.error;
}

/** True, said why, when the admin may not change licenses (the command then ends with exitCodes.error). */
export function refusedRole(tenant: Tenant, admin: string, what: 'unassign' | 'removeFromGroup', io: CommandIO): boolean {
	const permission = adminPermission(tenant, admin);
	if (permission.allowed) return false;
	io.err(
		`m365-licenses: ${strings.cli.mayNot(
			admin,
			permission.roles,
			what,
			licenseRoles.map(r => r.name),
		)}\n`,
	);
	return true;
}

/** Sends the plan through the store, as the user may stop it (Ctrl-C), reporting progress. */
export function send(store: Store, plan: LicensePlan, io: CommandIO): Promise<UserOutcome[]> {
	const change = (signal?: AbortSignal) => store.apply(plan, io.progress, signal);
	return io.whileChanging ? io.whileChanging(change) : change();
}

/** How many users came to each outcome. */
export function summaryOf(results: ReadonlyArray<{outcome: ChangeOutcome}>) {
	const counter = outcomeCounter();
	for (const {outcome} of results) counter.add(outcome);
	return counter.summary();
}

/** Outcomes counted as they go by: hundreds of thousands of results are counted, never kept to count. */
export function outcomeCounter() {
	const counts: Record<ChangeOutcome, number> = {removed: 0, 'would-remove': 0, skipped: 0, failed: 0, 'not-sent': 0, unknown: 0};
	return {
		add: (outcome: ChangeOutcome) => void counts[outcome]++,
		/** How many were counted, of every kind. */
		total: () => Object.values(counts).reduce((sum, n) => sum + n, 0),
		summary: () => ({
			removed: counts.removed,
			wouldRemove: counts['would-remove'],
			skipped: counts.skipped,
			failed: counts.failed,
			notSent: counts['not-sent'],
			unknown: counts.unknown,
		}),
	};
}

export type ChangeSummary = ReturnType<typeof summaryOf>;

/** 3 when anyone was not done (skipped, failed, not sent, or unknown), else 0. */
export const changeExit = (summary: Pick<ChangeSummary, 'skipped' | 'failed' | 'notSent' | 'unknown'>) =>
	summary.skipped + summary.failed + summary.notSent + summary.unknown > 0 ? exitCodes.partial : exitCodes.done;

/**
 * What a change's consequences mean in general (the mailbox's 30 days, OneDrive's archiving), wrapped
 * to `width`: said before the y/N question, or after the results when nothing was asked.
 */
export function changeNotes(consequences: ReadonlyMap<string, UserConsequences>, width: number) {
	const notes = consequenceNotes([...consequences.values()]).map(note => paragraph(note, width));
	return {
		beforeQuestion: (io: CommandIO) => notes.length > 0 && io.out(`${notes.join('\n')}\n\n`),
		afterResults: (io: CommandIO) => notes.length > 0 && io.out(`\n${notes.join('\n')}\n`),
	};
}
