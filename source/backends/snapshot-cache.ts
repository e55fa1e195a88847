// A snapshot that was read and checked, kept in the state directory as compact text (see
// compact-tenant.ts): at 100,000 users, reading a snapshot's JSON costs most of a start, and the
// compact copy reads in a third of the time. The saved changes are replayed over it as over the
// file, so saving a change does not make it stale.
//
// A second copy holds the snapshot with state.json's changes replayed into it (the journal folded,
// which a writer does when it quits past a size): then a start replays only the journal's few
// changes, however long the history. It stands for that state.json too, by its content hash.
//
// It stands for exactly the bytes that were read: its key names this build (by its content hash),
// the rules the file passed, and the content hash of the file. Editing the file, even within the
// same second and to the same size, or copying another over it, gives another key: the file is
// read and checked again, and the copy written again. The copy carries a checksum of its own
// body: a damaged or edited copy is not used (fs/private-files.ts).
import {fileURLToPath} from 'node:url';
import type {Tenant} from '../domain/model.js';
import {readCache, writeCache} from '../fs/private-files.js';
import {compactTenant, expandTenant} from './compact-tenant.js';
import {rules, stampOf, type SnapshotStamp} from './validated-snapshots.js';

const format = 5;
/** This build's code (the bundle, when run from it): another build may read a tenant otherwise. */
let build: string | undefined;
const buildStamp = () => (build ??= stampOf(fileURLToPath(import.meta.url))?.hash ?? 'unknown');

/** `over`: the content hash of the saved state replayed into the copy, if any. */
const keyOf = (stamp: SnapshotStamp, over: string | null) => ({format, build: buildStamp(), rules, source: stamp.hash, over});

export class SnapshotCache {
	constructor(readonly file: string) {}

	/** The snapshot as it was read when it had this content (with the saved state `over` replayed into it), or null. */
	read(stamp: SnapshotStamp, over: string | null = null): Tenant | null {
		const body = readCache(this.file, keyOf(stamp, over));
		if (body === null) return null;
		try {
			return expandTenant(JSON.parse(body));
		} catch {
			return null;
		}
	}

	/**
	 * Keeps the snapshot as read, or with the saved state `over` replayed into it (and nothing else).
	 * Best effort: a directory that cannot be written costs a slower start next time, nothing else.
	 */
	write(stamp: SnapshotStamp, tenant: Tenant, over: string | null = null): void {
		writeCache(this.file, keyOf(stamp, over), () => JSON.stringify(compactTenant(tenant)));
	}
}
