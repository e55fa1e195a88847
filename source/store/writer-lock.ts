// One writer per state directory. The TUI holds the lock for its session, `unassign` for its run; a
// second instance is told who holds it (and the TUI opens read-only).
//
// The lock is a numbered file, writer.lock.N, holding who took it. It is created whole (written
// aside, then hard-linked into place, which fails if the name exists), so exactly one process
// creates each number. Taking over a stale lock N means creating N+1: when several processes find
// the same stale lock, one link wins and the rest see a live holder. Numbers are never reused: a
// released lock is renamed writer.lock.N.released, and the next one is N+1.
// Stale: its holder was on this machine and is no longer running (taken over at once), or, held
// from elsewhere or unreadable, it was not refreshed for 30 seconds (the holder touches it every 10).
// A holder on this machine is the process with its pid that started when it did, in the same boot:
// a pid the system has since given to another process holds nothing.
// The numbers end at 15 digits: a lock past the last one starts them again at 1, once every lock
// is free (it would take a million years of changes, or a file put there by hand).
import {strings} from '../text/index.js';
import {readdirSync, readFileSync, rmSync, utimesSync} from 'node:fs';
import {hostname} from 'node:os';
import {join} from 'node:path';
import {crashPoint, diskError, fileMode, fsSeam, isFolder, lookAt, readIfThere, removeFile} from '../fs/durable.js';

export interface LockHolder {
	pid: number;
	host: string;
	command: string;
	since: string;
	/** When the process started (Linux: clock ticks since boot), and in which boot: with the pid, one process ever. */
	started?: string;
	boot?: string;
}

const staleAfterMs = 30_000;
const refreshEveryMs = 10_000;
const lockName = /^writer\.lock\.(\d{1,15})(\.released)?$/;
const lastNumber = 999_999_999_999_999;
const lockFile = (stateDir: string, n: number) => join(stateDir, `writer.lock.${n}`);

const unknownHolder: LockHolder = {pid: 0, host: 'unknown', command: 'unknown', since: 'unknown'};

interface Seen {
	/** The highest lock number in the directory (0: none yet). */
	n: number;
	/** Who holds the lock now, or null when it is free (released, stale or never taken). */
	holder: LockHolder | null;
}

/**
 * The holder a lock file names; null when there is no such file. A link, a FIFO or a device where
 * a lock belongs is refused, naming it (reading a FIFO would wait for ever).
 */
function readHolder(path: string): LockHolder | null {
	let text: string | null;
	try {
		text = readIfThere(path);
	} catch (error) {
		// A folder (someone else's, or damaged): its age decides.
		if (isFolder(error)) return unknownHolder;
		throw error;
	}
	if (text === null) return null;
	try {
		const holder = JSON.parse(text) as LockHolder;
		return typeof holder?.pid === 'number' && typeof holder.host === 'string' ? holder : unknownHolder;
	} catch {
		// Not JSON: damaged. Its age decides.
		return unknownHolder;
	}
}

/** The first line of a file of the system's, or null where there is none (not Linux). */
function systemFile(path: string): string | null {
	try {
		return readFileSync(path, 'utf8');
	} catch {
		return null;
	}
}

/** When the process started, in clock ticks since boot (field 22 of /proc/PID/stat, after the name in parentheses). */
function startOf(pid: number): string | undefined {
	const stat = systemFile(`/proc/${pid}/stat`);
	return stat?.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
}

let thisBoot: string | null | undefined;
const bootId = () => (thisBoot === undefined ? (thisBoot = systemFile('/proc/sys/kernel/random/boot_id')?.trim() || null) : thisBoot);

/** This process as a lock names it. */
const me = (command: string): LockHolder => ({
	pid: process.pid,
	host: hostname(),
	command,
	since: new Date().toISOString(),
	...(startOf(process.pid) ? {started: startOf(process.pid)} : {}),
	...(bootId() ? {boot: bootId()!} : {}),
});

/** A holder on this machine whose process is no longer running: ended, or its pid now another's. */
function gone(holder: LockHolder): boolean {
	if (holder.host !== hostname() || holder.pid <= 0) return false;
	// Another boot: every process of that one has ended.
	if (holder.boot && bootId() && holder.boot !== bootId()) return true;
	if (holder.pid === process.pid && !holder.started) return false;
	try {
		process.kill(holder.pid, 0);
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'ESRCH';
	}
	const started = holder.started ? startOf(holder.pid) : undefined;
	return started !== undefined && started !== holder.started;
}

/** Null when the lock at `path` is stale (or not there), else its holder. */
function liveHolder(path: string): LockHolder | null {
	const stats = lookAt(path);
	if (!stats) return null;
	const modified = stats.mtimeMs;
	// A lock file gone since: a writer that lost the race for its number took it back.
	const holder = readHolder(path);
	if (!holder || gone(holder)) return null;
	const here = holder.host === hostname() && holder.pid > 0;
	return here || Date.now() - modified < staleAfterMs ? holder : null;
}

