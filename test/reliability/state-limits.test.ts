// What the state directory holds can always be read back: its limits are the tenant's (a UPN a
// snapshot may hold can be saved), no journal line the next start would refuse is ever written,
// its counters stay exact, and journal lines out of order never settle a change twice.
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import type {TenantBackend} from '../../source/backends/backend.js';
import {UserError} from '../../source/errors.js';
import {LocalTenant} from '../../source/backends/local-tenant.js';
import {openTenant} from '../../source/open-tenant.js';
import type {Tenant} from '../../source/domain/model.js';
import {planUnassign} from '../../source/domain/plan.js';
import {demoTenantPath} from '../../source/paths.js';
import {openStateFile} from '../../source/store/state-file.js';
import {openStore} from '../../source/store/store.js';
import {demoStore, demoTenant, sku, tempStateDir, userByName} from '../helpers/tenant.js';
import {tally} from './faults.js';

const counts = tally('state directory limits');
const tenantId = demoTenant().organization.id;
const alexId = userByName(demoTenant(), 'Alex Wilber').id;

/** A UPN of `length` UTF-16 units, made of `unit` (one or two units each). */
const upnOf = (length: number, unit = 'a') => `${unit.repeat(Math.floor((length - '@contoso.com'.length) / unit.length))}@contoso.com`;

describe('the limits of what is kept are the tenant schema’s', () => {
	it.each([
		[999, 'a'],
		[1000, 'a'],
		[1001, 'a'],
		[1002, 'a'],
		// 507 characters, 1,002 UTF-16 units: counted the same way on both sides.
		[1002, '\u{1F600}'],
	])('a UPN of %i units (%s): the snapshot is refused, or the user is unassigned and every start after reads the state', async (length, unit) => {
		const upn = upnOf(length, unit);
		const data = JSON.parse(readFileSync(demoTenantPath, 'utf8')) as Tenant;
		const index = data.users.findIndex(user => user.id.toLowerCase() === alexId);
		data.users[index]!.userPrincipalName = upn;
		const snapshot = join(tempStateDir(), 'tenant.json');
		writeFileSync(snapshot, JSON.stringify(data));
		const stateDir = tempStateDir();
		const open = (writer?: string) => openTenant({tenant: snapshot, stateDir, reset: false}, {}, () => {}, writer ? {writer} : {});
		counts.faults++;
		if (upn.length > 1000) {
			await expect(open('unassign')).rejects.toThrow(`users[${index}].userPrincipalName: must NOT have more than 1000 characters`);
			return;
		}
		const writer = await open('unassign');
		const tenant = writer.store.getState().tenant;
		const outcomes = await writer.store.apply(planUnassign(tenant, [upn], [sku.businessPremium]));
		writer.release();
		expect(outcomes.map(o => o.outcome)).toEqual(['removed']);
		const next = await open('unassign');
		const alex = next.store.getState().tenant.users.find(user => user.userPrincipalName === upn)!;
		if (alex.assignedLicenses.some(l => l.skuId === sku.businessPremium)) counts.changesLost++;
		expect(alex.assignedLicenses.map(l => l.skuId)).not.toContain(sku.businessPremium);
		next.release();
	});

	it('a change whose journal line could not be read back is refused before anything is sent, and the directory stays usable', async () => {
		// A backend that checks no schema (as Graph's): a name longer than the state directory keeps.
		let sent = 0;
		const long = (): TenantBackend => {
			const local = new LocalTenant(demoTenantPath, 'demo');
			const load = async () => {
				const tenant = await local.load();
				tenant.users.find(user => user.id === alexId)!.userPrincipalName = upnOf(1200);
				return tenant;
			};
			return {
				kind: 'graph',
				source: 'graph',
				load,
				apply: (t, p) => (sent++, local.apply(t, p)),
				deleteUser: async () => {},
				restoreUser: async () => {},
				removeFromGroup: async () => [],
			};
		};
		const dir = tempStateDir();
		const store = await openStore({backend: long(), stateFile: openStateFile(dir)});
		counts.faults++;
		const change = store.apply(planUnassign(store.getState().tenant, [alexId], [sku.businessPremium]));
		await expect(change).rejects.toBeInstanceOf(UserError);
		await expect(change).rejects.toThrow(
			/journal\.jsonl: the change would be saved in a form that cannot be read back \(items\[0\]\.userPrincipalName: must NOT have more than 1000 characters\)\. Nothing was sent/,
		);
		expect(sent).toBe(0);
		// The next start reads the directory, and a change that fits is saved.
		const next = await demoStore(dir);
		await next.store.apply(planUnassign(next.store.getState().tenant, [alexId], [sku.businessPremium]));
		expect(openStateFile(dir).folded(tenantId).get(alexId)?.remove?.[sku.businessPremium]).toBeDefined();
	});
});

