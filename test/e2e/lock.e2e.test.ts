// One writer per state directory: a second instance is told who holds it.
import {spawnSync} from 'node:child_process';
import {afterEach, describe, expect, it} from 'vitest';
import {tempStateDir} from '../helpers/tenant.js';
import {bundle, requireBundle, requireTmux, TmuxSession} from '../helpers/tmux.js';

const run = requireTmux();
const sessions: TmuxSession[] = [];
afterEach(() => {
	for (const session of sessions.splice(0)) session.kill();
});

function cli(args: string[]) {
	return spawnSync(process.execPath, [bundle, ...args], {encoding: 'utf8'});
}

describe.runIf(run)('the writer lock', () => {
	it('while the app runs, unassign refuses naming it, doctor shows it, a second app is read-only; after, all is free', async () => {
		requireBundle();
		const stateDir = tempStateDir();
		const first = new TmuxSession(['--state-dir', stateDir]);
		sessions.push(first);
		await first.waitFor('Microsoft 365 Business Premium');

		const refused = cli(['unassign', '--product', 'SPB', '--users', 'alex.wilber@contoso.com', '--yes', '--state-dir', stateDir]);
		expect(refused.status).toBe(1);
		expect(refused.stderr).toMatch(/m365-licenses app \(pid \d+ on .+, since .+\) is changing the state directory/);
		expect(refused.stderr).toContain('nothing was changed');

		const doctor = JSON.parse(cli(['doctor', '--json', '--state-dir', stateDir]).stdout);
		expect(doctor.lock).toMatchObject({command: 'app'});
		// Reading needs no lock.
		expect(cli(['licenses', '--state-dir', stateDir]).status).toBe(0);

		const second = new TmuxSession(['--state-dir', stateDir]);
		sessions.push(second);
		const screen = await second.waitFor('[read-only]');
		expect(screen).toMatch(/Read-only: m365-licenses app \(pid \d+/);

		second.keys('q');
		await second.exitStatus();
		first.keys('q');
		expect(await first.exitStatus()).toBe(0);
		const done = cli(['unassign', '--product', 'SPB', '--users', 'alex.wilber@contoso.com', '--yes', '--state-dir', stateDir]);
		expect(done.status).toBe(0);
		expect(JSON.parse(cli(['doctor', '--json', '--state-dir', stateDir]).stdout).lock).toBeNull();
	});
});
