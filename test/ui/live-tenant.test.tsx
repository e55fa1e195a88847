// What the app does and says with a live tenant, where Graph can be slow, refuse, or not answer: a
// copy shown while Graph is read again (and said to be one when that fails), Ctrl-C or a signal while
// a change is sent (stopped and saved before the app leaves), and Graph's refusal shown with its
// reason. The backends here stand in for Graph around the demo tenant.
import {afterEach, describe, expect, it} from 'vitest';
import type {TenantBackend} from '../../source/backends/backend.js';
import {LocalTenant} from '../../source/backends/local-tenant.js';
import {clockOf} from '../../source/domain/dates.js';
import type {Tenant} from '../../source/domain/model.js';
import type {LicensePlan} from '../../source/domain/plan.js';
import {notSentAfterStop} from '../helpers/stopped.js';
import {skipOutcomes} from '../../source/domain/plan.js';
import {demoTenantPath} from '../../source/paths.js';
import {openStateFile} from '../../source/store/state-file.js';
import {openStore} from '../../source/store/store.js';
import type {InterruptKind} from '../../source/ui/interrupt.js';
import {createSending} from '../../source/ui/sending.js';
import {keys, renderApp} from '../helpers/ink.js';
import {demoProductNames, tempStateDir} from '../helpers/tenant.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

/** The demo as a live backend would serve it, with the parts a test changes. */
function liveLike(overrides: Partial<TenantBackend> = {}): TenantBackend {
	const local = new LocalTenant(demoTenantPath, 'demo');
	return {
		kind: 'graph',
		source: 'https://graph.example',
		load: () => local.load(),
		apply: (tenant, plan) => local.apply(tenant, plan),
		deleteUser: () => local.deleteUser(),
		restoreUser: () => local.restoreUser(),
		removeFromGroup: async () => [],
		...overrides,
	};
}

describe('a copy of the tenant, read again behind it', () => {
	it('a failed re-read says the copy is shown and why, marks it a copy in the header until a re-read succeeds', async () => {
		const copy: Tenant = await new LocalTenant(demoTenantPath, 'demo').load();
		const readAt = '2026-12-07T09:41:00.000Z';
		let failing = true;
		const backend = liveLike({
			cached: async () => ({tenant: copy, readAt}),
			load: async () => {
				if (failing) throw new Error('Microsoft Graph GET /v1.0/users: answered 503.');
				return new LocalTenant(demoTenantPath, 'demo').load();
			},
		});
		const store = await openStore({backend, stateFile: openStateFile(tempStateDir())});
		const app = renderApp(store, {columns: 100, rows: 24});
		cleanup = app.unmount;
		const time = clockOf(readAt);
		expect(await app.waitFor('Showing the copy from the last run; reading the tenant again…')).toContain(`[copy of ${time}]`);
		await store.refresh();
		const failed = await app.waitFor(`Showing the copy read at ${time}; reading Microsoft Graph failed:`);
		expect(failed.replace(/\s+/g, ' ')).toContain('Microsoft Graph GET /v1.0/users: answered 503.');
		expect(failed).not.toContain('Up to date.');
		expect(failed).toContain(`[copy of ${time}]`);
		// r reads it again; now Graph answers.
		failing = false;
		await app.press('r');
		const fresh = await app.waitFor('Up to date.');
		expect(fresh).not.toContain('[copy of');
	});
});

/** Writes that wait until the change is stopped, then report the first user done and the rest not sent. */
function stoppable() {
	const local = new LocalTenant(demoTenantPath, 'demo');
	const state = {stopped: false};
	const backend = liveLike({
		async apply(tenant: Tenant, plan: LicensePlan, onProgress, signal) {
			const [first, ...rest] = plan.items;
			onProgress?.({
				total: plan.items.length,
				done: 1,
				throttled: 0,
				remaining: plan.items.length - 1,
				perSecond: 1,
				waitingMs: 0,
				elapsedMs: 1000,
				finished: false,
			});
			await new Promise(resolve => signal?.addEventListener('abort', resolve));
			state.stopped = true;
			const notSent = notSentAfterStop(rest);
			return [...(await local.apply(tenant, {items: [first!]})), ...notSent, ...skipOutcomes(plan)];
		},
	});
	return {backend, state};
}

