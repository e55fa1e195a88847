// A snapshot that was checked once need not be checked again at every start: at 100,000 users the
// checks cost more than reading the file. What passed is remembered in the state directory by the
// file's identity (device, inode, size, modification and change times, to the nanosecond) and the
// rules it passed (this build's version and tenant schema). Editing the file, or copying another
// over it, changes that identity, so it is checked again. A file that changes while it is read is
// neither trusted nor remembered.
import {createHash} from 'node:crypto';
import {readFileSync, realpathSync, statSync} from 'node:fs';
import packageJson from '../../package.json' with {type: 'json'};
import schema from '../../demo-data/tenant.schema.json' with {type: 'json'};
import {fileIdentity} from '../fs/durable.js';
import {writeCache} from '../fs/private-files.js';

export interface SnapshotStamp {
	path: string;
	identity: string;
}

interface Remembered {
	identity: string;
	rules: string;
	/** Its ids were all lower case already: loading need not look at them again. */
	normalised: boolean;
}

/** This build's checks: a file that passed others is checked again. */
export const rules = `${packageJson.version}:${createHash('sha256').update(JSON.stringify(schema)).digest('hex').slice(0, 16)}`;
/** A few snapshots are in use at once at most; older entries are dropped. */
const keep = 16;

/** The file's identity now, or null when it cannot be had (then nothing is trusted). */
export function stampOf(file: string): SnapshotStamp | null {
	try {
		const path = realpathSync(file);
		const s = statSync(path, {bigint: true});
		if (!s.isFile()) return null;
		return {path, identity: fileIdentity(s)};
	} catch {
		return null;
	}
}

export class ValidatedSnapshots {
	constructor(private readonly file: string) {}

	private read(): Record<string, Remembered> {
		try {
			const data = JSON.parse(readFileSync(this.file, 'utf8')) as {version?: number; snapshots?: Record<string, Remembered>};
			return data.version === 1 && data.snapshots && typeof data.snapshots === 'object' ? data.snapshots : {};
		} catch {
			// Missing or damaged: a cache, so the snapshot is simply checked again.
			return {};
		}
	}

	/** How the snapshot passed, if this very file passed this build's checks before. */
	passed(stamp: SnapshotStamp): {normalised: boolean} | null {
		const entry = this.read()[stamp.path];
		return entry && entry.identity === stamp.identity && entry.rules === rules ? {normalised: entry.normalised === true} : null;
	}

	/** Remembers a file that passed. Best effort: a state directory that cannot be written costs a check next time. */
	remember(stamp: SnapshotStamp, normalised: boolean): void {
		const entries = Object.entries(this.read()).filter(([path]) => path !== stamp.path);
		const snapshots = Object.fromEntries([...entries.slice(-(keep - 1)), [stamp.path, {identity: stamp.identity, rules, normalised}]]);
		// Not remembered when it cannot be written: checked again next time.
		writeCache(this.file, () => JSON.stringify({version: 1, snapshots}));
	}
}
