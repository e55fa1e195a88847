// The disk fills up, goes read-only or refuses, at every file-system call a change makes: the
// change is either reported saved and is there on the next start, or refused with one line naming
// the file; what was saved before is never lost, and every file still reads.
import {cpSync} from 'node:fs';
import {join, relative} from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import type {TenantBackend} from '../../source/backends/backend.js';
import {tokenProvider} from '../../source/backends/graph/auth.js';
import {GraphTenant} from '../../source/backends/graph/graph-tenant.js';
import {LocalTenant} from '../../source/backends/local-tenant.js';
import {openTenant} from '../../source/open-tenant.js';
import {fsSeam} from '../../source/fs/durable.js';
import {startGraphServer} from '../fixtures/graph-server.js';
import {startIdentityServer} from '../fixtures/identity-server.js';
import {planUnassign} from '../../source/domain/plan.js';
import {demoTenantPath} from '../../source/paths.js';
import {openStateFile} from '../../source/store/state-file.js';
import {openStore} from '../../source/store/store.js';
import {demoStore, demoTenant, sku, tempStateDir, userByName} from '../helpers/tenant.js';
import {countCalls, expectOneLine, tally, withFault, type SeamCall} from './faults.js';

const counts = tally('disk faults');
const codes = ['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EIO'];
let template: string;
let ids: {tenant: string; alex: string; diego: string; lee: string};

/** A state directory with history: Diego's removal compacted into state.json, Lee's in the journal. */
beforeAll(async () => {
	template = tempStateDir();
	const {store, stateFile} = await demoStore(template);
	const tenant = store.getState().tenant;
	ids = {
		tenant: tenant.organization.id,
		alex: userByName(tenant, 'Alex Wilber').id,
		diego: userByName(tenant, 'Diego Siciliani').id,
		lee: userByName(tenant, 'Lee Gu').id,
	};
	await store.apply(planUnassign(tenant, [ids.diego], [sku.businessPremium]));
	stateFile.compact({force: true});
	await store.apply(planUnassign(store.getState().tenant, [ids.lee], [sku.e3]));
});

/** What a user does: open, unassign Alex's Business Premium, quit (the journal folded), save a report. */
async function session(dir: string) {
	const {store, stateFile} = await demoStore(dir);
	const outcome = {saved: false, notice: null as string | null, errors: [] as unknown[]};
	try {
		await store.apply(planUnassign(store.getState().tenant, [ids.alex], [sku.businessPremium]));
		outcome.saved = true;
		outcome.notice = store.getState().notice;
	} catch (error) {
		outcome.errors.push(error);
	}
	for (const step of [() => stateFile.compact({force: true}), () => stateFile.saveReport('r.md', '# report\n')]) {
		try {
			step();
		} catch (error) {
			outcome.errors.push(error);
		}
	}
	return outcome;
}

const removed = (dir: string, userId: string, skuId: string) => openStateFile(dir).folded(ids.tenant).get(userId)?.remove?.[skuId] !== undefined;

describe('the disk fails mid-change', () => {
	it('at every call, with every kind of failure: nothing saved is lost, and what is reported is true', async () => {
		const clean = join(tempStateDir(), 'clean');
		cpSync(template, clean, {recursive: true});
		const calls = await countCalls(() => session(clean));
		const cases: Array<{call: SeamCall; nth: number; code: string; partial?: boolean}> = [];
		for (const [call, n] of Object.entries(calls) as Array<[SeamCall, number]>) {
			for (let nth = 1; nth <= n; nth++) {
				cases.push({call, nth, code: 'ENOSPC'}, {call, nth, code: codes[(nth + cases.length) % codes.length]!});
				if (call === 'writeSync') cases.push({call, nth, code: 'ENOSPC', partial: true});
			}
		}
		expect(cases.length).toBeGreaterThan(40);

		for (const fault of cases) {
			const dir = join(tempStateDir(), 'state');
			cpSync(template, dir, {recursive: true});
			const {fired, result} = await withFault(fault, () => session(dir));
			expect(fired, JSON.stringify(fault)).toBe(true);
			counts.faults++;
			expect(result.status).toBe('fulfilled');
			const outcome = (result as PromiseFulfilledResult<Awaited<ReturnType<typeof session>>>).value;
			for (const error of outcome.errors) expectOneLine(error, fault.code);

			// The next start: every file reads; the history is whole; the change is there if and only if
			// it was reported saved.
			const next = await demoStore(dir);
			const saved = removed(dir, ids.alex, sku.businessPremium);
			const before = removed(dir, ids.diego, sku.businessPremium) && removed(dir, ids.lee, sku.e3);
			if (!before) console.error(`history lost after ${JSON.stringify(fault)}`);
			if (!before) counts.changesLost++;
			if (outcome.saved && !saved) counts.changesLost++;
			expect(saved, JSON.stringify(fault)).toBe(outcome.saved);

			// The audit log reads whole, and holds each entry once: a saved change's, after the start that
			// wrote what it owed.
			const {entries, problem} = next.stateFile.audit();
			expect(problem).toBeNull();
			expect(new Set(entries.map(e => JSON.stringify(e))).size).toBe(entries.length);
			const alex = entries.filter(e => e.userPrincipalName === 'alex.wilber@contoso.com' && e.outcome === 'removed');
			expect(alex).toHaveLength(outcome.saved ? 1 : 0);
			if (outcome.notice)
				expect(outcome.notice).toMatch(/^Saved, but not written to the audit log: .+ \([A-Z]+\) \(\/\S+\/audit\.jsonl\); it is written the next time/);
		}
	}, 120_000);
});

