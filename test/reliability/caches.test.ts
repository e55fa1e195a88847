// A cache is only a copy: it names the exact content it stands for (a content hash of the source,
// not its size and times) and carries a checksum of its own body. An edited or damaged copy, or one
// whose source changed (even in the same second and to the same size, on a file system whose times
// are whole seconds), is never shown: the source is read again and the copy made anew.
import {readFileSync, utimesSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it, vi} from 'vitest';
import {GraphTenant} from '../../source/backends/graph/graph-tenant.js';
import {stampOf} from '../../source/backends/validated-snapshots.js';
import {openTenant} from '../../source/open-tenant.js';
import type {Tenant} from '../../source/domain/model.js';
import {demoTenantPath} from '../../source/paths.js';
import {openStateFile} from '../../source/store/state-file.js';
import {startGraphServer} from '../fixtures/graph-server.js';
import {demoTenant, sku, tempStateDir, userByName} from '../helpers/tenant.js';
import {tally} from './faults.js';

// A file system whose times are whole seconds (ext3, HFS+, many network shares), where a file's
// change time says no more than its modification time: what every stat of the app sees here.
vi.mock('node:fs', async importOriginal => {
	const fs = await importOriginal<typeof import('node:fs')>();
	const coarse = <S>(stats: S): S => {
		if (!stats) return stats;
		const s = stats as unknown as Record<string, unknown>;
		const big = typeof s['mtimeNs'] === 'bigint';
		const ms = Math.floor(Number(s['mtimeMs']) / 1000) * 1000;
		const set = (key: string, value: unknown) => Object.defineProperty(s, key, {value, configurable: true, enumerable: true, writable: true});
		for (const time of ['mtime', 'ctime']) {
			set(`${time}Ms`, big ? BigInt(ms) : ms);
			if (big) set(`${time}Ns`, BigInt(ms) * 1_000_000n);
			set(time, new Date(ms));
		}
		return stats;
	};
	const wrap = <F extends (...args: never[]) => unknown>(f: F) => ((...args: Parameters<F>) => coarse(f(...args))) as F;
	const stats = {statSync: wrap(fs.statSync), lstatSync: wrap(fs.lstatSync), fstatSync: wrap(fs.fstatSync)};
	return {...fs, ...stats, default: {...fs, ...stats}};
});

const counts = tally('caches');
const alex = userByName(demoTenant(), 'Alex Wilber');

function setUp() {
	const snapshot = join(tempStateDir(), 'tenant.json');
	writeFileSync(snapshot, readFileSync(demoTenantPath));
	return {snapshot, stateDir: tempStateDir()};
}
const open = async ({snapshot, stateDir}: {snapshot: string; stateDir: string}) =>
	(await openTenant({tenant: snapshot, stateDir, reset: false}, {})).store.getState().tenant;
/** Rewrites a file in place, keeping its size and its modification time (to the second): what a coarse file system cannot tell apart. */
function editInPlace(path: string, edit: (text: string) => string): void {
	const before = readFileSync(path, 'utf8');
	const after = edit(before);
	expect(Buffer.byteLength(after)).toBe(Buffer.byteLength(before));
	expect(after).not.toBe(before);
	const {mtime, atime} = {mtime: new Date(Math.floor(Date.now() / 1000) * 1000), atime: new Date()};
	writeFileSync(path, after);
	utimesSync(path, atime, mtime);
}
/** What the app shows must be what the source says, whatever the cache held. */
function expectTrue(shown: Tenant, source: Tenant): void {
	if (JSON.stringify(shown) !== JSON.stringify(source)) counts.changesLost++;
	expect(JSON.stringify(shown.users)).toBe(JSON.stringify(source.users));
	expect(JSON.stringify(shown)).toBe(JSON.stringify(source));
}

