// Files the app leaves for the admin in the state directory (the equivalent commands): readable by
// the admin alone, like everything else the app writes there, and never half written.
import {chmodSync, mkdirSync, renameSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';

/** Writes `name` into `folder` (made 0700 if needed), as a 0600 file written aside and renamed; returns its path. */
export function writePrivateFile(folder: string, name: string, text: string): string {
	mkdirSync(folder, {recursive: true, mode: 0o700});
	chmodSync(folder, 0o700);
	const path = join(folder, name);
	writeFileSync(`${path}.tmp`, text, {mode: 0o600});
	renameSync(`${path}.tmp`, path);
	return path;
}
