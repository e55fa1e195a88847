// The state directory: the changes this app made to each tenant, and what it owes the audit log.
// The tenant's source (demo or snapshot) is never written; loading replays these changes over it.
//
//   journal.jsonl  one line per step of a change, appended and fsynced: `begin` before it is sent,
//                  `commit` with its outcome (the state changes and the audit entries it owes),
//                  `audited` once those entries are in the audit log
//   state.json     the journal up to record `through`, folded to one entry per user (compaction)
//   audit.jsonl    the audit log, one entry per line, appended
//   reports/       the guided sessions' reports
//   commands/      the equivalent commands saved from a confirmation (store.ts)
// and the caches: snapshot-cache.json, replayed-cache.json, validated-snapshots.json,
// graph-tenant-cache.json (commands/open.ts), msal-token-cache.json (backends/graph/auth.ts).
// Every one of them is read and written through fs/durable.ts: never through a link.
// Only the holder of the writer lock writes; anyone may read. A reader reads the journal before
// state.json, so a compaction between the two never hides a change from it.
import {readdirSync} from 'node:fs';
import {join} from 'node:path';
import envPaths from 'env-paths';
import {UserError} from '../backends/backend.js';
import type {AuditEntry} from '../domain/audit.js';
import {foldChanges, unfold, type Change, type Folded, type FoldedUser} from '../domain/changes.js';
import {strings} from '../text/index.js';
import {appendDurably, crashPoint, diskReason, dirMode, ensureDir, fileMode, openToRead, readIfThere, removeFile, tighten, truncateDurably, writeFileDurably} from '../fs/durable.js';
import {contentHash} from '../fs/content-hash.js';
import {writePrivateFile} from '../fs/private-files.js';
import {shapeProblem, stateFormat} from './state-schema.js';

/** What a license change was about to do, kept until its outcome is saved (a crash leaves it). */
export interface PendingChange {
	id: string;
	time: string;
	actor: string;
	tenantId: string;
	/** `update`: products whose apps change; `disabledPlans`: the apps turned off, per product added or updated. */
	items: Array<{userId: string; userPrincipalName: string; add: string[]; remove: string[]; update?: string[]; disabledPlans?: Record<string, string[]>}>;
}

/** A change's outcome: the state changes to replay, and the audit entries it owes. */
export interface CommitRecord {
	id: string;
	tenantId: string;
	time: string;
	changes: Change[];
	audit: AuditEntry[];
	/** Discards everything saved for the tenant before these changes (--reset). */
	reset?: boolean;
}

type JournalRecord =
	| ({seq: number; type: 'begin'} & PendingChange)
	| ({seq: number; type: 'commit'} & CommitRecord)
	| {seq: number; type: 'audited'; id: string};

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
	 * The outcome, fsynced in the journal (from then on the change is saved), then its audit entries.
	 * Returns why the audit entries could not be written (they are owed, and written on the next
	 * start), or null; throws a UserError only when the change itself could not be saved.
	 */
	commit(record: CommitRecord): string | null;
	/** Changes begun and never committed: the app was killed while sending them. */
	interrupted(tenantId: string): PendingChange[];
	/** There is something for a writer to settle: a change cut off, or audit entries owed. */
	owes(): boolean;
	/** Writes the audit entries that committed changes still owe. Returns why it could not, or null. */
	settleAudit(): string | null;
	/** The audit log, oldest first, and what was skipped in it (a line cut off by a crash). */
	audit(): {entries: AuditEntry[]; problem: string | null};
	/** Writes a report (Markdown) into the reports folder; returns its path. */
	saveReport(name: string, text: string): string;
	/**
	 * Folds the journal into state.json when it has grown (the writer, with nothing owed). Housekeeping:
	 * what is saved stands whether it works or not; returns why it did not (tried again next time), or null.
	 */
	compact(options?: {force?: boolean}): string | null;
	/** Makes the directory (0700) for a writer. */
	prepare(): void;
	/** Takes from others what they may do with the files the app keeps here (a writer); says which, or null. */
	tighten(): string | null;
}

