// The one way the app reads and writes the files of its state directory.
//
// Crash-safe: a whole file is written aside, fsynced, checked and renamed over the old one, then the
// directory is fsynced: the old file or the new one is there, never half of one. An append is one
// write of whole lines, fsynced; if it fails part-way the file is cut back to where it was, so
// nothing is glued to a half line.
//
// Never through a link: every file is opened with O_NOFOLLOW (and O_NONBLOCK, so a FIFO cannot
// hang the app), and every folder the app makes is looked at with lstat. A link, a FIFO, a device or
// a socket where the app keeps a file is refused in one line that names it (NotOurs); nothing is
// read or written through it.
//
// Every write goes through `fsSeam`, so tests can make the disk fill up or go read-only.
import * as fs from 'node:fs';
import {dirname} from 'node:path';
import {UserError} from '../errors.js';
import {strings} from '../text/index.js';
import {contentHash, hashOfOpenFile} from './content-hash.js';
import type {Stranger} from '../text/en.js';

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
	chmodSync: fs.chmodSync,
	unlinkSync: fs.unlinkSync,
};

/** A file or folder the app makes is the user's alone. */
export const fileMode = 0o600;
export const dirMode = 0o700;

// Windows has neither: there a link is followed, as every program there does.
const noFollow = (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0);
const {O_RDONLY, O_RDWR, O_APPEND, O_CREAT} = fs.constants;
const openFlags = {read: O_RDONLY, append: O_RDWR | O_APPEND | O_CREAT, update: O_RDWR} as const;

/** A link, a FIFO, a device… where the app keeps its own file or folder: refused, naming it. */
export class NotOurs extends UserError {
	constructor(
		readonly path: string,
		readonly kind: Stranger,
	) {
		super(strings.state.notOurs(path, strings.state.strangers[kind]));
	}
}

/** What the stats show instead of a plain file (`folder`: instead of a folder), or null when it is one. */
function strangerIn(stats: fs.Stats, folder = false): Stranger | null {
	if (folder ? stats.isDirectory() : stats.isFile()) return null;
	if (stats.isSymbolicLink()) return 'link';
	if (stats.isFIFO()) return 'fifo';
	if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'device';
	if (stats.isSocket()) return 'socket';
	return stats.isDirectory() ? 'folder' : 'file';
}

/** What stands at `path`, without following a link; null when nothing does (or it cannot be seen). */
export function lookAt(path: string): fs.Stats | null {
	try {
		return fs.lstatSync(path);
	} catch (error) {
		if (notThere(error)) return null;
		throw diskError(error, path, 'read');
	}
}

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

/** What stands at `path` in place of a file, as the error to give: a folder is the system's EISDIR. */
function refusal(path: string, stranger: Stranger): Error {
	return stranger === 'folder' ? Object.assign(new Error(`${path} is a folder`), {code: 'EISDIR'}) : new NotOurs(path, stranger);
}

/**
 * Opens a file of the state directory without following a link or waiting on a FIFO, and refuses
 * anything but a plain file. Writes open through the seam; reads need no fault injected.
 */
