// The state directory's saved changes, as the store sees them: state.json (saved-state.ts) with the
// journal (journal.ts) after it, the audit log (audit-log.ts), and folding one into the other
// (fold.ts). docs/state.md says what each file holds, who writes it when, and what a crash leaves.
// The tenant's source (demo or snapshot) is never written; loading replays these changes over it.
// Only the holder of the writer lock writes; anyone may read. A reader reads the journal before
// state.json, so a fold between the two never hides a change from it.
import {join} from 'node:path';
import {UserError} from '../errors.js';
import type {AuditEntry} from '../domain/audit.js';
import {unfold, type Change, type Folded} from '../domain/changes.js';
import {strings} from '../text/index.js';
import {readIfThere} from '../fs/durable.js';
import {writePrivateFile} from '../fs/private-files.js';
import {appendToAuditLog, readAuditLog} from './audit-log.js';
import {foldDue, foldedOf, foldJournal, writeFold} from './fold.js';
import {openJournal, type CommitRecord, type PendingChange} from './journal.js';
import {readSavedState} from './saved-state.js';
import {defaultStateDir, prepareStateDir, removeLeftovers, tightenStateDir} from './state-dir.js';

export type {CommitRecord, PendingChange} from './journal.js';

export interface StateFile {
	/** The state directory. */
	readonly dir: string;
	/** state.json: what doctor names. */
	readonly path: string;
	/** The changes saved for the tenant, folded into one. */
	folded(tenantId: string): Folded;
	/**
	 * What is replayed over a tenant's source, in two layers: state.json's, then the journal's after
	 * it. State.json's is named by the content hash of the file read, so that a tenant with it
	 * replayed can be kept (it changes only when the journal is folded into it); null when there is none.
	 */
	readonly savedBase: {hash: string; folded(tenantId: string): Folded} | null;
	/** The journal's changes to the tenant, folded; `reset`: they start from nothing (--reset), not from state.json's. */
	journalFolded(tenantId: string): {folded: Folded; reset: boolean};
	/** The same, as a list of changes. */
	changes(tenantId: string): Change[];
	/** Written (fsynced) before the change is sent: if the app is killed mid-way, the next start settles it. */
	begin(change: PendingChange): void;
	/**
	 * The outcome with its audit entries, fsynced in one journal line: from then on the change is
	 * saved and audited. Throws a UserError when it could not be saved.
	 */
	commit(record: CommitRecord): void;
	/** Changes begun and never committed: the app was killed while sending them. */
	interrupted(tenantId: string): PendingChange[];
	/** There is a change cut off, of any tenant, for a writer to settle. */
	cutOff(): boolean;
	/** The audit log, oldest first, and what was skipped in it (a line cut off by a crash). */
	audit(): {entries: AuditEntry[]; problem: string | null};
	/** Writes a report (Markdown) into the reports folder; returns its path. */
	saveReport(name: string, text: string): string;
	/**
	 * A writer's housekeeping, at its start and end: the journal's audit entries appended to the
	 * audit log (those not there yet), and the journal folded into state.json when it has grown (with
	 * nothing cut off waiting to be settled). What is saved stands whether it works or not; returns
	 * why it did not (tried again next time), or null.
	 */
	compact(options?: {force?: boolean}): string | null;
	/**
	 * Reads again what is saved (the journal, then state.json), as another process may have saved
	 * since this one read it; true when it had. A writer calls it under the lock before it writes,
	 * so that it appends after what others wrote and plans on what they changed.
	 */
	catchUp(): boolean;
	/** Makes the directory (0700) for a writer. */
	prepare(): void;
	/** Takes from others what they may do with the files the app keeps here (a writer); says which, or null. */
	tighten(): string | null;
}

export function openStateFile(stateDir: string | undefined): StateFile {
	const dir = stateDir ?? defaultStateDir();
	const path = join(dir, 'state.json');
	const auditPath = join(dir, 'audit.jsonl');
	let prepared = false;
	const prepare = () => {
		if (prepared) return;
		prepareStateDir(stateDir);
		prepared = true;
	};
	// The journal first, then state.json: see the top of this file. The journal's records up to
	// state.json's `through` are folded into it already; they are told apart once both are read.
	const journalPath = join(dir, 'journal.jsonl');
	const journalText = readIfThere(journalPath) ?? '';
	let saved = readSavedState(path);
	let journal = openJournal(journalPath, journalText, saved.through, prepare);
	let savedHash: () => string | null = () => saved.hash();
	const base = () => saved.tenants();

	const fold = (force: boolean) => {
		removeLeftovers(dir);
		if (!foldDue(journal, force)) {
			// The audit log gets what the journal holds of it at each writer's end, fold or not.
			if (journal.commits.length > 0) appendToAuditLog(auditPath, journal.commits);
			return;
		}
		prepare();
		const {tenants, hash} = writeFold({state: path, audit: auditPath}, journal, base());
		saved = {through: journal.seq, tenants: () => tenants, hash: () => hash};
		savedHash = () => hash;
	};

	return {
		dir,
		path,
		prepare,
		folded: tenantId => foldedOf(base(), journal.commits, tenantId),
		changes: tenantId => unfold(foldedOf(base(), journal.commits, tenantId)),
		get savedBase() {
			const hash = savedHash();
			return hash === null ? null : {hash, folded: (tenantId: string) => base().get(tenantId) ?? new Map()};
		},
		journalFolded: tenantId => foldJournal(journal.commits, tenantId, () => new Map()),
		begin: change => journal.begin(change),
		commit: record => journal.commit(record),
		interrupted: tenantId => [...journal.begun.values()].filter(change => change.tenantId === tenantId),
		cutOff: () => journal.begun.size > 0,
		audit: () => readAuditLog(auditPath, journal.commits),
		saveReport(name, text) {
			prepare();
			return writePrivateFile(join(dir, 'reports', name), text, {ownFolder: true});
		},
		tighten: () => tightenStateDir(dir),
		catchUp() {
			const known = journal.seq;
			const text = readIfThere(journalPath) ?? '';
			saved = readSavedState(path);
			savedHash = () => saved.hash();
			journal = openJournal(journalPath, text, saved.through, prepare);
			// Record numbers only grow (a fold keeps them in state.json's `through`): a higher one is another's.
			return journal.seq > known;
		},
		compact({force = false} = {}) {
			try {
				fold(force);
				return null;
			} catch (error) {
				if (!(error instanceof UserError)) throw error;
				return strings.state.notFolded(error.message);
			}
		},
	};
}
