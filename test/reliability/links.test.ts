// Nothing is read or written through a link, a FIFO or a device that stands where the app keeps a
// file or folder of its state directory: each is refused in one line that names it, and what it
// points to is left as it was. A FIFO never makes the app wait.
import {spawnSync} from 'node:child_process';
import {chmodSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {UserError} from '../../source/errors.js';
import {demoStore, tempStateDir} from '../helpers/tenant.js';
import {bundle, requireBundle} from '../helpers/tmux.js';
import {tally} from './faults.js';

const counts = tally('links, FIFOs and devices');
/** A file of someone else's the link points to: what must be left byte for byte. */
const secret = () => {
	const path = join(tempStateDir(), 'token.txt');
	writeFileSync(path, 'a one-line token\n');
	chmodSync(path, 0o644);
	return path;
};
const untouched = (path: string) => {
	const same = readFileSync(path, 'utf8') === 'a one-line token\n' && (statSync(path).mode & 0o777) === 0o644;
	if (!same) counts.changesLost++;
	expect(same).toBe(true);
};
const unassign = (dir: string, extra: string[] = []) =>
	spawnSync(process.execPath, [bundle, 'unassign', '--product', 'SPB', '--users', 'alex.wilber@contoso.com', '--yes', '--json', '--state-dir', dir, ...extra], {
		encoding: 'utf8',
		timeout: 20_000,
	});
const mkfifo = (path: string) => spawnSync('mkfifo', [path]).status === 0;

/** The refusal of `path`: one line, exit 1, naming it and what it is. */
function expectRefused(run: ReturnType<typeof unassign>, path: string, what: string): void {
	expect(run.error).toBeUndefined();
	expect(run.status, run.stderr).toBe(1);
	expect(run.stderr).toBe(
		`m365-licenses: ${path} is ${what}, not what m365-licenses keeps there: nothing is read or written through it. Remove it (or put back what it stands for) and run m365-licenses again.\n`,
	);
}

describe('a link where the state directory keeps a file', () => {
	it.each(['journal.jsonl', 'state.json', 'audit.jsonl'])('%s: refused, and the file it points to is left as it was', async name => {
		requireBundle();
		const dir = tempStateDir();
		const target = secret();
		symlinkSync(target, join(dir, name));
		counts.faults++;
		const run = unassign(dir);
		if (name === 'audit.jsonl') {
			// The change is saved (in the journal); the audit entry is owed, and the link named.
			expect(run.status, run.stderr).toBe(0);
			expect(run.stderr).toContain(`${join(dir, name)} is a symbolic link, not what m365-licenses keeps there`);
		} else expectRefused(run, join(dir, name), 'a symbolic link');
		untouched(target);
		// Reading says the same, and also leaves it.
		const read = spawnSync(process.execPath, [bundle, 'audit', '--state-dir', dir], {encoding: 'utf8'});
		expect(read.stderr).toContain(`${join(dir, name)} is a symbolic link`);
		untouched(target);
	});

	it('reports/ and commands/: refused, never made 0700 or written into', async () => {
		for (const folder of ['reports', 'commands']) {
			const dir = tempStateDir();
			const elsewhere = tempStateDir();
			chmodSync(elsewhere, 0o755);
			symlinkSync(elsewhere, join(dir, folder));
			const {store, stateFile} = await demoStore(dir);
			counts.faults++;
			const save = () => (folder === 'reports' ? stateFile.saveReport('r.md', '# report\n') : store.saveCommands('c.ps1', 'Set-MgUserLicense'));
			expect(save).toThrow(UserError);
			expect(save).toThrow(`${join(dir, folder)} is a symbolic link, not what m365-licenses keeps there`);
			expect(statSync(elsewhere).mode & 0o777).toBe(0o755);
			expect(readdirSync(elsewhere)).toEqual([]);
		}
	});

	it('a cache that is a link is not read through, and is replaced, not written through', async () => {
		const dir = tempStateDir();
		const target = secret();
		const snapshot = join(tempStateDir(), 'tenant.json');
		writeFileSync(snapshot, readFileSync(join(import.meta.dirname, '../../demo-data/contoso.json')));
		for (const name of ['snapshot-cache.json', 'validated-snapshots.json']) symlinkSync(target, join(dir, name));
		const run = spawnSync(process.execPath, [bundle, 'licenses', '--tenant', snapshot, '--state-dir', dir], {encoding: 'utf8'});
		counts.faults++;
		expect(run.status, run.stderr).toBe(0);
		untouched(target);
		for (const name of ['snapshot-cache.json', 'validated-snapshots.json']) expect(statSync(join(dir, name)).isFile()).toBe(true);
	});
});

describe('a FIFO or a device where the state directory keeps a file', () => {
	it('a FIFO named like the writer lock: unassign and doctor answer at once, naming it', () => {
		requireBundle();
		const dir = tempStateDir();
		const lock = join(dir, 'writer.lock.1');
		if (!mkfifo(lock)) return;
		counts.faults++;
		expectRefused(unassign(dir), lock, 'a FIFO (named pipe)');
		const doctor = spawnSync(process.execPath, [bundle, 'doctor', '--json', '--state-dir', dir], {encoding: 'utf8', timeout: 20_000});
		expect(doctor.error).toBeUndefined();
		expect(JSON.parse(doctor.stdout).error).toContain(`${lock} is a FIFO (named pipe)`);
	});

	it('a FIFO as the journal, and a device as the audit log: refused, never waited on or written to', () => {
		requireBundle();
		const dir = tempStateDir();
		if (!mkfifo(join(dir, 'journal.jsonl'))) return;
		counts.faults++;
		expectRefused(unassign(dir), join(dir, 'journal.jsonl'), 'a FIFO (named pipe)');

		const other = tempStateDir();
		// A device node (/dev/null's) needs root to make.
		if (spawnSync('mknod', [join(other, 'audit.jsonl'), 'c', '1', '3']).status !== 0) return;
		counts.faults++;
		const run = unassign(other);
		expect(run.status, run.stderr).toBe(0);
		expect(run.stderr).toContain(`${join(other, 'audit.jsonl')} is a device, not what m365-licenses keeps there`);
	});
});
