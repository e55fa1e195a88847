// Files the app leaves in the state directory besides its state (the equivalent commands, the
// token cache, and the caches that make a start faster): readable by the admin alone, like
// everything else the app writes there, and never half written (fs/durable.ts).
//
// A cache is only a copy. Its first line names what it stands for (the caller's key: for a copy of
// a file, the file's content hash) and carries a checksum of the rest; a copy whose key or checksum
// does not match is ignored and written again, never used.
import {dirname} from 'node:path';
import {contentHash} from './content-hash.js';
import {ensureDir, readBytesIfThere, writeFileDurably} from './durable.js';

/**
 * Writes a file of the state directory whole, 0600. Its folder is made first (0700); `ownFolder`:
 * the folder is one the app names (reports/, commands/): never a link, and tightened to 0700.
 */
export function writePrivateFile(path: string, text: string, {ownFolder = false}: {ownFolder?: boolean} = {}): string {
	ensureDir(dirname(path), ownFolder);
	writeFileDurably(path, text);
	return path;
}

/**
 * Replaces the cache at `path` with the text `make` gives, under `key`. Best effort, as a cache is:
 * a failure, making the text or writing it, costs a slower start next time, nothing else.
 */
export function writeCache(path: string, key: object, make: () => string): void {
	try {
		const body = make();
		writePrivateFile(path, `${JSON.stringify({...key, checksum: contentHash(body)})}\n${body}`);
	} catch {
		// Not kept: the next start reads the source again and tries once more.
	}
}

/** The cache's text when it is there, stands for `key`, and is whole and unchanged; else null. */
export function readCache(path: string, key: object): string | null {
	let bytes: Buffer | null;
	try {
		bytes = readBytesIfThere(path);
	} catch {
		// Not a file the app wrote (a link, a FIFO), or unreadable: not used, and written again.
		return null;
	}
	const end = bytes?.indexOf(0x0a) ?? -1;
	if (!bytes || end < 0) return null;
	let header: Record<string, unknown>;
	try {
		header = JSON.parse(bytes.subarray(0, end).toString('utf8')) as Record<string, unknown>;
	} catch {
		return null;
	}
	const {checksum, ...named} = header;
	// The key first: another copy costs no hashing of its body.
	if (JSON.stringify(named) !== JSON.stringify(key)) return null;
	const body = bytes.subarray(end + 1);
	return checksum === contentHash(body) ? body.toString('utf8') : null;
}
