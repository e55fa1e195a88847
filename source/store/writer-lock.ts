// One writer per state directory. The TUI holds the lock for its session, `unassign` for its run; a
// second instance is told who holds it (and the TUI opens read-only). proper-lockfile keeps the lock
// fresh while its holder lives and counts it stale after a crash, so a killed run does not lock out
// the next one for good.
import {readFileSync, rmSync, writeFileSync} from 'node:fs';
import {hostname} from 'node:os';
import {join} from 'node:path';
import lockfile from 'proper-lockfile';

export interface LockHolder {
	pid: number;
	host: string;
	command: string;
	since: string;
}

const lockPath = (stateDir: string) => join(stateDir, 'writer.lock');
const holderPath = (stateDir: string) => join(stateDir, 'writer.json');
const options = (stateDir: string) => ({lockfilePath: lockPath(stateDir), realpath: false, stale: 30_000, update: 10_000});

const unknownHolder: LockHolder = {pid: 0, host: 'unknown', command: 'unknown', since: 'unknown'};

function recordedHolder(stateDir: string): LockHolder {
	try {
		return JSON.parse(readFileSync(holderPath(stateDir), 'utf8')) as LockHolder;
	} catch {
		return unknownHolder;
	}
}

/** Who holds the lock now, or null (a holder killed on this machine holds nothing). */
export function lockHolder(stateDir: string): LockHolder | null {
	if (!lockfile.checkSync(stateDir, options(stateDir))) return null;
	const holder = recordedHolder(stateDir);
	return gone(holder) ? null : holder;
}

/** Takes the lock, or says who has it. The lock goes when `release` is called or the process ends. */
export function takeWriterLock(stateDir: string, command: string): {release: () => void} | {heldBy: LockHolder} {
	let release: () => void;
	try {
		release = lockfile.lockSync(stateDir, options(stateDir));
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
		const holder = recordedHolder(stateDir);
		if (!gone(holder)) return {heldBy: holder};
		// Its holder was killed on this machine: the lock is stale now, not in 30 seconds.
		rmSync(lockPath(stateDir), {recursive: true, force: true});
		return takeWriterLock(stateDir, command);
	}
	const holder: LockHolder = {pid: process.pid, host: hostname(), command, since: new Date().toISOString()};
	writeFileSync(holderPath(stateDir), JSON.stringify(holder), {mode: 0o600});
	return {
		release() {
			rmSync(holderPath(stateDir), {force: true});
			release();
		},
	};
}

/** A holder on this machine whose process is no longer running. */
function gone(holder: LockHolder): boolean {
	if (holder.host !== hostname() || holder.pid <= 0 || holder.pid === process.pid) return false;
	try {
		process.kill(holder.pid, 0);
		return false;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'ESRCH';
	}
}

export function describeHolder(holder: LockHolder): string {
	return `m365-licenses ${holder.command} (pid ${holder.pid} on ${holder.host}, since ${holder.since})`;
}
