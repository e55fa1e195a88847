// tenants add/list/remove and --profile, in-process as the command line runs them (the preferences
// read, then the command run): what each refuses, in one line naming the flag or field.
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import type {CommandIO} from '../../source/commands/io.js';
import {runCommand, type CommandValues} from '../../source/commands/run.js';
import type {GlobalOptions} from '../../source/open-tenant.js';
import {demoTenantPath, homesOf} from '../../source/paths.js';
import {readPreferences, withPreferences} from '../../source/store/preferences.js';
import {chooseProfile, tenantFolder} from '../../source/store/profiles.js';
import {atMostAtOnce} from '../../source/open-tenants.js';
import {tempStateDir} from '../helpers/tenant.js';
import {contosoId, fabrikam, northwind, snapshotOf} from '../helpers/tenants.js';

/** One machine: a state directory given (it holds the preferences too); commands run as cli.tsx runs them. */
function machine() {
	const dir = tempStateDir();
	return {
		dir,
		async run(command: string, args: string[], values: CommandValues = {}, globals: Partial<GlobalOptions> = {}, answer?: string) {
			let out = '';
			let err = '';
			const terminal = answer !== undefined;
			const io: CommandIO = {
				out: t => void (out += t),
				err: t => void (err += t),
				stdinIsTTY: terminal,
				stdoutIsTTY: terminal,
				env: {},
				ask: async question => ((out += question), answer ?? 'n'),
			};
			try {
				const preferences = await readPreferences(homesOf(dir));
				const options = withPreferences({stateDir: dir, reset: false, ...globals}, {}, preferences);
				return {status: await runCommand(command, values, options, '0.0.0', io, args), out, err};
			} catch (error) {
				return {status: (error as {exitCode?: number}).exitCode ?? -1, out, err: (error as Error).message};
			}
		},
	};
}

describe('tenants: what is refused', () => {
	it('says what is wrong in one line naming the flag or field, exits 2, and keeps nothing', async () => {
		const m = machine();
		const file = snapshotOf(northwind);
		expect((await m.run('tenants', ['add', 'northwind'], {snapshot: file})).status).toBe(0);
		const config = join(m.dir, 'config.json');
		const before = readFileSync(config, 'utf8');
		const cases: Array<[string[], CommandValues, Partial<GlobalOptions>, RegExp]> = [
			[['add', 'NorthWind'], {snapshot: file}, {}, /the name northwind is taken/],
			[['add', 'again'], {snapshot: file}, {}, new RegExp(`the tenant ${northwind.id} is added already, as northwind`)],
			[['add', 'a b'], {snapshot: file}, {}, /tenant name "a b": use letters/],
			[['add', '-x'], {snapshot: file}, {}, /tenant name "-x": use letters/],
			[['add', 'x'], {}, {graph: true, tenantId: 'contoso.com'}, /--tenant-id contoso.com: give the directory \(tenant\) id/],
			[['add', 'x'], {}, {graph: true}, /tenants add --graph needs --tenant-id ID/],
			[['add', 'x'], {}, {graph: true, tenantId: fabrikam.id, cloud: 'mars'}, /--cloud mars: use worldwide/],
			[['add', 'x'], {snapshot: file}, {tenantId: fabrikam.id}, /--tenant-id goes with tenants add NAME --graph/],
			[['add', 'x'], {snapshot: file}, {graph: true}, /tenants add needs --snapshot FILE or --graph --tenant-id ID/],
			[['add', 'x'], {}, {}, /tenants add needs --snapshot FILE or --graph --tenant-id ID/],
			[['add'], {}, {}, /tenants add needs a name/],
			[['add', 'x', 'y'], {snapshot: file}, {}, /unexpected argument "y"/],
			[[], {}, {}, /tenants needs one of add, list, remove, discover/],
			[['frobnicate'], {}, {}, /tenants frobnicate: use add, list, remove or discover/],
			[['list'], {snapshot: file}, {}, /--snapshot does not go with tenants list/],
			[['remove', 'nobody'], {}, {}, /tenants remove nobody: no tenant of that name; the tenants added are northwind/],
			[['remove', 'northwind'], {purge: true}, {}, /--purge asks first; without a terminal to ask in, add --yes/],
		];
		for (const [args, values, globals, message] of cases) {
			const result = await m.run('tenants', args, values, globals);
			const said = `tenants ${args.join(' ')}`;
			expect(result.status, said).toBe(2);
			expect(result.err, said).toMatch(message);
			expect(result.err, said).not.toContain('\n');
		}
		for (const [globals, message] of [
			[{profile: 'nobody'}, /--profile nobody: no tenant of that name; the tenants added are northwind/],
			[{profile: 'northwind', tenant: file}, /--profile names the tenant, and --tenant does not go with it/],
			[{profile: 'northwind', tenantId: fabrikam.id}, /--profile names the tenant, and --tenant-id does not go with it/],
			[{profile: 'northwind', graph: true}, /--graph: the tenant northwind is a snapshot, not a live tenant/],
		] as const) {
			const result = await m.run('licenses', [], {}, globals);
			expect(result.status).toBe(2);
			expect(result.err).toMatch(message);
		}
		const broken = await m.run('tenants', ['add', 'broken'], {snapshot: demoTenantPath.replace('contoso.json', 'tenant.schema.json')});
		expect(broken.status).toBe(1);
		expect(broken.err).toMatch(/^Tenant file .*tenant\.schema\.json: /);
		expect(readFileSync(config, 'utf8')).toBe(before);
	});
});

