// Tenants the app knows (tenants add/list/remove, --profile): run from the built bundle on a fresh
// HOME, each tenant's journal, audit log and caches in a sub-folder of its own.
import {existsSync, rmSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {cli} from '../helpers/graph.js';
import {freshHome} from '../helpers/home.js';
import {expectShape} from '../helpers/schema.js';
import {contosoId, fabrikam, northwind, snapshotOf} from '../helpers/tenants.js';
import {demoTenantPath} from '../../source/paths.js';
import {requireTmux, TmuxSession} from '../helpers/tmux.js';

function machine() {
	const home = freshHome();
	const run = (...args: string[]) => cli(args, home.env);
	return {...home, run, tenantState: (id: string) => join(home.stateDir, 'tenants', id), tenantCache: (id: string) => join(home.cacheDir, 'tenants', id)};
}
const lines = (text: string) => text.trim().split('\n');

describe('tenants add, list and remove', () => {
	it('keeps each tenant in the preferences (owner-only), read from its snapshot, and lists them', async () => {
		const m = machine();
		const file = snapshotOf(northwind);
		const added = await m.run('tenants', 'add', 'northwind', '--snapshot', file);
		expect(added.stderr).toBe(`m365-licenses: added northwind: Northwind Traders (${northwind.id}). Open it with --profile northwind.\n`);
		expect(added.status).toBe(0);
		expect((await m.run('tenants', 'add', 'live', '--graph', '--tenant-id', fabrikam.id, '--cloud', 'usgov')).status).toBe(0);
		const config = join(m.configDir, 'config.json');
		expect(statSync(config).mode & 0o777).toBe(0o600);
		const list = await m.run('tenants', 'list', '--json');
		expectShape('tenants-list', JSON.parse(list.stdout));
		expect(JSON.parse(list.stdout).tenants).toEqual([
			{name: 'live', tenantId: fabrikam.id, displayName: null, source: 'graph', file: null, cloud: 'usgov', partnerTenantId: null},
			{name: 'northwind', tenantId: northwind.id, displayName: 'Northwind Traders', source: 'snapshot', file, cloud: null, partnerTenantId: null},
		]);
		expect(lines((await m.run('tenants', 'list')).stdout)[0]).toMatch(/^Name\s+Organization\s+Tenant ID\s+Source$/);
	});
});

describe('--profile', () => {
	it("keeps each tenant's changes and audit log in its own sub-folder: none shown under another's name", async () => {
		const m = machine();
		await m.run('tenants', 'add', 'northwind', '--snapshot', snapshotOf(northwind));
		await m.run('tenants', 'add', 'fabrikam', '--snapshot', snapshotOf(fabrikam));
		const done = await m.run('unassign', '--profile', 'northwind', '--product', 'ENTERPRISEPACK', '--users', 'megan.bowen@contoso.com', '--yes', '--json');
		expect(done.status).toBe(0);
		expect(existsSync(join(m.tenantState(northwind.id), 'journal.jsonl'))).toBe(true);
		expect(existsSync(join(m.stateDir, 'journal.jsonl'))).toBe(false);
		const audit = async (...args: string[]) => JSON.parse((await m.run('audit', '--json', ...args)).stdout).entries;
		expect(await audit('--profile', 'northwind')).toMatchObject([{tenantId: northwind.id, userPrincipalName: 'megan.bowen@contoso.com', outcome: 'removed'}]);
		expect(await audit('--profile', 'fabrikam')).toEqual([]);
		const holders = async (profile: string) =>
			JSON.parse((await m.run('users', '--profile', profile, '--product', 'ENTERPRISEPACK', '--json')).stdout).users.map(
				(u: {userPrincipalName: string}) => u.userPrincipalName,
			);
		expect(await holders('northwind')).not.toContain('megan.bowen@contoso.com');
		expect(await holders('fabrikam')).toContain('megan.bowen@contoso.com');
		// Two added, none named: not a guess.
		const which = await m.run('licenses');
		expect(which.status).toBe(2);
		expect(which.stderr).toMatch(/2 tenants are added \(fabrikam, northwind\): choose one with --profile NAME/);
	});
});

describe('--all-tenants', () => {
	it('licenses and reclaim: each tenant with its own answer, one that cannot be read listed with why, exit 3; audit merged by time', async () => {
		const m = machine();
		const gone = snapshotOf(fabrikam);
		await m.run('tenants', 'add', 'northwind', '--snapshot', snapshotOf(northwind));
		await m.run('tenants', 'add', 'contoso', '--snapshot', demoTenantPath);
		await m.run('tenants', 'add', 'fabrikam', '--snapshot', gone);
		rmSync(gone);
		await m.run('unassign', '--profile', 'northwind', '--product', 'ENTERPRISEPACK', '--users', 'megan.bowen@contoso.com', '--yes');
		await m.run('unassign', '--profile', 'contoso', '--product', 'ENTERPRISEPACK', '--users', 'nestor.wilke@contoso.com', '--yes');

		const licenses = await m.run('licenses', '--all-tenants', '--json');
		expect(licenses.status).toBe(3);
		const data = JSON.parse(licenses.stdout);
		expectShape('licenses-all', data);
		expect(
			data.tenants.map((t: {name: string; tenantId: string; error: string | null}) => [t.name, t.tenantId, t.error?.replace(gone, 'FILE') ?? null]),
		).toEqual([
			['contoso', contosoId, null],
			['fabrikam', fabrikam.id, 'Tenant file FILE: cannot read it: no such file'],
			['northwind', northwind.id, null],
		]);
		const e3 = (name: string) =>
			data.tenants.find((t: {name: string}) => t.name === name).products.find((p: {skuPartNumber: string}) => p.skuPartNumber === 'ENTERPRISEPACK');
		expect(e3('northwind').assigned).toBe(e3('contoso').assigned);
		const totalE3 = data.totals.products.find((p: {skuPartNumber: string}) => p.skuPartNumber === 'ENTERPRISEPACK');
		expect(totalE3).toMatchObject({tenants: 2, assigned: e3('northwind').assigned * 2});
		expect(data.totals).toMatchObject({tenants: 3, failed: 1});
		// A line for each tenant as it is read, on stderr: stdout stays data.
		expect(licenses.stderr).toMatch(/^m365-licenses: northwind: read \(\d+\.\d s\)$/m);
		expect(licenses.stderr).toMatch(/^m365-licenses: fabrikam: could not be read: Tenant file .*: cannot read it: no such file$/m);
		expect(licenses.stderr).toMatch(/1 of 3 tenants could not be read; the others are shown\.$/m);

		const reclaim = await m.run('reclaim', '--all-tenants', '--json');
		expect(reclaim.status).toBe(3);
		const reclaimed = JSON.parse(reclaim.stdout);
		expectShape('reclaim-all', reclaimed);
		const blocked = (name: string) =>
			reclaimed.tenants.find((t: {name: string}) => t.name === name).sections.find((s: {id: string}) => s.id === 'blocked').licenses;
		expect(reclaimed.totals.sections.find((s: {id: string}) => s.id === 'blocked').licenses).toBe(blocked('contoso') + blocked('northwind'));

		const audit = await m.run('audit', '--all-tenants', '--json');
		const merged = JSON.parse(audit.stdout);
		expectShape('audit-all', merged);
		expect(merged.entries.map((e: {tenant: string; tenantId: string; userPrincipalName: string}) => [e.tenant, e.tenantId, e.userPrincipalName])).toEqual([
			['northwind', northwind.id, 'megan.bowen@contoso.com'],
			['contoso', contosoId, 'nestor.wilke@contoso.com'],
		]);
		const text = await m.run('audit', '--all-tenants');
		expect(lines(text.stdout)[0]).toMatch(/^\[northwind\] \d{4}-\d\d-\d\d \d\d:\d\d:\d\d {2}unassign {2}removed {2}megan\.bowen@contoso\.com$/);
		// Nothing is changed across tenants.
		const apply = await m.run('reclaim', '--all-tenants', '--apply', '--section', 'blocked', '--yes');
		expect(apply.status).toBe(2);
		expect(apply.stderr).toMatch(/--all-tenants only reads: a change is made within one tenant/);
	});
});

describe.runIf(requireTmux())('the Tenants screen, at 80×24', () => {
	it('comes first with several tenants added; enter opens one, t goes back, and each shows its own licenses under its own name', async () => {
		const m = machine();
		await m.run('tenants', 'add', 'northwind', '--snapshot', snapshotOf(northwind));
		await m.run('tenants', 'add', 'fabrikam', '--snapshot', snapshotOf(fabrikam));
		await m.run('tenants', 'add', 'contoso', '--snapshot', demoTenantPath);
		await m.run('unassign', '--profile', 'northwind', '--product', 'ENTERPRISEPACK', '--users', 'megan.bowen@contoso.com', '--yes');
		const record = join(m.home, 'terminal.bytes');
		const session = new TmuxSession([], m.env, {record});
		try {
			await session.waitFor('Tenants (3)');
			const list = await session.waitFor(/northwind · Northwind Traders: 56 assigned, 28 available/);
			expect(list).toMatch(/› contoso · Contoso Ltd: 57 assigned, 27 available · Reclaim frees \d+/);
			session.keys('j', 'Enter');
			await session.waitFor(/── Fabrikam, Inc\. \[fabrikam\] ─/);
			session.keys('t');
			await session.waitFor('Tenants (3)');
			session.keys('j', 'Enter');
			const opened = await session.waitFor(/── Northwind Traders \[northwind\] ─/);
			expect(opened).toMatch(/Office 365 E3\s+17\s+8\s+25/);
			session.keys('q');
			expect(await session.exitStatus()).toBe(0);
			expect(session.widestLine()).toBeLessThanOrEqual(80);
		} finally {
			session.kill();
		}
	});
});
