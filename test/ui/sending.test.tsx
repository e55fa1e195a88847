// While a change is sent to a live tenant: the panel that replaces the confirmation, its progress,
// and esc to stop it. The backend here stands in for Graph: it reports, then waits to be stopped.
import {afterEach, describe, expect, it} from 'vitest';
import type {TenantBackend} from '../../source/backends/backend.js';
import type {Progress} from '../../source/domain/progress.js';
import {LocalTenant} from '../../source/backends/local-tenant.js';
import {notSentAfterStop} from '../helpers/stopped.js';
import {skipOutcomes, type LicensePlan} from '../../source/domain/plan.js';
import {demoTenantPath} from '../../source/paths.js';
import {openStateFile} from '../../source/store/state-file.js';
import {openStore} from '../../source/store/store.js';
import {notSending, sendingReducer} from '../../source/ui/sending.js';
import {keys, renderApp} from '../helpers/ink.js';
import {tempStateDir} from '../helpers/tenant.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const progress = (done: number, total: number, extra: Partial<Progress> = {}): Progress => ({
	total,
	done,
	throttled: 0,
	remaining: total - done,
	perSecond: 0,
	waitingMs: 0,
	elapsedMs: 0,
	finished: false,
	...extra,
});

/** The demo, with writes that report progress and then wait until they are stopped. */
function stoppableBackend(): TenantBackend & {stopped: boolean} {
	const local = new LocalTenant(demoTenantPath, 'demo');
	const backend = {
		kind: 'demo' as const,
		source: local.source,
		stopped: false,
		load: () => local.load(),
		deleteUser: () => local.deleteUser(),
		restoreUser: () => local.restoreUser(),
		removeFromGroup: async () => [],
		async apply(tenant: Parameters<TenantBackend['apply']>[0], plan: LicensePlan, onProgress?: (p: Progress) => void, signal?: AbortSignal) {
			const [first, ...rest] = plan.items;
			onProgress?.(progress(1, plan.items.length, {throttled: 3, perSecond: 2.5, waitingMs: 4000}));
			await new Promise(resolve => signal?.addEventListener('abort', resolve));
			backend.stopped = true;
			const done = await local.apply(tenant, {items: [first!]});
			const notSent = notSentAfterStop(rest);
			return [...done, ...notSent, ...skipOutcomes(plan)];
		},
	};
	return backend;
}

describe('sending a change', () => {
	it('shows the progress in place of the confirmation; esc stops it, and the users not sent are reported', async () => {
		const backend = stoppableBackend();
		const store = await openStore({backend, stateFile: openStateFile(tempStateDir())});
		const app = renderApp(store);
		cleanup = app.unmount;
		await app.waitFor('Microsoft 365 Business Premium');
		await app.press('j', 'j', 'j', keys.enter);
		await app.waitFor('Licenses › Microsoft 365 Business Premium');
		await app.press(keys.space, 'j', keys.space, 'u');
		await app.waitFor('Unassign Microsoft 365 Business Premium from 2 users?');
		await app.press('y');

		const panel = await app.waitFor('Sending the change to Microsoft 365');
		expect(panel).toMatch(/\[#+\.+\] 50%/);
		expect(panel).toContain('1/2 done, 1 left, 3 throttled, 2.5/s, waiting 4 s as Graph asked');
		expect(panel).toContain('esc stops sending');
		expect(panel).toMatch(/esc\/q Stop sending/);
		// The confirmation's keys are gone: y cannot send it again.
		await app.press('y', 'u');
		expect(backend.stopped).toBe(false);

		await app.press(keys.escape);
		// The results list each user: the one done, and the one not sent.
		const after = await app.waitFor('Not sent: stopped (esc or Ctrl-C).');
		expect(after).not.toContain('Sending the change');
		expect(after).toContain('1 license of Microsoft 365 Business Premium unassigned from Alex Wilber, 1 user not sent.');
		expect(after).toMatch(/ Microsoft 365 Business Premium: Not sent: stopped/);
		expect(backend.stopped).toBe(true);
	});

	it('the panel state: opened by the first report, stopping after esc, closed when done', () => {
		const opened = sendingReducer(sendingReducer(notSending, {type: 'start'}), {type: 'progress', progress: progress(0, 5)});
		expect(opened.progress?.total).toBe(5);
		const stopping = sendingReducer(opened, {type: 'stop'});
		expect(stopping).toMatchObject({stopping: true, progress: {total: 5}});
		expect(sendingReducer(stopping, {type: 'finish'})).toEqual(notSending);
	});
});