describe('--profile, in a state directory given', () => {
	const journal = (dir: string, id: string) => join(dir, 'tenants', id, 'journal.jsonl');
	const audit = async (m: ReturnType<typeof machine>, globals: Partial<GlobalOptions> = {}) =>
		JSON.parse((await m.run('audit', [], {json: true}, globals)).out).entries;
	const unassignMegan = (m: ReturnType<typeof machine>, globals: Partial<GlobalOptions> = {}) =>
		m.run('unassign', [], {product: 'ENTERPRISEPACK', users: 'megan.bowen@contoso.com', yes: true}, globals);

	it('opens the only tenant added without --profile; the demo with none; what was saved before stays where it was', async () => {
		const m = machine();
		// Saved before any tenant was added: the demo's change, in the state directory's top folder.
		expect((await unassignMegan(m)).status).toBe(0);
		await m.run('tenants', ['add', 'northwind'], {snapshot: snapshotOf(northwind)});
		expect(await audit(m)).toEqual([]);
		expect((await unassignMegan(m)).status).toBe(0);
		expect(existsSync(journal(m.dir, northwind.id))).toBe(true);
		expect(await audit(m)).toMatchObject([{tenantId: northwind.id}]);
		await m.run('tenants', ['remove', 'northwind']);
		expect(await audit(m)).toMatchObject([{tenantId: contosoId, outcome: 'removed'}]);
	});

	it('refuses a snapshot that has become another tenant, and changes nothing', async () => {
		const m = machine();
		const file = snapshotOf(northwind);
		await m.run('tenants', ['add', 'northwind'], {snapshot: file});
		writeFileSync(file, readFileSync(snapshotOf(fabrikam), 'utf8'));
		const result = await unassignMegan(m);
		expect(result.status).toBe(1);
		expect(result.err).toBe(
			`The tenant northwind was added as ${northwind.id}, but ${file} is now the tenant ${fabrikam.id}; nothing was shown or changed. Add it under a name of its own (m365-licenses tenants add).`,
		);
		expect(existsSync(journal(m.dir, northwind.id))).toBe(false);
	});

	it('tenants remove takes its copies, never its journal or audit log, though they share the folder; --purge takes those too', async () => {
		const m = machine();
		await m.run('tenants', ['add', 'northwind'], {snapshot: snapshotOf(northwind)});
		await unassignMegan(m);
		const folder = join(m.dir, 'tenants', northwind.id);
		expect(existsSync(join(folder, 'snapshot-cache.json'))).toBe(true);
		const removed = await m.run('tenants', ['remove', 'northwind']);
		expect(removed.status).toBe(0);
		expect(removed.err).toContain('its audit log and saved changes stay in');
		expect(existsSync(join(folder, 'snapshot-cache.json'))).toBe(false);
		expect(existsSync(journal(m.dir, northwind.id))).toBe(true);
		await m.run('tenants', ['add', 'northwind'], {snapshot: snapshotOf(northwind)});
		expect(await audit(m)).toHaveLength(1);
		const purged = await m.run('tenants', ['remove', 'northwind'], {purge: true, yes: true});
		expect(purged.err).toBe('m365-licenses: removed northwind and everything kept for it, its audit log too.\n');
		expect(existsSync(folder)).toBe(false);
		expect(JSON.parse((await m.run('tenants', ['list'], {json: true})).out).tenants).toEqual([]);
	});
});

describe('a tenant used before it was added', () => {
	it('says where what was saved for it then stays', async () => {
		const m = machine();
		const file = snapshotOf(northwind);
		expect((await m.run('unassign', [], {product: 'ENTERPRISEPACK', users: 'megan.bowen@contoso.com', yes: true}, {tenant: file})).status).toBe(0);
		const added = await m.run('tenants', ['add', 'northwind'], {snapshot: file});
		expect(added.err).toContain(`1 audit entry for this tenant, saved before it was added, stay in ${m.dir}: m365-licenses audit --tenant ${file} shows them.`);
		const other = await m.run('tenants', ['add', 'fabrikam'], {snapshot: snapshotOf(fabrikam)});
		expect(other.err).not.toContain('saved before');
	});
});

