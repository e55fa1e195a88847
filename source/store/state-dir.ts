// The state directory as a folder: where it is, making it for a writer, taking from others what they
// may do with the app's files in it, and tidying what a writer killed mid-write left aside.
import {readdirSync} from 'node:fs';
import {join} from 'node:path';
import {dirMode, ensureDir, fileMode, removeFile, tighten} from '../fs/durable.js';
import {strings} from '../text/index.js';
import {homesOf} from '../paths.js';

/** The state directory: --state-dir, else M365_LICENSES_STATE_DIR, else the per-user default. */
export function resolveStateDir(flag: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
	return flag ?? (env['M365_LICENSES_STATE_DIR'] || undefined);
}

/** The per-user state home (~/.local/state/m365-licenses on Linux): see paths.ts. */
export const defaultStateDir = () => homesOf(undefined).state;

/** Makes the state directory for a writer: 0700, and the per-user default tightened to 0700 if it is wider. */
export function prepareStateDir(stateDir: string | undefined): void {
	ensureDir(stateDir ?? defaultStateDir(), stateDir === undefined);
}

/** What the app keeps at the top of the state directory (besides the numbered writer locks). */
const ownFiles = new Set([
	'state.json',
	'journal.jsonl',
	'audit.jsonl',
	'snapshot-cache.json',
	'replayed-cache.json',
	'validated-snapshots.json',
	'graph-tenant-cache.json',
	'msal-token-cache.json',
	'sign-in.json',
]);
/** The folders the app makes in it, every file in them its own. */
const ownFolders = ['reports', 'commands'];

/** Files written aside by a writer that was killed before it renamed them (only a writer calls this). */
export function removeLeftovers(dir: string): void {
	for (const folder of [dir, ...ownFolders.map(name => join(dir, name))]) {
		try {
			for (const name of readdirSync(folder)) {
				const match = /\.(\d+)\.[a-z0-9]+\.tmp$/.exec(name);
				if (match && Number(match[1]) !== process.pid && !name.startsWith('.writer.lock.')) removeFile(join(folder, name));
			}
		} catch {
			// Nothing there, or not ours to tidy: leftovers take space, not data.
		}
	}
}

/** Takes from others what they may do with the files the app keeps in `dir` (a writer); says which, or null. */
export function tightenStateDir(dir: string): string | null {
	const tightened: string[] = [];
	const own = (name: string, mode: number) => tighten(join(dir, name), mode) && tightened.push(name);
	let names: string[];
	try {
		names = readdirSync(dir);
	} catch {
		// No directory yet: nothing in it to tighten.
		return null;
	}
	for (const name of names) if (ownFiles.has(name) || /^writer\.lock\.\d+(\.released)?$/.test(name)) own(name, fileMode);
	for (const folder of ownFolders.filter(name => names.includes(name))) {
		own(folder, dirMode);
		try {
			for (const name of readdirSync(join(dir, folder))) own(join(folder, name), fileMode);
		} catch {
			// A link or a file where the folder belongs: refused when anything is written there.
		}
	}
	return tightened.length > 0 ? strings.state.tightened(dir, tightened) : null;
}