function openFile(path: string, how: keyof typeof openFlags): number {
	let fd: number;
	try {
		fd = (how === 'read' ? fs.openSync : fsSeam.openSync)(path, openFlags[how] | noFollow, fileMode);
	} catch (error) {
		// ELOOP (a link), ENXIO (a FIFO no one reads)…: what stands there says it best.
		const stats = notThere(error) ? null : fs.lstatSync(path, {throwIfNoEntry: false});
		const stranger = stats ? strangerIn(stats) : null;
		throw stranger ? refusal(path, stranger) : error;
	}
	const stranger = strangerIn(fs.fstatSync(fd));
	if (stranger) {
		fs.closeSync(fd);
		throw refusal(path, stranger);
	}
	return fd;
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

/**
 * Makes a folder before a file is written in it: created 0700 (and the folders on the way). One the
 * app names (`own`: reports/, commands/, the per-user default) must be a folder, not a link to one,
 * and is tightened to 0700; a folder someone gave (--state-dir) is used as it is.
 */
export function ensureDir(dir: string, own: boolean): void {
	let created: boolean;
	try {
		created = makeDir(dir, own);
	} catch (error) {
		throw diskError(error, dir, 'write');
	}
	if (!created && own) tighten(dir, dirMode);
}

/**
 * mkdir -p, one level at a time. (Node's recursive mkdir never returns where the system answers
 * ENOENT for a folder whose parent exists, as /proc does.) True when it made `dir`.
 */
function makeDir(dir: string, own: boolean): boolean {
	try {
		fsSeam.mkdirSync(dir, {mode: dirMode});
		return true;
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'EEXIST') {
			const stats = own ? fs.lstatSync(dir) : fs.statSync(dir);
			const stranger = strangerIn(stats, true);
			if (stranger && own) throw new NotOurs(dir, stranger);
			if (stranger) throw Object.assign(new Error(`${dir} is not a folder`), {code: 'ENOTDIR'});
			return false;
		}
		const parent = dirname(dir);
		if (code !== 'ENOENT' || parent === dir) throw error;
		makeDir(parent, false);
		fsSeam.mkdirSync(dir, {mode: dirMode});
		return true;
	}
}

/**
 * Takes away what others may do with a file or folder the app made (an older version, or a copy,
 * may have left it wider): true when it did. Never through a link; one that is not ours to change
 * (another owner) keeps its mode.
 */