/** The state directory: --state-dir, else M365_LICENSES_STATE_DIR, else the per-user default. */
export function resolveStateDir(flag: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
	return flag ?? (env['M365_LICENSES_STATE_DIR'] || undefined);
}

/** The per-user config directory (~/.config/m365-licenses-nodejs on Linux), where conf kept it before. */
export const defaultStateDir = () => envPaths('m365-licenses', {suffix: 'nodejs'}).config;

/** Makes the state directory for a writer: 0700, and the per-user default tightened to 0700 if it is wider. */
export function prepareStateDir(stateDir: string | undefined): void {
	ensureDir(stateDir ?? defaultStateDir(), stateDir === undefined);
}

/** The journal is folded into state.json once it is this big (and at every quit past it). */
const compactAt = 256 * 1024;

/** What the app keeps at the top of the state directory (besides the numbered writer locks). */
const ownFiles = new Set([
	'state.json',
	'state.v1.json',
	'journal.jsonl',
	'audit.jsonl',
	'pending.json',
	'snapshot-cache.json',
	'replayed-cache.json',
	'validated-snapshots.json',
	'graph-tenant-cache.json',
	'msal-token-cache.json',
]);
/** The folders the app makes in it, every file in them its own. */
const ownFolders = ['reports', 'commands'];

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function openStateFile(stateDir: string | undefined): StateFile {
	const dir = stateDir ?? defaultStateDir();
	const path = join(dir, 'state.json');
	const journalPath = join(dir, 'journal.jsonl');
	const auditPath = join(dir, 'audit.jsonl');
	const legacyPendingPath = join(dir, 'pending.json');
	const refuse = (file: string, problem: string) => new UserError(strings.state.refused(file, problem));

	// The journal first, then state.json: see the top of this file.
	const journalText = readIfThere(journalPath) ?? '';
	const stateRead = openToRead(path);

	/** state.json as it was read: its format, where the journal takes over, and its changes per tenant. */
	const parseState = () => {
		const tenants = new Map<string, Folded>();
		if (stateRead === null) return {version: stateFormat, through: 0, tenants};
		let data: unknown;
		try {
			data = JSON.parse(stateRead.bytes().toString('utf8'));
		} catch {
			throw refuse(path, strings.state.notJson);
		}
		const version = isObject(data) ? data['version'] : undefined;
		if (typeof version === 'number' && Number.isInteger(version) && version > stateFormat) throw refuse(path, strings.state.newer(version, stateFormat));
		const problem = shapeProblem(version === 1 ? 'legacyState' : version === 2 ? 'stateV2' : 'state', data);
		if (problem) throw refuse(path, problem);
		if (version === 1) {
			for (const [tenantId, {changes}] of Object.entries((data as {tenants: Record<string, {changes: Change[]}>}).tenants)) {
				tenants.set(tenantId, foldChanges(new Map(), changes));
			}
			return {version, through: 0, tenants};
		}
		const saved = data as {through: number; tenants: Record<string, {users: Array<[string, FoldedUser]> | Record<string, FoldedUser>}>};
		for (const [tenantId, {users}] of Object.entries(saved.tenants)) tenants.set(tenantId, new Map(Array.isArray(users) ? users : Object.entries(users)));
		return {version: version as number, through: saved.through, tenants};
	};
	let through = 0;
	/** state.json's changes per tenant, as read: never changed (what changes them is folded into copies). */
	let base: Map<string, Folded> | null = null;
	// A file of the newest format, as this app writes it, says where the journal takes over in its
	// first bytes: the rest is parsed only when it is replayed, and not at all when a tenant with it
	// replayed is kept (backends/snapshot-cache.ts). Any other file is read whole now.
	const header = stateRead && /^\{"version":(\d+),"through":(\d+),"tenants":/.exec(stateRead.head);
	let legacy = false;
	// Format 2 is read as it is, and written as the newest format at the next compaction.
	let outdated = false;
	// A counter past what a number holds exactly is not believed here: the schema refuses it below.
	if (header && Number(header[1]) === stateFormat && Number.isSafeInteger(Number(header[2]))) through = Number(header[2]);
	else {
		const parsed = parseState();
		({through, tenants: base} = parsed);
		legacy = parsed.version === 1;
		outdated = legacy || parsed.version === 2;
	}
	const baseTenants = () => (base ??= parseState().tenants);

	// A line without its line break was cut off by a crash mid-append: it was never reported saved.
	const whole = journalText.lastIndexOf('\n') + 1;
	let journalBytes = Buffer.byteLength(journalText.slice(0, whole));
	let tornTail = whole < journalText.length;
	let seq = through;
	const begun = new Map<string, PendingChange>();
	const committed = new Set<string>();
	const audited = new Set<string>();
	const owed = new Map<string, AuditEntry[]>();
	/** The changes saved after state.json, in order (what replaying them needs of each commit). */
	let commits: Array<Pick<CommitRecord, 'tenantId' | 'changes' | 'reset'>> = [];
	const lines = journalText.slice(0, whole).split('\n');
	lines.pop();
	for (const [i, line] of lines.entries()) {
		let record: JournalRecord;
		try {
			record = JSON.parse(line) as JournalRecord;
		} catch {
			throw refuse(journalPath, strings.state.line(i + 1, strings.state.notJson));
		}
		const wrong = shapeProblem('journalRecord', record);
		if (wrong) throw refuse(journalPath, strings.state.line(i + 1, wrong));
		// Folded into state.json already (a crash came between writing it and emptying the journal).
		if (record.seq <= through) continue;
		seq = Math.max(seq, record.seq);
		// Each step of a change counts once, in whatever order its lines stand: a begin after its
		// commit was settled already, and a commit after its `audited` owes nothing.
		if (record.type === 'begin') {
			const {seq: _seq, type: _type, ...change} = record;
			if (!committed.has(record.id)) begun.set(record.id, change);
		} else if (record.type === 'commit') {
			if (committed.has(record.id)) continue;
			commits.push({tenantId: record.tenantId, changes: record.changes, reset: record.reset});
			begun.delete(record.id);
			committed.add(record.id);
			if (!audited.has(record.id)) owed.set(record.id, record.audit);
		} else {
			audited.add(record.id);
			owed.delete(record.id);
		}
	}
	/**
	 * The journal's changes to the tenant folded over `start()` (made only if they build on it);
	 * `reset`: they start from nothing (a --reset), not from `start()`.
	 */
	const foldJournal = (tenantId: string, start: () => Folded) => {
		let folded: Folded | null = null;
		let reset = false;
		for (const record of commits) {
			if (record.tenantId !== tenantId) continue;
			if (record.reset) [folded, reset] = [new Map(), true];
			foldChanges((folded ??= start()), record.changes);
		}
		return {folded: folded ?? start(), reset};
	};
	const journalFolded = (tenantId: string) => foldJournal(tenantId, () => new Map());
	/** Everything saved for the tenant, folded into one (a copy of state.json's, the journal's over it). */
	const folded = (tenantId: string): Folded => foldJournal(tenantId, () => structuredClone(baseTenants().get(tenantId) ?? new Map<string, FoldedUser>())).folded;
	/** What the tenant with state.json replayed is kept under: the content hash of the file as read (made when asked). */
	let stateHash: (() => string) | null = stateRead ? () => stateRead.hash() : null;

	// pending.json: a change the build before the journal was sending when it was stopped.
	const legacyPending = (): PendingChange | null => {
		const text = readIfThere(legacyPendingPath);
		if (text === null) return null;
		let pending: unknown;
		try {
			pending = JSON.parse(text);
		} catch {
			throw refuse(legacyPendingPath, strings.state.notJson);
		}
		const wrong = shapeProblem('legacyPending', pending);
		if (wrong) throw refuse(legacyPendingPath, wrong);
		return {...(pending as Omit<PendingChange, 'id'>), id: `pending.json ${(pending as PendingChange).time}`};
	};

	const removeLegacyPending = () => {
		try {
			removeFile(legacyPendingPath);
		} catch {
			// Settled all the same: the journal records it, so it is not settled twice.
		}
	};

	/** Files written aside by a writer that was killed before it renamed them (only a writer calls this). */
	const removeLeftovers = () => {
		for (const folder of [dir, ...ownFolders.map(name => join(dir, name))]) {
			try {
				for (const name of readdirSync(folder)) {
					const match = /\.(\d+)\.[a-z0-9]+\.tmp$/.exec(name);
					if (match && Number(match[1]) !== process.pid && !name.startsWith('.writer.lock.')) removeFile(join(folder, name));
				}
			} catch {
				// Nothing there, or not ours to tidy: leftovers take space, not data.
			}
		}
	};

	let prepared = false;
	const prepare = () => {
		if (prepared) return;
		prepareStateDir(stateDir);
		prepared = true;
	};
	const append = (record: JournalRecord, crashStep: string, sync = true) => {
		prepare();
		if (tornTail) {
			truncateDurably(journalPath, journalBytes);
			tornTail = false;
		}
		const line = `${JSON.stringify(record)}\n`;
		// Never a line the next start could not read back (and so would refuse the directory over):
		// the change is refused instead, before anything of it is sent.
		const unreadable = shapeProblem('journalRecord', JSON.parse(line));
		if (unreadable) throw new UserError(strings.state.unreadable(journalPath, unreadable));
		appendDurably(journalPath, line, crashStep, {sync});
		journalBytes += Buffer.byteLength(line);
	};
	const nextSeq = () => ++seq;
	/** Refuses a change the journal's counter has no numbers left for (its bound is the schema's). */
	const roomFor = (records: number) => {
		const problem = shapeProblem('journalRecord', {seq: seq + records, type: 'audited', id: 'room'});
		if (problem) throw new UserError(strings.state.unreadable(journalPath, problem));
	};

	const readAudit = () => {
		const text = readIfThere(auditPath) ?? '';
		const entries: AuditEntry[] = [];
		const skipped: number[] = [];
		for (const [i, line] of text.split('\n').entries()) {
			if (line.trim() === '') continue;
			let entry: unknown;
			try {
				entry = JSON.parse(line);
			} catch {
				skipped.push(i + 1);
				continue;
			}
			if (shapeProblem('auditEntry', entry)) skipped.push(i + 1);
			else entries.push(entry as AuditEntry);
		}
		return {entries, skipped};
	};
	/** Appends audit entries; the reason they could not be written, or null. */
	const writeAudit = (id: string, entries: readonly AuditEntry[]): string | null => {
		try {
			if (entries.length > 0) appendDurably(auditPath, entries.map(entry => `${JSON.stringify(entry)}\n`).join(''), 'audit');
		} catch (error) {
			return strings.state.auditNotWritten(diskReason(error), auditPath);
		}
		owed.delete(id);
		crashPoint('after-audit');
		try {
			// Not fsynced: the audit entries are, and if this line is lost the next start finds them there.
			append({seq: nextSeq(), type: 'audited', id}, 'audited', false);
		} catch {
			// Only a hint: without it the next start finds the entries in the audit log and adds none.
		}
		return null;
	};

	const stateFile: StateFile = {
		dir,
		path,
		prepare,
		folded,
		changes: tenantId => unfold(folded(tenantId)),
		get savedBase() {
			if (stateHash === null) return null;
			const hash = stateHash();
			stateHash = () => hash;
			return {hash, folded: (tenantId: string) => baseTenants().get(tenantId) ?? new Map()};
		},
		journalFolded,
		begin(change) {
			// Numbers for all of it (begin, commit, audited) before any is used: a change is never
			// begun that could not be committed, nor then settled at every start without end.
			roomFor(3);
			append({seq: nextSeq(), type: 'begin', ...change}, 'begin');
			begun.set(change.id, change);
		},
		commit(record) {
			if (!begun.has(record.id)) roomFor(2);
			const audit = record.audit.map(entry => ({...entry, changeId: record.id}));
			append({seq: nextSeq(), type: 'commit', ...record, audit}, 'commit');
			commits.push({tenantId: record.tenantId, changes: record.changes, reset: record.reset});
			begun.delete(record.id);
			committed.add(record.id);
			owed.set(record.id, audit);
			crashPoint('after-commit');
			if (record.id.startsWith('pending.json ')) removeLegacyPending();
			return writeAudit(record.id, audit);
		},
		interrupted(tenantId) {
			const pending = [...begun.values()];
			const old = legacyPending();
			if (old && !committed.has(old.id)) pending.push(old);
			return pending.filter(change => change.tenantId === tenantId);
		},
		owes() {
			return owed.size > 0 || begun.size > 0 || (legacyPending() !== null);
		},
		settleAudit() {
			// Settled by the build before, which was stopped before it removed the file.
			const old = legacyPending();
			if (old && committed.has(old.id)) removeLegacyPending();
			if (owed.size === 0) return null;
			// A crash may have come after some of the entries were written: add only those missing.
			const written = new Set(readAudit().entries.filter(entry => entry.changeId && owed.has(entry.changeId)).map(entry => JSON.stringify(entry)));
			for (const [id, entries] of [...owed]) {
				const problem = writeAudit(id, entries.filter(entry => !written.has(JSON.stringify(entry))));
				if (problem) return problem;
			}
			return null;
		},
		audit() {
			const {entries, skipped} = readAudit();
			return {entries, problem: skipped.length > 0 ? strings.state.auditSkipped(auditPath, skipped) : null};
		},
		saveReport(name, text) {
			prepare();
			return writePrivateFile(join(dir, 'reports', name), text, {ownFolder: true});
		},
		tighten() {
			const tightened: string[] = [];
			const own = (name: string, mode: number) => tighten(join(dir, name), mode) && tightened.push(name);
			let names: string[];
			try {
				names = readdirSync(dir);
			} catch {
				// No directory yet: nothing in it to tighten.
				return null;
			}
			for (const name of names) if (ownFiles.has(name) || /^writer\.lock\.\d+(\.released)?$/.test(name)) own(name, fileMode);
			for (const folder of ownFolders.filter(name => names.includes(name))) {
				own(folder, dirMode);
				try {
					for (const name of readdirSync(join(dir, folder))) own(join(folder, name), fileMode);
				} catch {
					// A link or a file where the folder belongs: refused when anything is written there.
				}
			}
			return tightened.length > 0 ? strings.state.tightened(dir, tightened) : null;
		},
		compact(options = {}) {
			try {
				fold(options);
				return null;
			} catch (error) {
				if (!(error instanceof UserError)) throw error;
				return strings.state.notFolded(error.message);
			}
		},
	};
	/** compact: the journal folded into a new state.json, then emptied. */
	function fold({force = false}: {force?: boolean}): void {
		removeLeftovers();
		if (begun.size > 0 || owed.size > 0) return;
		if (!force && !outdated && journalBytes < compactAt) return;
		if (journalBytes === 0 && !outdated) return;
		prepare();
		// The format 1 file is kept as it was, beside the new one.
		if (legacy && stateRead !== null && readIfThere(join(dir, 'state.v1.json')) === null) writeFileDurably(join(dir, 'state.v1.json'), stateRead.bytes().toString('utf8'));
		const tenantIds = new Set([...baseTenants().keys(), ...commits.map(record => record.tenantId)]);
		const next = new Map([...tenantIds].map(id => [id, folded(id)] as const).filter(([, users]) => users.size > 0));
		const kept = Object.fromEntries([...next].map(([id, users]) => [id, {users: [...users]}]));
		const text = `${JSON.stringify({version: stateFormat, through: seq, tenants: kept})}\n`;
		writeFileDurably(path, text, 'state');
		crashPoint('after-state');
		writeFileDurably(journalPath, '');
		journalBytes = 0;
		tornTail = false;
		through = seq;
		base = next;
		commits = [];
		const hash = contentHash(text);
		stateHash = () => hash;
		legacy = false;
		outdated = false;
	}
	return stateFile;
}