describe('a live tenant', () => {
	it('a change Microsoft 365 made is reported done even when it cannot be recorded here, and said so', async () => {
		// A file backend standing in for Graph: its changes happen at the source, not in the state.
		const live = (): TenantBackend => {
			const local = new LocalTenant(demoTenantPath, 'demo');
			return {
				kind: 'graph',
				source: 'graph',
				load: () => local.load(),
				apply: (t, p) => local.apply(t, p),
				deleteUser: async () => {},
				restoreUser: async () => {},
				removeFromGroup: async () => [],
			};
		};
		const dir = tempStateDir();
		const store = await openStore({backend: live(), stateFile: openStateFile(dir)});
		const tenant = store.getState().tenant;
		const {fired, result} = await withFault({call: 'openSync', nth: 1, code: 'ENOSPC', only: /journal\.jsonl$/}, async () => {
			// The begin line is written; the disk fills before the outcome is.
			return store.apply(planUnassign(tenant, [userByName(tenant, 'Alex Wilber').id], [sku.businessPremium]));
		});
		counts.faults++;
		expect(fired).toBe(true);
		expect(result.status).toBe('rejected');
		expectOneLine((result as PromiseRejectedResult).reason, 'ENOSPC');

		const {result: second} = await withFault({call: 'openSync', nth: 2, code: 'ENOSPC', only: /journal\.jsonl$/}, () =>
			store.apply(planUnassign(tenant, [userByName(tenant, 'Diego Siciliani').id], [sku.businessPremium])),
		);
		expect(second.status).toBe('fulfilled');
		expect((second as PromiseFulfilledResult<Array<{outcome: string}>>).value.map(o => o.outcome)).toEqual(['removed']);
		expect(store.getState().notice).toBe(
			`Done in Microsoft 365, but not recorded in ${dir}: the disk is full (ENOSPC); the next start reads how each user stands and records it.`,
		);
		// The next start settles it from how the user stands.
		const next = await openStore({backend: live(), stateFile: openStateFile(dir)});
		expect(next.getState().recovered).toMatchObject({done: 0, notDone: 1});
	});
});

describe('every file the app writes', () => {
	it('is written through the fault seam, and a cache the disk refuses costs nothing else', async () => {
		const dir = tempStateDir();
		const snapshot = join(tempStateDir(), 'tenant.json');
		cpSync(demoTenantPath, snapshot);
		const graph = await startGraphServer(demoTenant());
		const idp = await startIdentityServer({http: true});
		const written = new Set<string>();
		const seen = (path: unknown) =>
			typeof path === 'string' &&
			path.startsWith(dir) &&
			written.add(
				relative(dir, path)
					.replace(/\.\d+\.[a-z0-9]+\.tmp$/, '')
					.replace(/^writer\.lock\.\d+$/, 'writer.lock.N'),
			);
		const real = {...fsSeam};
		Object.assign(fsSeam, {
			openSync: (...args: Parameters<typeof fsSeam.openSync>) => (seen(args[0]), real.openSync(...args)),
			linkSync: (...args: Parameters<typeof fsSeam.linkSync>) => (seen(args[1]), real.linkSync(...args)),
		});
		try {
			const opened = await openTenant({tenant: snapshot, stateDir: dir, reset: false}, {}, () => {}, {writer: 'app'});
			const tenant = opened.store.getState().tenant;
			await opened.store.apply(
				planUnassign(
					tenant,
					tenant.users.map(u => u.id),
					[sku.businessPremium],
				),
			);
			opened.store.saveReport('r.md', '# report\n');
			opened.store.saveCommands('c.ps1', '# commands\n');
			expect(opened.stateFile.compact({force: true})).toBeNull();
			opened.release();
			// The copy with state.json replayed into it is made at the next start.
			(await openTenant({tenant: snapshot, stateDir: dir, reset: false}, {})).release();
			const signedIn = () => ({username: null, tenantId: null, key: 'token:test'});
			await new GraphTenant({
				base: graph.url,
				token: async () => graph.token,
				signedIn,
				source: graph.url,
				cacheFile: join(dir, 'graph-tenant-cache.json'),
			}).load();
			const {token} = tokenProvider({
				env: {},
				clientId: 'c',
				tenantId: 'organizations',
				login: idp.url,
				customLogin: true,
				resource: 'https://graph.microsoft.com',
				stateDir: dir,
				say: () => {},
			});
			expect(await token()).toBeTruthy();
		} finally {
			Object.assign(fsSeam, real);
			await Promise.all([graph.close(), idp.close()]);
		}
		expect([...written].sort()).toEqual(
			[
				'.writer.lock',
				'audit.jsonl',
				'commands/c.ps1',
				'graph-tenant-cache.json',
				'journal.jsonl',
				'msal-token-cache.json',
				'replayed-cache.json',
				'reports/r.md',
				'sign-in.json',
				'snapshot-cache.json',
				'state.json',
				'validated-snapshots.json',
				// Taken by the opening and again by the change: held only while each writes.
				'writer.lock.N',
			].sort(),
		);

		// A disk that refuses every cache: the tenant is read all the same.
		const fresh = tempStateDir();
		const {fired, result} = await withFault({call: 'openSync', nth: 1, code: 'ENOSPC', only: /cache|validated/}, () =>
			openTenant({tenant: snapshot, stateDir: fresh, reset: false}, {}),
		);
		counts.faults++;
		expect(fired).toBe(true);
		expect(result.status).toBe('fulfilled');
	}, 60_000);
});
