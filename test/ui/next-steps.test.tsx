// Next steps never cut what does not fit without a word: the last row says how much more there is,
// and ↓ scrolls to it. "Or remove…" comes only after a reassign it is the alternative to.
import {afterEach, describe, expect, it} from 'vitest';
import {keys, renderApp} from '../helpers/ink.js';
import {demoStore} from '../helpers/tenant.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe('Next steps', () => {
	it('at 60×16: says there is more, and ↓ scrolls to the last line', async () => {
		const {store} = await demoStore();
		const app = renderApp(store, {columns: 60, rows: 16});
		cleanup = app.unmount;
		await app.waitFor('Microsoft 365 Business Premium');
		await app.press('j', 'j', 'j', keys.enter, keys.space, 'u');
		await app.waitFor('[ Cancel ]');
		await app.press('y');
		const first = await app.waitFor('Next steps');
		expect(first).toMatch(/… \d+ more \(↓ to scroll\)/);
		expect(first).not.toContain('former-employee');
		expect(first).toContain('r  Reassign the freed licenses');
		for (let i = 0; i < 20 && !app.frame().includes('former-employee'); i++) await app.press(keys.down);
		const last = await app.waitFor('former-employee');
		expect(last).not.toMatch(/… \d+ more/);
		await app.press(keys.up);
		await app.waitFor(/… 1 more \(↓ to scroll\)/);
	});

	it('a guided unassign that freed nothing does not begin its advice with "Or remove"', async () => {
		const {store} = await demoStore();
		const app = renderApp(store, {columns: 120, rows: 40});
		cleanup = app.unmount;
		await app.waitFor('Microsoft 365 Business Premium');
		// Visio Plan 2 (last in the list, up once from the top); Grady Archie holds it only through a group.
		await app.press('3');
		await app.waitFor('Step 1 of 4: choose a product');
		await app.press('k', keys.enter);
		await app.waitFor('Step 2 of 4: choose users');
		await app.press('/', ...'lidia', keys.enter, keys.space, keys.enter);
		await app.waitFor('Step 3 of 4: read what happens');
		await app.press(keys.enter);
		await app.waitFor('Step 4 of 4: confirm');
		await app.press('y');
		const done = await app.waitFor('Finished');
		expect(done).toContain('Remove the unused licenses from the subscription');
		expect(done).not.toContain('Or remove');
	});
});