function look(stateDir: string): Seen {
	let names: string[];
	try {
		names = readdirSync(stateDir);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT' || code === 'ENOTDIR') return {n: 0, holder: null};
		throw diskError(error, stateDir, 'read');
	}
	let n = 0;
	let released = false;
	for (const name of names) {
		const match = lockName.exec(name);
		if (!match) continue;
		const number = Number(match[1]);
		if (number > n || (number === n && match[2])) {
			n = number;
			released = Boolean(match[2]);
		}
	}
	return {n, holder: n === 0 || released ? null : liveHolder(lockFile(stateDir, n))};
}

/** Who holds the lock now, or null (a holder killed on this machine holds nothing). */
export function lockHolder(stateDir: string): LockHolder | null {
	return look(stateDir).holder;
}

/** Takes the lock, or says who has it. The lock goes when `release` is called or the process exits. */
export function takeWriterLock(stateDir: string, command: string): {release: () => void} | {heldBy: LockHolder} {
	const holder = me(command);
	const temp = join(stateDir, `.writer.lock.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
	const ours = (seen: LockHolder | null) => seen?.pid === process.pid && seen.since === holder.since;
	try {
		const fd = fsSeam.openSync(temp, 'wx', fileMode);
		try {
			const bytes = Buffer.from(JSON.stringify(holder));
			if (fsSeam.writeSync(fd, bytes, 0, bytes.length, null) !== bytes.length) throw Object.assign(new Error('short write'), {code: 'EIO'});
			fsSeam.fsyncSync(fd);
		} finally {
			fsSeam.closeSync(fd);
		}
	} catch (error) {
		removeQuietly(temp);
		// Named by the directory: the file being made is of no interest (another user's 0700 directory: EACCES).
		throw diskError(error, stateDir, 'write');
	}
	try {
		// Another process may win each number; a handful of rounds settles it.
		for (let round = 0; round < 50; round++) {
			const seen = look(stateDir);
			if (seen.holder) return {heldBy: seen.holder};
			// Past the last number, every lock is free: they go, and the numbers start again.
			if (seen.n >= lastNumber) tidy(stateDir, Infinity);
			const n = seen.n >= lastNumber ? 1 : seen.n + 1;
			try {
				fsSeam.linkSync(temp, lockFile(stateDir, n));
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
				throw diskError(error, lockFile(stateDir, n), 'write');
			}
			// Ours only if no one released this number or went past it meanwhile (our look was older),
			// and no other lock is live (a latecomer's, linked as the numbers started again).
			const after = look(stateDir);
			if (after.n !== n || !ours(after.holder) || otherLive(stateDir, n)) {
				removeQuietly(lockFile(stateDir, n));
				continue;
			}
			crashPoint('after-lock');
			tidy(stateDir, n);
			return {release: hold(stateDir, n)};
		}
		return {heldBy: look(stateDir).holder ?? unknownHolder};
	} finally {
		removeQuietly(temp);
	}
}

/** A lock other than number `n`, not released, whose holder is live. */
function otherLive(stateDir: string, n: number): boolean {
	const names = readdirSync(stateDir);
	return names.some(name => {
		const match = lockName.exec(name);
		return match !== null && !match[2] && Number(match[1]) !== n && !names.includes(`${name}.released`) && liveHolder(join(stateDir, name)) !== null;
	});
}

/** Removes a file of the lock's own making; one left behind is tidied by the next writer. */
function removeQuietly(path: string): void {
	try {
		removeFile(path);
	} catch {
		// Left for tidy(): a leftover takes space, never the lock.
	}
}

/** Keeps lock `n` fresh while this process lives; returns what lets it go. */
function hold(stateDir: string, n: number): () => void {
	const path = lockFile(stateDir, n);
	const timer = setInterval(() => {
		try {
			const now = new Date();
			utimesSync(path, now, now);
		} catch {
			// Gone: taken over after all (only a holder elsewhere can lose it so); nothing to keep fresh.
		}
	}, refreshEveryMs);
	timer.unref();
	let held = true;
	const release = () => {
		if (!held) return;
		held = false;
		clearInterval(timer);
		process.off('exit', release);
		try {
			fsSeam.renameSync(path, `${path}.released`);
		} catch {
			// Already taken over, or the directory is gone: nothing of ours is left to release.
		}
	};
	process.on('exit', release);
	return release;
}

/** Removes the locks before `n`, and lock files half made by a crash. */
function tidy(stateDir: string, n: number): void {
	try {
		for (const name of readdirSync(stateDir)) {
			const match = lockName.exec(name);
			const old = match !== null && Number(match[1]) < n;
			// Lock files being made by processes still trying to take the lock are theirs: only a dead one's go.
			const temp = /^\.writer\.lock\.(\d+)\..*\.tmp$/.exec(name);
			const leftover =
				temp !== null &&
				(gone({...unknownHolder, pid: Number(temp[1]), host: hostname()}) || Date.now() - (lookAt(join(stateDir, name))?.mtimeMs ?? 0) > staleAfterMs);
			// rm takes a link away, never what it points to.
			if (old || leftover) rmSync(join(stateDir, name), {recursive: true, force: true});
		}
	} catch {
		// Tidying is not needed for correctness: the highest number decides.
	}
}

export function describeHolder(holder: LockHolder): string {
	return strings.cli.lockHolder(holder.command, holder.pid, holder.host, holder.since);
}
