// The writer lock's rules, one situation at a time (the concurrent runs are in concurrent-writers).
import {existsSync, mkdirSync, readdirSync, statSync, utimesSync, writeFileSync} from 'node:fs';
import {spawnSync} from 'node:child_process';
import {hostname} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {lockHolder, takeWriterLock} from '../../source/store/writer-lock.js';
import {tempStateDir} from '../helpers/tenant.js';

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
});
