import {afterEach, describe, expect, it} from 'vitest';
import {tempStateDir} from '../helpers/tenant.js';
import {requireBundle, requireTmux, TmuxSession} from '../helpers/tmux.js';

const run = requireTmux();
let session: TmuxSession | undefined;
afterEach(() => session?.kill());

describe.runIf(run)('Active users in a terminal at 80×24', () => {
	it("one user's Licenses and apps: untick, Save changes, y; still so after a restart", async () => {
		requireBundle();
		const stateDir = tempStateDir();
		session = new TmuxSession(['--state-dir', stateDir]);
		await session.waitFor('Microsoft 365 Business Premium');

		session.keys('2');
		await session.waitFor('Active users (47 users)');
		session.keys('/', 'nestor', 'Enter');
		await session.waitFor('filter: nestor');
		session.keys('Enter');
		let screen = await session.waitFor('Active users › Nestor Wilke');
		expect(screen).toMatch(/\[x\] Office 365 E3/);
		expect(screen.split('\n').every(line => line.length <= 80)).toBe(true);

		// Exchange Online (Plan 1), its Archiving add-on, Business Basic, Business Premium, then Office 365 E3.
		session.keys('j', 'j', 'j', 'j', 'Space');
		await session.waitFor('* will be removed');
		session.keys('s');
		screen = await session.waitFor('Save these changes for Nestor Wilke?');
		// What happens first: at 80 columns the sentence wraps, the mailbox is kept.
		expect(screen).toContain('Nestor Wilke: keeps mailbox (Exchange Online (Plan 1)); loses');
		// Scroll to the changes.
		session.keys('j', 'j', 'j');
		screen = await session.waitFor('− Unassign Office 365 E3');
		session.keys('y');
		await session.waitFor('1 license unassigned.');
		await session.waitFor('Next steps');
		session.keys('Enter');
		await session.waitFor(/\[ \] Office 365 E3\s+8 available/);
		session.keys('q');
		expect(await session.exitStatus()).toBe(0);
		session.kill();

		session = new TmuxSession(['--state-dir', stateDir]);
		screen = await session.waitFor('Microsoft 365 Business Premium');
		expect(screen).toMatch(/Office 365 E3\s+17\s+8\s+25/);
		session.keys('2');
		screen = await session.waitFor('Active users (47 users)');
		const nestor = screen.split('\n').find(line => line.includes('nestor.wilke@contoso.com'))!;
		expect(nestor).toContain('Exchange Online');
		expect(nestor).not.toContain('E3');
	});
});
