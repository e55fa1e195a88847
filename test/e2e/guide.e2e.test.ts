import {readFileSync} from 'node:fs';
import {afterEach, describe, expect, it} from 'vitest';
import {tempStateDir} from '../helpers/tenant.js';
import {requireBundle, requireTmux, TmuxSession} from '../helpers/tmux.js';

const run = requireTmux();
let session: TmuxSession | undefined;
afterEach(() => session?.kill());

describe.runIf(run)('m365-licenses guide, by keys at 80×24', () => {
	it('a guided unassign from the first step to the report file', async () => {
		requireBundle();
		const stateDir = tempStateDir();
		session = new TmuxSession(['guide', '--state-dir', stateDir]);
		let screen = await session.waitFor('Step 1 of 4: choose a product');
		expect(screen).toContain('enter Choose');

		// Exchange Online (Plan 1), its Archiving add-on, Business Basic, Business Premium.
		session.keys('j', 'j', 'j', 'Enter');
		await session.waitFor('Step 2 of 4: choose users');
		session.keys('Space', 'Enter');
		screen = await session.waitFor('Step 3 of 4: read what happens');
		expect(screen).toContain('You are about to remove Microsoft 365 Business Premium from Alex Wilber.');
		expect(screen).toMatch(/Alex Wilber will lose their mailbox, their archive mailbox, OneDrive, Office\s+apps and Teams\./);
		session.keys('Enter');
		await session.waitFor('Step 4 of 4: confirm');
		session.keys('y');
		screen = await session.waitFor('Finished');
		const path = /Report saved:\s+(\S+)/.exec(screen)?.[1];
		expect(path).toBeDefined();

		session.keys('q');
		expect(await session.exitStatus()).toBe(0);
		const printed = /Guided unassign report: (\S+)/.exec(session.joinedScreen())?.[1];
		expect(printed).toBe(path);
		expect(printed).toMatch(new RegExp(`^${stateDir}/reports/guided-unassign-\\d{8}-\\d{6}\\.md$`));
		const report = readFileSync(printed!, 'utf8');
		expect(report).toContain('# Guided unassign report');
		expect(report).toContain('| alex.wilber@contoso.com | Microsoft 365 Business Premium | Unassigned |  |');
		expect(report).toContain('Email is kept for 30 days');
		expect(report).toContain('The archive mailbox goes with the license that gave it.');
	});
});
