// A snapshot that was read and checked, kept in the state directory as compact text (see
// compact-tenant.ts): at 100,000 users, reading a snapshot's JSON costs most of a start, and the
// compact copy reads in a third of the time. The saved changes are replayed over it as over the
// file, so saving a change does not make it stale.
//
// A second copy holds the snapshot with state.json's changes replayed into it (the journal folded,
// which a writer does when it quits past a size): then a start replays only the journal's few
// changes, however long the history. It stands for that state.json too, by the file's identity.
//
// It stands for exactly one file as it was read: its key names this build, the rules the file
// passed, and the file's identity (device, inode, size, modification and change times, to the
// nanosecond). Editing the file, or copying another over it, gives another key: the file is read
// and checked again, and the copy written again. A damaged or foreign copy is simply not used.
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import type {Tenant} from '../domain/model.js';
import {writeCache} from '../fs/private-files.js';
import {compactTenant, expandTenant} from './compact-tenant.js';
import {rules, stampOf, type SnapshotStamp} from './validated-snapshots.js';

const format = 4;
/** This build's code (the bundle, when run from it): another build may read a tenant otherwise. */
const build = stampOf(fileURLToPath(import.meta.url))?.identity ?? 'unknown';

/** `over`: the identity of the saved state replayed into the copy, if any. */
const header = (stamp: SnapshotStamp, over: string | null) => JSON.stringify({format, build, rules, path: stamp.path, identity: stamp.identity, over});

export class SnapshotCache {
	constructor(readonly file: string) {}

	/** The snapshot as it was read when it had this identity (with the saved state `over` replayed into it), or null. */
	read(stamp: SnapshotStamp, over: string | null = null): Tenant | null {
		let text: string;
		try {
			text = readFileSync(this.file, 'utf8');
		} catch {
			return null;
		}
		// The key is on the first line: another costs no parse of the rest.
		const end = text.indexOf('\n');
		if (end < 0 || text.slice(0, end) !== header(stamp, over)) return null;
		try {
			return expandTenant(JSON.parse(text.slice(end + 1)));
		} catch {
			return null;
		}
	}

	/**
	 * Keeps the snapshot as read, or with the saved state `over` replayed into it (and nothing else).
	 * Best effort: a directory that cannot be written costs a slower start next time, nothing else.
	 */
	write(stamp: SnapshotStamp, tenant: Tenant, over: string | null = null): void {
		writeCache(this.file, () => `${header(stamp, over)}\n${JSON.stringify(compactTenant(tenant))}`);
	}
}
