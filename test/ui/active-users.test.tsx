import {afterEach, describe, expect, it} from 'vitest';
import {productBySku} from '../../source/domain/selectors.js';
import {keys, renderApp} from '../helpers/ink.js';
import {demoProductNames, demoStore, sku, userByName} from '../helpers/tenant.js';

const exchangePlan2 = 'efb87545-963c-4e0d-99df-69c6916d9eb0';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

async function start() {
	const {store, stateFile} = await demoStore();
	const app = renderApp(store);
	cleanup = app.unmount;
	await app.waitFor('Microsoft 365 Business Premium');
	return {app, store, stateFile};
}

type App = Awaited<ReturnType<typeof start>>['app'];

/** Active users, filtered to one user, opened: their Licenses and apps. */
async function openUser(app: App, name: string) {
	await app.press('2', '/', ...name.toLowerCase(), keys.enter);
	await app.waitFor(`filter: ${name.toLowerCase()}`);
	await app.press(keys.enter);
	return app.waitFor(`Active users › ${name}`);
}

/** Moves the cursor of Licenses and apps (just opened, on the first row) to a product's row. */
async function toProduct(app: App, product: string) {
	await app.press(...Array.from({length: demoProductNames.indexOf(product)}, () => 'j'));
	return app.waitFor(new RegExp(`›▸ \\[.\\] ${product.replace(/[()]/g, '\\$&')}`));
}

const row = (frame: string, product: string) => frame.split('\n').find(line => line.includes(`] ${product}`)) ?? '';

