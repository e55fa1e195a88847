// What a cache names the exact content it stands for by: the SHA-256 of the bytes, never the size
// and times of a file (which an edit within the second, on a file system whose times are whole
// seconds, leaves alike).
import {createHash} from 'node:crypto';
import {readSync} from 'node:fs';

export const contentHash = (content: Uint8Array | string): string => createHash('sha256').update(content).digest('base64url');

/** The hash of everything the open file `fd` holds, read in pieces: the file is never held whole for it. */
export function hashOfOpenFile(fd: number): string {
	const hash = createHash('sha256');
	const piece = Buffer.allocUnsafe(1024 * 1024);
	for (let at = 0, read = readSync(fd, piece, 0, piece.length, 0); read > 0; read = readSync(fd, piece, 0, piece.length, at)) {
		hash.update(piece.subarray(0, read));
		at += read;
	}
	return hash.digest('base64url');
}
