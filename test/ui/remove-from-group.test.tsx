import {afterEach, describe, expect, it} from 'vitest';
import {LocalTenant} from '../../source/backends/local-tenant.js';
import {openStateFile} from '../../source/store/state-file.js';
import {openStore} from '../../source/store/store.js';
import {groupTenantFile, staffGroup} from '../helpers/group-tenant.js';
import {keys, renderApp} from '../helpers/ink.js';
import {demoStore, tempStateDir} from '../helpers/tenant.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

async function start(actAs?: string) {
	const store = await openStore({backend: new LocalTenant(groupTenantFile(), 'snapshot'), stateFile: openStateFile(tempStateDir()), actAs});
	const app = renderApp(store);
	cleanup = app.unmount;
	await app.waitFor('Microsoft 365 Business Premium');
	return {app, store};
}

/** Active users › the user's Licenses and apps, the cursor on the product. */
async function openProduct(app: Awaited<ReturnType<typeof start>>['app'], user: string, down: number) {
	await app.press('2', '/', ...user, keys.enter, keys.enter);
	await app.waitFor('Licenses and apps');
	await app.press(...Array<string>(down).fill('j'));
}

describe('Remove from group (x in Licenses and apps)', () => {
	it('a group-only license: the confirmation shows everything leaving takes, then the user leaves the group', async () => {
		const {app, store} = await start();
		// Office 365 E3 is the fifth product.
		await openProduct(app, 'pradeep', 4);
		await app.press(' ');
		await app.waitFor('Assigned through E3 Staff: x removes the user from the group, and the licenses it gives.');
		await app.press('x');
		const panel = await app.waitFor('Remove Pradeep Gupta from E3 Staff, and with it the licenses the group gives them?');
		expect(panel).toMatch(/1 user loses their mailbox/);
		expect(panel).toContain('What leaving E3 Staff takes:');
		expect(panel).toContain('− Office 365 E3');
		expect(panel).toContain('− Power BI Pro');
		// Cancel is focused: enter alone does nothing.
		await app.press(keys.enter);
		await app.waitFor('Active users › Pradeep Gupta');
		expect(store.getState().tenant.groups.find(g => g.id === staffGroup)!.members).toHaveLength(2);

		await app.press('x');
		await app.waitFor('What leaving E3 Staff takes:');
		await app.press('y');
		await app.waitFor('Pradeep Gupta removed from E3 Staff: 2 licenses go with it.');
		const pradeep = store.getState().tenant.users.find(u => u.displayName === 'Pradeep Gupta')!;
		expect(pradeep.assignedLicenses).toEqual([]);
		await app.waitFor(/\[ \] Office 365 E3/);
	});

	it('a product the user keeps otherwise is said to be kept', async () => {
		const {app} = await start();
		await openProduct(app, 'lidia', 6);
		await app.press('x');
		const panel = await app.waitFor('What leaving Visio Users takes:');
		expect(panel).toContain('Visio Plan 2: kept (also assigned directly or through another group)');
		expect(panel).toContain('loses no mailbox, OneDrive, Office apps or Teams');
		expect(panel).not.toContain('everything');
	});

	it('a license that goes while no mailbox, OneDrive, Office or Teams does: says what is kept and what goes, never "everything"', async () => {
		const {store} = await demoStore();
		const app = renderApp(store);
		cleanup = app.unmount;
		await app.waitFor('Microsoft 365 Business Premium');
		// Grady Archie holds Visio Plan 2 (the seventh product) only through Visio Users.
		await openProduct(app, 'grady', 6);
		await app.press('x');
		const panel = await app.waitFor('What leaving Visio Users takes:');
		expect(panel).toContain('− Visio Plan 2');
		expect(panel).toContain('Grady Archie: loses no mailbox, OneDrive, Office apps or Teams');
		expect(panel).not.toContain('everything');
	});

	it('a dynamic-membership group cannot be left by hand: it says so', async () => {
		const {app, store} = await start();
		// Business Premium is the fourth product.
		await openProduct(app, 'diego', 3);
		await app.press('x');
		await app.waitFor(/Sales \(dynamic\) has dynamic membership: a rule decides its members/);
		expect(store.getState().tenant.users.find(u => u.displayName === 'Diego Siciliani')!.assignedLicenses).toHaveLength(1);
	});

	it('a product not held through a group, and an admin who may not change licenses', async () => {
		const {app} = await start();
		await openProduct(app, 'joni', 4);
		await app.press('x');
		await app.waitFor('This product is not assigned through a group: space unticks it.');
		cleanup?.();
		const helpdesk = await start('lee.gu@contoso.com');
		await openProduct(helpdesk.app, 'pradeep', 4);
		await helpdesk.app.press('x');
		await helpdesk.app.waitFor('Read-only: that needs the Global, License or User Administrator role.');
		expect(helpdesk.app.frame()).not.toContain('What leaving');
	});
});
