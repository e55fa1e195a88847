// The admin center's flows this app follows, at 80×24: Active users' filters and sorting, Manage
// product licenses' assign more and replace, Next steps' reassign from every change; and the frame
// around them: a terminal too small, esc only where it leads somewhere, a status that belongs to its
// screen, a guide that refuses at once.
import {afterEach, describe, expect, it} from 'vitest';
import {productBySku} from '../../source/domain/selectors.js';
import {keys, renderApp, waitForFrame} from '../helpers/ink.js';
import {demoStore, sku, tempStateDir} from '../helpers/tenant.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

async function start(size = {columns: 80, rows: 24}, actAs?: string) {
	const {store, stateFile} = await demoStore(tempStateDir(), actAs);
	const app = renderApp(store, size);
	cleanup = app.unmount;
	await app.waitFor('Office 365 E3');
	return {app, store, stateFile};
}

type App = Awaited<ReturnType<typeof start>>['app'];
const footer = (frame: string) => frame.split('\n').at(-1) ?? '';

/** Ticks the users a filter of Active users shows, and opens Manage product licenses. */
async function manage(app: App, filter: string, selected: number) {
	await app.press('2', '/', ...filter, keys.enter);
	await app.waitFor(`filter: ${filter}`);
	await app.press('a');
	await app.waitFor(`${selected} selected`);
	await app.press('m');
	return app.waitFor(`${selected} users selected`);
}

describe('the frame around the screens', () => {
	it('a terminal too small says what it needs, takes no key but q, and comes back as it was when resized', async () => {
		const {app} = await start();
		await app.press('2', '/', ...'ava', keys.enter);
		await app.waitFor('filter: ava');
		app.resize(40, 12);
		const small = await app.waitFor('Terminal too small');
		expect(small.replace(/\s+/g, ' ')).toContain('Terminal too small: needs 60×16, now 40×12.');
		// What the hidden screens would do with a key does not happen.
		await app.press('1', 'j');
		app.resize(80, 24);
		const back = await app.waitFor('filter: ava');
		expect(back).toContain('[2 Active users]');
		expect(back).toMatch(/›\[ \] Ava Thompson/);
	});

	it("esc is offered only where it goes back: a product, yes; Licenses, Active users and the guide's first step, no", async () => {
		const {app} = await start();
		expect(footer(app.frame())).not.toContain('esc');
		// On Licenses esc leads nowhere: it does nothing.
		await app.press(keys.escape, 'j', 'j', 'j', keys.enter);
		await app.waitFor('Licenses › Microsoft 365 Business Premium');
		await app.press('?');
		expect(await app.waitFor('This screen: A product')).toMatch(/esc\s+Back/);
		await app.press(keys.escape, keys.escape);
		await app.waitFor(/Product\s+Assigned/);
		await app.press('2');
		expect(footer(await app.waitFor('Display name'))).not.toContain('esc');
		await app.press('3');
		expect(footer(await app.waitFor('Step 1 of 4'))).not.toContain('esc');
	});

	it('a status belongs to the screen it was said on: the next screen starts without it', async () => {
		const {app} = await start();
		await app.press('2', 'm');
		await app.waitFor('Manage product licenses: tick two or more users');
		await app.press(keys.enter);
		await waitForFrame(app.lastFrame, f => f.includes('Active users › Adele Vance') && !f.includes('tick two or more users'), 'the status gone');
		await app.press('3', 'j', 'j', 'j', keys.enter);
		await app.waitFor('Step 2 of 4');
		await app.press(keys.enter);
		await app.waitFor('Tick at least one person first (space).');
		await app.press(keys.escape);
		await waitForFrame(app.lastFrame, f => f.includes('Step 1 of 4') && !f.includes('Tick at least one person first'), 'the status gone');
	});
});

