// audit.jsonl: every change's audit entries, one a line, oldest first. A change's entries are saved
// once, in its journal record; folding the journal moves them here (each with its change's id), and
// until then the log is this file followed by the journal's entries. Only a fold appends here.
import type {AuditEntry} from '../domain/audit.js';
import {appendDurably, crashPoint, lookAt, readIfThere, readTail, truncateDurably} from '../fs/durable.js';
import {strings} from '../text/index.js';
import type {CommitRecord} from './journal.js';
import {shapeProblem} from './state-schema.js';
import {extended} from '../domain/extended.js';

/** The lines a fold appends for these commits, in order. */
const linesOf = (commits: readonly CommitRecord[]): string[] =>
	commits.flatMap(commit => commit.audit.map(entry => `${JSON.stringify(extended(entry, {changeId: commit.id}))}\n`));

/**
 * The audit log, oldest first: the file's entries, then the journal's not in it yet. A line that is
 * not a whole entry (a crash cut it off) is skipped and said so; the rest is still read.
 */
export function readAuditLog(path: string, commits: readonly CommitRecord[]): {entries: AuditEntry[]; problem: string | null} {
	const text = readIfThere(path) ?? '';
	const lines: string[] = [];
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
		else {
			entries.push(entry as AuditEntry);
			lines.push(`${line}\n`);
		}
	}
	// A fold cut off after it appended the journal's first entries: those are here already.
	const pending = linesOf(commits);
	const moved = overlap(lines, pending);
	for (const line of pending.slice(moved)) entries.push(JSON.parse(line) as AuditEntry);
	return {entries, problem: skipped.length > 0 ? strings.state.auditSkipped(path, skipped) : null};
}

/** How many of `pending`'s first lines the end of `lines` holds already. */
function overlap(lines: readonly string[], pending: readonly string[]): number {
	if (pending.length === 0) return 0;
	const start = lines.lastIndexOf(pending[0]!, -1);
	if (start < 0) return 0;
	const count = lines.length - start;
	for (let i = 0; i < count; i++) if (lines[start + i] !== pending[i]) return 0;
	return count;
}

/**
 * Appends the commits' audit entries to the log, fsynced: each once, however often this is called
 * for the same journal (at every writer's end, and when the journal is folded) or cut off part-way.
 * The entries an earlier call appended are at the end of the file, whole lines that begin these
 * ones: only the rest is appended. Half a line at the end (an append cut off) is cut off first: its
 * entry is in the journal, which is emptied only after the log has them all.
 */
export function appendToAuditLog(path: string, commits: readonly CommitRecord[]): void {
	const batch = Buffer.from(linesOf(commits).join(''));
	if (batch.length === 0) return;
	const size = lookAt(path)?.size ?? 0;
	// An earlier call wrote at most the batch, after a line break (or at the start of the file).
	const from = Math.max(0, size - batch.length - 1);
	const tail = size > 0 ? readTail(path, size - from) : Buffer.alloc(0);
	const lineStart = (at: number) => (at === 0 ? from === 0 : tail[at - 1] === 0x0a);
	let whole = tail.length;
	const lastBreak = tail.lastIndexOf(0x0a);
	if (lastBreak < tail.length - 1 && lineStart(lastBreak + 1)) {
		whole = lastBreak + 1;
		truncateDurably(path, from + whole);
	}
	const ours = tail.subarray(0, whole);
	const first = batch.subarray(0, batch.indexOf(0x0a) + 1);
	let there = 0;
	for (let at = ours.indexOf(first); at >= 0; at = ours.indexOf(first, at + 1)) {
		if (lineStart(at) && batch.subarray(0, ours.length - at).equals(ours.subarray(at))) {
			there = ours.length - at;
			break;
		}
	}
	if (there < batch.length) appendDurably(path, batch.subarray(there), 'audit');
	crashPoint('after-audit');
}
