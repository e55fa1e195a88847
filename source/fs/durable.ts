// Crash-safe file writes for the state directory. A whole file is written aside, fsynced, checked
// and renamed over the old one, then the directory is fsynced: the old file or the new one is
// there, never half of one. An append is one write of whole lines, fsynced; if it fails part-way
// the file is cut back to where it was, so nothing is glued to a half line.
// Every write goes through `fsSeam`, so tests can make the disk fill up or go read-only.
import * as fs from 'node:fs';
import {dirname} from 'node:path';
import {UserError} from '../backends/backend.js';
import {strings} from '../text/index.js';

export const fsSeam = {
	openSync: fs.openSync,
	writeSync: fs.writeSync as (fd: number, data: Uint8Array, offset: number, length: number, position: number | null) => number,
	fsyncSync: fs.fsyncSync,
	fstatSync: fs.fstatSync,
	ftruncateSync: fs.ftruncateSync,
	closeSync: fs.closeSync,
	renameSync: fs.renameSync,
	linkSync: fs.linkSync,
	mkdirSync: fs.mkdirSync,
};

/** A file or folder the app makes is the user's alone. */
export const fileMode = 0o600;
export const dirMode = 0o700;

/** What the disk said, in words: "the disk is full (ENOSPC)". */
export function diskReason(error: unknown): string {
	const cause = error instanceof UserError && error.cause ? error.cause : error;
	const code = (cause as NodeJS.ErrnoException).code;
	return code ? `${strings.state.reasons[code] ?? strings.state.otherReason} (${code})` : (cause as Error).message;
}

/** An error the disk gave, as one line naming the file (a UserError: exit 1, no stack trace). */
export function diskError(error: unknown, path: string, action: 'read' | 'write'): UserError {
	if (error instanceof UserError) return error;
	return Object.assign(new UserError(strings.state.cannot(action, path, diskReason(error))), {cause: error});
}

/**
 * Test-only: `M365_LICENSES_TEST_CRASH_AT=step` kills the process (SIGKILL, as a power cut or
 * `kill -9` would) at that named step of a change, so the tests can check what the next start finds.
 */
export function crashPoint(step: string): void {
	if (process.env['M365_LICENSES_TEST_CRASH_AT'] === step) process.kill(process.pid, 'SIGKILL');
}

function writeAll(fd: number, bytes: Uint8Array, crashStep?: string): void {
	let done = 0;
	while (done < bytes.length) {
		// A crash part-way through a write, for the tests: half the bytes reach the file.
		if (crashStep && process.env['M365_LICENSES_TEST_CRASH_AT'] === crashStep) {
			fsSeam.writeSync(fd, bytes, 0, Math.floor(bytes.length / 2), null);
			fsSeam.fsyncSync(fd);
			process.kill(process.pid, 'SIGKILL');
		}
		done += fsSeam.writeSync(fd, bytes, done, bytes.length - done, null);
	}
}

/** Makes a folder the app's own: created 0700; one that was already there is tightened when `own`. */
export function ensureDir(dir: string, own: boolean): void {
	let created: boolean;
	try {
		created = makeDir(dir);
	} catch (error) {
		throw diskError(error, dir, 'write');
	}
	if (!created && own) {
		try {
			if ((fs.statSync(dir).mode & 0o077) !== 0) fs.chmodSync(dir, dirMode);
		} catch {
			// Not ours to change after all (another owner): its files are still 0600.
		}
	}
}

/**
 * mkdir -p, one level at a time. (Node's recursive mkdir never returns where the system answers
 * ENOENT for a folder whose parent exists, as /proc does.) True when it made `dir`.
 */
function makeDir(dir: string): boolean {
	try {
		fsSeam.mkdirSync(dir, {mode: dirMode});
		return true;
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'EEXIST') {
			if (!fs.statSync(dir).isDirectory()) throw Object.assign(new Error(`${dir} is a file`), {code: 'ENOTDIR'});
			return false;
		}
		const parent = dirname(dir);
		if (code !== 'ENOENT' || parent === dir) throw error;
		makeDir(parent);
		fsSeam.mkdirSync(dir, {mode: dirMode});
		return true;
	}
}

/** Makes a rename or a new file in `dir` survive a power cut. Not every platform can open a folder. */
function syncDir(dir: string): void {
	let fd: number | undefined;
	try {
		fd = fs.openSync(dir, 'r');
		fsSeam.fsyncSync(fd);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code !== 'EISDIR' && code !== 'EINVAL' && code !== 'EPERM' && code !== 'EACCES') throw error;
	} finally {
		if (fd !== undefined) fs.closeSync(fd);
	}
}

const tempName = (path: string) => `${path}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`;

