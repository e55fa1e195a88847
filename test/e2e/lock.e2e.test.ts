// One writer at a time per state directory, and only while a change is written: the app open on a
// directory never stops a command run beside it (a second SSH session, a nightly script), and each
// plans its change on what the other saved. A fresh HOME for each: the default state directory.
import {spawnSync} from 'node:child_process';
import {readdirSync} from 'node:fs';
import {afterEach, describe, expect, it} from 'vitest';
import {freshHome, type FreshHome} from '../helpers/home.js';
import {bundle, requireBundle, requireTmux, TmuxSession} from '../helpers/tmux.js';

const run = requireTmux();
const sessions: TmuxSession[] = [];
afterEach(() => {
	for (const session of sessions.splice(0)) session.kill();
});

const cli = (home: FreshHome, args: string[]) =>
	spawnSync(process.execPath, [bundle, ...args], {encoding: 'utf8', env: {...process.env, ...home.env, M365_LICENSES_LANG: 'en'}});
const unassign = (home: FreshHome, user: string) => cli(home, ['unassign', '--product', 'SPB', '--users', user, '--yes']);
const holdsSpb = (home: FreshHome, user: string) =>
	(JSON.parse(cli(home, ['users', '--product', 'SPB', '--json']).stdout) as {users: Array<{userPrincipalName: string}>}).users.some(
		u => u.userPrincipalName === user,
	);
const liveLocks = (home: FreshHome) => readdirSync(home.stateDir).filter(name => /^writer\.lock\.\d+$/.test(name));

async function openBusinessPremium(home: FreshHome): Promise<TmuxSession> {
	const app = new TmuxSession([], home.env);
	sessions.push(app);
	await app.waitFor('Microsoft 365 Business Premium');
	app.keys('j', 'j', 'j', 'Enter');
	await app.waitFor('Licenses › Microsoft 365 Business Premium');
	return app;
}

describe.runIf(run)('the writer lock, held only while a change is written', () => {
	it('unassign --yes runs while the app is open; the app, changing the same user after, is told and shows how things stand', async () => {
		requireBundle();
		const home = freshHome();
		const app = await openBusinessPremium(home);
		expect(await app.waitFor('alex.wilber@contoso.com')).toContain('Assigned 11');

		const done = unassign(home, 'alex.wilber@contoso.com');
		expect(done.stderr).toBe('');
		expect(done.status).toBe(0);
		expect(JSON.parse(cli(home, ['doctor', '--json']).stdout).lock).toBeNull();

		// The app still shows Alex (read before the command ran); unassigning Alex again is refused.
		app.keys('Space', 'u');
		await app.waitFor('Unassign');
		app.keys('y');
		const screen = await app.waitFor(/Alex Wilber\s+was\s+changed\s+by\s+another\s+m365-licenses/);
		expect(screen).toContain('Assigned 10');
		expect(screen).not.toContain('alex.wilber@contoso.com');
		app.keys('q');
		expect(await app.exitStatus()).toBe(0);
		expect(holdsSpb(home, 'alex.wilber@contoso.com')).toBe(false);
	});

	it('the app changes a user, then the command another while it stays open, then the app again: all three saved', async () => {
		requireBundle();
		const home = freshHome();
		const app = await openBusinessPremium(home);
		// The first user of the list: Alex Wilber.
		app.keys('Space', 'u');
		await app.waitFor('Unassign');
		app.keys('y');
		await app.waitFor('Next steps');
		app.keys('Escape');
		await app.waitFor('Assigned 10');
		expect(liveLocks(home)).toEqual([]);

		const done = unassign(home, 'diego.siciliani@contoso.com');
		expect(done.stderr).toBe('');
		expect(done.status).toBe(0);

		// The app has not seen the command's change; its next change is planned on it all the same.
		await app.waitFor('diego.siciliani@contoso.com');
		app.keys('j', 'Space', 'u');
		await app.waitFor('Isaiah Langer');
		app.keys('y');
		await app.waitFor('Next steps');
		app.keys('Escape');
		await app.waitFor('Assigned 8');
		app.keys('q');
		expect(await app.exitStatus()).toBe(0);
		for (const user of ['alex.wilber', 'diego.siciliani', 'isaiah.langer']) expect(holdsSpb(home, `${user}@contoso.com`), user).toBe(false);
		expect(cli(home, ['audit']).stdout.match(/unassign/gi)?.length).toBeGreaterThanOrEqual(3);
	});
});
