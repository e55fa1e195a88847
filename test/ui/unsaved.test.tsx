// Unsaved edits are never thrown away by one key: esc and q ask first, on every screen holding them,
// and n (or esc) keeps them.
import {afterEach, describe, expect, it} from 'vitest';
import {keys, openDemo} from '../helpers/ink.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

async function start() {
	const app = await openDemo({columns: 80, rows: 24});
	cleanup = app.unmount;
	return app;
}

describe('unsaved edits', () => {
	it('in Licenses and apps: q and esc ask, n keeps the ticks, y leaves', async () => {
		const app = await start();
		await app.press('2', '/', ...'megan', keys.enter);
		await app.waitFor('filter: megan');
		await app.press(keys.enter);
		await app.waitFor('Active users › Megan Bowen');
		await app.press(keys.space);
		await app.waitFor('* will be');
		await app.press('q');
		await app.waitFor("Discard the changes to Megan Bowen's licenses? y/n");
		expect(app.frame()).toContain('y/Y Confirm');
		await app.press('n');
		await app.waitFor(frame => !frame.includes('Discard the changes'));
		expect(app.frame()).toContain('Active users › Megan Bowen');
		expect(app.frame()).toContain('* will be');
		await app.press(keys.escape);
		await app.waitFor("Discard the changes to Megan Bowen's licenses? y/n");
		// esc answers no, as n does.
		await app.press(keys.escape);
		await app.waitFor(frame => !frame.includes('Discard the changes') && frame.includes('* will be'));
		await app.press(keys.escape, 'y');
		await app.waitFor(frame => frame.includes('Active users (') && !frame.includes('Active users ›'));
		expect(app.frame()).not.toContain('Changes not saved');
	});

	it('without edits, esc leaves Licenses and apps at once', async () => {
		const app = await start();
		await app.press('2', keys.enter);
		await app.waitFor('Active users ›');
		await app.press(keys.escape);
		await app.waitFor(frame => frame.includes('Active users (') && !frame.includes('Active users ›'));
	});

	it('on a product: esc with users ticked asks; in a confirmation, q asks', async () => {
		const app = await start();
		await app.press('j', 'j', 'j', keys.enter);
		await app.waitFor('Licenses › Microsoft 365 Business Premium');
		await app.press(keys.space, 'j', keys.space);
		await app.waitFor('2 selected');
		await app.press(keys.escape);
		await app.waitFor('Discard the 2 users ticked in Microsoft 365 Business Premium? y/n');
		await app.press('n', 'u');
		await app.waitFor('Unassign Microsoft 365 Business Premium from 2 users?');
		await app.press('q');
		await app.waitFor('Quit without making this change? y/n');
		await app.press('n');
		await app.waitFor(frame => !frame.includes('Quit without') && frame.includes('[ Cancel ]'));
		// esc in the confirmation goes back to the ticks: nothing is lost, nothing asked.
		await app.press(keys.escape);
		await app.waitFor(frame => frame.includes('2 selected') && !frame.includes('Discard'));
	});

	it('Manage product licenses: q with products ticked asks; esc back to the choices keeps them', async () => {
		const app = await start();
		await app.press('2', keys.space, 'j', keys.space, 'm');
		await app.waitFor('Assign more products');
		await app.press(keys.enter, keys.space);
		await app.waitFor('[x]');
		await app.press('q');
		await app.waitFor('Discard the 1 product ticked? y/n');
		await app.press('n', keys.escape);
		await app.waitFor(frame => frame.includes('Replace existing products') && !frame.includes('Discard'));
		await app.press(keys.escape);
		await app.waitFor('Discard the 1 product ticked? y/n');
	});
});