describe('stopping a change being sent', () => {
	it.each<['ctrl-c' | InterruptKind]>([['ctrl-c'], ['SIGTERM'], ['SIGHUP']])('%s: sending stops, every outcome is saved, then the app leaves', async how => {
		const {backend, state} = stoppable();
		const stateFile = openStateFile(tempStateDir());
		const store = await openStore({backend, stateFile});
		const sending = createSending();
		const handlers = new Set<(kind: InterruptKind) => void>();
		let left = false;
		const app = renderApp(store, undefined, {
			sending,
			interrupts: {listen: handler => (handlers.add(handler), () => handlers.delete(handler))},
			leaveNow: () => {
				left = true;
			},
		});
		cleanup = app.unmount;
		await app.waitFor('Microsoft 365 Business Premium');
		await app.press('j', 'j', 'j', keys.enter);
		await app.waitFor('Licenses › Microsoft 365 Business Premium');
		await app.press(keys.space, 'j', keys.space, 'u');
		await app.waitFor('Unassign Microsoft 365 Business Premium from 2 users?');
		await app.press('y');
		await app.waitFor('Sending the change to Microsoft 365');
		if (how === 'ctrl-c') await app.press('\u0003');
		else for (const handler of handlers) handler(how);
		// Saved, then gone: the store is no longer busy, the sending has finished, both users are in the
		// audit log, the app unmounted.
		const deadline = Date.now() + 3000;
		const saved = () => !store.getState().busy && sending.getState().progress === null && stateFile.audit().entries.length >= 2;
		while (!saved() && Date.now() < deadline) await new Promise(resolve => setTimeout(resolve, 10));
		expect(state.stopped).toBe(true);
		expect(
			stateFile
				.audit()
				.entries.map(e => e.outcome)
				.sort(),
		).toEqual(['not-sent', 'removed']);
		expect(sending.lastStopped()).toMatchObject({total: 2, done: 1});
		expect(left).toBe(false);
		// Gone: a key draws nothing more.
		const frames = app.frames.length;
		await app.press('2');
		expect(app.frames.length).toBe(frames);
	});

	it('a second Ctrl-C while the answers are awaited leaves at once', async () => {
		const {backend} = stoppable();
		// The backend never answers a stop: only a second Ctrl-C gets the admin out.
		backend.apply = () => new Promise(() => {});
		const store = await openStore({backend, stateFile: openStateFile(tempStateDir())});
		let left = false;
		const app = renderApp(store, undefined, {leaveNow: () => (left = true)});
		cleanup = app.unmount;
		await app.waitFor('Microsoft 365 Business Premium');
		await app.press('j', 'j', 'j', keys.enter);
		await app.waitFor('Licenses › Microsoft 365 Business Premium');
		await app.press(keys.space, 'u');
		await app.waitFor('Unassign Microsoft 365 Business Premium from 1 user?');
		await app.press('y');
		await app.waitFor('Saving…');
		await app.press('\u0003');
		await app.waitFor('Stopping, then quitting');
		expect(left).toBe(false);
		await app.press('\u0003');
		expect(left).toBe(true);
	});
});

describe("Graph's refusal, shown", () => {
	it('an app Graph refuses to turn off: a results page with its reason, worded as apps not changed', async () => {
		const refusal = 'License assignment failed because service plan EXCHANGE_S_ARCHIVE_ADDON depends on the service plan(s) EXCHANGE_S_ENTERPRISE.';
		const backend = liveLike({
			apply: async (_tenant, plan) =>
				plan.items.flatMap(item =>
					(item.update ?? []).map(skuId => ({
						userId: item.userId,
						userPrincipalName: item.userPrincipalName,
						skuId,
						requested: 'update' as const,
						outcome: 'failed' as const,
						reason: 'error' as const,
						message: refusal,
					})),
				),
		});
		const store = await openStore({backend, stateFile: openStateFile(tempStateDir())});
		const app = renderApp(store);
		cleanup = app.unmount;
		await app.waitFor('Microsoft 365 Business Premium');
		await app.press('2', '/', ...'adele vance', keys.enter);
		await app.waitFor('filter: adele vance');
		await app.press(keys.enter);
		await app.waitFor('Active users › Adele Vance');
		await app.press(...Array.from({length: demoProductNames.indexOf('Office 365 E3')}, () => 'j'), keys.right);
		const open = await app.waitFor('Apps: space turns one off or on');
		const lines = open.split('\n');
		const product = lines.findIndex(line => line.includes('] Office 365 E3'));
		const exchange = lines.findIndex(line => /Exchange Online \(Plan 2\)/i.test(line));
		await app.press(...Array.from({length: exchange - product}, () => 'j'), keys.space, 's');
		await app.waitFor('Save these changes for Adele Vance?');
		await app.press('y');
		const results = await app.waitFor('Licenses and apps of Adele Vance: results');
		const text = results.replace(/\s*│\s*/g, ' ').replace(/\s+/g, ' ');
		expect(text).toContain('Apps not changed: 1 user failed.');
		expect(text).toContain('Apps not changed in Office 365 E3: License assignment failed because');
		expect(text).not.toContain('0 licenses unassigned');
	});
});
