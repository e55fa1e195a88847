// journal.jsonl: one line per step of a change, appended and fsynced. `begin` is written before a
// change is sent; `commit` carries its outcome whole: the state changes to replay and the audit
// entries, in one line, so a change is saved with its audit entries or not at all. The lines after
// state.json's `through` are what is saved since the journal was last folded (fold.ts).
import type {AuditEntry} from '../domain/audit.js';
import type {Change} from '../domain/changes.js';
import {UserError} from '../errors.js';
import {strings} from '../text/index.js';
import {appendDurably, crashPoint, truncateDurably, writeFileDurably} from '../fs/durable.js';
import {shapeProblem} from './state-schema.js';
import type {BeginRecord, JournalRecord} from './state.schema.js';

/** What a change was about to do, kept until its outcome is saved (a crash leaves it). */
export type PendingChange = Omit<BeginRecord, 'seq' | 'type'>;

/** A change's outcome: the state changes to replay, and its audit entries. */
export interface CommitRecord {
	id: string;
	tenantId: string;
	time: string;
	changes: Change[];
	/** Its audit entries (their changeId is the record's id). */
	audit: AuditEntry[];
	/** Discards everything saved for the tenant before these changes (--reset). */
	reset?: boolean;
}

export interface Journal {
	readonly path: string;
	/** The last record's number (state.json's `through` when there is none after it). */
	readonly seq: number;
	/** The bytes of whole lines (what the journal holds once a half line a crash left is cut off). */
	readonly bytes: number;
	/** Changes begun and not committed: the app was stopped while sending them. */
	readonly begun: ReadonlyMap<string, PendingChange>;
	/** The changes committed since state.json, in order. */
	readonly commits: readonly CommitRecord[];
	begin(change: PendingChange): void;
	commit(record: CommitRecord): void;
	/** Empties the journal: everything in it is in state.json (and the audit log) now. */
	empty(): void;
}

/**
 * The journal from its text (read before state.json), keeping the records after `through`. A line that cannot be read refuses the
 * directory (a UserError naming the file and line); a last line without its line break was cut
 * off by a crash mid-append and was never reported saved: it is left out, and cut off before the
 * next append.
 */
export function openJournal(path: string, text: string, through: number, prepare: () => void): Journal {
	const whole = text.lastIndexOf('\n') + 1;
	let bytes = Buffer.byteLength(text.slice(0, whole));
	let tornTail = whole < text.length;
	let seq = through;
	const begun = new Map<string, PendingChange>();
	const committed = new Set<string>();
	let commits: CommitRecord[] = [];
	const lines = text.slice(0, whole).split('\n');
	lines.pop();
	for (const [i, line] of lines.entries()) {
		const record = parseRecord(path, i + 1, line);
		// Folded into state.json already (a crash came between writing it and emptying the journal).
		if (record.seq <= through) continue;
		seq = Math.max(seq, record.seq);
		// Each step counts once, in whatever order its lines stand: a begin after its commit was settled already.
		const {seq: _seq, type: _type, ...rest} = record;
		if (record.type === 'begin') {
			if (!committed.has(record.id)) begun.set(record.id, rest as PendingChange);
		} else if (!committed.has(record.id)) {
			commits.push(rest as CommitRecord);
			begun.delete(record.id);
			committed.add(record.id);
		}
	}

	const append = (record: JournalRecord, crashStep: string) => {
		prepare();
		if (tornTail) {
			truncateDurably(path, bytes);
			tornTail = false;
		}
		const line = `${JSON.stringify(record)}\n`;
		// Never a line the next start could not read back (and so would refuse the directory over):
		// the change is refused instead, before anything of it is sent.
		const unreadable = shapeProblem('journalRecord', JSON.parse(line));
		if (unreadable) throw new UserError(strings.state.unreadable(path, unreadable));
		appendDurably(path, line, crashStep);
		bytes += Buffer.byteLength(line);
	};
	/** Refuses a change the journal's counter has no numbers left for (its bound is the schema's). */
	const roomFor = (records: number) => {
		const problem = shapeProblem('journalRecord', {seq: seq + records, type: 'begin', id: 'room', time: 'room', actor: 'room', tenantId: 'room', items: []});
		if (problem) throw new UserError(strings.state.unreadable(path, problem));
	};

	return {
		path,
		get seq() {
			return seq;
		},
		get bytes() {
			return bytes;
		},
		begun,
		get commits() {
			return commits;
		},
		begin(change) {
			// Numbers for its begin and its commit before either is used: a change is never begun that could not be committed.
			roomFor(2);
			append({seq: seq + 1, type: 'begin', ...change}, 'begin');
			seq++;
			begun.set(change.id, change);
		},
		commit(record) {
			if (!begun.has(record.id)) roomFor(1);
			// The audit entries' changeId is the record's: said once, in the record.
			const audit = record.audit.map(({changeId: _, ...entry}) => entry);
			append({seq: seq + 1, type: 'commit', ...record, audit}, 'commit');
			seq++;
			crashPoint('after-commit');
			commits.push({...record, audit});
			begun.delete(record.id);
			committed.add(record.id);
		},
		empty() {
			writeFileDurably(path, '');
			bytes = 0;
			tornTail = false;
			commits = [];
		},
	};
}

function parseRecord(path: string, line: number, text: string): JournalRecord {
	const refuse = (problem: string) => new UserError(strings.state.refused(path, strings.state.line(line, problem)));
	let record: unknown;
	try {
		record = JSON.parse(text);
	} catch {
		throw refuse(strings.state.notJson);
	}
	const wrong = shapeProblem('journalRecord', record);
	if (wrong) throw refuse(wrong);
	return record as JournalRecord;
}
