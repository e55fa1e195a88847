// Files the app leaves in the state directory besides its state (the equivalent commands, and the
// caches that make a start faster): readable by the admin alone, like everything else the app
// writes there, and never half written.
import {chmodSync, mkdirSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';

/** Writes `name` into `folder` (made 0700 if needed), as a 0600 file written aside and renamed; returns its path. */
export function writePrivateFile(folder: string, name: string, text: string): string {
	mkdirSync(folder, {recursive: true, mode: 0o700});
	chmodSync(folder, 0o700);
	const path = join(folder, name);
	writeFileSync(`${path}.tmp`, text, {mode: 0o600});
	renameSync(`${path}.tmp`, path);
	return path;
}

/**
 * Replaces the cache at `path` with the text `make` gives: written aside (0600) and renamed. Best
 * effort, as a cache is: a failure, making the text or writing it, costs a slower start next time,
 * nothing else. What was written aside is removed, or tidied by the next writer (removeLeftovers).
 */
export function writeCache(path: string, make: () => string): void {
	const temp = `${path}.${process.pid}.cache.tmp`;
	try {
		const text = make();
		mkdirSync(dirname(path), {recursive: true, mode: 0o700});
		writeFileSync(temp, text, {mode: 0o600});
		renameSync(temp, path);
	} catch {
		try {
			rmSync(temp, {force: true});
		} catch {
			// Left for the next writer to tidy.
		}
	}
}
