// Versions before the XDG homes kept everything in one folder (~/.config/m365-licenses-nodejs on
// Linux). The first start after them moves what is there to where it now belongs: caches to the
// cache home, everything else (journal, state, audit log, sign-ins, reports, locks) to the state
// home. A file that cannot be moved (one of that name is there already, or the system refuses) stays
// where it was, and is said; nothing is overwritten, and nothing is lost.
import {cpSync, readdirSync, renameSync, rmdirSync, rmSync} from 'node:fs';
import {join} from 'node:path';
import {cacheFiles, earlierHome, type Homes} from '../paths.js';
import {diskReason, ensureDir, lookAt} from '../fs/durable.js';
import {strings} from '../text/index.js';

const caches = new Set<string>(Object.values(cacheFiles));

/** Moves one file or folder; a move across file systems is a copy, then the old one removed. */
function move(from: string, to: string): void {
	try {
		renameSync(from, to);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
		cpSync(from, to, {recursive: true, errorOnExist: true, force: false, preserveTimestamps: true, verbatimSymlinks: true});
		rmSync(from, {recursive: true});
	}
}

/** What moving said, or null when there was nothing to move (or a state directory was given). */
export function moveFromEarlierHome(homes: Homes, from = earlierHome()): string | null {
	if (homes.given || from === homes.state || from === homes.config) return null;
	// Not a folder (or a link to one): not what an earlier version made; left alone.
	if (!lookAt(from)?.isDirectory()) return null;
	let names: string[];
	try {
		names = readdirSync(from);
	} catch {
		return null;
	}
	const moved: string[] = [];
	const kept: string[] = [];
	for (const name of names) {
		const home = caches.has(name) ? homes.cache : homes.state;
		const to = join(home, name);
		try {
			if (lookAt(to) !== null) {
				kept.push(strings.state.home.there(name, to));
				continue;
			}
			ensureDir(home, true);
			move(join(from, name), to);
			moved.push(name);
		} catch (error) {
			// Another start moved it meanwhile: moved all the same.
			if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
			kept.push(strings.state.home.refused(name, diskReason(error)));
		}
	}
	if (kept.length === 0) {
		try {
			rmdirSync(from);
		} catch {
			// Something was put there meanwhile: it stays, with the folder.
		}
	}
	if (moved.length === 0 && kept.length === 0) return null;
	return [
		moved.length > 0 ? strings.state.home.moved(from, homes.state, homes.cache, moved) : null,
		kept.length > 0 ? strings.state.home.notMoved(from, kept) : null,
	]
		.filter(Boolean)
		.join(' ');
}
