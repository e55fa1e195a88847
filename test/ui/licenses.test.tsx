import {readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {basename, join} from 'node:path';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {LocalTenant} from '../../source/backends/local-tenant.js';
import {productBySku} from '../../source/domain/selectors.js';
import {openStateFile} from '../../source/store/state-file.js';
import {openStore} from '../../source/store/store.js';
import {keyTable, labelOf} from '../../source/ui/keys.js';
import {keys, renderApp} from '../helpers/ink.js';
import {catalogSku} from '../helpers/catalog-tenant.js';
import {demoStore, demoTenant, sku, tempStateDir} from '../helpers/tenant.js';

let cleanup: (() => void) | undefined;
afterEach(() => {
	vi.useRealTimers();
	cleanup?.();
});

/** The Licenses row of a product, as numbers: [assigned, available, total]. */
function counts(frame: string, product: string): number[] {
	const line = frame.split('\n').find(l => l.includes(product));
	if (!line) throw new Error(`no row for ${product} in\n${frame}`);
	return line
		.slice(line.indexOf(product) + product.length)
		.trim()
		.split(/\s+/)
		.map(Number);
}

async function openBusinessPremium(size?: {columns: number; rows: number}) {
	const {store, stateFile, stateDir} = await demoStore();
	const app = renderApp(store, size);
	cleanup = app.unmount;
	await app.waitFor('Microsoft 365 Business Premium');
	expect(counts(app.frame(), 'Microsoft 365 Business Premium')).toEqual([11, 2, 13]);
	// Exchange Online (Plan 1), its Archiving add-on and Business Basic sort above it.
	await app.press('j', 'j', 'j', keys.enter);
	await app.waitFor('Licenses › Microsoft 365 Business Premium');
	return {app, store, stateFile, stateDir};
}

async function tickTwoAndAsk(app: Awaited<ReturnType<typeof openBusinessPremium>>['app']) {
	await app.press(keys.space, 'j', keys.space);
	await app.waitFor('2 selected');
	await app.press('u');
	return app.waitFor('Unassign Microsoft 365 Business Premium from 2 users?');
}

describe('Licenses page', () => {
	it('shows one row per product with totals summed over subscriptions', async () => {
		const {app} = await openBusinessPremium();
		const frame = app.frame();
		expect(frame).toContain('Assigned 11 · Available 2 · Total 13');
		// Both subscriptions, each on its own row.
		expect(frame.match(/Enabled\s+5\b/g)).toHaveLength(1);
		expect(frame.match(/Enabled\s+8\b/g)).toHaveLength(1);
		expect(frame).toContain('11 users');
	});

	it('unassigns two ticked users after y, and the counts follow everywhere', async () => {
		const {app, store, stateFile} = await openBusinessPremium();
		const dialog = await tickTwoAndAsk(app);
		expect(dialog).toContain('Alex Wilber');
		expect(dialog).toContain('Diego Siciliani');
		expect(dialog).toMatch(/\[ Cancel \]/);

		await app.press('y');
		await app.waitFor('2 licenses of Microsoft 365 Business Premium unassigned.');
		const next = await app.waitFor('Next steps');
		expect(next).toContain('2 licenses of Microsoft 365 Business Premium are free now (4 available).');
		expect(next).toContain('Billing > Your products');
		expect(next).toContain('Remove a former employee');
		await app.press(keys.enter);
		const frame = await app.waitFor('Assigned 9 · Available 4 · Total 13');
		expect(frame).toContain('9 users');
		expect(frame).not.toContain('Alex Wilber');
		expect(frame).not.toContain('Diego Siciliani');
		expect(stateFile.changes(store.getState().tenant.organization.id)).toHaveLength(2);
		// The TUI writes the same audit entries as the unassign command.
		expect(stateFile.audit().entries.map(e => [e.actor, e.action, e.userPrincipalName, e.skuPartNumber, e.outcome])).toEqual([
			['megan.bowen@contoso.com', 'unassign', 'alex.wilber@contoso.com', 'SPB', 'removed'],
			['megan.bowen@contoso.com', 'unassign', 'diego.siciliani@contoso.com', 'SPB', 'removed'],
		]);

		await app.press(keys.escape);
		const licenses = await app.waitFor(/Product\s+Assigned/);
		expect(counts(licenses, 'Microsoft 365 Business Premium')).toEqual([9, 4, 13]);
	});

	it.each([
		['n', 'n'],
		['esc', keys.escape],
	])('cancels with %s and changes nothing', async (_name, key) => {
		const {app, store} = await openBusinessPremium();
		await tickTwoAndAsk(app);
		await app.press(key);
		const frame = await app.waitFor('Assigned 11 · Available 2 · Total 13');
		expect(frame).not.toContain('Unassign Microsoft 365');
		expect(frame).toContain('2 selected');
		expect(productBySku(store.getState().tenant, sku.businessPremium)!.available).toBe(2);
	});

	it('c shows the same change as PowerShell and curl calls, unboxed and saved as .ps1 and .sh; c again the change', async () => {
		const {app, store, stateDir} = await openBusinessPremium({columns: 80, rows: 24});
		await tickTwoAndAsk(app);
		await app.press('c');
		const view = await app.waitFor('Microsoft Graph PowerShell');
		// Unboxed: what is copied from the screen holds no border, and no line is cut.
		const lines = view.split('\n').slice(
			2,
			view.split('\n').findIndex(line => line.includes('more (↓ to scroll)')),
		);
		expect(lines.join('\n')).not.toMatch(/[│╭╮╰╯…]/);
		// One command a user, broken between its arguments with PowerShell's continuation.
		const command = lines.join('\n').match(/Set-MgUserLicense -UserId 'alex\.wilber@contoso\.com'[^\n]*`\n[^\n]*/)![0];
		expect(command.replace(/ `\n\s*/, ' ')).toBe(
			`Set-MgUserLicense -UserId 'alex.wilber@contoso.com' -AddLicenses @() -RemoveLicenses @('${sku.businessPremium}')`,
		);
		// The files are where the view says, readable by the admin alone.
		const saved = /Saved as (\S+\.ps1) and\s+(\S+\.sh)/.exec(view.replace(/\n/g, ' '))!;
		expect(saved[1]!.startsWith(join(stateDir, 'commands'))).toBe(true);
		for (const path of [saved[1]!, saved[2]!]) expect(statSync(path).mode & 0o777).toBe(0o600);
		expect(statSync(join(stateDir, 'commands')).mode & 0o777).toBe(0o700);
		expect(readFileSync(saved[1]!, 'utf8')).toContain(command);
		expect(readFileSync(saved[2]!, 'utf8')).toContain('"$GRAPH/users/alex.wilber%40contoso.com/assignLicense"');
		await app.press(...Array.from({length: 12}, () => 'j'));
		const scrolled = await app.waitFor('c again shows the change itself.');
		expect(scrolled).toContain(`"removeLicenses": ["${sku.businessPremium}"]`);
		await app.press('c');
		await app.waitFor('What happens');
		expect(productBySku(store.getState().tenant, sku.businessPremium)!.assigned).toBe(11);
		// Once per change: c again, or the same change asked again, says the same pair and writes no other.
		await app.press('c');
		await app.waitFor('Microsoft Graph PowerShell');
		// A later second: a pair written again would have other names.
		vi.useFakeTimers({toFake: ['Date'], shouldAdvanceTime: true});
		vi.setSystemTime(Date.now() + 5000);
		await app.press(keys.escape, 'u');
		await app.waitFor('Unassign Microsoft 365 Business Premium from 2 users?');
		await app.press('c');
		vi.useRealTimers();
		const again = await app.waitFor('Microsoft Graph PowerShell');
		expect(again.replace(/\n/g, ' ')).toContain(saved[1]!);
		expect(readdirSync(join(stateDir, 'commands')).sort()).toEqual([basename(saved[1]!), basename(saved[2]!)].sort());
	});

	it('does not unassign on enter alone: focus starts on Cancel', async () => {
		const {app, store} = await openBusinessPremium();
		await tickTwoAndAsk(app);
		await app.press(keys.enter);
		const frame = await app.waitFor('Assigned 11 · Available 2 · Total 13');
		expect(frame).not.toContain('unassigned');
		expect(productBySku(store.getState().tenant, sku.businessPremium)!.assigned).toBe(11);
	});

	it('unassigns with the Unassign button focused by tab, then enter', async () => {
		const {app} = await openBusinessPremium();
		await tickTwoAndAsk(app);
		await app.press(keys.tab);
		await app.waitFor('[ Unassign ]');
		await app.press(keys.enter);
		// Licenses were freed: Next steps first, then Done goes back to the product with its new counts.
		await app.waitFor('Next steps');
		await app.press(keys.enter);
		await app.waitFor('Assigned 9 · Available 4 · Total 13');
	});

	it('says why Unassign licenses does nothing when no user is ticked', async () => {
		const {app} = await openBusinessPremium();
		await app.press('u');
		await app.waitFor('Unassign licenses: tick one or more users first');
		expect(app.frame()).not.toContain('Unassign Microsoft 365');
	});

	it('a ticks every shown user, and / narrows who is shown', async () => {
		const {app} = await openBusinessPremium();
		await app.press('/', 'r', 'a', 'c', 'h', 'e', 'l', keys.enter);
		await app.waitFor('filter: rachel');
		await app.press('a');
		await app.waitFor('1 selected');
		await app.press('u');
		const dialog = await app.waitFor('from 1 user?');
		expect(dialog).toContain('Rachel Kim');
		expect(dialog).not.toContain('Alex Wilber');
	});

	it('shows the keys of the screen in the footer and every key of the table in help', async () => {
		const {app} = await openBusinessPremium();
		expect(app.frame()).toContain('u Unassign licenses');
		expect(app.frame()).toContain('+ Assign licenses');
		await app.press('?');
		let page = await app.waitFor('esc closes');
		// The product page's own keys come first, under a title that is a rule (it shows without bold).
		const rows = page.split('\n');
		const title = rows.findIndex(row => /^── This screen: A product ─+/.test(row));
		expect(rows[title + 1]).toMatch(/^u\s+Unassign licenses/);
		// Turn the pages until the last; the pages together hold every binding's label.
		let help = page;
		while (/page (\d+) of (?!\1\b)\d+/.test(page)) {
			const n = Number(/page (\d+) of/.exec(page)![1]);
			await app.press('j');
			page = await app.waitFor(`page ${n + 1} of`);
			help += page;
		}
		for (const binding of keyTable) expect(help, labelOf(binding)).toContain(labelOf(binding));
		expect(help).toContain('product:NAME');
		await app.press(keys.escape);
		await app.waitFor('Licenses › Microsoft 365 Business Premium');
	});

	it('takes keys that arrive in one burst (a paste, tmux send-keys) one at a time, in order', async () => {
		const {store} = await demoStore();
		const app = renderApp(store);
		cleanup = app.unmount;
		await app.waitFor('Microsoft 365 Business Premium');
		// Down three times, open, filter "rach", keep it, tick the one shown, Unassign licenses.
		app.stdin.write('jjj\r/rach\r u');
		const dialog = await app.waitFor('Unassign Microsoft 365 Business Premium from 1 user?');
		expect(dialog).toContain('Rachel Kim');
	});

	it('switches to Active users with 2 and back with 1', async () => {
		const {app} = await openBusinessPremium();
		await app.press('2');
		await app.waitFor('megan.bowen@contoso.com');
		await app.press('1');
		await app.waitFor('Licenses › Microsoft 365 Business Premium');
	});
});