describe('a cache edited or damaged', () => {
	it.each([
		['a user renamed in its body, under its original header', (text: string) => text.replace('Alex Wilber', 'Mallory Evi')],
		[
			'a license count changed in its body',
			(text: string) => text.replace(/"totalLicenses":(\d+)/g, (_, n: string) => `"totalLicenses":${'9'.repeat(n.length)}`),
		],
		['its body cut short', (text: string) => text.slice(0, text.length - 10)],
	])('snapshot-cache.json: %s: not used, the snapshot is read again', async (_case, edit) => {
		const files = setUp();
		const source = await open(files);
		const cache = join(files.stateDir, 'snapshot-cache.json');
		writeFileSync(cache, edit(readFileSync(cache, 'utf8')));
		counts.faults++;
		expectTrue(await open(files), source);
		// Made anew: the next start uses it again, and it is true.
		expect(readFileSync(cache, 'utf8')).not.toContain('Mallory');
		expectTrue(await open(files), source);
	});

	it('replayed-cache.json with its body edited: not used', async () => {
		const files = setUp();
		const first = await open(files);
		const state = openStateFile(files.stateDir);
		state.commit({
			id: 'c',
			tenantId: first.organization.id,
			time: '2026-11-20T10:00:00.000Z',
			audit: [],
			changes: first.users.map(u => ({time: '2026-11-20T10:00:00.000Z', userId: u.id, add: [], remove: [sku.businessPremium]})),
		});
		state.compact({force: true});
		const truth = await open(files);
		const cache = join(files.stateDir, 'replayed-cache.json');
		writeFileSync(cache, readFileSync(cache, 'utf8').replace('Alex Wilber', 'Mallory Evi'));
		counts.faults++;
		expectTrue(await open(files), truth);
	});

	it('validated-snapshots.json edited to vouch for an invalid snapshot: the snapshot is checked, and refused', async () => {
		const files = setUp();
		await open(files);
		const record = join(files.stateDir, 'validated-snapshots.json');
		const [header, body] = readFileSync(record, 'utf8').split('\n') as [string, string];
		const vouched = Object.keys(JSON.parse(body))[0]!;
		// The same file with a UPN given twice: what the checks refuse.
		const data = JSON.parse(readFileSync(files.snapshot, 'utf8')) as Tenant;
		data.users[1]!.userPrincipalName = data.users[0]!.userPrincipalName;
		writeFileSync(files.snapshot, JSON.stringify(data));
		await expect(open(files)).rejects.toThrow(/userPrincipalName/);
		// The record edited to name the invalid file's content, its checksum left as it was.
		writeFileSync(record, `${header}\n${body.replace(vouched, stampOf(files.snapshot)!.hash)}`);
		counts.faults++;
		await expect(open(files)).rejects.toThrow(/userPrincipalName/);
	});

	it('graph-tenant-cache.json with its body edited: not shown', async () => {
		const server = await startGraphServer(demoTenant());
		try {
			const cacheFile = join(tempStateDir(), 'graph-tenant-cache.json');
			const signedIn = () => ({username: null, tenantId: null, key: 'token:test'});
			const graph = () => new GraphTenant({base: server.url, token: async () => server.token, signedIn, source: server.url, cacheFile});
			await graph().load();
			expect((await graph().cached())?.tenant.users.map(u => u.displayName)).toContain('Alex Wilber');
			writeFileSync(cacheFile, readFileSync(cacheFile, 'utf8').replace('Alex Wilber', 'Mallory Evi'));
			counts.faults++;
			expect(await graph().cached()).toBeNull();
		} finally {
			await server.close();
		}
	});
});

describe('a source changed where the times cannot tell (whole seconds)', () => {
	it('the snapshot, rewritten in place to the same size in the same second: read again, never the old copy', async () => {
		const files = setUp();
		await open(files);
		editInPlace(files.snapshot, text => text.replace('"Alex Wilber"', '"Alex Wilbur"'));
		counts.faults++;
		const shown = await open(files);
		expect(shown.users.find(u => u.id === alex.id)?.displayName).toBe('Alex Wilbur');
	});

	it('state.json, rewritten in place to the same size in the same second: its changes, never the old copy', async () => {
		const files = setUp();
		const first = await open(files);
		const state = openStateFile(files.stateDir);
		// Every user's Business Premium removed: enough for the copy with state.json replayed to be kept.
		const time = '2026-11-20T10:00:00.000Z';
		state.commit({
			id: 'c',
			tenantId: first.organization.id,
			time,
			audit: [],
			changes: first.users.map(u => ({time, userId: u.id, add: [], remove: [sku.businessPremium]})),
		});
		state.compact({force: true});
		await open(files);
		await open(files);
		// The same state.json with Alex's removal taken back (sku.e3's instead: the same length).
		editInPlace(join(files.stateDir, 'state.json'), text =>
			text.replace(JSON.stringify([alex.id, {remove: {[sku.businessPremium]: time}}]), JSON.stringify([alex.id, {remove: {[sku.e3]: time}}])),
		);
		counts.faults++;
		const shown = await open(files);
		const shownAlex = shown.users.find(u => u.id === alex.id)!;
		expect(shownAlex.assignedLicenses.map(l => l.skuId)).toContain(sku.businessPremium);
	});
});