describe('one user: Licenses and apps', () => {
	it('untick a product, Save changes, confirm with y: removed, counted everywhere, saved', async () => {
		const {app, store, stateFile} = await start();
		const pane = await openUser(app, 'Nestor Wilke');
		expect(row(pane, 'Office 365 E3')).toContain('[x]');
		expect(row(pane, 'Exchange Online (Plan 1)')).toContain('[x]');
		expect(row(pane, 'Visio Plan 2')).toMatch(/\[ \].*5 available/);

		await toProduct(app, 'Office 365 E3');
		await app.press(keys.space);
		await app.waitFor('* will be removed');
		await app.press('s');
		const dialog = await app.waitFor('Save these changes for Nestor Wilke?');
		// The consequences panel comes first: the mailbox and archive stay, at Exchange Online (Plan 1)'s size.
		expect(dialog).toContain('What happens');
		expect(dialog).toMatch(/Nestor Wilke: mailbox reduced from 100 GB to 50 GB; archive reduced from auto-expanding \(up to[\s│]+1\.5 TB\) to 50 GB/);
		expect(dialog).not.toContain('lose their mailbox');
		expect(dialog).not.toContain('their archive mailbox');
		expect(dialog).toContain('mailbox reduced for 1 user · archive reduced for 1 user');
		expect(dialog).toContain('− Unassign Office 365 E3');
		expect(dialog).not.toContain('− Unassign Exchange Online');
		expect(dialog).toMatch(/\[ Cancel \]/);

		await app.press('y');
		await app.waitFor('1 license unassigned from Nestor Wilke.');
		const next = await app.waitFor('Next steps');
		expect(next).toContain('1 license of Office 365 E3 is free now (8 available).');
		await app.press(keys.enter);
		const after = await app.waitFor(/\[ \] Office 365 E3\s+8 available/);
		expect(row(after, 'Exchange Online (Plan 1)')).toContain('[x]');
		const tenant = store.getState().tenant;
		expect(productBySku(tenant, sku.e3)).toMatchObject({assigned: 17, available: 8});
		expect(stateFile.changes(tenant.organization.id)).toEqual([
			expect.objectContaining({userId: userByName(tenant, 'Nestor Wilke').id, add: [], remove: [sku.e3]}),
		]);

		// Nestor keeps his mailbox (Exchange Online (Plan 1)): no window runs.
		expect(after).not.toContain('Mailbox deleted on');

		// The Licenses page says the same.
		await app.press(keys.escape, '1');
		const licenses = await app.waitFor(/Office 365 E3\s+17\s+8\s+25/);
		expect(licenses).toContain('Office 365 E3');
	});

	it('cancel (n), or enter alone on the dialog, changes nothing', async () => {
		const {app, store} = await start();
		await openUser(app, 'Nestor Wilke');
		await toProduct(app, 'Office 365 E3');
		await app.press(keys.space, 's');
		await app.waitFor('Save these changes for Nestor Wilke?');
		await app.press('n');
		await app.waitFor('* will be removed');
		await app.press('s');
		await app.waitFor('Save these changes for Nestor Wilke?');
		await app.press(keys.enter);
		await app.waitFor('* will be removed');
		expect(productBySku(store.getState().tenant, sku.e3)!.assigned).toBe(18);
	});

	it('turns a single app off: turning off Exchange is losing the mailbox, through the same confirmation', async () => {
		const {app, store, stateFile} = await start();
		await openUser(app, 'Adele Vance');
		await toProduct(app, 'Office 365 E3');
		await app.press(keys.right);
		const open = await app.waitFor('Apps: space turns one off or on');
		expect(open).toMatch(/▾ \[x\] Office 365 E3/);
		// The apps, each with its own box, on while the product is.
		expect(open).toMatch(/\[x\] Exchange Online \(Plan 2\)/i);
		const exchange = open.split('\n').findIndex(line => /Exchange Online \(Plan 2\)/i.test(line));
		const product = open.split('\n').findIndex(line => line.includes('] Office 365 E3'));
		await app.press(...Array.from({length: exchange - product}, () => 'j'), keys.space);
		const off = await app.waitFor('* apps will change');
		expect(off).toMatch(/\[ \] Exchange Online \(Plan 2\)/i);
		await app.press('s');
		const dialog = await app.waitFor('Save these changes for Adele Vance?');
		expect(dialog).toContain('1 user loses their mailbox');
		expect(dialog).toMatch(/Adele Vance: loses the mailbox: mail deleted on/);
		expect(dialog).toMatch(/~ Change the apps of Office 365 E3: turn off Exchange Online \(Plan 2\)/i);
		await app.press('y');
		await app.waitFor('Apps changed in 1 license of Adele Vance.');
		// No license was freed: no Next steps; the product is still held, with the app off.
		const after = await app.waitFor(/\[ \] Exchange Online \(Plan 2\)/i);
		expect(after).not.toContain('Next steps');
		const adele = store.getState().tenant.users.find(u => u.displayName === 'Adele Vance')!;
		expect(adele.assignedLicenses).toEqual([{skuId: sku.e3, disabledPlans: [exchangePlan2]}]);
		expect(stateFile.changes(store.getState().tenant.organization.id)).toEqual([
			expect.objectContaining({userId: adele.id, add: [sku.e3], remove: [], disabledPlans: {[sku.e3]: [exchangePlan2]}}),
		]);
		expect(stateFile.audit().entries).toEqual([expect.objectContaining({action: 'change-apps', outcome: 'updated', disabledPlans: [exchangePlan2]})]);
	});

	it('an app cannot be turned on in a product not ticked, nor off where another depends on it', async () => {
		const {app} = await start();
		await openUser(app, 'Tomás Herrera');
		await toProduct(app, 'Office 365 E3');
		await app.press(keys.right, 'j', 'j', keys.space);
		await app.waitFor('Tick the product first: its apps come with it.');
		await app.press('g', keys.right);
		await app.waitFor(/▾ \[x\] Exchange Online \(Plan 1\)/);
		const frame = app.frame().split('\n');
		const product = frame.findIndex(line => line.includes('▾ [x] Exchange Online (Plan 1)'));
		const mailbox = frame.findIndex((line, i) => i > product && line.includes('[x] Exchange Online (Plan 1)'));
		await app.press(...Array.from({length: mailbox - product}, () => 'j'));
		await app.waitFor(/›\s+\[x\] Exchange Online \(Plan 1\)/);
		await app.press(keys.space);
		await app.waitFor(/Exchange Online Archiving for Exchange Online depends on this app: turn that off \(or unassign it\)\s+first\./);
		expect(app.frame()).toMatch(/›\s+\[x\] Exchange Online \(Plan 1\)/);
	});

	it('a license held only through a group cannot be unticked, and the group is named', async () => {
		const {app} = await start();
		await openUser(app, 'Grady Archie');
		await toProduct(app, 'Visio Plan 2');
		await app.press(keys.space);
		await app.waitFor('Assigned through Visio Users: x removes the user from the group, and the licenses it gives.');
		expect(row(app.frame(), 'Visio Plan 2')).toContain('[x]');
	});
});

