// A file a user hands the app (a tenant snapshot, a users file), read as UTF-8 text, or refused with
// one line that names the file and says what it is instead: missing, a directory, unreadable, too
// large, UTF-16, binary, or not UTF-8. A UTF-8 BOM (Excel's "CSV UTF-8", PowerShell's Out-File) is
// taken off. Reading stops early: /dev/zero is refused after its first bytes, not when memory runs out.
import {isUtf8} from 'node:buffer';
import {closeSync, fstatSync, openSync, readSync} from 'node:fs';
import {strings} from '../text/index.js';
import {UserError} from '../errors.js';

const chunkSize = 64 * 1024;

/** What the first bytes say the file is, when it is not UTF-8 text. */
function sniff(head: Buffer): string | null {
	const starts = (...bytes: number[]) => bytes.every((byte, i) => head[i] === byte);
	const said = strings.files.kind;
	if (starts(0xff, 0xfe, 0, 0) || starts(0, 0, 0xfe, 0xff)) return said.utf32;
	if (starts(0xff, 0xfe)) return said.utf16('LE');
	if (starts(0xfe, 0xff)) return said.utf16('BE');
	if (starts(0x1f, 0x8b)) return said.gzip;
	if (starts(0x50, 0x4b, 0x03, 0x04)) return said.zip;
	if (starts(0x25, 0x50, 0x44, 0x46)) return said.pdf;
	const zeros = head.indexOf(0);
	if (zeros < 0) return null;
	// Mostly ASCII in UTF-16 without a BOM: every other byte is zero.
	const sample = head.subarray(0, 4096);
	let even = 0;
	let odd = 0;
	sample.forEach((byte, i) => byte === 0 && (i % 2 === 0 ? even++ : odd++));
	const half = sample.length / 2;
	if (odd > half * 0.4 && even < half * 0.05) return said.utf16('LE');
	if (even > half * 0.4 && odd < half * 0.05) return said.utf16('BE');
	return said.binary;
}

/** The line of the first byte that is not UTF-8, for the message (decoding itself decides). */
function lineOfInvalidUtf8(bytes: Buffer): number | null {
	for (let i = 0; i < bytes.length;) {
		const byte = bytes[i]!;
		const follow = byte < 0x80 ? 0 : byte >= 0xc2 && byte <= 0xdf ? 1 : byte >= 0xe0 && byte <= 0xef ? 2 : byte >= 0xf0 && byte <= 0xf4 ? 3 : -1;
		let valid = follow >= 0;
		for (let k = 1; valid && k <= follow; k++) valid = ((bytes[i + k] ?? 0) & 0xc0) === 0x80;
		if (!valid) return bytes.subarray(0, i).filter(b => b === 0x0a).length + 1;
		i += follow + 1;
	}
	return null;
}

function describeFailure(error: NodeJS.ErrnoException): string {
	const said = strings.files.cannotRead;
	if (error.code === 'ENOENT') return said.missing;
	if (error.code === 'EISDIR') return said.directory;
	if (error.code === 'EACCES' || error.code === 'EPERM') return said.denied;
	return said.other(error.code ?? error.message);
}

/**
 * The file's text. `label` starts every message ("Tenant file t.json", "--users-file u.csv"), so
 * the user knows which file and which flag; `exitCode` is the one a mistake in it ends with.
 */
export function readTextFile(path: string, label: string, maxBytes: number, exitCode = 1): string {
	return textOf(readFileBytes(path, label, maxBytes, exitCode), label, exitCode);
}

/** The file's bytes, refused as readTextFile refuses a file that is no text at all (by its first bytes). */
export function readFileBytes(path: string, label: string, maxBytes: number, exitCode = 1): Buffer {
	const refuse = (problem: string) => new UserError(`${label}: ${problem}`, exitCode);
	let bytes: Buffer;
	let fd: number | undefined;
	try {
		fd = openSync(path, 'r');
		const stat = fstatSync(fd);
		if (stat.isDirectory()) throw refuse(strings.files.cannotRead.directory);
		if (stat.size > maxBytes) throw refuse(strings.files.tooLarge(maxBytes));
		// A file is read into one buffer of its size; a device or a pipe, which has none, in chunks.
		bytes = Buffer.alloc(stat.isFile() ? stat.size + 1 : chunkSize);
		let size = 0;
		for (;;) {
			if (size === bytes.length) bytes = Buffer.concat([bytes, Buffer.alloc(Math.max(chunkSize, size))], size * 2 || chunkSize);
			const read = readSync(fd, bytes, size, Math.min(bytes.length - size, chunkSize * 16), null);
			if (read === 0) break;
			// The first bytes say whether it is text at all: /dev/zero stops here.
			const kind = size === 0 ? sniff(bytes.subarray(0, read)) : null;
			if (kind) throw refuse(kind);
			size += read;
			if (size > maxBytes) throw refuse(strings.files.tooLarge(maxBytes));
		}
		return bytes.subarray(0, size);
	} catch (error) {
		if (error instanceof UserError) throw error;
		throw refuse(describeFailure(error as NodeJS.ErrnoException));
	} finally {
		if (fd !== undefined) closeSync(fd);
	}
}

/** The bytes as text: UTF-8, or refused naming the line that is not; without a BOM. */
export function textOf(bytes: Buffer, label: string, exitCode = 1): string {
	if (!isUtf8(bytes)) throw new UserError(`${label}: ${strings.files.notUtf8(lineOfInvalidUtf8(bytes))}`, exitCode);
	const text = bytes.toString('utf8');
	// A UTF-8 BOM (Excel's "CSV UTF-8", PowerShell's Out-File) is not part of the text.
	return text.startsWith('\ufeff') ? text.slice(1) : text;
}
