// A change to the signed-in admin's own licenses says so first, on its own line, in every
// confirmation: Licenses and apps, a product's Unassign, Remove from group.
import {afterEach, describe, expect, it} from 'vitest';
import {keys, openDemo} from '../helpers/ink.js';
import {demoProductNames} from '../helpers/tenant.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

async function start() {
	const app = await openDemo({columns: 100, rows: 30});
	cleanup = app.unmount;
	return app;
}

/** The dialog's lines, without its border. */
const inside = (frame: string) => frame.split('\n').map(line => line.replace(/^│ ?|\s*│$/g, '').trim());

describe("the signed-in admin's own licenses", () => {
	it('Licenses and apps: the first line after the title says it, and what they lose', async () => {
		const app = await start();
		await app.press('2', '/', ...'megan', keys.enter, keys.enter);
		await app.waitFor('Active users › Megan Bowen');
		await app.press(...Array.from({length: demoProductNames.indexOf('Office 365 E3')}, () => 'j'), keys.space, 's');
		const dialog = inside(await app.waitFor('Save changes'));
		const title = dialog.indexOf('Save changes');
		expect(dialog[title + 1]).toMatch(/^This changes your own licenses \(megan\.bowen@contoso\.com\): you lose or keep less of your mailbox/);
		expect(dialog.join(' ')).toMatch(/Teams\./);
	});

	it("a product's Unassign with the admin ticked among others says it; without them, nothing", async () => {
		const app = await start();
		// Office 365 E3, the fifth product.
		await app.press('j', 'j', 'j', 'j', keys.enter);
		await app.waitFor('Licenses › Office 365 E3');
		await app.press('/', ...'adele', keys.enter, keys.space, 'u');
		let dialog = await app.waitFor('[ Cancel ]');
		expect(dialog).not.toContain('your own licenses');
		await app.press(keys.escape, keys.escape, '/', ...'megan', keys.enter, keys.space, 'u');
		dialog = await app.waitFor('[ Cancel ]');
		expect(dialog).toContain('This changes your own licenses (megan.bowen@contoso.com)');
	});

	it('Remove from group: leaving Visio Users is her own change too', async () => {
		const app = await start();
		await app.press('2', '/', ...'megan', keys.enter, keys.enter);
		await app.waitFor('Active users › Megan Bowen');
		await app.press(...Array.from({length: demoProductNames.indexOf('Visio Plan 2')}, () => 'j'), 'x');
		const dialog = await app.waitFor('What leaving Visio Users takes:');
		expect(dialog).toContain('This changes your own licenses (megan.bowen@contoso.com).');
	});
});
