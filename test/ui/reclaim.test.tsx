// The Reclaim tab on the demo tenant (on 26 November 2026, its dates being fixed): sections with their
// counts and what they free, ticking across sections, one confirmation, and counts that follow.
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {planUnassign} from '../../source/domain/plan.js';
import {productBySku} from '../../source/domain/selectors.js';
import {keys, renderApp} from '../helpers/ink.js';
import {demoStore, sku, snapshotStore, userByName} from '../helpers/tenant.js';

let cleanup: (() => void) | undefined;
beforeEach(() => {
	vi.useFakeTimers({toFake: ['Date'], shouldAdvanceTime: true});
	vi.setSystemTime(new Date('2026-11-26T12:00:00.000Z'));
});
afterEach(() => {
	cleanup?.();
	vi.useRealTimers();
});

async function open(store?: Awaited<ReturnType<typeof demoStore>>['store']) {
	const app = renderApp(store ?? (await demoStore()).store);
	cleanup = app.unmount;
	await app.waitFor('Microsoft 365 Business Premium');
	await app.press('4');
	await app.waitFor('Redundant (');
	return app;
}

const row = (frame: string, name: string) => frame.split('\n').find(line => line.includes(name)) ?? '';

describe('the Reclaim tab', () => {
	it('shows a change made while another tab was on top when it is opened again', async () => {
		const {store} = await demoStore();
		const app = await open(store);
		expect(row(app.frame(), 'Nestor Wilke')).toContain('Exchange Online (Plan 1)');
		await app.press('2');
		await app.waitFor('Display name');
		const tenant = store.getState().tenant;
		const nestor = userByName(tenant, 'Nestor Wilke');
		await store.apply(planUnassign(tenant, [nestor.id], [sku.exchangePlan1]));
		await app.press('4');
		const again = await app.waitFor('[Redundant (3)]');
		expect(row(again, 'Nestor Wilke')).toBe('');
	});

	it('4 opens it: each section with its count and the licenses it frees; tab and ← move between them; the row under the cursor says why', async () => {
		const app = await open();
		const first = app.frame();
		expect(first).toMatch(/\[Redundant \(4\)\]\s+Sign-in blocked \(4\)\s+Not signed in 90 d \(3\)/);
		expect(first).toContain('4 licenses from 4 users · frees 3 Exchange Online (Plan 1)');
		expect(row(first, 'Nestor Wilke')).toMatch(/›\[ \] Nestor Wilke\s+nestor\.wilke@contoso\.com\s+Exchange Online \(Plan 1\)/);
		expect(first).toContain('comes with Office 365 E3');

		await app.press(keys.left);
		const inactive = await app.waitFor('[Not signed in 90 d (3)]');
		expect(inactive).toContain('no sign-in recorded since it was created on 2026-02-16');
		await app.press('j');
		await app.waitFor('last sign-in 2026-01-09 (320 days ago)');

		await app.press(keys.tab, keys.tab);
		const blocked = await app.waitFor('[Sign-in blocked (4)]');
		expect(blocked).toContain('frees 1 E3, 2 Business Premium, 1 Business Basic');
		expect(blocked).toContain('sign-in blocked; last sign-in 2026-04-08 (231 days ago) · The mailbox is on litigation hold');
		await app.press('j');
		await app.waitFor('Keep the mail by converting the mailbox');
	});

	it('ticks in two sections, u: one confirmation with the consequences panel; y unassigns, and every count follows from the store', async () => {
		const {store} = await demoStore();
		const app = await open(store);
		await app.press(keys.space);
		await app.waitFor('Reclaim · 1 license from 1 user ticked');
		await app.press(keys.tab, keys.space);
		await app.waitFor('Reclaim · 2 licenses from 2 users ticked');
		await app.press('u');
		const dialog = await app.waitFor('Unassign 2 licenses from 2 users?');
		expect(dialog).toContain('What happens');
		expect(dialog).toMatch(/1[\s│]+user loses no mailbox, OneDrive, Office apps[\s│]+or Teams/);
		// Exchange Online (Plan 1) gave him less than Office 365 E3 gives: nothing of it goes.
		expect(dialog).toMatch(/Nestor Wilke: loses no mailbox, OneDrive, Office apps or Teams/);
		expect(dialog).toMatch(/\[ Cancel \]/);

		await app.press('y');
		await app.waitFor('Next steps');
		expect(app.frame()).toContain('1 license of Exchange Online (Plan 1) is free now (4 available).');
		await app.press(keys.enter);
		const after = await app.waitFor('[Sign-in blocked (3)]');
		expect(after).toContain('Redundant (3)');
		expect(after).not.toContain('ticked');
		expect(productBySku(store.getState().tenant, sku.e3)!.assigned).toBe(17);
		expect(productBySku(store.getState().tenant, sku.exchangePlan1)!.assigned).toBe(6);
		await app.press('1');
		await app.waitFor(/Office 365 E3\s+17\s+8\s+25/);
	});

	it('esc at the confirmation changes nothing; u with nothing ticked says what to do', async () => {
		const {store} = await demoStore();
		const app = await open(store);
		await app.press('u');
		await app.waitFor('Reclaim: tick one or more candidates first');
		await app.press('a', 'u');
		await app.waitFor('Unassign 4 licenses from 4 users?');
		await app.press(keys.escape);
		await app.waitFor('Reclaim · 4 licenses from 4 users ticked');
		expect(productBySku(store.getState().tenant, sku.exchangePlan1)!.assigned).toBe(7);
	});

	it('a license held only through a group is listed [-], says why when ticked, and is left out of the ticks', async () => {
		const store = await snapshotStore(tenant => {
			const lee = userByName(tenant, 'Lee Gu');
			const group = tenant.groups.find(g => g.displayName === 'Visio Users')!.id;
			lee.assignedLicenses.push({skuId: sku.exchangePlan1, disabledPlans: []});
			lee.licenseAssignmentStates.push({skuId: sku.exchangePlan1, assignedByGroup: group, state: 'Active', error: 'None', disabledPlans: []});
		});
		const app = await open(store);
		await app.press('/', ...'lee', keys.enter);
		const frame = await app.waitFor('filter: lee');
		expect(row(frame, 'Lee Gu')).toContain('[-] Lee Gu');
		await app.press(keys.space);
		await app.waitFor(/^Through Visio Users: remove them from the group instead/m);
		await app.press('a');
		expect(app.frame()).not.toContain('ticked');
		expect(row(app.frame(), 'Lee Gu')).toContain('[-]');
	});

	it('a tenant file without sign-in activity: the inactive section says so, the others are there', async () => {
		const store = await snapshotStore(tenant => {
			for (const user of tenant.users) delete user.signInActivity;
		});
		const app = await open(store);
		expect(app.frame()).toContain('Not signed in 90 d (–)');
		await app.press(keys.left);
		await app.waitFor('This tenant file has no sign-in activity (signInActivity on its users).');
	});
});

describe('Reclaim keeps what matters whole', () => {
	it("at 80 columns the row's detail takes rows from a full list rather than being cut, and the cursor stays in sight", async () => {
		const app = await open();
		app.resize(80, 18);
		await app.press(keys.tab);
		const frame = await app.waitFor('[Sign-in blocked (4)]');
		// Allan Deyoung's detail ends with what he loses last: Teams.
		expect(frame).toContain('reduced functionality) · loses Teams');
		expect(frame).not.toMatch(/…\n/);
		expect(frame).toMatch(/›\[ \] Allan Deyoung/);
		await app.press('j', 'j', 'j');
		await app.waitFor(/›\[ \] Tyler Brooks/);
	});

	it('at 60 columns the products keep their room; usernames give way first', async () => {
		const app = await open();
		app.resize(60, 16);
		const frame = await app.waitFor(/Nestor Wilke.*Exchange Online \(Plan 1\)/);
		expect(frame).toMatch(/Lidia Holloway +lidia\.holl\S*… +Visio Plan 2/);
	});
});
