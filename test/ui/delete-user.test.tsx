import {afterEach, describe, expect, it} from 'vitest';
import {productBySku} from '../../source/domain/selectors.js';
import {keys, renderApp} from '../helpers/ink.js';
import {demoStore, sku, snapshotStore, tempStateDir, userByName} from '../helpers/tenant.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

async function start(actAs?: string) {
	const {store, stateDir} = await demoStore(tempStateDir(), actAs);
	const app = renderApp(store);
	cleanup = app.unmount;
	await app.waitFor('Microsoft 365 Business Premium');
	return {app, store, stateDir};
}

describe('Delete user (D) and Deleted users (d)', () => {
	it('says what deleting does, deletes only when the username is typed, frees the licenses, restores', async () => {
		const {app, store} = await start();
		await app.press('2', '/', ...'joni', keys.enter, 'D');
		const panel = await app.waitFor('Delete user: Joni Sherman');
		expect(panel).toContain('Their licenses are freed at once: Office 365 E3.');
		expect(panel).toContain('OneDrive is deleted with the user, after the retention period.');
		// Joni is on litigation hold with E3 (Exchange Online Plan 2): an inactive mailbox.
		expect(panel).toMatch(/it is kept as an\s+inactive mailbox/);

		// A typo keeps the dialog and the text, and says where it goes wrong; corrected, it deletes.
		await app.press(...'joni.sherman@contoso.cmo', keys.enter);
		await app.waitFor(/Not the username yet: it differs from joni\.sherman@contoso\.com at\s+character 23/);
		expect(app.frame()).toContain('Delete user: Joni Sherman');
		expect(app.frame()).toContain('Username: joni.sherman@contoso.cmo');
		expect(productBySku(store.getState().tenant, sku.e3)!.assigned).toBe(18);

		await app.press(keys.backspace, keys.backspace, ...'om', keys.enter);
		await app.waitFor('Deleted joni.sherman@contoso.com. Their licenses are free.');
		expect(productBySku(store.getState().tenant, sku.e3)).toMatchObject({assigned: 17, available: 8});
		// Her license is free: the next steps, as after unassigning it.
		const next = await app.waitFor('Next steps');
		expect(next).toContain('1 license of Office 365 E3 is free now (8 available).');
		expect(next).toContain('r Reassign the freed licenses');

		await app.press(keys.enter, keys.escape, 'd');
		const deleted = await app.waitFor('Deleted users');
		expect(deleted).toMatch(/Joni Sherman.*deleted \d{4}-\d{2}-\d{2} · until \d{4}-\d{2}-\d{2}/);
		await app.press(keys.enter);
		await app.waitFor('Restore Joni Sherman, with their licenses?');
		await app.press('y');
		await app.waitFor('Restored joni.sherman@contoso.com, with their licenses.');
		expect(productBySku(store.getState().tenant, sku.e3)!.assigned).toBe(18);
		// Back among the users in her place by name, not after everyone as she came back last.
		expect(store.getState().tenant.users.at(-1)!.displayName).toBe('Joni Sherman');
		await app.press(keys.escape, '/', ...'product:e3', keys.enter);
		await app.waitFor(/Johanna Lorenz[^\n]*\n[^\n]*Joni Sherman[^\n]*\n[^\n]*Lee Gu/);
	});

	it('without a hold, the mailbox is not kept; esc cancels', async () => {
		const {app, store} = await start();
		await app.press('2', '/', ...'adele', keys.enter, 'D');
		const panel = await app.waitFor('Delete user: Adele Vance');
		expect(panel).toMatch(/is not kept as an inactive mailbox/);
		await app.press(keys.escape);
		await app.waitFor('Adele Vance');
		expect(store.getState().tenant.users.some(u => u.displayName === 'Adele Vance')).toBe(true);
	});

	it('a License Administrator may not delete users, and nobody deletes themselves', async () => {
		const {app} = await start('adele.vance@contoso.com');
		await app.press('2', 'j', 'D');
		await app.waitFor('Deleting users needs the Global Administrator or User Administrator role.');
		cleanup?.();
		const megan = await start();
		await megan.app.press('2', '/', ...'megan', keys.enter, 'D');
		await megan.app.waitFor('You cannot delete the account you are signed in with.');
	});

	it('a User Administrator cannot delete someone holding an admin role', async () => {
		const {app} = await start('alex.wilber@contoso.com');
		await app.press('2', '/', ...'lee gu', keys.enter, 'D');
		await app.waitFor('This user holds an admin role: only a Global Administrator can delete them.');
	});
});

describe('Deleted users with a long username', () => {
	it('keeps name, username and both dates readable, and the cursor marker, at 60 and 80 columns', async () => {
		const upn = 'christopher.montgomery-fitzgerald.contractor@contoso.onmicrosoft.com';
		const store = await snapshotStore(tenant => {
			const user = {
				...userByName(tenant, 'Adele Vance'),
				id: 'f1b2c3d4-0000-4000-8000-00000000long',
				displayName: 'Christopher Montgomery-Fitzgerald',
				userPrincipalName: upn,
			};
			tenant['x-local'] = {...tenant['x-local'], deletedUsers: [{deletedDateTime: new Date(Date.now() - 5 * 86_400_000).toISOString(), user}]};
		});
		const app = renderApp(store, {columns: 80, rows: 24});
		cleanup = app.unmount;
		await app.waitFor('Microsoft 365 Business Premium');
		await app.press('2', 'd');
		for (const [columns, rows] of [
			[80, 24],
			[60, 16],
		] as const) {
			app.resize(columns, rows);
			const frame = await app.waitFor(
				f => f.includes('Deleted users') && f.split('\n').every(line => line.length <= columns) && f.includes('restorable until'),
			);
			const flat = frame.replace(/\n/g, ' ');
			expect(frame, `${columns}`).toMatch(/^›Christop/m);
			expect(flat, `${columns}`).toContain('Christopher Montgomery-Fitzgerald');
			expect(flat.replace(/\s+/g, ''), `${columns}`).toContain(upn);
			expect(flat, `${columns}`).toMatch(/deleted \d{4}-\d{2}-\d{2}/);
			expect(flat, `${columns}`).toMatch(/restorable until \d{4}-\d{2}-\d{2}/);
		}
	});
});
