import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {UserError} from '../../source/errors.js';
import {LocalTenant} from '../../source/backends/local-tenant.js';
import {demoTenantPath} from '../../source/paths.js';
import {planUnassign} from '../../source/domain/plan.js';
import {productBySku} from '../../source/domain/selectors.js';
import {openStateFile} from '../../source/store/state-file.js';
import {resolveStateDir} from '../../source/store/state-dir.js';
import {openStore} from '../../source/store/store.js';
import {demoStore, sku, tempStateDir, userByName} from '../helpers/tenant.js';

const available = (tenant: Parameters<typeof productBySku>[0]) => productBySku(tenant, sku.businessPremium)!.available;

describe('store', () => {
	it('saves a change before reporting it, and a new store sees it', async () => {
		const {store, stateDir, stateFile} = await demoStore();
		const tenant = store.getState().tenant;
		const users = ['Alex Wilber', 'Diego Siciliani'].map(name => userByName(tenant, name).id);
		const outcomes = await store.apply(planUnassign(tenant, users, [sku.businessPremium]));

		expect(outcomes.map(o => o.outcome)).toEqual(['removed', 'removed']);
		expect(stateFile.changes(tenant.organization.id)).toHaveLength(2);
		expect(available(store.getState().tenant)).toBe(4);

		const reopened = await demoStore(stateDir);
		expect(available(reopened.store.getState().tenant)).toBe(4);
	});

	it('reports skipped users beside the removed ones and saves only the removals', async () => {
		const {store, stateFile} = await demoStore();
		const tenant = store.getState().tenant;
		const users = ['Alex Wilber', 'Megan Bowen'].map(name => userByName(tenant, name).id);
		const outcomes = await store.apply(planUnassign(tenant, users, [sku.businessPremium]));
		expect(outcomes.map(o => [o.userPrincipalName, o.outcome, o.reason])).toEqual([
			['alex.wilber@contoso.com', 'removed', null],
			['megan.bowen@contoso.com', 'skipped', 'not-assigned'],
		]);
		expect(stateFile.changes(tenant.organization.id).map(c => c.userId)).toEqual([users[0]]);
	});

	it('--reset discards the saved changes and never touches the demo file', async () => {
		const demoBefore = readFileSync(demoTenantPath, 'utf8');
		const {store, stateDir} = await demoStore();
		const tenant = store.getState().tenant;
		await store.apply(planUnassign(tenant, [userByName(tenant, 'Alex Wilber').id], [sku.businessPremium]));
		const stateFile = openStateFile(stateDir);
		const reset = await openStore({backend: new LocalTenant(demoTenantPath, 'demo'), stateFile, reset: true});
		expect(available(reset.getState().tenant)).toBe(2);
		expect(stateFile.changes(tenant.organization.id)).toEqual([]);
		expect(readFileSync(demoTenantPath, 'utf8')).toBe(demoBefore);
	});
});

describe('state file', () => {
	it('refuses a corrupt state file with a message naming it, and leaves it as it was', () => {
		const dir = tempStateDir();
		const path = join(dir, 'state.json');
		writeFileSync(path, '{"version": 1, "tenants": {');
		expect(() => openStateFile(dir)).toThrow(UserError);
		expect(() => openStateFile(dir)).toThrow(`State file ${path}: is not valid JSON. It was left as it is`);
		expect(readFileSync(path, 'utf8')).toBe('{"version": 1, "tenants": {');
	});

	it('takes --state-dir over M365_LICENSES_STATE_DIR, and that over the default', () => {
		expect(resolveStateDir('/a', {M365_LICENSES_STATE_DIR: '/b'})).toBe('/a');
		expect(resolveStateDir(undefined, {M365_LICENSES_STATE_DIR: '/b'})).toBe('/b');
		expect(resolveStateDir(undefined, {})).toBeUndefined();
	});
});

describe('tenant file', () => {
	it('names the file and the field that is wrong', async () => {
		const dir = tempStateDir();
		const file = join(dir, 'tenant.json');
		const tenant = JSON.parse(readFileSync(demoTenantPath, 'utf8'));
		tenant.users[3].accountEnabled = 'yes';
		writeFileSync(file, JSON.stringify(tenant));
		await expect(new LocalTenant(file, 'snapshot').load()).rejects.toThrow(`Tenant file ${file}: users[3].accountEnabled: must be boolean`);
	});

	it('says when the file is not JSON or cannot be read', async () => {
		const dir = tempStateDir();
		const file = join(dir, 'tenant.json');
		writeFileSync(file, 'not json');
		await expect(new LocalTenant(file, 'snapshot').load()).rejects.toThrow(/is not valid JSON/);
		await expect(new LocalTenant(join(dir, 'missing.json'), 'snapshot').load()).rejects.toThrow(/Tenant file .*missing.json: cannot read it: no such file/);
	});
});

describe('a change cut off mid-way', () => {
	it('is settled on the next start: what was done and what was not go into the audit log, once', async () => {
		const {store, stateDir, stateFile} = await demoStore();
		const tenant = store.getState().tenant;
		const [alex, diego] = ['Alex Wilber', 'Diego Siciliani'].map(name => userByName(tenant, name));
		// The app recorded the change, then was killed while sending it.
		stateFile.begin({
			id: 'change-1',
			time: '2026-11-25T10:00:00.000Z',
			actor: 'megan.bowen@contoso.com',
			tenantId: tenant.organization.id,
			items: [alex!, diego!].map(u => ({userId: u.id, userPrincipalName: u.userPrincipalName, add: [], remove: [sku.businessPremium]})),
		});

		const next = await demoStore(stateDir);
		// A file tenant's change is only what was saved: nothing of it was.
		expect(next.store.getState().recovered).toEqual({time: '2026-11-25T10:00:00.000Z', done: 0, notDone: 2});
		expect(next.stateFile.audit().entries.map(e => [e.userPrincipalName, e.outcome, e.reason, e.changeId])).toEqual([
			['alex.wilber@contoso.com', 'failed', 'interrupted', 'change-1'],
			['diego.siciliani@contoso.com', 'failed', 'interrupted', 'change-1'],
		]);
		expect(next.stateFile.interrupted(tenant.organization.id)).toEqual([]);
		// Settled once: the start after that has nothing to settle.
		const third = await demoStore(stateDir);
		expect(third.store.getState().recovered).toBeNull();
		expect(third.stateFile.audit().entries).toHaveLength(2);
	});

	it('a normal change leaves nothing pending', async () => {
		const {store, stateFile} = await demoStore();
		const tenant = store.getState().tenant;
		await store.apply(planUnassign(tenant, [userByName(tenant, 'Alex Wilber').id], [sku.businessPremium]));
		expect(stateFile.interrupted(tenant.organization.id)).toEqual([]);
	});
});