describe('a change in a tenant added', () => {
	it('names the tenant in its question', async () => {
		const m = machine();
		await m.run('tenants', ['add', 'northwind'], {snapshot: snapshotOf(northwind)});
		const result = await m.run('unassign', [], {product: 'ENTERPRISEPACK', users: 'megan.bowen@contoso.com'}, {}, 'n');
		expect(result.out).toContain('Unassign Office 365 E3 from 1 user in Northwind Traders? [y/N] ');
		expect(result.status).toBe(1);
	});
});

describe('which tenant opens', () => {
	const profiles = {
		northwind: {source: 'snapshot' as const, file: '/n.json', tenantId: northwind.id},
		live: {source: 'graph' as const, tenantId: fabrikam.id},
	};
	it('--profile by name in any case; the only one added; none added: none (the demo)', () => {
		expect(chooseProfile({profile: 'NORTHWIND', profiles})?.name).toBe('northwind');
		expect(chooseProfile({profiles: {live: profiles.live}})?.name).toBe('live');
		expect(chooseProfile({profiles: {}})).toBeNull();
		expect(chooseProfile({})).toBeNull();
	});
	it('a tenant of its own (--tenant FILE, --graph) opens no profile; several and none named is said', () => {
		expect(chooseProfile({profiles: {live: profiles.live}, tenant: '/x.json'})).toBeNull();
		expect(chooseProfile({profiles: {live: profiles.live}, graph: true})).toBeNull();
		expect(() => chooseProfile({profiles})).toThrow(/2 tenants are added \(live, northwind\): choose one with --profile NAME/);
	});
	it('the app with several added and none named: --reset and --as are refused for want of a tenant, never dropped', async () => {
		const {runTui} = await import('../../source/tui.js');
		await expect(runTui({guide: false, profiles, reset: true})).rejects.toThrow(
			/--reset needs --profile NAME to say which tenant it is for \(the tenants added: live, northwind\)/,
		);
		await expect(runTui({guide: false, profiles, reset: false, actAs: 'lee.gu@contoso.com'})).rejects.toThrow(/--as needs --profile NAME/);
	});
	it("the preferences' single tenant (snapshot, tenant id, cloud, client id) does not go with a tenant added", () => {
		const preferences = {
			snapshot: '/old.json',
			tenantId: northwind.id,
			cloud: 'usgov' as const,
			clientId: 'pref-client',
			loginEndpoint: 'https://login.example',
			tenants: profiles,
		};
		const named: GlobalOptions = withPreferences<GlobalOptions>({profile: 'northwind', reset: false}, {M365_LICENSES_TENANT_ID: fabrikam.id}, preferences);
		expect(chooseProfile(named)?.name).toBe('northwind');
		expect([named.tenant, named.tenantId, named.cloud, named.loginEndpoint, named.preferredClientId]).toEqual([
			undefined,
			undefined,
			undefined,
			undefined,
			'pref-client',
		]);
		const live: GlobalOptions = withPreferences<GlobalOptions>({graph: true, profile: 'live', reset: false}, {}, preferences);
		expect(chooseProfile(live)?.name).toBe('live');
		expect([live.tenantId, live.clientId, live.loginEndpoint]).toEqual([undefined, undefined, 'https://login.example']);
		// The only one added opens; --tenant FILE still opens that file, and --graph the preferences' tenant.
		const only = withPreferences({}, {}, {...preferences, tenants: {northwind: profiles.northwind}});
		expect(chooseProfile(only)?.name).toBe('northwind');
		expect(withPreferences({graph: true}, {}, preferences)).toMatchObject({tenantId: northwind.id, cloud: 'usgov'});
		expect(chooseProfile(withPreferences({tenant: '/x.json'}, {}, preferences))).toBeNull();
	});

	it("a tenant's folder is its id, or a hash of an id that is no safe folder name", () => {
		expect(tenantFolder(northwind.id.toUpperCase())).toBe(northwind.id);
		expect(tenantFolder('../etc')).toMatch(/^id-[0-9a-f]{32}$/);
		expect(tenantFolder('..')).toMatch(/^id-[0-9a-f]{32}$/);
	});
});

describe('reading tenants side by side', () => {
	it('at most the limit at once, every one read, the answers in the order asked', async () => {
		let running = 0;
		let most = 0;
		const waiting: Array<() => void> = [];
		const work = atMostAtOnce([1, 2, 3, 4, 5, 6, 7], 3, async n => {
			running++;
			most = Math.max(most, running);
			await new Promise<void>(resolve => waiting.push(resolve));
			running--;
			return n * 10;
		});
		// Let the waiting ones go one at a time, the last first.
		while (true) {
			await new Promise(resolve => setImmediate(resolve));
			const next = waiting.pop();
			if (!next) break;
			next();
		}
		expect(await work).toEqual([10, 20, 30, 40, 50, 60, 70]);
		expect(most).toBe(3);
	});
});
