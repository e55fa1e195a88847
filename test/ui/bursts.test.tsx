// Keys that arrive in one read (tmux send-keys, a paste, a fast typist) are taken one at a time, in
// order, on every screen: each burst below ends on a frame that only that order of every one of its
// keys leads to. A text field or a list a key of the burst opens takes the keys after it.
import {afterEach, describe, expect, it} from 'vitest';
import {keys, renderApp} from '../helpers/ink.js';
import {demoStore} from '../helpers/tenant.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

async function start() {
	const {store} = await demoStore();
	const app = renderApp(store);
	cleanup = app.unmount;
	await app.waitFor('Microsoft 365 Business Premium');
	/** Keys in one read, as the terminal would give them. */
	const burst = (keysRead: string) => app.stdin.write(keysRead);
	return {app, burst};
}

/** The row of the frame a name is on. */
const row = (frame: string, name: string) => frame.split('\n').find(line => line.includes(name)) ?? '';

describe('a burst of keys, one at a time and in order', () => {
	it('Licenses, a product, a confirmation: down three, open; filter "rach", keep it, tick, Unassign; tab to the button, enter', async () => {
		const {app, burst} = await start();
		burst('jjj\r');
		await app.waitFor('Licenses › Microsoft 365 Business Premium');
		burst('/rach\r u');
		expect(await app.waitFor('Unassign Microsoft 365 Business Premium from 1 user?')).toContain('Rachel Kim');
		// Enter alone is Cancel: tab first moves to the button that unassigns.
		burst('\t\r');
		await app.waitFor('1 license of Microsoft 365 Business Premium is free now');
	});

	it('Active users and Licenses and apps: filter, open; down four, show the apps; untick, Save changes', async () => {
		const {app, burst} = await start();
		burst('2/megan\r\r');
		await app.waitFor('Active users › Megan Bowen');
		burst('jjjj\u001B[C');
		const apps = await app.waitFor('▾ [x] Office 365 E3');
		expect(row(apps, 'Exchange Online (Plan 1)')).toContain('▸');
		burst(' s');
		await app.waitFor('Save these changes for Megan Bowen?');
	});

	it('Manage product licenses: down twice to Unassign all, choose it', async () => {
		const {app, burst} = await start();
		burst('2/product:e3\r j j m');
		await app.waitFor('3 users selected');
		burst('jj\r');
		await app.waitFor(/Unassign all products from 3 users \(\d+ licenses\)\?/);
	});

	it('Guided unassign: up twice to a self-service product (refused), up once more, choose; find Nestor, tick him, on', async () => {
		const {app, burst} = await start();
		burst('3kk\r');
		await app.waitFor('Self-service purchase: an admin must take over the subscription first.');
		burst('k\r/nestor\r \r');
		await app.waitFor('You are about to remove Office 365 E3 from Nestor Wilke.');
	});

	it('Reclaim: the next section, down one, tick', async () => {
		const {app, burst} = await start();
		burst('4\tj ');
		const ticked = await app.waitFor(/\[Sign-in blocked \(\d+\)\][\s\S]*\n \[ \] [^\n]*\n›\[x\] /);
		expect(ticked).toContain('1 user');
	});

	it('Delete user and Deleted users: the username typed into the field D opens; d, enter, y restores', async () => {
		const {app, burst} = await start();
		burst('2/joni\rDjoni.sherman@contoso.com\r');
		await app.waitFor('Deleted joni.sherman@contoso.com. Their licenses are free.');
		burst(`\r${keys.escape}`);
		await app.waitFor('Display name');
		await app.taken();
		burst('d\ry');
		await app.waitFor('Restored joni.sherman@contoso.com, with their licenses.');
	});

	it('help: past the last page and back one', async () => {
		const {app, burst} = await start();
		burst('?');
		const pages = Number(/page 1 of (\d+)/.exec(await app.waitFor(/page 1 of \d+/))![1]);
		expect(pages).toBeGreaterThan(2);
		// Taken out of order (k first) this would end on the last page.
		burst(`${'j'.repeat(pages)}k`);
		await app.waitFor(`page ${pages - 1} of ${pages}`);
		await app.taken();
		expect(app.frame()).toContain(`page ${pages - 1} of ${pages}`);
	});
});
