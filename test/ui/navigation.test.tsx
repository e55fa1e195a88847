import {afterEach, describe, expect, it} from 'vitest';
import {keys, renderApp} from '../helpers/ink.js';
import {demoStore, snapshotStore} from '../helpers/tenant.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

async function start(size?: {columns: number; rows: number}) {
	const {store} = await demoStore();
	const app = renderApp(store, size);
	cleanup = app.unmount;
	await app.waitFor('Microsoft 365 Business Premium');
	return app;
}

describe('windowed lists', () => {
	it('render only the rows that fit and keep the cursor on screen', async () => {
		const app = await start();
		await app.press('2');
		// Sorted by display name, as the admin center shows them.
		const top = await app.waitFor(/1–\d+ of 47/);
		expect(top).toMatch(/›\[ \] Adele Vance/);
		expect(top).not.toContain('Wanda Reyes');
		expect(top.split('\n').length).toBeLessThanOrEqual(23);

		await app.press('G');
		const bottom = await app.waitFor(/\d+–47 of 47/);
		expect(bottom).toMatch(/›\[ \] Wanda Reyes/);
		expect(bottom).not.toContain('Adele Vance');

		await app.press('g');
		await app.waitFor(/›\[ \] Adele Vance/);
	});

	it('filter Active users by name or username, and esc clears the filter', async () => {
		const app = await start();
		await app.press('2', '/', 'h', 'e', 'n', 'r');
		const filtered = await app.waitFor('Filter: henr');
		expect(filtered).toContain('Henrietta Mueller');
		expect(filtered).not.toContain('Adele Vance');
		await app.press(keys.escape);
		await app.waitFor('Adele Vance');
	});
});

describe('products the admin cannot unassign here', () => {
	it('a self-service purchase names its buyer and refuses Unassign licenses', async () => {
		const app = await start();
		await app.press('G', 'k', keys.enter);
		const page = await app.waitFor('Licenses › Power BI Pro');
		expect(page).toContain('Self-service purchase by Pradeep Gupta');
		await app.press('a', 'u');
		await app.waitFor('Self-service purchase: an admin must take over the subscription first.');
		expect(app.frame()).not.toContain('Unassign Power BI Pro');
		// ? says why under each of the two keys, before they are pressed.
		await app.press('?');
		const help = await app.waitFor('This screen: A product');
		const lines = help.split('\n');
		for (const key of ['u   ', '+   ']) {
			const at = lines.findIndex(line => line.trimStart().startsWith(key));
			expect(lines[at + 1], key).toContain('Not now: Self-service purchase:');
		}
	});

	it('group-only holders are shown with the group and skipped, with the reason', async () => {
		const app = await start();
		await app.press('G', keys.enter);
		const page = await app.waitFor('Licenses › Visio Plan 2');
		expect(page).toMatch(/Grady Archie.*via Visio Users/);
		expect(page).toMatch(/Lidia Holloway.*also via Visio Users/);
		// Grady alone: nothing can be removed, so no dialog.
		await app.press('/', 'g', 'r', 'a', 'd', 'y', keys.enter, 'a', 'u');
		await app.waitFor('Nothing to unassign: 1 user holds it only through a group.');
		expect(app.frame()).not.toContain('Unassign Visio Plan 2 from');
	});

	it('a mixed unassign shows each user: the one removed and the one skipped with the reason', async () => {
		const app = await start({columns: 80, rows: 24});
		await app.press('G', keys.enter);
		await app.waitFor('Licenses › Visio Plan 2');
		// Lidia holds Visio directly and through the group; Grady only through the group.
		await app.press('/', ...'lidia', keys.enter, 'a', keys.escape, '/', ...'grady', keys.enter, 'a', 'u');
		const dialog = await app.waitFor('Unassign Visio Plan 2 from 1 user?');
		expect(dialog).toContain('1 user will be skipped:');
		await app.press('y');
		const results = await app.waitFor('Unassign licenses: results');
		expect(results).toContain('1 license of Visio Plan 2 unassigned from Lidia Holloway, 1 user skipped.');
		expect(results).toMatch(/lidia\.holloway@contoso\.com[\s│]+Unassigned Visio Plan 2/);
		// The group is named, and the reason is not cut off: it goes on the next line.
		expect(results).toMatch(/grady\.archie@contoso\.com[\s│]+Skipped Visio Plan 2: licensed through Visio Users; remove them from\s/);
		expect(results).toMatch(/│\s+the group instead/);
		expect(results).not.toContain('…');
		await app.press(keys.enter);
		// Lidia's direct license went, but she keeps Visio through the group: no license is free.
		const next = await app.waitFor('No license was freed: the users still hold it through a group.');
		expect(next).not.toContain('free now');
		await app.press(keys.enter);
		// Lidia keeps Visio through the group: still listed, still counted.
		await app.waitFor('Licenses › Visio Plan 2');
		await app.press(keys.escape);
		const page = await app.waitFor('Lidia Holloway');
		expect(page).toContain('Assigned 5 · Available 5 · Total 10');
		expect(page).toMatch(/Lidia Holloway.* {2}via Visio Users/);
	});
});

describe("a product's holders", () => {
	it('the highlighted row shows a long group name whole', async () => {
		const long = 'All Engineering and Architecture Visio Licensing';
		const store = await snapshotStore(tenant => {
			tenant.groups.find(g => g.displayName === 'Visio Users')!.displayName = long;
		});
		const app = renderApp(store, {columns: 80, rows: 24});
		cleanup = app.unmount;
		await app.waitFor('Microsoft 365 Business Premium');
		await app.press('G', keys.enter);
		await app.waitFor('Licenses › Visio Plan 2');
		await app.press('/', ...'grady', keys.enter);
		const frame = await app.waitFor(/›.*Grady Archie/);
		expect(frame.split('\n').find(line => line.includes('Grady Archie'))).toContain(`via ${long}`);
	});
});

describe('Assign licenses', () => {
	it('lists the users by display name, as every list of users', async () => {
		const app = await start({columns: 100, rows: 40});
		await app.press('j', 'j', 'j', keys.enter);
		await app.waitFor('Licenses › Microsoft 365 Business Premium');
		await app.press('+');
		const frame = await app.waitFor('Assign licenses › Microsoft 365 Business Premium');
		const names = frame
			.split('\n')
			.map(line => /^.\s\[[ x]\]\s(.+?)\s{2,}/.exec(line)?.[1])
			.filter((name): name is string => name !== undefined);
		expect(names.length).toBeGreaterThan(10);
		expect(names).toEqual([...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
	});
});

describe('wrapped lines', () => {
	it('never start with the space they were broken at (a self-service notice, at 60 and 80 columns)', async () => {
		const app = await start({columns: 80, rows: 24});
		await app.press('G', 'k', keys.enter);
		await app.waitFor('Licenses › Power BI Pro');
		for (const columns of [80, 60]) {
			app.resize(columns, columns === 80 ? 24 : 16);
			const frame = await app.waitFor(f => f.includes('Self-service purchase by') && f.split('\n').every(line => line.length <= columns));
			const lines = frame.split('\n');
			const at = lines.findIndex(line => line.startsWith('Self-service purchase by'));
			expect(lines[at + 1], `${columns}: ${lines[at + 1]}`).toMatch(/^\S/);
		}
	});
});