describe('Guided unassign', () => {
	it('refuses at the first step, with the reason, an admin who cannot change licenses', async () => {
		const {app} = await start(undefined, 'lee.gu@contoso.com');
		await app.press('3', keys.enter);
		const refused = await app.waitFor(/lee\.gu@contoso\.com is Helpdesk Administrator: unassigning needs the Global,\s+License or User Administrator role\./);
		expect(refused).toContain('Step 1 of 4');
	});

	it('reads aloud the add-on that goes too, and says when there is more below', async () => {
		const {app} = await start();
		await app.press('3', keys.enter);
		await app.waitFor('Step 2 of 4');
		await app.press('/', ...'tomás', keys.enter, keys.space, keys.enter);
		const read = await app.waitFor('Step 3 of 4');
		expect(read.replace(/\s+/g, ' ')).toContain(
			'Exchange Online Archiving for Exchange Online will be removed as well: it depends on Exchange Online (Plan 1).',
		);
		expect(read).toMatch(/Tomás Herrera will lose their mailbox and their archive mailbox\./);
		expect(read).toMatch(/… \d+ more \(↓ to scroll\)/);
		for (let line = 0; /more \(↓ to scroll\)/.test(app.frame()) && line < 80; line++) await app.press('j');
		expect(await app.waitFor('From Microsoft')).not.toContain('more (↓ to scroll)');
	});

	it('ends with r to reassign what was freed', async () => {
		const {app, store} = await start();
		await app.press('3', 'j', 'j', 'j', keys.enter);
		await app.waitFor('Step 2 of 4');
		await app.press(keys.space, keys.enter, keys.enter, 'y');
		const done = await app.waitFor('Finished');
		expect(done).toContain('r  Reassign the freed licenses');
		await app.press('r');
		await app.waitFor('Assign licenses › Microsoft 365 Business Premium · 3 available');
		await app.press('/', ...'dmitri', keys.enter, keys.space, 's', 'y');
		await app.waitFor('1 license of Microsoft 365 Business Premium assigned to Dmitri Volkov.');
		await app.waitFor('Finished');
		expect(productBySku(store.getState().tenant, sku.businessPremium)!.available).toBe(2);
	});
});

describe('Active users: filters and sorting', () => {
	it('f filters (unlicensed, sign-in blocked, a product), o sorts; the title says how many of all are shown', async () => {
		const {app} = await start();
		await app.press('2', 'f');
		await app.waitFor('Filter: which users to show');
		await app.press('j', 'j', keys.enter);
		const unlicensed = await app.waitFor('Active users (3 of 47 users) · Unlicensed users');
		expect(unlicensed).toMatch(/Dmitri Volkov[\s\S]*Fatima Haddad[\s\S]*Ingrid Johansson/);
		// The / filter narrows what the filter shows.
		await app.press('/', ...'fat', keys.enter);
		await app.waitFor('Active users (1 of 47 users) · Unlicensed users');
		// The choices open on the one in force.
		await app.press(keys.escape, 'f', 'j', keys.enter);
		await app.waitFor('Active users (4 of 47 users) · Sign-in blocked');
		await app.press('o', 'j', keys.enter);
		const byUpn = await app.waitFor('sorted by username');
		expect(byUpn).toMatch(/allan\.deyoung[\s\S]*ben\.walters[\s\S]*rachel\.kim[\s\S]*tyler\.brooks/);
		// A product's holders: the last choice, up past the top.
		await app.press('f', 'k', 'k', 'k', 'k', keys.enter);
		await app.waitFor('Active users (5 of 47 users) · Holding Visio Plan 2');
		// The filter in force names the product as its choice does: in full.
		await app.press('f', 'k', 'k', 'k', keys.enter);
		await app.waitFor('Active users (18 of 47 users) · Holding Office 365 E3');
	});
});

