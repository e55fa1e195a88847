// Folding (compaction): the journal's changes folded into a new state.json, its audit entries moved
// to the audit log, then the journal emptied, in that order, each step durable. A crash between two
// steps leaves what the next start reads as it was (docs/state.md says what each leaves).
import {foldChanges, type Folded, type FoldedUser} from '../domain/changes.js';
import {crashPoint, writeFileDurably} from '../fs/durable.js';
import {appendToAuditLog} from './audit-log.js';
import type {CommitRecord, Journal} from './journal.js';
import {savedStateText} from './saved-state.js';

/** The journal is folded into state.json once it is this big (and at every quit past it). */
export const foldAt = 256 * 1024;

/**
 * The journal's changes to the tenant folded over `start()` (made only if they build on it);
 * `reset`: they start from nothing (a --reset), not from `start()`.
 */
export function foldJournal(commits: readonly CommitRecord[], tenantId: string, start: () => Folded): {folded: Folded; reset: boolean} {
	let folded: Folded | null = null;
	let reset = false;
	for (const record of commits) {
		if (record.tenantId !== tenantId) continue;
		if (record.reset) [folded, reset] = [new Map(), true];
		foldChanges((folded ??= start()), record.changes);
	}
	return {folded: folded ?? start(), reset};
}

/** Everything saved for the tenant: a copy of state.json's, with the journal's folded over it. */
export function foldedOf(base: ReadonlyMap<string, Folded>, commits: readonly CommitRecord[], tenantId: string): Folded {
	return foldJournal(commits, tenantId, () => structuredClone(base.get(tenantId) ?? new Map<string, FoldedUser>())).folded;
}

/** When a writer folds: nothing cut off waits to be settled, and the journal has grown (or `force`). */
export const foldDue = (journal: Journal, force: boolean) => journal.begun.size === 0 && journal.bytes > 0 && (force || journal.bytes >= foldAt);

/**
 * Writes the fold: the audit entries appended to the audit log, state.json replaced, the journal
 * emptied. Returns the new state.json's changes and content hash. Throws a UserError when a step
 * fails: what is saved stands (the journal still has it), and the fold is tried again later.
 */
export function writeFold(
	paths: {state: string; audit: string},
	journal: Journal,
	base: ReadonlyMap<string, Folded>,
): {tenants: Map<string, Folded>; hash: string} {
	const ids = new Set([...base.keys(), ...journal.commits.map(record => record.tenantId)]);
	const tenants = new Map([...ids].map(id => [id, foldedOf(base, journal.commits, id)] as const).filter(([, users]) => users.size > 0));
	const {text, hash} = savedStateText(journal.seq, tenants);
	appendToAuditLog(paths.audit, journal.commits);
	writeFileDurably(paths.state, text, 'state');
	crashPoint('after-state');
	journal.empty();
	return {tenants, hash};
}
