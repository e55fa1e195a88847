// A snapshot that was checked once need not be checked again at every start: at 100,000 users the
// checks cost more than reading the file. What passed is remembered in the state directory by the
// content hash of exactly the bytes that were checked, and the rules they passed (this build's
// version and tenant schema). Any edit to the file, even one in the same second that keeps its
// size, gives another hash, so it is checked again. The record carries a checksum of itself: a
// damaged or edited record is not believed, and every snapshot is checked again.
import {closeSync, fstatSync, openSync} from 'node:fs';
import packageJson from '../../package.json' with {type: 'json'};
import {contentHash, hashOfOpenFile} from '../fs/content-hash.js';
import {readCache, writeCache} from '../fs/private-files.js';
import {schemaHash} from './tenant-validator.js';

/** A snapshot file as it was read: the hash of its bytes, the only thing a copy or a check is kept under. */
export interface SnapshotStamp {
	hash: string;
}

interface Remembered {
	rules: string;
	/** Its ids were all lower case already: loading need not look at them again. */
	normalised: boolean;
}

/** This build's checks: a file that passed others is checked again. */
export const rules = `${packageJson.version}:${schemaHash}`;
/** A few snapshots are in use at once at most; older entries are dropped. */
const keep = 16;
const key = {version: 2};

/** The stamp of bytes read. */
export const stampOfBytes = (bytes: Uint8Array): SnapshotStamp => ({hash: contentHash(bytes)});

/**
 * The file's stamp now, read in pieces (the whole file is never held for it), or null when it cannot
 * be read (then nothing is trusted, and reading the file says why).
 */
export function stampOf(file: string): SnapshotStamp | null {
	let fd: number | undefined;
	try {
		fd = openSync(file, 'r');
		// A device or a pipe has no content to name (and /dev/zero no end): reading it says what it is.
		if (!fstatSync(fd).isFile()) return null;
		return {hash: hashOfOpenFile(fd)};
	} catch {
		return null;
	} finally {
		if (fd !== undefined) closeSync(fd);
	}
}

export class ValidatedSnapshots {
	constructor(private readonly file: string) {}

	private read(): Record<string, Remembered> {
		const text = readCache(this.file, key);
		try {
			const snapshots = text === null ? null : (JSON.parse(text) as unknown);
			return typeof snapshots === 'object' && snapshots !== null && !Array.isArray(snapshots) ? (snapshots as Record<string, Remembered>) : {};
		} catch {
			// Damaged past its checksum's reach (it cannot be): a cache, so the snapshot is simply checked again.
			return {};
		}
	}

	/** How the snapshot passed, if these very bytes passed this build's checks before. */
	passed(stamp: SnapshotStamp): {normalised: boolean} | null {
		const remembered = this.read();
		const entry = Object.hasOwn(remembered, stamp.hash) ? remembered[stamp.hash] : undefined;
		return entry && entry.rules === rules ? {normalised: entry.normalised === true} : null;
	}

	/** Remembers bytes that passed. Best effort: a state directory that cannot be written costs a check next time. */
	remember(stamp: SnapshotStamp, normalised: boolean): void {
		const entries = Object.entries(this.read()).filter(([hash]) => hash !== stamp.hash);
		const snapshots = Object.fromEntries([...entries.slice(-(keep - 1)), [stamp.hash, {rules, normalised}]]);
		writeCache(this.file, key, () => JSON.stringify(snapshots));
	}
}
