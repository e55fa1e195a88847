// A snapshot read and replayed is kept in the state directory (store/replay-cache.ts), and the next
// start reads that instead: it must show exactly the tenant that reading and replaying would, and
// never once the snapshot or the saved changes are not the ones it stands for.
import {copyFileSync, readFileSync, truncateSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import fc from 'fast-check';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {LocalTenant} from '../../source/backends/local-tenant.js';
import {openTenant} from '../../source/commands/open.js';
import type {Change} from '../../source/domain/changes.js';
import type {Tenant} from '../../source/domain/model.js';
import {planUnassign} from '../../source/domain/plan.js';
import {demoTenantPath} from '../../source/paths.js';
import {compactTenant, expandTenant} from '../../source/store/compact-tenant.js';
import {openStateFile} from '../../source/store/state-file.js';
import {demoTenant, sku, tempStateDir, userByName} from '../helpers/tenant.js';

const loads = vi.spyOn(LocalTenant.prototype, 'load');
afterEach(() => loads.mockClear());

/** A snapshot of the demo tenant in a folder of its own, and a state directory. */
function setUp(edit?: (tenant: Tenant) => void) {
	const folder = tempStateDir();
	const snapshot = join(folder, 'tenant.json');
	if (edit) {
		const tenant = JSON.parse(readFileSync(demoTenantPath, 'utf8')) as Tenant;
		edit(tenant);
		writeFileSync(snapshot, JSON.stringify(tenant));
	} else copyFileSync(demoTenantPath, snapshot);
	return {snapshot, stateDir: tempStateDir()};
}

async function open({snapshot, stateDir}: {snapshot: string; stateDir: string}, {writer, actAs}: {writer?: string; actAs?: string} = {}) {
	const opened = await openTenant({tenant: snapshot, stateDir, reset: false, actAs}, {}, () => {}, writer ? {writer} : {});
	return {...opened, tenant: opened.store.getState().tenant};
}

const tenantId = demoTenant().organization.id;
const time = '2026-11-20T10:00:00.000Z';
const save = (stateDir: string, changes: Change[]) => openStateFile(stateDir).commit({id: `test-${Math.random()}`, tenantId, time, changes, audit: []});

describe('the compact form of a tenant', () => {
	it('reads back as the same tenant, key for key and in the same order, for any users', () => {
		const scalar = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null));
		const nested = fc.oneof(fc.array(scalar, {maxLength: 3}), fc.dictionary(fc.string({maxLength: 5}), scalar, {maxKeys: 3}));
		// fc.dictionary makes "__proto__" an own key, as JSON.parse does.
		const user = fc.dictionary(fc.constantFrom('id', 'displayName', 'assignedLicenses', 'x', 'y', 'signInActivity', '__proto__'), fc.oneof(scalar, nested));
		fc.assert(
			fc.property(fc.array(user, {maxLength: 20}), users => {
				const tenant = {...demoTenant(), users} as unknown as Tenant;
				const back = expandTenant(JSON.parse(JSON.stringify(compactTenant(tenant))));
				expect(JSON.stringify(back)).toBe(JSON.stringify(tenant));
			}),
			{numRuns: 200},
		);
		const demo = demoTenant();
		expect(JSON.stringify(expandTenant(JSON.parse(JSON.stringify(compactTenant(demo)))))).toBe(JSON.stringify(demo));
	});

	it('shares what users have alike, frozen, so that nothing can change it for all of them', () => {
		const back = expandTenant(JSON.parse(JSON.stringify(compactTenant(demoTenant()))))!;
		const [a, b] = back.users.filter(u => JSON.stringify(u.assignedLicenses) === JSON.stringify([{skuId: sku.businessPremium, disabledPlans: []}]));
		expect(a!.assignedLicenses).toBe(b!.assignedLicenses);
		expect(() => (a!.assignedLicenses as unknown[]).push('x')).toThrow(TypeError);
		expect(() => ((a!.assignedLicenses[0] as {skuId: string}).skuId = 'x')).toThrow(TypeError);
	});

	it('is refused when damaged, not read wrong', () => {
		const compact = JSON.parse(JSON.stringify(compactTenant(demoTenant())));
		compact.shape[0] = 999;
		expect(expandTenant(compact)).toBeNull();
		compact.shape[0] = 0;
		compact.columns[0].pop();
		expect(expandTenant(compact)).toBeNull();
		expect(expandTenant({rest: {}, shapes: [], shared: []})).toBeNull();
		expect(expandTenant('users')).toBeNull();
	});
});

