// The writer lock's rules, one situation at a time (the concurrent runs are in concurrent-writers).
import {chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync} from 'node:fs';
import {spawn, spawnSync} from 'node:child_process';
import {hostname} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {lockHolder, takeWriterLock} from '../../source/store/writer-lock.js';
import {tempStateDir} from '../helpers/tenant.js';
import {bundle, requireBundle} from '../helpers/tmux.js';

const dead = () => ({pid: spawnSync(process.execPath, ['-e', '0']).pid, host: hostname(), command: 'unassign', since: 'then'});
const take = (dir: string) => {
	const lock = takeWriterLock(dir, 'test');
	if (!('release' in lock)) throw new Error(`held by ${JSON.stringify(lock.heldBy)}`);
	return lock;
};

describe('the writer lock', () => {
	it('is a new number past a stale one, made 0600 with who holds it; released, it is free and the number is not reused', () => {
		const dir = tempStateDir();
		writeFileSync(join(dir, 'writer.lock.4'), JSON.stringify(dead()));
		const lock = take(dir);
		expect(readdirSync(dir)).toEqual(['writer.lock.5']);
		expect(statSync(join(dir, 'writer.lock.5')).mode & 0o777).toBe(0o600);
		expect(lockHolder(dir)).toMatchObject({pid: process.pid, command: 'test'});
		expect(takeWriterLock(dir, 'second')).toEqual({heldBy: expect.objectContaining({pid: process.pid, command: 'test'})});
		lock.release();
		expect(lockHolder(dir)).toBeNull();
		take(dir).release();
		expect(readdirSync(dir)).toEqual(['writer.lock.6.released']);
	});

	it('a number released while a latecomer (with an old view) linked it is free: the latecomer backs off', () => {
		const dir = tempStateDir();
		writeFileSync(join(dir, 'writer.lock.2.released'), JSON.stringify(dead()));
		writeFileSync(join(dir, 'writer.lock.2'), JSON.stringify({...dead(), pid: process.pid}));
		expect(lockHolder(dir)).toBeNull();
		take(dir).release();
		expect(existsSync(join(dir, 'writer.lock.3.released'))).toBe(true);
	});

	it('held from another machine, it goes stale only when untouched for 30 seconds', () => {
		const dir = tempStateDir();
		const path = join(dir, 'writer.lock.1');
		writeFileSync(path, JSON.stringify({pid: 1, host: 'elsewhere.example', command: 'app', since: 'then'}));
		expect(takeWriterLock(dir, 'test')).toEqual({heldBy: expect.objectContaining({host: 'elsewhere.example'})});
		const old = new Date(Date.now() - 31_000);
		utimesSync(path, old, old);
		take(dir).release();
	});

	it('a lock of the wrong kind (a folder, unreadable, not JSON) is waited out, never an error', () => {
		for (const make of [(p: string) => mkdirSync(p), (p: string) => writeFileSync(p, '\u0000\u0000'), (p: string) => writeFileSync(p, '[]')]) {
			const dir = tempStateDir();
			const path = join(dir, 'writer.lock.1');
			make(path);
			expect(takeWriterLock(dir, 'test')).toEqual({heldBy: expect.objectContaining({host: 'unknown'})});
			const old = new Date(Date.now() - 31_000);
			utimesSync(path, old, old);
			take(dir).release();
			expect(readdirSync(dir)).toEqual(['writer.lock.2.released']);
		}
	});

	it('held by a pid that now belongs to another process (pid reuse), or by a process of another boot: taken over at once', async () => {
		const stat = (pid: number) => (existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8') : null);
		// Another live process: its pid, as a lock from a holder long gone might name it.
		const other = spawn('sleep', ['30']);
		try {
			const line = stat(other.pid!);
			if (!line) return;
			const started = line.slice(line.lastIndexOf(')') + 2).split(' ')[19]!;
			const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
			const holder = {pid: other.pid, host: hostname(), command: 'unassign', since: 'then'};
			for (const [lock, live] of [
				[{...holder, started, boot}, true],
				[{...holder, started: String(Number(started) - 1), boot}, false],
				[{...holder, started, boot: '00000000-0000-0000-0000-000000000000'}, false],
			] as const) {
				const dir = tempStateDir();
				writeFileSync(join(dir, 'writer.lock.3'), JSON.stringify(lock));
				if (live) expect(takeWriterLock(dir, 'test')).toEqual({heldBy: expect.objectContaining({pid: other.pid})});
				else take(dir).release();
			}
		} finally {
			other.kill();
		}
	});

	it('the last number (15 digits) released, or left stale: taken, and the numbers start again', () => {
		for (const name of ['writer.lock.999999999999999.released', 'writer.lock.999999999999999']) {
			const dir = tempStateDir();
			writeFileSync(join(dir, name), JSON.stringify(dead()));
			take(dir).release();
			expect(lockHolder(dir)).toBeNull();
			expect(readdirSync(dir)).toEqual(['writer.lock.1.released']);
			take(dir).release();
			expect(readdirSync(dir)).toEqual(['writer.lock.2.released']);
		}
	});

	it("another user's 0700 directory: a writer is refused in one line naming it, exit 1", () => {
		requireBundle();
		if (process.getuid?.() !== 0) return;
		const dir = tempStateDir();
		chmodSync(dir, 0o700);
		const run = spawnSync(process.execPath, [bundle, 'unassign', '--product', 'SPB', '--users', 'alex.wilber@contoso.com', '--yes', '--state-dir', dir], {
			encoding: 'utf8',
			uid: 65534,
			gid: 65534,
			env: {...process.env, HOME: '/nonexistent'},
		});
		// Refused at the first file it reads there, named.
		expect(run.stderr).toBe(`m365-licenses: Cannot read ${dir}/journal.jsonl: permission denied (EACCES). Nothing saved was lost.\n`);
		expect(run.status).toBe(1);
		const read = spawnSync(process.execPath, [bundle, 'licenses', '--state-dir', dir], {
			encoding: 'utf8',
			uid: 65534,
			gid: 65534,
			env: {...process.env, HOME: '/nonexistent'},
		});
		expect(read.stderr).toMatch(/^m365-licenses: Cannot read \/\S+: permission denied \(EACCES\)\. Nothing saved was lost\.\n$/);
	});
});
