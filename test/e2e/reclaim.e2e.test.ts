// The Reclaim tab through the built program in tmux at 80×24, and reclaim's flags through its command line.
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {strings} from '../../source/text/index.js';
import {cli} from '../helpers/graph.js';
import {tempStateDir} from '../helpers/tenant.js';
import {requireTmux, TmuxSession} from '../helpers/tmux.js';

const tmux = requireTmux();
let session: TmuxSession | undefined;
afterEach(() => session?.kill());

it('reclaim --section blocked --json through the command line; --help names it', async () => {
	const result = await cli(['reclaim', '--section', 'blocked', '--inactive-days', '30', '--json', '--state-dir', tempStateDir()]);
	expect(result.status).toBe(0);
	expect(JSON.parse(result.stdout)).toMatchObject({inactiveDays: 30, sections: [{id: 'blocked', users: 4}]});
	expect((await cli(['--help'])).stdout).toMatch(/^ {2}reclaim +licenses that can go/m);
	const help = await cli(['reclaim', '--help']);
	expect(help.stdout.replace(/\s+/g, ' ')).toContain('reclaim [--section S] [--inactive-days N] [--all-tenants] [--json] [--apply [--yes]]');
});

describe.runIf(tmux)('the Reclaim tab at 80×24', () => {
	it('4 opens it; tab moves between sections; a ticks the section; u confirms with the consequences; y unassigns and the counts follow', async () => {
		session = new TmuxSession(['--state-dir', tempStateDir()], {}, {record: join(tempStateDir(), 'terminal.bytes')});
		await session.waitFor('Microsoft 365 Business Premium');
		session.keys('4');
		let screen = await session.waitFor('Redundant (4)');
		expect(screen).toContain('Sign-in blocked (4)');
		expect(screen).toContain('frees 3 Exchange Online (Plan 1)');
		expect(screen).toMatch(/\[ \] Nestor Wilke/);
		expect(session.widestLine()).toBe(80);

		session.keys('Tab');
		await session.waitFor(/\[ \] Allan Deyoung/);
		session.keys('a');
		await session.waitFor('4 licenses from 4 users ticked');
		session.keys('u');
		screen = await session.waitFor('Unassign 4 licenses from 4 users?');
		expect(screen).toContain('What happens');
		expect(screen).toMatch(/\[ Cancel \]/);
		session.keys('y');
		await session.waitFor('Next steps');
		session.keys('Enter');
		screen = await session.waitFor('Sign-in blocked (0)');
		expect(screen).toContain(strings.reclaim.empty.blocked);
		session.keys('q');
	});
});
