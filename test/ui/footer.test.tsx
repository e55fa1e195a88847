// The footer at 60, 80 and 120 columns on every screen: the screen's main action, esc and ? are
// never left out, and where any key is, the footer ends with "… ? more" (help lists it).
import stringWidth from 'string-width';
import {afterEach, describe, expect, it} from 'vitest';
import {keys, renderApp, waitForFrame, openDemo} from '../helpers/ink.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const sizes = [
	{columns: 60, rows: 16},
	{columns: 80, rows: 24},
	{columns: 120, rows: 40},
];

type App = ReturnType<typeof renderApp>;

/** The footer: the frame's last line. */
const footerOf = (frame: string) => frame.trimEnd().split('\n').at(-1)!.trimEnd();

/** At each size: the never-dropped keys are there, the line fits, and a left-out key is said. */
async function checkFooter(app: App, screen: string, kept: readonly string[], whole: readonly string[] = [], typing = false) {
	for (const size of sizes) {
		app.resize(size.columns, size.rows);
		// A frame drawn at this width: the header's rule is as wide as the terminal.
		const frame = await waitForFrame(
			app.lastFrame,
			f => f.includes(screen) && Math.max(...f.split('\n').map(line => stringWidth(line))) === size.columns,
			`${screen} at ${size.columns} columns`,
		);
		const footer = footerOf(frame);
		const where = `${screen} at ${size.columns}: ${JSON.stringify(footer)}`;
		expect(stringWidth(footer), where).toBeLessThanOrEqual(size.columns);
		for (const key of kept) expect(footer, where).toContain(key);
		if (size.columns === 120) for (const key of whole) expect(footer, where).toContain(key);
		// A field being typed in takes ? as a letter; anywhere else, either every key is shown with
		// ? Help, or the footer says some are left out.
		if (!typing) expect(footer.endsWith('… ? more') || footer.endsWith('? Help'), where).toBe(true);
	}
	app.resize(100, 30);
}

async function start() {
	const app = await openDemo({columns: 100, rows: 30});
	cleanup = app.unmount;
	return app;
}

describe('the footer keeps the keys that matter at every width', () => {
	it('Licenses, a product, its filter, Assign licenses and a confirmation', async () => {
		const app = await start();
		await checkFooter(app, 'Available', ['enter Open product']);
		await app.press('j', 'j', 'j', keys.enter);
		await checkFooter(app, 'Licenses › Microsoft 365 Business Premium', ['u Unassign licenses', 'esc Back'], ['/ Filter', 'space Tick']);
		await app.press('/');
		await checkFooter(app, 'Filter:', ['enter Done typing', 'esc Cancel'], [], true);
		await app.press(keys.escape, '+');
		await checkFooter(app, 'Assign licenses', ['s Assign', 'esc Back']);
		await app.press(keys.escape, keys.space, 'u');
		await checkFooter(app, 'Unassign Microsoft 365 Business Premium', ['y/Y Confirm', 'n/N/esc Cancel'], ['c Equivalent commands']);
		await app.press('y');
		await checkFooter(app, 'Next steps', ['enter Done']);
	});

	it('Active users, Licenses and apps, Manage, Deleted users and Delete user', async () => {
		const app = await start();
		await app.press('2');
		await checkFooter(app, 'Active users', ['enter Licenses and apps'], ['D Delete user', 'd Deleted users', 'm Manage product licenses']);
		await app.press(keys.enter);
		await checkFooter(app, 'Licenses and apps', ['s Save changes', 'esc Back']);
		await app.press(keys.escape, keys.space, 'j', keys.space, 'm');
		await checkFooter(app, 'Manage product licenses', ['enter Choose', 'esc Back']);
		await app.press(keys.enter);
		await checkFooter(app, 'tick the products', ['s Save changes', 'esc Back']);
		await app.press(keys.escape, keys.escape, 'o');
		await checkFooter(app, 'Sort', ['enter Choose', 'esc Back']);
		await app.press(keys.escape, 'd');
		await checkFooter(app, 'Deleted users', ['enter Restore user', 'esc Back']);
		await app.press(keys.escape, 'j', 'D');
		await checkFooter(app, 'Delete', ['enter Done typing', 'esc Cancel'], [], true);
	});

	it('Guided unassign, Reclaim and help', async () => {
		const app = await start();
		await app.press('3');
		await checkFooter(app, 'Step 1 of 4', ['enter Choose']);
		await app.press('4');
		await checkFooter(app, 'Reclaim', ['u Unassign licenses'], ['tab/→ Next section']);
		await app.press('?');
		await checkFooter(app, 'Keys', ['esc Back']);
	});
});