describe('Tomás Herrera and his archive', () => {
	async function openProduct(row: number, title: string) {
		const {store} = await demoStore();
		const app = renderApp(store);
		cleanup = app.unmount;
		await app.waitFor('Microsoft 365 Business Premium');
		await app.press(...Array.from({length: row}, () => 'j'), keys.enter);
		await app.waitFor(`Licenses › ${title}`);
		await app.press('/', ...'tomas', keys.enter, keys.space, 'u');
		return app;
	}

	it("unassigning Exchange Online Archiving from a Plan 1 user says the archive shrinks to Plan 1's own, and what that costs", async () => {
		const app = await openProduct(1, 'Exchange Online Archiving for Exchange Online');
		const dialog = await app.waitFor('Unassign Exchange Online Archiving for Exchange Online from 1 user?');
		expect(dialog).toContain('archive reduced for 1 user');
		expect(dialog.replace(/[│\s]+/g, ' ')).toContain(
			'Tomás Herrera: archive reduced from auto-expanding (up to 1.5 TB) to 50 GB: litigation hold and inactive-mailbox eligibility are lost',
		);
		expect(dialog).not.toContain('loses the archive mailbox');
		expect(dialog).toContain('Archive of 50 GB (Exchange Online (Plan 1)): it does not expand.');
	});

	it('unassigning Exchange Online (Plan 1) names the add-on that goes with it, and counts one user', async () => {
		const app = await openProduct(0, 'Exchange Online (Plan 1)');
		const dialog = await app.waitFor('which depends on it)?');
		// The question wraps in the dialog: read it as one line.
		expect(dialog.replace(/[│\s]+/g, ' ')).toContain(
			'Unassign Exchange Online (Plan 1) from 1 user (and Exchange Online Archiving for Exchange Online, which depends on it)?',
		);
		expect(dialog).toContain('1 user loses their mailbox · 1 user loses their archive mailbox');
		await app.press('y');
		// A status longer than the terminal goes on to a second line rather than being cut.
		await app.waitFor(/1 license of Exchange Online \(Plan 1\) unassigned from Tomás Herrera, with 1 license of add-ons that\n\s*depend on it\./);
		const next = await app.waitFor('Next steps');
		expect(next).toContain('1 license of Exchange Online (Plan 1) is free now');
		expect(next).toContain('1 license of Exchange Online Archiving for Exchange Online is free now');
	});
});

describe('two products with one name', () => {
	it('each row says its part number, so the admin knows which one they open', async () => {
		const tenant = demoTenant();
		// Microsoft 365 F1 is both M365_F1 and M365_F1_COMM.
		tenant.subscribedSkus.push(catalogSku('M365_F1'), catalogSku('M365_F1_COMM'));
		const file = join(tempStateDir(), 'tenant.json');
		writeFileSync(file, JSON.stringify(tenant));
		const store = await openStore({backend: new LocalTenant(file, 'snapshot'), stateFile: openStateFile(tempStateDir())});
		const app = renderApp(store);
		cleanup = app.unmount;
		const frame = await app.waitFor('Microsoft 365 F1 (M365_F1_COMM)');
		expect(frame).toContain('Microsoft 365 F1 (M365_F1) ');
		// A name only one product has stays as it is.
		expect(frame).toContain('Microsoft 365 Business Premium ');
		expect(frame).not.toContain('(SPB)');
	});
});