export function tighten(path: string, mode: number): boolean {
	const stats = lookAt(path);
	if (!stats || strangerIn(stats, mode === dirMode) || (stats.mode & 0o077) === 0) return false;
	if (typeof process.getuid === 'function' && stats.uid !== process.getuid()) return false;
	try {
		fsSeam.chmodSync(path, mode);
		return true;
	} catch (error) {
		throw diskError(error, path, 'write');
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

/** Removes a file (never what a link points to), if it is there. */
export function removeFile(path: string): void {
	try {
		fsSeam.unlinkSync(path);
	} catch (error) {
		if (!notThere(error)) throw diskError(error, path, 'write');
	}
}

/** Removes the folder and all in it (a link in it goes, never what it points at); nothing there is fine. */
export function removeFolder(path: string): boolean {
	try {
		fs.lstatSync(path);
	} catch (error) {
		if (notThere(error)) return false;
		throw diskError(error, path, 'write');
	}
	try {
		fs.rmSync(path, {recursive: true, force: true});
		return true;
	} catch (error) {
		throw diskError(error, path, 'write');
	}
}

/**
 * Replaces the file with `text` whole, or leaves the old one as it was and throws a UserError. The
 * folder must be there (ensureDir). A link at `path` is replaced, never written through.
 */
export function writeFileDurably(path: string, text: string, crashStep?: string): void {
	const bytes = Buffer.from(text, 'utf8');
	const temp = tempName(path);
	let fd: number | undefined;
	try {
		// O_EXCL: a link already at the temporary name is not followed either.
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
		try {
			removeFile(temp);
		} catch {
			// Left for the next writer to tidy (state-file.ts, removeLeftovers): the failure to tell is the write's.
		}
		throw diskError(error, path, 'write');
	}
}

/**
 * Appends whole lines to the file, fsynced before it returns. A file that ends in a half line (a
 * crash mid-append left it) gets a line break first, so the new lines stand on their own. If the
 * append fails part-way, the file is cut back to where it was.
 */
export function appendDurably(path: string, text: string | Uint8Array, crashStep?: string): void {
	let fd: number | undefined;
	// Known once measured: only then can a failed append be cut back (and only to there).
	let size: number | undefined;
	try {
		const created = lookAt(path) === null;
		fd = openFile(path, 'append');
		size = fsSeam.fstatSync(fd).size;
		let prefix = '';
		if (size > 0) {
			const last = Buffer.alloc(1);
			fs.readSync(fd, last, 0, 1, size - 1);
			if (last[0] !== 0x0a) prefix = '\n';
		}
		const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
		writeAll(fd, prefix ? Buffer.concat([Buffer.from(prefix), bytes]) : bytes, crashStep);
		fsSeam.fsyncSync(fd);
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
		fd = openFile(path, 'update');
		fsSeam.ftruncateSync(fd, length);
		fsSeam.fsyncSync(fd);
	} catch (error) {
		throw diskError(error, path, 'write');
	} finally {
		if (fd !== undefined) fs.closeSync(fd);
	}
}

/** The file opened for reading, or null when there is none; a link, FIFO or device is refused. */
function openIfThere(path: string): number | null {
	try {
		return openFile(path, 'read');
	} catch (error) {
		if (notThere(error)) return null;
		throw diskError(error, path, 'read');
	}
}

/** Everything from the file, read through `fd` (at most `size` bytes, as it was when opened). */
function readAll(fd: number, size: number): Buffer {
	const buffer = Buffer.alloc(size);
	let at = 0;
	for (let read = 1; at < buffer.length && read > 0; at += read) read = fs.readSync(fd, buffer, at, buffer.length - at, at);
	return buffer.subarray(0, at);
}

/** The file's bytes, or null when there is no such file. */
export function readBytesIfThere(path: string): Buffer | null {
	const fd = openIfThere(path);
	if (fd === null) return null;
	try {
		return readAll(fd, fs.fstatSync(fd).size);
	} catch (error) {
		throw diskError(error, path, 'read');
	} finally {
		fs.closeSync(fd);
	}
}

/** The last `length` bytes of the file (fewer when it is shorter; none when it is not there). */
export function readTail(path: string, length: number): Buffer {
	const fd = openIfThere(path);
	if (fd === null) return Buffer.alloc(0);
	try {
		const size = fs.fstatSync(fd).size;
		const buffer = Buffer.alloc(Math.min(size, length));
		let at = 0;
		for (let read = 1; at < buffer.length && read > 0; at += read) read = fs.readSync(fd, buffer, at, buffer.length - at, size - buffer.length + at);
		return buffer.subarray(0, at);
	} catch (error) {
		throw diskError(error, path, 'read');
	} finally {
		fs.closeSync(fd);
	}
}

/** The file's text, or null when there is no such file. */
export function readIfThere(path: string): string | null {
	return readBytesIfThere(path)?.toString('utf8') ?? null;
}

/**
 * A file opened: its first bytes now, the rest when asked for. Held open until then, so what is
 * read is what was opened even if another file is renamed over it meanwhile (the state directory's
 * files are only ever replaced that way, never written in place).
 */
export interface OpenedFile {
	/** The first bytes, as Latin-1. */
	head: string;
	/** The whole file, read once. */
	bytes(): Buffer;
	/** Its content hash, read in pieces (the file not kept whole for it). */
	hash(): string;
}

export function openToRead(path: string): OpenedFile | null {
	const fd = openIfThere(path);
	if (fd === null) return null;
	let whole: Buffer | null = null;
	try {
		const size = fs.fstatSync(fd).size;
		const head = Buffer.alloc(Math.min(size, 64));
		fs.readSync(fd, head, 0, head.length, 0);
		return {
			head: head.toString('latin1'),
			bytes() {
				if (whole) return whole;
				try {
					whole = readAll(fd, size);
					return whole;
				} catch (error) {
					throw diskError(error, path, 'read');
				} finally {
					fs.closeSync(fd);
				}
			},
			hash() {
				if (whole) return contentHash(whole);
				try {
					return hashOfOpenFile(fd);
				} catch (error) {
					throw diskError(error, path, 'read');
				}
			},
		};
	} catch (error) {
		fs.closeSync(fd);
		throw diskError(error, path, 'read');
	}
}

/** A folder where a file was looked for (EISDIR), as the disk or openFile said it. */
export function isFolder(error: unknown): boolean {
	const cause = error instanceof UserError && error.cause ? error.cause : error;
	return (cause as NodeJS.ErrnoException).code === 'EISDIR';
}

/** No such file, or a file where a folder on the way should be: either way nothing was saved there. */
function notThere(error: unknown): boolean {
	const code = (error as NodeJS.ErrnoException).code;
	return code === 'ENOENT' || code === 'ENOTDIR';
}
