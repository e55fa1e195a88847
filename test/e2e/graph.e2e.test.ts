// The built CLI against a local Graph: paging, $batch, throttling, an expiring token. Never a real
// Microsoft host: every request goes to 127.0.0.1.
import {spawn} from 'node:child_process';
import {readFileSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import type {Tenant} from '../../source/domain/model.js';
import {demoTenantPath} from '../../source/paths.js';
import type {Faults} from '../fixtures/graph-server.js';
import {appEnv, cli, directHolders, generated, liveGraph, SPB} from '../helpers/graph.js';
import {tempStateDir} from '../helpers/tenant.js';
import {bundle, hasTmux, requireBundle, TmuxSession} from '../helpers/tmux.js';

async function graph(tenant: Tenant, faults: Faults = {}, pageSize = 7) {
	return liveGraph(tenant, {faults, pageSize});
}

describe('reading a live tenant', () => {
	it('pages through every user (nextLink) and counts as the snapshot does', async () => {
		const demo: Tenant = JSON.parse(readFileSync(demoTenantPath, 'utf8'));
		const {run, server: s} = await graph(demo, {}, 7);
		const result = await run('licenses', '--json');
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
		const spb = JSON.parse(result.stdout).products.find((p: {skuId: string}) => p.skuId === SPB);
		expect(spb).toMatchObject({total: 13, assigned: 11, available: 2});
		// 47 users, 7 a page: 7 pages, beside organization, skus, subscriptions, me, roles and the group batch.
		expect(s.stats.requests).toBeGreaterThanOrEqual(7 + 6);
		const users = JSON.parse((await run('users', '--json')).stdout).users;
		expect(users).toHaveLength(47);
		expect(
			users
				.find((u: {userPrincipalName: string}) => u.userPrincipalName === 'grady.archie@contoso.com')
				.licenses.find((l: {skuPartNumber: string}) => l.skuPartNumber === 'VISIOCLIENT').viaGroups,
		).toHaveLength(1);
	});

	it('doctor shows the endpoints of both clouds, and the tenant read from Graph', async () => {
		const demo: Tenant = JSON.parse(readFileSync(demoTenantPath, 'utf8'));
		const {run, server: s} = await graph(demo);
		const live = JSON.parse((await run('doctor', '--json')).stdout);
		expect(live).toMatchObject({backend: 'graph', cloud: 'worldwide', endpoints: {graph: s.url, login: 'https://login.microsoftonline.com'}, error: null});
		expect(live.tenant.displayName).toBe('Contoso Ltd');
		expect(JSON.stringify(live)).not.toContain(s.token);
		const china = await cli(['doctor', '--json', '--graph', '--cloud', '21vianet', '--state-dir', tempStateDir()], {M365_LICENSES_GRAPH_TOKEN: ''});
		expect(JSON.parse(china.stdout).endpoints).toEqual({graph: 'https://microsoftgraph.chinacloudapi.cn', login: 'https://login.chinacloudapi.cn'});
	});

	it('--graph without an app registration says where docs/live-tenants.md explains it, exit 2', async () => {
		const result = await cli(['licenses', '--graph', '--state-dir', tempStateDir()], {M365_LICENSES_GRAPH_TOKEN: '', M365_LICENSES_CLIENT_ID: ''});
		expect(result.status).toBe(2);
		expect(result.stderr).toContain('--client-id');
		expect(result.stderr).toContain('docs/live-tenants.md, "The one-time app registration"');
	});
});

describe('unassigning in a live tenant', () => {
	it('150 users across batches, with 429s (whole and per request) and a 503: every outcome right, Graph matches the audit log', async () => {
		const tenant = generated(600);
		const chosen = directHolders(tenant, SPB).slice(0, 150);
		expect(chosen).toHaveLength(150);
		// Retry-After 0: the waiting itself is tested in test/reliability/graph-throttling.test.ts.
		const {run, server: s, files} = await graph(tenant, {throttleEveryNthWrite: 9, throttleBatches: 1, unavailableBatches: 1, retryAfter: 0}, 50);
		const file = join(files, 'users.txt');
		writeFileSync(file, `${chosen.join('\n')}\n`);
		const result = await run('unassign', '--product', 'SPB', '--users-file', file, '--yes', '--json');
		// Not a terminal: no progress line, only the last one.
		expect(result.stderr).toMatch(/^m365-licenses: 150 of 150 answered by Microsoft Graph in \d+ s, \d+ throttled and sent again\.\n$/);
		expect(result.status).toBe(0);
		const data = JSON.parse(result.stdout);
		expect(data.summary).toEqual({removed: 150, wouldRemove: 0, skipped: 0, failed: 0, notSent: 0, unknown: 0});
		expect(s.stats.throttled).toBeGreaterThan(10);
		// At most 20 requests a batch: at least 8 batches for 150 writes.
		expect(s.stats.batches).toBeGreaterThanOrEqual(8);

		const stillHolding = s.tenant.users.filter(u => chosen.includes(u.userPrincipalName) && u.assignedLicenses.some(l => l.skuId === SPB));
		expect(stillHolding).toEqual([]);
		const audit = JSON.parse((await run('audit', '--json')).stdout).entries;
		expect(
			audit
				.filter((e: {outcome: string}) => e.outcome === 'removed')
				.map((e: {userPrincipalName: string}) => e.userPrincipalName)
				.sort(),
		).toEqual([...chosen].sort());
		// And the next read shows what Graph holds.
		const spb = JSON.parse((await run('licenses', '--json')).stdout).products.find((p: {skuId: string}) => p.skuId === SPB);
		expect(spb.assigned).toBe(s.tenant.users.filter(u => u.assignedLicenses.some(l => l.skuId === SPB)).length);
	});

	it('a token that expires mid-run: the users done are reported done, the rest not sent, exit 3', async () => {
		const tenant = generated(300);
		const chosen = directHolders(tenant, SPB).slice(0, 60);
		const {run, server: s} = await graph(tenant, {expireAfterWrites: 25}, 100);
		const result = await run('unassign', '--product', 'SPB', '--users', chosen.join(','), '--yes', '--json');
		expect(result.status).toBe(3);
		const data = JSON.parse(result.stdout);
		const removed = data.results.filter((r: {outcome: string}) => r.outcome === 'removed').map((r: {userPrincipalName: string}) => r.userPrincipalName);
		const notSent = data.results.filter((r: {outcome: string}) => r.outcome === 'not-sent');
		expect(removed.length).toBe(25);
		expect(notSent.length).toBe(35);
		expect(notSent[0].message).toMatch(/^Not sent: .*expired/);
		expect(data.summary).toMatchObject({removed: 25, failed: 0, notSent: 35, unknown: 0});
		// Exactly the users reported removed lost the license in Graph.
		const lost = chosen.filter(upn => !s.tenant.users.find(u => u.userPrincipalName === upn)!.assignedLicenses.some(l => l.skuId === SPB));
		expect(lost.sort()).toEqual([...removed].sort());
	});
});

describe('killed mid-run', () => {
	it('the next start finds what Graph did and writes it to the audit log', async () => {
		const tenant = generated(300);
		const chosen = directHolders(tenant, SPB).slice(0, 60);
		// Ten writes a second: the run takes seconds, and is killed after the first ones.
		const {server: s, args, env} = await graph(tenant, {writesPerSecond: 10, retryAfter: 1}, 100);
		const child = spawn(process.execPath, [bundle, ...args('unassign', '--product', 'SPB', '--users', chosen.join(','), '--yes', '--json')], {
			env: appEnv(env),
			stdio: 'ignore',
		});
		const deadline = Date.now() + 20_000;
		while (s.stats.writes === 0 && Date.now() < deadline) await new Promise(resolve => setTimeout(resolve, 20));
		child.kill('SIGKILL');
		await new Promise(resolve => child.on('close', resolve));
		s.faults.writesPerSecond = undefined;
		const done = s.tenant.users.filter(u => chosen.includes(u.userPrincipalName) && !u.assignedLicenses.some(l => l.skuId === SPB)).length;
		expect(done).toBeGreaterThan(0);
		expect(done).toBeLessThan(60);

		const next = await cli(args('licenses', '--json'), env);
		expect(next.status).toBe(0);
		expect(next.stderr).toContain(`was settled: ${done} done, ${60 - done} not done`);
		const audit = JSON.parse((await cli(args('audit', '--json'), env)).stdout).entries;
		const removed = audit.filter((e: {outcome: string}) => e.outcome === 'removed').map((e: {userPrincipalName: string}) => e.userPrincipalName);
		const lost = chosen.filter(upn => !s.tenant.users.find(u => u.userPrincipalName === upn)!.assignedLicenses.some(l => l.skuId === SPB));
		expect(removed.sort()).toEqual(lost.sort());

		// The killed run's lock does not hold the next one back: its process is gone.
		const again = await cli(args('unassign', '--product', 'SPB', '--users', chosen.join(','), '--yes', '--json'), env);
		expect(again.stderr).not.toContain('is changing');
		expect(JSON.parse(again.stdout).summary.removed).toBe(60 - done);
	});
});

describe.runIf(hasTmux)('the TUI against a live tenant', () => {
	it('shows the Licenses page from Graph and unassigns by keys', async () => {
		requireBundle();
		const demo: Tenant = JSON.parse(readFileSync(demoTenantPath, 'utf8'));
		// Every write is throttled once: the app waits as asked and goes on.
		const {server: s, cacheDir, args, env} = await graph(demo, {throttleEveryNthWrite: 1, retryAfter: 1});
		// Slow answers: the opening screen shows while the tenant is read.
		s.faults.delayMs = 150;
		const session = new TmuxSession(args(), env);
		try {
			await session.waitFor('Microsoft 365: signing in and reading the tenant');
			await session.waitFor(/Reading the tenant from Microsoft Graph… \d+ users/);
			s.faults.delayMs = 0;
			await session.waitFor(/Microsoft 365 Business Premium\s+11\s+2\s+13/);
			session.keys('j', 'j', 'j', 'Enter');
			await session.waitFor('Licenses › Microsoft 365 Business Premium');
			session.keys('Space', 'u');
			await session.waitFor('Unassign Microsoft 365 Business Premium from 1 user?');
			session.keys('y');
			await session.waitFor('1 license of Microsoft 365 Business Premium unassigned from Alex Wilber.');
			expect(s.stats.throttled).toBe(1);
			expect(s.tenant.users.find(u => u.userPrincipalName === 'alex.wilber@contoso.com')!.assignedLicenses.some(l => l.skuId === SPB)).toBe(false);
		} finally {
			session.kill();
		}

		// The next start shows the copy kept from this one at once, then reads Graph again behind it.
		const cache = join(cacheDir, 'graph-tenant-cache.json');
		expect(statSync(cache).mode & 0o777).toBe(0o600);
		expect(readFileSync(cache, 'utf8')).not.toContain(s.token);
		s.faults.delayMs = 300;
		const again = new TmuxSession(args(), env);
		try {
			await again.waitFor('Showing the copy from the last run; reading the tenant again…');
			const screen = await again.waitFor('Up to date.');
			expect(screen).toMatch(/Microsoft 365 Business Premium\s+10\s+3\s+13/);
		} finally {
			again.kill();
		}
	});
});