describe('Manage product licenses: assign more products, replace existing products', () => {
	it('assign more: the available counts first; then per user what is added', async () => {
		const {app, store} = await start();
		const panel = await manage(app, 'product:basic', 11);
		expect(panel).toContain('› Assign more products');
		await app.press(keys.enter);
		await app.waitFor('Assign more products: tick the products (space), then Save changes (s).');
		// Business Premium, 2 available, for 11 users: refused before anything is shown or sent.
		await app.press('j', 'j', 'j', keys.space, 's');
		await app.waitFor(/Only 2 licenses of Microsoft 365 Business Premium are available; 11 users need\s+one\./);
		await app.press(keys.space, 'j', 'j', keys.space, 's');
		await app.waitFor(/Only 5 licenses of Visio Plan 2 are available; 11 users need one\./);
		// Leaving with Visio still ticked asks first.
		await app.press(keys.escape, keys.escape);
		await app.waitFor('Discard the 1 product ticked? y/n');
		await app.press('y');
		await app.waitFor(/Active users \(11 of 47 users\)/);
		// Three users, Visio Plan 2.
		await app.press('a', keys.space, 'j', keys.space, 'j', keys.space, 'm');
		await app.waitFor('3 users selected');
		await app.press(keys.enter);
		await app.waitFor('tick the products');
		await app.press('G', keys.space, 's');
		const dialog = await app.waitFor('Assign Visio Plan 2 to 3 users?');
		expect(dialog).toMatch(/\+ Assign Visio Plan 2/);
		expect(dialog).not.toContain('What happens');
		await app.press('y');
		await app.waitFor('Manage product licenses: results');
		expect(productBySku(store.getState().tenant, sku.visio)!.assigned).toBe(8);
	});

	it('replace: per user what is assigned and what is unassigned, the group one skipped and named, consequences first', async () => {
		const {app, store} = await start();
		await manage(app, 'product:visio', 5);
		await app.press('j');
		await app.waitFor('› Replace existing products');
		await app.press(keys.enter);
		await app.waitFor('Replace existing products: tick the products');
		// Exchange Online (Plan 1): 3 available for 5 users, refused; Business Basic: 5.
		await app.press(keys.space, 's');
		await app.waitFor(/Only 3 licenses of Exchange Online \(Plan 1\) are available; 5 users need one\./);
		await app.press(keys.space, 'j', 'j', keys.space, 's');
		const dialog = await app.waitFor('Replace the products of 5 users with Microsoft 365 Business Basic?');
		expect(dialog).toContain('What happens');
		let all = dialog;
		for (let line = 0; /more \(↓ to scroll\)/.test(app.frame()) && line < 120; line++) {
			await app.press('j');
			all += app.frame();
		}
		expect(all).toContain('+ Assign Microsoft 365 Business Basic');
		expect(all).toContain('− Unassign Office 365 E3');
		// Lidia's own Visio goes (the group's stays); Grady's is the group's alone: skipped, the group named.
		expect(all).toMatch(/− Unassign Visio Plan 2 \(also via Visio Users\)/);
		// Wrapped, not cut: read with the line breaks and the border taken out.
		expect(all.replace(/[\s│]+/g, ' ')).toContain('Grady Archie: Visio Plan 2: licensed through Visio Users; remove them from the group instead');
		await app.press('y');
		const results = await app.waitFor('Manage product licenses: results');
		// Skips of users who had something done do not count them as skipped.
		expect(results).toContain('6 licenses unassigned and 5 licenses assigned (5 users).');
		expect(productBySku(store.getState().tenant, sku.e3)!.assigned).toBe(13);
		expect(productBySku(store.getState().tenant, '3b555118-da6a-4418-894f-7df1e2096870')!.available).toBe(0);
	});
});

describe('Next steps after every change that freed licenses', () => {
	it('from Licenses and apps: r reassigns, choosing the product when several were freed', async () => {
		const {app, store} = await start();
		await app.press('2', '/', ...'tomás', keys.enter, keys.enter);
		await app.waitFor('Active users › Tomás Herrera');
		await app.press(keys.space, 's', 'y');
		const next = await app.waitFor('Next steps');
		expect(footer(next)).toContain('r Reassign the freed licenses');
		await app.press('r');
		await app.waitFor('Reassign the licenses of which product?');
		await app.press('j', keys.enter);
		await app.waitFor('Assign licenses › Exchange Online Archiving for Exchange Online · 4 available');
		await app.press('/', ...'aiko', keys.enter);
		await app.waitFor('No users match "aiko".');
		await app.press(keys.escape, keys.escape);
		await app.waitFor('Active users › Tomás Herrera');
		expect(productBySku(store.getState().tenant, sku.exchangePlan1)!.available).toBe(4);
	});
});

describe('at the smallest size', () => {
	it('Deleted users shows whole usernames at 60 columns, the dates saying less', async () => {
		const {app} = await start({columns: 60, rows: 16});
		await app.press('2', '/', ...'christie', keys.enter, 'D', ...'christie.cline@contoso.com', keys.enter);
		await app.waitFor('Deleted christie.cline@contoso.com.');
		await app.press(keys.escape, 'd');
		const deleted = await app.waitFor('Deleted users');
		expect(deleted).toMatch(/Christie Cline\s+christie\.cline@contoso\.com\s+until \d{4}-\d{2}-\d{2}/);
	});
});