describe('the journal’s counter', () => {
	const stateWith = (through: string) => {
		const dir = tempStateDir();
		writeFileSync(join(dir, 'state.json'), `{"version":1,"through":${through},"tenants":{}}\n`);
		return dir;
	};

	it('a state.json whose counter is past what a number holds exactly is refused, naming it', () => {
		counts.faults++;
		expect(() => openStateFile(stateWith('9007199254740992'))).toThrow(/state\.json: through: must be <= 9007199254740991\. It was left as it is/);
		expect(() => openStateFile(stateWith('1e400'))).toThrow(/state\.json: /);
	});

	it('at its last number, a change is refused before it is written; none is ever reported saved and then lost', async () => {
		const dir = stateWith('9007199254740990');
		const saved: string[] = [];
		for (const name of ['Alex Wilber', 'Diego Siciliani', 'Lee Gu']) {
			const {store, stateFile} = await demoStore(dir);
			const user = userByName(store.getState().tenant, name);
			try {
				await store.apply(planUnassign(store.getState().tenant, [user.id], [sku.businessPremium]));
				saved.push(user.id);
			} catch (error) {
				expect(error).toBeInstanceOf(UserError);
				expect((error as Error).message).toMatch(/journal\.jsonl: .*seq: must be <= 9007199254740991/);
			}
			stateFile.compact({force: true});
		}
		counts.faults++;
		const folded = openStateFile(dir).folded(tenantId);
		for (const id of saved) if (!folded.get(id)?.remove?.[sku.businessPremium]) counts.changesLost++;
		expect(saved.filter(id => folded.get(id)?.remove?.[sku.businessPremium])).toEqual(saved);
		expect(saved.length).toBeLessThan(3);
	});
});

describe('journal lines out of order', () => {
	const line = (record: object) => `${JSON.stringify(record)}\n`;
	const alex = demoTenant().users.find(user => user.id === alexId)!;
	const audit = {
		time: '2026-11-20T10:00:00.000Z',
		actor: 'megan.bowen@contoso.com',
		tenantId,
		action: 'unassign',
		userPrincipalName: alex.userPrincipalName,
		skuId: sku.businessPremium,
		skuPartNumber: 'SPB',
		outcome: 'removed',
		reason: null,
		changeId: 'c1',
	};
	const begin = {
		type: 'begin',
		id: 'c1',
		time: audit.time,
		actor: audit.actor,
		tenantId,
		items: [{userId: alexId, userPrincipalName: alex.userPrincipalName, add: [], remove: [sku.businessPremium]}],
	};
	const commit = {
		type: 'commit',
		id: 'c1',
		time: audit.time,
		tenantId,
		changes: [{time: audit.time, userId: alexId, add: [], remove: [sku.businessPremium]}],
		audit: [audit],
	};

	it.each([
		['a commit before its begin', [commit, begin]],
		['a commit twice', [begin, commit, commit]],
	])('%s: nothing is said to be settled, and the change is audited once', async (_case, records) => {
		const dir = tempStateDir();
		writeFileSync(join(dir, 'journal.jsonl'), records.map((record, i) => line({seq: i + 1, ...record})).join(''));
		writeFileSync(join(dir, 'audit.jsonl'), line(audit));
		counts.faults++;
		const {store, stateFile} = await demoStore(dir);
		expect(store.getState().recovered).toBeNull();
		expect(stateFile.audit().entries).toHaveLength(1);
		expect(openStateFile(dir).folded(tenantId).get(alexId)?.remove?.[sku.businessPremium]).toBe(audit.time);
	});
});
