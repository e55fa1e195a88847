// A snapshot with the changes saved for it already replayed, kept in the state directory as
// compact text (see compact-tenant.ts): at 100,000 users, reading the snapshot's JSON and replaying
// a long history cost a second and more at every start; the cache reads in a third of that.
//
// It stands for exactly one snapshot file and one state of the saved changes: its key names the
// build's rules, the snapshot's identity as it was read, and the state files' identity as they were
// read (both device, inode, size and times to the nanosecond). Editing the snapshot or saving a
// change gives another key, and the cache is not used: the snapshot is read and replayed, and the
// cache written again. A damaged or foreign file is simply not used.
import {mkdirSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {dirname} from 'node:path';
import {fileURLToPath} from 'node:url';
import type {Folded} from '../domain/changes.js';
import type {Tenant} from '../domain/model.js';
import {compactTenant, expandTenant} from './compact-tenant.js';
import {fileStamp} from './durable.js';

const format = 2;

export interface ReplayedTenant {
	tenant: Tenant;
	/** The users the saved changes brought back (not users of the snapshot itself). */
	restored: string[];
	/** The users of the snapshot the saved changes deleted (kept aside in the tenant). */
	deleted: string[];
}

/** The users a fold restores and deletes, as a ReplayedTenant lists them. */
export function replayedUsers(folded: Folded): Pick<ReplayedTenant, 'restored' | 'deleted'> {
	const restored: string[] = [];
	const deleted: string[] = [];
	for (const [userId, user] of folded) {
		if (user.restore !== undefined) restored.push(userId);
		else if (user.deleted !== undefined) deleted.push(userId);
	}
	return {restored, deleted};
}
/** This build's code (the bundle, when run from it): what it replays may differ from another's. */
const build = fileStamp(fileURLToPath(import.meta.url)) ?? 'unknown';

export class ReplayCache {
	constructor(readonly file: string) {}

	/** The tenant cached under this key, or null. */
	read(key: string): ReplayedTenant | null {
		let text: string;
		try {
			text = readFileSync(this.file, 'utf8');
		} catch {
			return null;
		}
		// The key is on the first line: another key costs no parse of the rest.
		const end = text.indexOf('\n');
		if (end < 0 || text.slice(0, end) !== JSON.stringify({format, build, key})) return null;
		try {
			const {restored, deleted, ...compact} = JSON.parse(text.slice(end + 1)) as {restored: unknown; deleted: unknown};
			const tenant = expandTenant(compact);
			const ids = (value: unknown) => Array.isArray(value) && value.every(id => typeof id === 'string');
			return tenant && ids(restored) && ids(deleted) ? {tenant, restored: restored as string[], deleted: deleted as string[]} : null;
		} catch {
			return null;
		}
	}

	/** Best effort: a directory that cannot be written costs a slower start next time, nothing else. */
	write(key: string, {tenant, restored, deleted}: ReplayedTenant): void {
		const temp = `${this.file}.${process.pid}.cache.tmp`;
		try {
			const text = `${JSON.stringify({format, build, key})}\n${JSON.stringify({...compactTenant(tenant), restored, deleted})}`;
			mkdirSync(dirname(this.file), {recursive: true, mode: 0o700});
			writeFileSync(temp, text, {mode: 0o600});
			renameSync(temp, this.file);
		} catch {
			// Not cached: the next start reads the snapshot.
			try {
				rmSync(temp, {force: true});
			} catch {
				// Left for the next writer to tidy (state-file.ts, removeLeftovers).
			}
		}
	}
}
