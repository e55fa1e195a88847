import {afterEach, describe, expect, it} from 'vitest';
import {tempStateDir} from '../helpers/tenant.js';
import {requireBundle, requireTmux, TmuxSession} from '../helpers/tmux.js';

const run = requireTmux();
let session: TmuxSession | undefined;
afterEach(() => session?.kill());

function businessPremiumRow(screen: string): number[] {
	const line = screen.split('\n').find(l => l.includes('Microsoft 365 Business Premium'))!;
	return line.replace(/.*Microsoft 365 Business Premium/, '').trim().split(/\s+/).map(Number);
}

describe.runIf(run)('the built app in a terminal at 80×24', () => {
	it('unassigns two Business Premium licenses by keys, and the change survives a restart', async () => {
		requireBundle();
		const stateDir = tempStateDir();
		session = new TmuxSession(['--state-dir', stateDir]);
		let screen = await session.waitFor('Microsoft 365 Business Premium');
		expect(businessPremiumRow(screen)).toEqual([11, 2, 13]);
		// Every line fits in 80 columns, and the footer is on screen.
		expect(screen.split('\n').every(line => line.length <= 80)).toBe(true);
		expect(screen).toContain('? Help');

		session.keys('j', 'j', 'j', 'Enter');
		await session.waitFor('Licenses › Microsoft 365 Business Premium');
		session.keys('Space', 'j', 'Space');
		await session.waitFor('2 selected');
		session.keys('u');
		screen = await session.waitFor('Unassign Microsoft 365 Business Premium from 2 users?');
		expect(screen).toContain('[ Cancel ]');
		session.keys('y');
		screen = await session.waitFor('2 licenses of Microsoft 365 Business Premium unassigned.');
		expect(screen).toContain('Next steps');
		session.keys('Enter');
		screen = await session.waitFor('Assigned 9 · Available 4 · Total 13');

		session.keys('q');
		expect(await session.exitStatus()).toBe(0);
		session.kill();

		session = new TmuxSession(['--state-dir', stateDir]);
		screen = await session.waitFor('Microsoft 365 Business Premium');
		expect(businessPremiumRow(screen)).toEqual([9, 4, 13]);
		session.keys('q');
		expect(await session.exitStatus()).toBe(0);
		session.kill();

		// --reset brings the demo back.
		session = new TmuxSession(['--state-dir', stateDir, '--reset']);
		screen = await session.waitFor('Microsoft 365 Business Premium');
		expect(businessPremiumRow(screen)).toEqual([11, 2, 13]);
	});

	it('draws every frame even where CI is set: Ink would draw only the last one', async () => {
		requireBundle();
		session = new TmuxSession(['--state-dir', tempStateDir()], {CI: 'true', CONTINUOUS_INTEGRATION: '1'});
		await session.waitFor('Microsoft 365 Business Premium');
		session.keys('j', 'j', 'j', 'Enter');
		await session.waitFor('Licenses › Microsoft 365 Business Premium');
	});

	it('follows a terminal resize', async () => {
		requireBundle();
		session = new TmuxSession(['--state-dir', tempStateDir()]);
		await session.waitFor('Microsoft 365 Business Premium');
		session.resize(100, 30);
		// The rule under the header spans the new width: "── Contoso Ltd " and 85 more.
		const screen = await session.waitFor(/── Contoso Ltd ─{85}$/m);
		expect(screen).toContain('Microsoft 365 Business Premium');
	});
});
