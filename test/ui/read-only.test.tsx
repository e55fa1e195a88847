import {afterEach, describe, expect, it} from 'vitest';
import {productBySku} from '../../source/domain/selectors.js';
import {keys, renderApp} from '../helpers/ink.js';
import {demoStore, sku, tempStateDir} from '../helpers/tenant.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

async function startAs(upn: string) {
	const {store} = await demoStore(tempStateDir(), upn);
	const app = renderApp(store);
	cleanup = app.unmount;
	await app.waitFor('Microsoft 365 Business Premium');
	return {app, store};
}

describe('an admin without a license role (the Helpdesk Administrator)', () => {
	it('sees why the app is read-only, names the roles, and cannot unassign, assign or save', async () => {
		const {app, store} = await startAs('lee.gu@contoso.com');
		const first = app.frame();
		expect(first).toContain('lee.gu@contoso.com [read-only]');
		expect(first).toContain('Read-only: lee.gu@contoso.com is Helpdesk Administrator;');
		expect(first).toMatch(/changing licenses needs the\s+Global,\s+License\s+or\s+User\s+Administrator\s+role\./);

		await app.press('j', 'j', 'j', keys.enter);
		await app.waitFor('Licenses › Microsoft 365 Business Premium');
		await app.press(keys.space, 'u');
		await app.waitFor('Read-only: that needs the Global, License or User Administrator role');
		expect(app.frame()).not.toContain('Unassign Microsoft 365 Business Premium from');
		await app.press('+');
		expect(app.frame()).not.toContain('Assign licenses ›');
		// ? says why under the change keys, before they are pressed.
		await app.press('?');
		const help = await app.waitFor('This screen: A product');
		const lines = help.split('\n');
		const at = lines.findIndex(line => line.trimStart().startsWith('u   '));
		expect(lines[at + 1]).toContain('Not now: Read-only: that needs the Global');
		await app.press(keys.escape);

		await app.press('2', keys.enter);
		await app.waitFor('Licenses and apps');
		await app.press(keys.space, 's');
		await app.waitFor('Read-only: that needs');
		expect(app.frame()).not.toContain('Save these changes');
		expect(productBySku(store.getState().tenant, sku.businessPremium)!.assigned).toBe(11);
	});

	it('the store refuses a change from such an admin even if a screen asked', async () => {
		const {store} = await demoStore(tempStateDir(), 'lee.gu@contoso.com');
		await expect(store.apply({items: []})).rejects.toThrow('Read-only: that needs the Global, License or User Administrator role.');
	});

	it('License and User Administrators may change licenses', async () => {
		for (const upn of ['adele.vance@contoso.com', 'alex.wilber@contoso.com']) {
			const {app} = await startAs(upn);
			expect(app.frame()).not.toContain('read-only');
			app.unmount();
		}
	});

	it('an unknown --as UPN is a clear error', async () => {
		await expect(demoStore(tempStateDir(), 'nobody@contoso.com')).rejects.toThrow(/--as nobody@contoso\.com: no such user in Contoso Ltd/);
	});
});
