// A snapshot read once is kept in the state directory, compact (backends/snapshot-cache.ts), and
// the next start reads that instead: with the saved changes replayed over it, it must show exactly
// the tenant that reading the file would, and never once the file is not the one it stands for.
import {copyFileSync, readFileSync, rmSync, truncateSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import fc from 'fast-check';
import {produce} from 'immer';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {compactTenant, expandTenant} from '../../source/backends/compact-tenant.js';
import {SnapshotCache} from '../../source/backends/snapshot-cache.js';
import {openTenant} from '../../source/open-tenant.js';
import {applyChanges, type Change} from '../../source/domain/changes.js';
import type {Tenant} from '../../source/domain/model.js';
import {planAssign, planUnassign} from '../../source/domain/plan.js';
import {demoTenantPath} from '../../source/paths.js';
import {openStateFile} from '../../source/store/state-file.js';
import {histories} from '../helpers/histories.js';
import {demoTenant, sku, tempStateDir, userByName} from '../helpers/tenant.js';

const reads = vi.spyOn(SnapshotCache.prototype, 'read');
/** How many starts found the snapshot in the cache: as read, or (`replayed`) with state.json's changes replayed. */
const hits = (replayed = false) => reads.mock.results.filter((result, i) => result.value !== null && (reads.mock.calls[i]![1] != null) === replayed).length;
afterEach(() => reads.mockClear());

/** A snapshot of the demo tenant (as `edit` changes it) in a folder of its own, and a state directory. */
function setUp(edit?: (tenant: Tenant) => void) {
	const snapshot = join(tempStateDir(), 'tenant.json');
	if (edit) {
		const tenant = JSON.parse(readFileSync(demoTenantPath, 'utf8')) as Tenant;
		edit(tenant);
		writeFileSync(snapshot, JSON.stringify(tenant));
	} else copyFileSync(demoTenantPath, snapshot);
	return {snapshot, stateDir: tempStateDir()};
}

async function open({snapshot, stateDir}: {snapshot: string; stateDir: string}, writer?: string) {
	const opened = await openTenant({tenant: snapshot, stateDir, reset: false}, {}, () => {}, writer ? {writer} : {});
	return {...opened, tenant: opened.store.getState().tenant};
}

const tenantId = demoTenant().organization.id;
const time = '2026-11-20T10:00:00.000Z';
const save = (stateDir: string, changes: Change[], reset = false) =>
	openStateFile(stateDir).commit({id: `test-${Math.random()}`, tenantId, time, changes, audit: [], ...(reset ? {reset} : {})});
/** Folds the journal into state.json, as a writer does when it quits. */
const compact = (stateDir: string) => openStateFile(stateDir).compact({force: true});
/** A snapshot with Diego Siciliani deleted in it, so that a history may restore him too. */
function withDiegoDeleted() {
	const files = setUp(tenant => {
		const at = tenant.users.findIndex(u => u.displayName === 'Diego Siciliani');
		const [diego] = tenant.users.splice(at, 1);
		(tenant['x-local'] ??= {}).deletedUsers = [{deletedDateTime: time, user: diego!}];
	});
	return {files, diego: userByName(demoTenant(), 'Diego Siciliani')};
}
const holdersOf = (tenant: Tenant, skuId: string) => tenant.users.filter(u => u.assignedLicenses.some(l => l.skuId === skuId)).map(u => u.id);

describe('the compact form of a tenant', () => {
	it('reads back as the same tenant, key for key and in the same order, for any users', () => {
		// Strings with the separator a column of strings is joined by, too.
		const scalar = fc.oneof(fc.string(), fc.constantFrom('a\u007fb', '', '\u007f'), fc.integer(), fc.boolean(), fc.constant(null));
		const nested = fc.oneof(fc.array(scalar, {maxLength: 3}), fc.dictionary(fc.string({maxLength: 5}), scalar, {maxKeys: 3}));
		// fc.dictionary makes "__proto__" an own key, as JSON.parse does.
		const user = fc.dictionary(fc.constantFrom('id', 'displayName', 'assignedLicenses', 'x', 'y', 'signInActivity', '__proto__'), fc.oneof(scalar, nested));
		// The mailbox windows, by user id: none, or some, alike or not.
		const userId = fc.oneof(fc.string(), fc.constantFrom('a\u007fb', '__proto__', ''));
		const windows = fc.option(
			fc.dictionary(userId, fc.dictionary(fc.constantFrom('sku1', 'sku2', '__proto__'), fc.constantFrom(time, '2026-11-21T00:00:00.000Z')), {maxKeys: 6}),
			{nil: undefined},
		);
		fc.assert(
			fc.property(fc.array(user, {maxLength: 20}), windows, (users, licenseRemovals) => {
				const demo = demoTenant();
				const tenant = {...demo, users, 'x-local': {...demo['x-local'], licenseRemovals}} as unknown as Tenant;
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
		const alike = JSON.stringify([{skuId: sku.businessPremium, disabledPlans: []}]);
		const [a, b] = back.users.filter(u => JSON.stringify(u.assignedLicenses) === alike);
		expect(a!.assignedLicenses).toBe(b!.assignedLicenses);
		expect(() => (a!.assignedLicenses as unknown[]).push('x')).toThrow(TypeError);
		expect(() => ((a!.assignedLicenses[0] as {skuId: string}).skuId = 'x')).toThrow(TypeError);

		// Mailbox windows alike are shared too; replaying a change gives the user windows of their own.
		const tenant = demoTenant();
		const [alex, diego] = [userByName(tenant, 'Alex Wilber'), userByName(tenant, 'Diego Siciliani')];
		tenant['x-local'] = {...tenant['x-local'], licenseRemovals: {[alex.id]: {[sku.businessPremium]: time}, [diego.id]: {[sku.businessPremium]: time}}};
		const kept = expandTenant(JSON.parse(JSON.stringify(compactTenant(tenant))))!;
		expect(JSON.stringify(kept)).toBe(JSON.stringify(tenant));
		const windows = kept['x-local']!.licenseRemovals!;
		expect(windows[alex.id]).toBe(windows[diego.id]);
		expect(Object.isFrozen(windows[alex.id])).toBe(true);
		applyChanges(kept, [{time: '2026-11-22T00:00:00.000Z', userId: alex.id, add: [], remove: [sku.e3]}]);
		applyChanges(kept, [{time: '2026-11-22T00:00:00.000Z', userId: diego.id, add: [sku.businessPremium], remove: []}]);
		expect(windows[alex.id]).toEqual({[sku.businessPremium]: time, [sku.e3]: '2026-11-22T00:00:00.000Z'});
		expect(windows[diego.id]).toBeUndefined();
	});

	it('gives mailbox windows that Immer can freeze, change and keep apart, read or not before', () => {
		const tenant = demoTenant();
		const alex = userByName(tenant, 'Alex Wilber');
		const before = {[sku.e3]: '2026-11-01T00:00:00.000Z'};
		tenant['x-local'] = {...tenant['x-local'], licenseRemovals: {[alex.id]: before}};
		const kept = expandTenant(JSON.parse(JSON.stringify(compactTenant(tenant))))!;
		// Frozen by Immer before the windows are first read.
		const first = produce({tenant: kept}, draft => void (draft.tenant.users[0]!.displayName = 'Someone else'));
		expect(Object.isFrozen(first.tenant['x-local'])).toBe(true);
		expect(first.tenant['x-local']!.licenseRemovals![alex.id]).toEqual(before);
		const second = produce(first, draft => applyChanges(draft.tenant, [{time, userId: alex.id, add: [], remove: [sku.businessPremium]}]));
		expect(second.tenant['x-local']!.licenseRemovals![alex.id]).toEqual({...before, [sku.businessPremium]: time});
		expect(first.tenant['x-local']!.licenseRemovals![alex.id]).toEqual(before);
	});

	it('is refused when damaged, not read wrong', () => {
		const compact = JSON.parse(JSON.stringify(compactTenant(demoTenant())));
		compact.shape[0] = 999;
		expect(expandTenant(compact)).toBeNull();
		compact.shape[0] = 0;
		for (const [k, column] of (compact.columns as Array<unknown[] | string>).entries()) {
			// A column one user short, written as a list or joined.
			const short = typeof column === 'string' ? column.slice(0, column.lastIndexOf('\u007f')) : column.slice(1);
			expect(expandTenant({...compact, columns: compact.columns.map((c: unknown, i: number) => (i === k ? short : c))})).toBeNull();
		}
		expect(expandTenant({rest: {}, shapes: [], shared: []})).toBeNull();
		expect(expandTenant('users')).toBeNull();
	});
});

describe('a snapshot cached', () => {
	it('is read from the cache at the next start, and shows what reading the file shows, changes saved or not', async () => {
		const files = setUp();
		const first = await open(files);
		expect(hits()).toBe(0);
		const second = await open(files);
		expect(hits()).toBe(1);
		expect(JSON.stringify(second.tenant)).toBe(JSON.stringify(first.tenant));

		// A change saved does not make the cache stale: it is replayed over it, as over the file.
		const writer = await open(files, 'app');
		const alex = userByName(writer.tenant, 'Alex Wilber');
		await writer.store.apply(planUnassign(writer.tenant, [alex.id], [sku.businessPremium]));
		writer.release();
		const after = await open(files);
		expect(hits()).toBe(3);
		expect(holdersOf(after.tenant, sku.businessPremium)).not.toContain(alex.id);
		rmSync(join(files.stateDir, 'snapshot-cache.json'));
		const fromFile = await open(files);
		expect(hits()).toBe(3);
		expect(JSON.stringify(fromFile.tenant)).toBe(JSON.stringify(after.tenant));
	});

	it('replays every kind of saved change over the cache as over the file', async () => {
		const {files, diego} = withDiegoDeleted();
		await fc.assert(
			fc.asyncProperty(histories, async changes => {
				const stateDir = tempStateDir();
				save(stateDir, [{type: 'restore', time, userId: diego.id}, ...changes]);
				rmSync(join(stateDir, 'snapshot-cache.json'), {force: true});
				const fromFile = await open({...files, stateDir});
				const fromCache = await open({...files, stateDir});
				expect(reads.mock.results.at(-1)!.value).not.toBeNull();
				expect(JSON.stringify(fromCache.tenant)).toBe(JSON.stringify(fromFile.tenant));
			}),
			{numRuns: 40},
		);
	});

	it('is not used once the snapshot is edited, nor when damaged', async () => {
		const files = setUp();
		await open(files);
		writeFileSync(files.snapshot, readFileSync(files.snapshot, 'utf8').replace('"Contoso Ltd"', '"Contoso Inc"'));
		const edited = await open(files);
		expect(hits()).toBe(0);
		expect(edited.tenant.organization.displayName).toBe('Contoso Inc');
		await open(files);
		expect(hits()).toBe(1);

		const cache = join(files.stateDir, 'snapshot-cache.json');
		truncateSync(cache, Math.floor(readFileSync(cache).length / 2));
		const damaged = await open(files);
		expect(hits()).toBe(1);
		expect(JSON.stringify(damaged.tenant)).toBe(JSON.stringify(edited.tenant));
	});

	it('lets a change through the store on a cached tenant touch only its user', async () => {
		const files = setUp();
		await open(files);
		const writer = await open(files, 'app');
		expect(hits()).toBe(1);
		const before = holdersOf(writer.tenant, sku.businessPremium);
		await writer.store.apply(planUnassign(writer.tenant, [before[0]!], [sku.businessPremium]));
		expect(holdersOf(writer.store.getState().tenant, sku.businessPremium)).toEqual(before.slice(1));
		writer.release();
	});
});

describe('a snapshot kept with state.json replayed into it', () => {
	// Enough users changed for the copy to be kept (a twentieth of them or more).
	/** How many licenses users hold directly (not through a group). */
	const direct = (tenant: Tenant) => tenant.users.flatMap(u => u.licenseAssignmentStates).filter(s => s.assignedByGroup === null).length;
	const unassignAll = (tenant: Tenant): Change[] =>
		tenant.users.filter(u => u.assignedLicenses.length > 0).map(u => ({time, userId: u.id, add: [], remove: u.assignedLicenses.map(l => l.skuId)}));

	it('is read at the next start, with the journal replayed over it, and shows what the file does', async () => {
		const files = setUp();
		const first = await open(files);
		save(files.stateDir, unassignAll(first.tenant));
		compact(files.stateDir);
		const fromFile = await open(files);
		expect(hits(true)).toBe(0);
		const kept = await open(files);
		expect(hits(true)).toBe(1);
		expect(JSON.stringify(kept.tenant)).toBe(JSON.stringify(fromFile.tenant));
		expect(direct(first.tenant)).toBeGreaterThan(10);
		expect(direct(kept.tenant)).toBe(0);

		// A change after it goes to the journal: the copy stays in use, the change replayed over it.
		const writer = await open(files, 'app');
		expect(hits(true)).toBe(2);
		const alex = userByName(writer.tenant, 'Alex Wilber');
		await writer.store.apply(planAssign(writer.tenant, [alex.id], sku.businessPremium));
		writer.release();
		const after = await open(files);
		expect(hits(true)).toBe(3);
		expect(holdersOf(after.tenant, sku.businessPremium)).toEqual([alex.id]);
	});

	it('is not used once the journal is folded into another state.json, and is made again', async () => {
		const files = setUp();
		const first = await open(files);
		const changes = unassignAll(first.tenant);
		save(files.stateDir, changes.slice(0, 3));
		compact(files.stateDir);
		await open(files);
		save(files.stateDir, changes.slice(3));
		compact(files.stateDir);
		const again = await open(files);
		expect(hits(true)).toBe(0);
		expect(direct(again.tenant)).toBe(0);
		await open(files);
		expect(hits(true)).toBe(1);
	});

	it('is set aside by a --reset in the journal: the snapshot shows as it is', async () => {
		const files = setUp();
		const first = await open(files);
		save(files.stateDir, unassignAll(first.tenant));
		compact(files.stateDir);
		await open(files);
		await open(files);
		expect(hits(true)).toBe(1);
		save(files.stateDir, [], true);
		const reset = await open(files);
		expect(JSON.stringify(reset.tenant.users)).toBe(JSON.stringify(first.tenant.users));
	});

	it('replays any history, split anywhere between state.json and the journal, as the file does', async () => {
		const {files, diego} = withDiegoDeleted();
		const source = (await open(files)).tenant;
		await fc.assert(
			fc.asyncProperty(histories, fc.nat(), async (history, cut) => {
				const changes = [{type: 'restore', time, userId: diego.id} as Change, ...history];
				const at = cut % (changes.length + 1);
				const stateDir = tempStateDir();
				// Enough in state.json for the copy to be kept.
				save(stateDir, [...unassignAll(source), ...changes.slice(0, at)]);
				compact(stateDir);
				save(stateDir, changes.slice(at));
				copyFileSync(join(files.stateDir, 'snapshot-cache.json'), join(stateDir, 'snapshot-cache.json'));
				const made = await open({...files, stateDir});
				const kept = await open({...files, stateDir});
				expect(reads.mock.results.at(-1)!.value).not.toBeNull();
				expect(reads.mock.calls.at(-1)![1]).not.toBeNull();
				rmSync(join(stateDir, 'snapshot-cache.json'));
				rmSync(join(stateDir, 'replayed-cache.json'));
				const fromFile = await open({...files, stateDir});
				expect(JSON.stringify(made.tenant)).toBe(JSON.stringify(fromFile.tenant));
				expect(JSON.stringify(kept.tenant)).toBe(JSON.stringify(fromFile.tenant));
			}),
			{numRuns: 30},
		);
	});
});