/** Replaces the file with `text` whole, or leaves the old one as it was and throws a UserError. */
export function writeFileDurably(path: string, text: string, crashStep?: string): void {
	const bytes = Buffer.from(text, 'utf8');
	const temp = tempName(path);
	let fd: number | undefined;
	try {
		fd = fsSeam.openSync(temp, 'wx', fileMode);
		writeAll(fd, bytes, crashStep);
		fsSeam.fsyncSync(fd);
		// Checked before it can replace anything: a short file is never renamed over a whole one.
		if (fsSeam.fstatSync(fd).size !== bytes.length) throw Object.assign(new Error('short write'), {code: 'EIO'});
		fsSeam.closeSync(fd);
		fd = undefined;
		crashPoint(`${crashStep}:before-rename`);
		fsSeam.renameSync(temp, path);
		syncDir(dirname(path));
	} catch (error) {
		if (fd !== undefined) fs.closeSync(fd);
		fs.rmSync(temp, {force: true});
		throw diskError(error, path, 'write');
	}
}

/**
 * Appends whole lines to the file, fsynced before it returns (unless `sync` is false: a line whose
 * loss in a power cut costs nothing). A file that ends in a half line (a
 * crash mid-append left it) gets a line break first, so the new lines stand on their own. If the
 * append fails part-way, the file is cut back to where it was.
 */
export function appendDurably(path: string, text: string, crashStep?: string, {sync = true}: {sync?: boolean} = {}): void {
	let fd: number | undefined;
	// Known once measured: only then can a failed append be cut back (and only to there).
	let size: number | undefined;
	try {
		const created = !fs.existsSync(path);
		fd = fsSeam.openSync(path, 'a', fileMode);
		size = fsSeam.fstatSync(fd).size;
		let prefix = '';
		if (size > 0) {
			const last = Buffer.alloc(1);
			const reader = fs.openSync(path, 'r');
			try {
				fs.readSync(reader, last, 0, 1, size - 1);
			} finally {
				fs.closeSync(reader);
			}
			if (last[0] !== 0x0a) prefix = '\n';
		}
		writeAll(fd, Buffer.from(prefix + text, 'utf8'), crashStep);
		if (sync) fsSeam.fsyncSync(fd);
		if (created) syncDir(dirname(path));
	} catch (error) {
		if (fd !== undefined && size !== undefined) {
			try {
				fsSeam.ftruncateSync(fd, size);
			} catch {
				// The reader skips a half line at the end; the next append starts a fresh one.
			}
		}
		throw diskError(error, path, 'write');
	} finally {
		if (fd !== undefined) fs.closeSync(fd);
	}
}

/** Cuts the file back to `length` bytes (a half line a crash left at its end), fsynced. */
export function truncateDurably(path: string, length: number): void {
	let fd: number | undefined;
	try {
		fd = fsSeam.openSync(path, 'r+');
		fsSeam.ftruncateSync(fd, length);
		fsSeam.fsyncSync(fd);
	} catch (error) {
		throw diskError(error, path, 'write');
	} finally {
		if (fd !== undefined) fs.closeSync(fd);
	}
}

/** The file's text, or null when there is no such file. */
export function readIfThere(path: string): string | null {
	try {
		return fs.readFileSync(path, 'utf8');
	} catch (error) {
		if (notThere(error)) return null;
		throw diskError(error, path, 'read');
	}
}

/** A file's identity: device, inode, size, modification and change times to the nanosecond. Another file, or this one edited, has another. */
export const fileIdentity = (s: fs.BigIntStats) => [s.dev, s.ino, s.size, s.mtimeNs, s.ctimeNs].join(':');

/**
 * A file opened: its identity and first bytes now, the rest when asked for. Held open until then, so
 * what is read is what was opened even if another file is renamed over it meanwhile (the state
 * directory's files are only ever replaced that way, never written in place).
 */
export interface OpenedFile {
	identity: string;
	/** The first bytes, as Latin-1. */
	head: string;
	/** The whole file, read once. */
	bytes(): Buffer;
}

export function openWithIdentity(path: string): OpenedFile | null {
	let fd: number;
	try {
		fd = fs.openSync(path, 'r');
	} catch (error) {
		if (notThere(error)) return null;
		throw diskError(error, path, 'read');
	}
	let whole: Buffer | null = null;
	try {
		const stats = fs.fstatSync(fd, {bigint: true});
		const head = Buffer.alloc(Math.min(Number(stats.size), 64));
		fs.readSync(fd, head, 0, head.length, 0);
		return {
			identity: fileIdentity(stats),
			head: head.toString('latin1'),
			bytes() {
				if (whole) return whole;
				try {
					const buffer = Buffer.alloc(Number(stats.size));
					let at = 0;
					for (let read = 1; at < buffer.length && read > 0; at += read) read = fs.readSync(fd, buffer, at, buffer.length - at, at);
					whole = buffer.subarray(0, at);
					return whole;
				} catch (error) {
					throw diskError(error, path, 'read');
				} finally {
					fs.closeSync(fd);
				}
			},
		};
	} catch (error) {
		fs.closeSync(fd);
		throw diskError(error, path, 'read');
	}
}

/** No such file, or a file where a folder on the way should be: either way nothing was saved there. */
function notThere(error: unknown): boolean {
	const code = (error as NodeJS.ErrnoException).code;
	return code === 'ENOENT' || code === 'ENOTDIR';
}
