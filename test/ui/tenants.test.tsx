// The Tenants screen: each tenant's figures filled in as it is read, enter opens the one moved to, esc
// goes back to the tenant open before, q quits; and in the app, 0 or t goes there, and the header
// marks the tenant open.
import {EventEmitter} from 'node:events';
import {render} from 'ink-testing-library';
import {describe, expect, it} from 'vitest';
import {tenantFigures} from '../../source/domain/tenant-figures.js';
import {createKeyFeed} from '../../source/ui/key-feed.js';
import {tenantBoard, TenantsScreen} from '../../source/ui/screens/TenantsScreen.js';
import {keys, renderApp, waitForFrame} from '../helpers/ink.js';
import {demoStore, demoTenant} from '../helpers/tenant.js';

class Keyboard extends EventEmitter {
	write(data: string): void {
		this.emit('data', data);
	}
}

function screen(current: string | null = null) {
	const board = tenantBoard(['contoso', 'fabrikam', 'northwind'].map(name => ({name, displayName: null, figures: null, error: null})));
	const keyboard = new Keyboard();
	const feed = createKeyFeed(keyboard);
	const said: string[] = [];
	const app = render(
		<TenantsScreen feed={feed} board={board} current={current} onChoose={name => said.push(`open ${name}`)} onQuit={() => said.push('quit')} />,
	);
	feed.handTo(app.stdin);
	const waitFor = (text: string) => waitForFrame(app.lastFrame, f => f.includes(text), text);
	return {board, keyboard, said, app, waitFor, close: () => (app.unmount(), feed.close())};
}

describe('the Tenants screen', () => {
	it("fills in each tenant's figures as it is read, or why it could not be", async () => {
		const s = screen();
		await s.waitFor('contoso: reading…');
		const figures = tenantFigures(demoTenant(), new Date('2026-12-07T00:00:00Z'));
		s.board.set('fabrikam', {figures, displayName: 'Fabrikam, Inc.'});
		s.board.set('northwind', {error: 'Tenant file /n.json: cannot read it: no such file'});
		await s.waitFor(`fabrikam · Fabrikam, Inc.: ${figures.assigned} assigned, ${figures.available} available · Reclaim frees ${figures.frees}`);
		await s.waitFor('northwind: not read: Tenant file /n.json: cannot read it: no such file');
		expect(s.app.lastFrame()).toContain('contoso: reading…');
		s.close();
	});

	it('enter opens the tenant moved to; esc goes back to the one open before; q quits', async () => {
		const s = screen('northwind');
		await s.waitFor('› northwind');
		s.keyboard.write(keys.up);
		await s.waitFor('› fabrikam');
		s.keyboard.write(keys.enter);
		await waitForFrame(
			() => s.said.join(','),
			said => said === 'open fabrikam',
			'open fabrikam',
		);
		s.keyboard.write(keys.escape);
		await waitForFrame(
			() => s.said.join(','),
			said => said === 'open fabrikam,open northwind',
			'back to northwind',
		);
		s.keyboard.write('q');
		await waitForFrame(
			() => s.said.join(','),
			said => said.endsWith(',quit'),
			'quit',
		);
		s.close();
	});

	it('without a tenant open before, esc is not offered', async () => {
		const s = screen(null);
		await s.waitFor('q Quit');
		expect(s.app.lastFrame()).not.toContain('esc Back');
		s.keyboard.write('q');
		await waitForFrame(
			() => s.said.join(','),
			said => said === 'quit',
			'quit alone',
		);
		s.close();
	});
});

describe('in the app, with tenants added', () => {
	it('the header marks the tenant open; t goes to the Tenants screen', async () => {
		const {store} = await demoStore();
		let asked = 0;
		const app = renderApp(store, {columns: 80, rows: 24}, {tenants: {current: 'northwind', open: () => asked++}});
		await app.waitFor(/── Contoso Ltd \[northwind\] ─/);
		app.stdin.write('t');
		await waitForFrame(
			() => String(asked),
			n => n === '1',
			'the Tenants screen asked for',
		);
		app.unmount();
	});

	it('a confirmation names the tenant it acts in', async () => {
		const {store} = await demoStore();
		const app = renderApp(store, {columns: 100, rows: 30}, {tenants: {current: 'contoso', open: () => {}}});
		await app.waitFor('Microsoft 365 Business Premium');
		await app.press('j', 'j', 'j', keys.enter);
		await app.waitFor('Licenses › Microsoft 365 Business Premium');
		await app.press(keys.space, 'u');
		await app.waitFor('Unassign Microsoft 365 Business Premium from 1 user in Contoso Ltd?');
		app.unmount();
	});

	it('with none added, t and 0 do nothing and the header has no mark', async () => {
		const {store} = await demoStore();
		const app = renderApp(store, {columns: 80, rows: 24});
		await app.waitFor('── Contoso Ltd ─');
		app.stdin.write('t0');
		app.stdin.write('2');
		await app.waitFor('[2 Active users]');
		expect(app.frame()).not.toMatch(/Contoso Ltd \[/);
		app.unmount();
	});
});