describe('several users: Manage product licenses', () => {
	async function tickThreeAndManage(app: App) {
		await app.press('2', '/', 'product:e3', keys.enter);
		await app.waitFor('filter: product:e3');
		await app.press(keys.space, 'j', keys.space, 'j', keys.space);
		await app.waitFor('3 selected');
		await app.press('m');
		return app.waitFor('3 users selected');
	}

	it('Unassign all, Save changes, y, the results per user, Done', async () => {
		const {app, store} = await start();
		const panel = await tickThreeAndManage(app);
		expect(panel).toContain('3 users selected');
		expect(panel).toMatch(/› Assign more products\s*\n\s+Replace existing products\s*\n\s+Unassign all/);

		await app.press('j');
		await app.waitFor('› Replace existing products');
		await app.press('j');
		await app.waitFor('Removes every product from every selected user.');
		await app.press(keys.enter);
		const dialog = await app.waitFor(/Unassign all products from 3 users \(\d+ licenses\)\?/);
		expect(dialog).toContain('3 users lose their mailbox');
		// The changes come after what happens: scroll down to them.
		for (let line = 0; !app.frame().includes('− Unassign Office 365 E3') && line < 60; line++) await app.press('j');
		await app.waitFor('− Unassign Office 365 E3');

		await app.press('y');
		const results = await app.waitFor('Manage product licenses: results');
		expect(results).toMatch(/Unassigned Office 365 E3/);
		expect(results).toMatch(/\d+ licenses unassigned/);

		await app.press(keys.enter);
		await app.waitFor('Next steps');
		await app.press(keys.enter);
		const list = await app.waitFor(/Active users \(15 of 47 users\)(?! ·)/);
		expect(list).not.toContain('selected');
		expect(productBySku(store.getState().tenant, sku.e3)!.assigned).toBe(15);
	});

	it('a confirmation for every user opens with its first lines, counts the rest, and scrolls to its end', async () => {
		const {app} = await start();
		await app.press('2', 'a');
		await app.waitFor('47 selected');
		await app.press('m');
		await app.waitFor('47 users selected');
		await app.press('j', 'j');
		await app.waitFor('Removes every product from every selected user.');
		await app.press(keys.enter);
		// The lines below are made after the frame: their count follows.
		const counted = await app.waitFor(/… [\d,]+ more \(↓ to scroll\)/);
		const below = Number(/… ([\d,]+) more/.exec(counted)![1]!.replaceAll(',', ''));
		expect(below).toBeGreaterThan(200);
		for (let line = 0; /more \(↓ to scroll\)/.test(app.frame()) && line < below + 5; line++) await app.press('j');
		// Keys pressed faster than they are drawn wait their turn (under load, many): the end is the
		// frame with nothing more below, once the last of them has been taken.
		const end = await app.waitFor(/^(?![\s\S]*more \(↓ to scroll\))[\s\S]*From Microsoft/, 15_000);
		expect(end).toContain('Cancel');
	});

	it('Manage product licenses needs two ticked users, and esc at its confirmation changes nothing', async () => {
		const {app, store} = await start();
		await app.press('2', 'm');
		await app.waitFor('Manage product licenses: tick two or more users');
		await tickThreeAndManage(app);
		// Keys that come together (as from tmux or a paste) are handed to the list one at a time.
		app.stdin.write('jj\r');
		await app.waitFor('Unassign all products from 3 users');
		await app.press(keys.escape);
		await app.waitFor('Removes every product from every selected user.');
		expect(productBySku(store.getState().tenant, sku.e3)!.assigned).toBe(18);
	});
});