describe('a snapshot replayed and cached', () => {
	it('is read from the cache at the next start, and shows the same tenant as reading and replaying', async () => {
		const files = setUp();
		const alex = userByName(demoTenant(), 'Alex Wilber');
		const ben = userByName(demoTenant(), 'Ben Walters');
		const salesTeam = 'ee23f188-8b4b-41cf-818b-6589f89d7e5f';
		save(files.stateDir, [
			{time, userId: alex.id, add: [], remove: [sku.businessPremium]},
			{type: 'delete', time, userId: ben.id},
			...demoTenant()
				.groups.find(g => g.id === salesTeam)!
				.members!.slice(0, 2)
				.map(userId => ({type: 'leave-group' as const, time, userId, groupId: salesTeam})),
		]);
		const first = await open(files);
		expect(loads).toHaveBeenCalledTimes(1);
		const second = await open(files);
		expect(loads).toHaveBeenCalledTimes(1);
		expect(JSON.stringify(second.tenant)).toBe(JSON.stringify(first.tenant));
		expect(second.tenant.users.some(u => u.id === ben.id)).toBe(false);
		expect(second.tenant.users.find(u => u.id === alex.id)!.assignedLicenses.some(l => l.skuId === sku.businessPremium)).toBe(false);
	});

	it('is not used once a change is saved, nor once the snapshot is edited, nor when damaged', async () => {
		const files = setUp();
		await open(files);
		await open(files);
		expect(loads).toHaveBeenCalledTimes(1);

		// A change saved by the app.
		const writer = await open(files, {writer: 'app'});
		const alex = userByName(writer.tenant, 'Alex Wilber');
		await writer.store.apply(planUnassign(writer.tenant, [alex.id], [sku.businessPremium]));
		writer.release();
		const afterChange = await open(files);
		expect(loads).toHaveBeenCalledTimes(2);
		expect(afterChange.tenant.users.find(u => u.id === alex.id)!.assignedLicenses.some(l => l.skuId === sku.businessPremium)).toBe(false);
		await open(files);
		expect(loads).toHaveBeenCalledTimes(2);

		// The snapshot edited: the same size, another name.
		writeFileSync(files.snapshot, readFileSync(files.snapshot, 'utf8').replace('"Contoso Ltd"', '"Contoso Inc"'));
		const edited = await open(files);
		expect(loads).toHaveBeenCalledTimes(3);
		expect(edited.tenant.organization.displayName).toBe('Contoso Inc');

		// The cache cut short.
		const cache = join(files.stateDir, 'tenant-cache.json');
		truncateSync(cache, Math.floor(readFileSync(cache).length / 2));
		const damaged = await open(files);
		expect(loads).toHaveBeenCalledTimes(4);
		expect(JSON.stringify(damaged.tenant)).toBe(JSON.stringify(edited.tenant));
	});

	it('lets a change through the store on a cached tenant touch only its user', async () => {
		const files = setUp();
		await open(files);
		const writer = await open(files, {writer: 'app'});
		expect(loads).toHaveBeenCalledTimes(1);
		const holders = (tenant: Tenant) => tenant.users.filter(u => u.assignedLicenses.some(l => l.skuId === sku.businessPremium)).map(u => u.id);
		const before = holders(writer.tenant);
		await writer.store.apply(planUnassign(writer.tenant, [before[0]!], [sku.businessPremium]));
		expect(holders(writer.store.getState().tenant)).toEqual(before.slice(1));
		writer.release();
	});

	it('checks --as against the snapshot, as reading and replaying does', async () => {
		// A user deleted in the snapshot, and one deleted by the app: the first is restored by the app.
		const files = setUp(tenant => {
			const at = tenant.users.findIndex(u => u.displayName === 'Diego Siciliani');
			const [diego] = tenant.users.splice(at, 1);
			(tenant['x-local'] ??= {}).deletedUsers = [{deletedDateTime: time, user: diego!}];
		});
		const diego = userByName(demoTenant(), 'Diego Siciliani');
		const ben = userByName(demoTenant(), 'Ben Walters');
		save(files.stateDir, [
			{type: 'restore', time, userId: diego.id},
			{type: 'delete', time, userId: ben.id},
		]);
		for (const round of ['read and replayed', 'cached']) {
			// Not a user of the snapshot: refused both times.
			await expect(open(files, {actAs: diego.userPrincipalName}), round).rejects.toThrow(/Diego|diego/);
			// A user of the snapshot, deleted since by the app: accepted both times.
			expect((await open(files, {actAs: ben.userPrincipalName})).store.getState().admin, round).toBe(ben.userPrincipalName);
		}
		expect(loads.mock.calls.length).toBeLessThan(4);
	});
});
