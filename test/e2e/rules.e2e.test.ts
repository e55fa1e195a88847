import {afterEach, describe, expect, it} from 'vitest';
import {tempStateDir} from '../helpers/tenant.js';
import {requireBundle, requireTmux, TmuxSession} from '../helpers/tmux.js';

const run = requireTmux();
let session: TmuxSession | undefined;
afterEach(() => session?.kill());

describe.runIf(run)('the rules, by keys at 80×24', () => {
	it('the Helpdesk Administrator cannot change anything and is told why', async () => {
		requireBundle();
		session = new TmuxSession(['--state-dir', tempStateDir(), '--as', 'lee.gu@contoso.com']);
		let screen = await session.waitFor('Microsoft 365 Business Premium');
		expect(screen).toContain('Read-only: lee.gu@contoso.com is Helpdesk Administrator;');
		expect(screen).toMatch(/Global, License or User\s+Administrator role\./);
		session.keys('j', 'j', 'j', 'Enter');
		await session.waitFor('Licenses › Microsoft 365 Business Premium');
		session.keys('Space', 'u');
		screen = await session.waitFor('Read-only: that needs the Global, License or User Administrator role');
		expect(screen).not.toContain('Unassign Microsoft 365 Business Premium from');
	});

	it('Power BI Pro (self-service) and Visio Plan 2 (group) are refused with their reasons', async () => {
		requireBundle();
		session = new TmuxSession(['--state-dir', tempStateDir()]);
		await session.waitFor('Microsoft 365 Business Premium');
		session.keys('G', 'k', 'Enter');
		let screen = await session.waitFor('Licenses › Power BI Pro');
		expect(screen).toContain('Self-service purchase by Pradeep Gupta');
		session.keys('a', 'u');
		await session.waitFor('Self-service purchase: an admin must take over the subscription first.');

		session.keys('Escape');
		await session.waitFor(/Product\s+Assigned/);
		session.keys('G', 'Enter');
		await session.waitFor('Licenses › Visio Plan 2');
		session.keys('/', 'grady', 'Enter');
		await session.waitFor('filter: grady');
		session.keys('a', 'u');
		screen = await session.waitFor('Nothing to unassign: 1 user holds it only through a group.');
		expect(screen).toMatch(/Grady Archie.*via Visio Users/);
	});

	it('an unknown --as UPN is an error naming it, exit 2', async () => {
		requireBundle();
		session = new TmuxSession(['--state-dir', tempStateDir(), '--as', 'nobody@contoso.com']);
		const status = await session.exitStatus();
		expect(status).toBe(2);
		expect(session.screen()).toContain('--as nobody@contoso.com: no such user in Contoso Ltd');
	});
});