describe('Assign licenses from a product page', () => {
	async function openBusinessPremium(app: App) {
		await app.press('j', 'j', 'j', keys.enter);
		return app.waitFor('Licenses › Microsoft 365 Business Premium');
	}

	it('unassign, then assign back: the counts return', async () => {
		const {app} = await start();
		await openBusinessPremium(app);
		await app.press(keys.space, 'u');
		await app.waitFor('Unassign Microsoft 365 Business Premium from 1 user?');
		await app.press('y');
		// Next steps: r reassigns the freed license.
		await app.waitFor('1 license of Microsoft 365 Business Premium is free now (3 available).');
		await app.press('r');
		await app.waitFor('Assign licenses › Microsoft 365 Business Premium · 3 available');
		await app.press('/', ...'alex', keys.enter, keys.space, 's');
		const dialog = await app.waitFor('Assign Microsoft 365 Business Premium to 1 user?');
		expect(dialog).toContain('Alex Wilber');
		await app.press('n');
		await app.waitFor('Assign licenses › Microsoft 365 Business Premium · 3 available');
		await app.press('s', 'y');
		await app.waitFor('1 license of Microsoft 365 Business Premium assigned to Alex Wilber.');
		await app.waitFor('Assigned 11 · Available 2 · Total 13');
	});

	it('refuses more users than licenses available, and refuses to open when none are left', async () => {
		const {app} = await start();
		await openBusinessPremium(app);
		await app.press('+');
		await app.waitFor('· 2 available');
		await app.press(keys.space, 'j', keys.space, 'j', keys.space, 's');
		await app.waitFor('Only 2 licenses are available; 3 users are ticked.');
		await app.press(keys.space, 's', 'y');
		await app.waitFor('2 licenses of Microsoft 365 Business Premium assigned.');
		await app.waitFor('Assigned 13 · Available 0 · Total 13');
		await app.press('+');
		await app.waitFor('No licenses available for Microsoft 365 Business Premium: all 13 are assigned.');
	});
});

describe('the 30-day mailbox window', () => {
	it('a user who lost their mailbox says until when, and assigning back says the mailbox comes back', async () => {
		const {app} = await start();
		await openUser(app, 'Adele Vance');
		await toProduct(app, 'Office 365 E3');
		await app.press(keys.space, 's');
		const dialog = await app.waitFor('Save these changes for Adele Vance?');
		expect(dialog).toMatch(/Adele Vance: loses the mailbox: mail deleted on \d{4}-\d{2}-\d{2} unless a[\s│]+license/);
		await app.press('y');
		await app.waitFor('Next steps');
		await app.press(keys.enter);
		await app.waitFor(/Mailbox deleted on \d{4}-\d{2}-\d{2} unless a license is assigned again\./);

		// Back to the top of Licenses and apps, where Exchange Online (Plan 1) is.
		await app.press('g');
		await toProduct(app, 'Exchange Online (Plan 1)');
		await app.press(keys.space, 's');
		const back = await app.waitFor('Save these changes for Adele Vance?');
		expect(back).toContain('+ Assign Exchange Online (Plan 1) (the mailbox comes back: assigned within its 30 days)');
		await app.press('y');
		await app.waitFor('1 license assigned to Adele Vance.');
		expect(app.frame()).not.toContain('Mailbox deleted on');
	});
});
