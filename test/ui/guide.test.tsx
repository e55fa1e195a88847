import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {productBySku} from '../../source/domain/selectors.js';
import {keys, renderApp} from '../helpers/ink.js';
import {demoStore, sku} from '../helpers/tenant.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe('Guided unassign (3)', () => {
	it('walks product, users, what happens, confirm, and leaves a report', async () => {
		const {store, stateDir} = await demoStore();
		const app = renderApp(store);
		cleanup = app.unmount;
		await app.waitFor('Microsoft 365 Business Premium');
		await app.press('3');
		await app.waitFor('Step 1 of 4: choose a product');

		// Power BI Pro is a self-service purchase: refused with the reason.
		await app.press('k', 'k', keys.enter);
		await app.waitFor('Self-service purchase: an admin must take over the subscription first.');

		// The list goes round past its ends: up twice from the top is Power BI Pro; Office 365 E3 is above it.
		await app.press('k', keys.enter);
		await app.waitFor('Step 2 of 4: choose users');
		await app.press(keys.enter);
		await app.waitFor('Tick at least one person first (space).');
		await app.press('/', ...'nestor', keys.enter, keys.space, keys.enter);

		const read = await app.waitFor('Step 3 of 4: read what happens');
		expect(read).toContain('You are about to remove Office 365 E3 from Nestor Wilke.');
		// Paragraphs to read aloud stand apart: a blank line after each.
		expect(read).toMatch(/from Nestor Wilke\.\n\s*\n/);
		// Exchange Online (Plan 1) keeps him a smaller mailbox and archive: both ends said aloud.
		expect(read).toMatch(/Nestor Wilke's mailbox will shrink from\s+100 GB to 50 GB\./);
		expect(read).toMatch(
			/Nestor Wilke's archive mailbox will shrink from auto-expanding \(up to 1\.5 TB\) to\s+50 GB, and can no longer be on litigation hold or be kept as an inactive mailbox\./,
		);
		expect(read).toContain('What happens');

		// esc goes back a step, and enter comes forward again.
		await app.press(keys.escape);
		await app.waitFor('Step 2 of 4: choose users');
		await app.press(keys.enter);
		await app.waitFor('Step 3 of 4: read what happens');
		await app.press(keys.enter);
		await app.waitFor('Step 4 of 4: confirm');
		await app.press(keys.enter);
		// Enter alone is Cancel: back to what happens, nothing changed.
		await app.waitFor('Step 3 of 4: read what happens');
		expect(productBySku(store.getState().tenant, sku.e3)!.assigned).toBe(18);

		await app.press(keys.enter, 'y');
		const done = await app.waitFor('Finished');
		expect(done).toContain('1 license of Office 365 E3 unassigned from Nestor Wilke.');
		expect(productBySku(store.getState().tenant, sku.e3)!.assigned).toBe(17);

		const [report] = readdirSync(join(stateDir, 'reports'));
		expect(report).toMatch(/^guided-unassign-\d{8}-\d{6}\.md$/);
		expect(done).toContain(`Report saved: ${join(stateDir, 'reports', report!)}`.slice(0, 60));
		const text = readFileSync(join(stateDir, 'reports', report!), 'utf8');
		expect(text).toContain('- Done by: megan.bowen@contoso.com');
		expect(text).toContain('| nestor.wilke@contoso.com | Office 365 E3 | Unassigned |  |');
		expect(text).toContain("Nestor Wilke's mailbox will shrink from 100 GB to 50 GB.");
		expect(text).toContain('OneDrive: files are not deleted when the license is removed');
		expect(store.reports()).toEqual([join(stateDir, 'reports', report!)]);

		await app.press(keys.enter);
		await app.waitFor('Step 1 of 4: choose a product');
	});
});
