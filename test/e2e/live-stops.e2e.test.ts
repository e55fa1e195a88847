// A stop stops, in the app against a live tenant: Ctrl-C or a dropped SSH session (SIGHUP) during a
// bulk change stops the sending at once, waits for the answers in flight, saves every user's outcome,
// and only then leaves and lets go of the state directory; esc on a sign-in code cancels the sign-in
// and the action that waits for it. Through the built app in tmux, on a fresh HOME, against the
// local Graph and identity provider.
import {describe, expect, it} from 'vitest';
import type {GraphServer} from '../fixtures/graph-server.js';
import {cli, directHolders, generated, liveGraph, SPB} from '../helpers/graph.js';
import {liveSignIn} from '../helpers/sign-in.js';
import {hasTmux, requireBundle, TmuxSession} from '../helpers/tmux.js';

interface AuditEntry {
	userPrincipalName: string;
	skuId: string | null;
	outcome: string;
	reason: string | null;
}

/** Polls until the check holds (a server's count, a file's content), or fails naming what it waited for. */
async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await check())) {
		if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
		await new Promise(resolve => setTimeout(resolve, 25));
	}
}

/** Waits until the count has not moved for `ms` (a request already on its way when a stop came has arrived). */
async function quiet(count: () => number, ms: number, timeoutMs = 10_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (let last = count(), since = Date.now(); Date.now() - since < ms;) {
		if (Date.now() > deadline) throw new Error('Timed out waiting for quiet');
		await new Promise(resolve => setTimeout(resolve, 25));
		if (count() !== last) [last, since] = [count(), Date.now()];
	}
}

/** Holds for the whole time given: nothing of the kind happens (a request after a stop). */
async function stays(check: () => boolean, ms: number): Promise<boolean> {
	const end = Date.now() + ms;
	while (Date.now() < end) {
		if (!check()) return false;
		await new Promise(resolve => setTimeout(resolve, 25));
	}
	return check();
}

/**
 * The app on a live tenant of 300 users, sending Business Premium's removal from every direct holder
 * at 10 writes a second: a run of many seconds, stopped part-way by `stop`.
 */
async function sendAndStop(stop: (session: TmuxSession) => void) {
	requireBundle();
	const tenant = generated(300);
	const holders = directHolders(tenant, SPB);
	const live = await liveGraph(tenant, {faults: {writesPerSecond: 10, retryAfter: 1}, pageSize: 500});
	const session = new TmuxSession(live.args(), live.env);
	try {
		await session.waitFor(/Microsoft 365 Business Premium\s+\d+/);
		session.keys('/', 'Business Premium', 'Enter', 'Enter');
		await session.waitFor('Licenses › Microsoft 365 Business Premium');
		session.keys('a', 'u');
		await session.waitFor(`Unassign Microsoft 365 Business Premium from ${holders.length} users?`);
		session.keys('y');
		await until(() => live.server.stats.writes >= 10, 'the first writes');
		stop(session);
		// What was on its way when the stop was pressed has arrived by now; nothing may come after it.
		await new Promise(resolve => setTimeout(resolve, 300));
		const logAtStop = live.server.stats.log.length;
		/** What the app asked of Graph since the stop: no write, and no user read back. */
		const sentSinceStop = () => live.server.stats.log.slice(logAtStop).filter(line => /assignLicense$|^GET \/users\/[^/]+$/.test(line));
		return {live, session, holders, sentSinceStop};
	} catch (error) {
		session.kill();
		throw error;
	}
}

const auditOf = async (live: Awaited<ReturnType<typeof liveGraph>>): Promise<AuditEntry[]> =>
	JSON.parse((await cli(live.args('audit', '--json'), live.env)).stdout).entries;

/** What Graph holds now: the users of `upns` who no longer have Business Premium. */
const removedIn = (server: GraphServer, upns: readonly string[]) =>
	server.tenant.users.filter(u => upns.includes(u.userPrincipalName) && !u.assignedLicenses.some(l => l.skuId === SPB)).map(u => u.userPrincipalName);

describe.runIf(hasTmux)('stopping a change in the app', () => {
	it('Ctrl-C: nothing more is sent, every user is recorded done or not sent, and the app leaves, lock released, exit 3', async () => {
		const {live, session, holders, sentSinceStop} = await sendAndStop(s => s.keys('C-c'));
		try {
			const status = await session.exitStatus(20_000);
			expect(status).toBe(3);
			const screen = session.joinedScreen();
			expect(screen).toMatch(
				new RegExp(`m365-licenses: \\d+ of ${holders.length} answered by Microsoft Graph in \\d+ s, \\d+ throttled and sent again, \\d+ not sent\\.`),
			);
			expect(sentSinceStop()).toEqual([]);
		} finally {
			session.kill();
		}
		const done = removedIn(live.server, holders);
		expect(done.length).toBeGreaterThan(0);
		expect(done.length).toBeLessThan(holders.length);
		// Every user, once: done as Graph has it, or not sent; nothing lumped as failed.
		const entries = (await auditOf(live)).filter(e => e.skuId === SPB);
		expect(
			entries
				.filter(e => e.outcome === 'removed')
				.map(e => e.userPrincipalName)
				.sort(),
		).toEqual([...done].sort());
		expect(entries.filter(e => e.outcome === 'not-sent')).toHaveLength(holders.length - done.length);
		expect(entries).toHaveLength(holders.length);
		// The lock went with the app: a change from the command line can start at once.
		const doctor = JSON.parse((await cli(live.args('doctor', '--json'), live.env)).stdout);
		expect(doctor.lock).toBeNull();
	});

	it('SIGHUP (the SSH session dropped): the change is stopped and saved before the app goes', async () => {
		const {live, holders, sentSinceStop} = await sendAndStop(s => s.kill());
		// Saved: every user in the audit log, done or not sent; nothing left for the next start to settle.
		await until(async () => (await auditOf(live)).filter(e => e.skuId === SPB).length === holders.length, 'every user in the audit log');
		expect(sentSinceStop()).toEqual([]);
		const entries = (await auditOf(live)).filter(e => e.skuId === SPB);
		const done = removedIn(live.server, holders);
		expect(entries.filter(e => e.outcome === 'removed')).toHaveLength(done.length);
		expect(entries.filter(e => e.outcome === 'not-sent')).toHaveLength(holders.length - done.length);
		const next = await cli(live.args('licenses', '--json'), live.env);
		expect(next.status).toBe(0);
		expect(next.stderr).not.toContain('was settled');
	});
});

describe.runIf(hasTmux)('cancelling a sign-in', () => {
	it('q on the opening code: nothing is read, the code is no longer polled, and q is not echoed; exit 130', async () => {
		requireBundle();
		const live = await liveSignIn({script: {pending: 0, then: 'wait'}});
		const session = new TmuxSession(live.args(), live.env);
		try {
			const screen = await session.waitFor(/enter the code [0-9A-F]{8} \(it works for 15 minutes\)/);
			expect(screen).toContain('q, esc or ctrl+c cancels.');
			session.keys('q');
			expect(await session.exitStatus()).toBe(130);
			const after = session.joinedScreen();
			expect(after).toContain('m365-licenses: Cancelled: nothing was sent, and nothing was changed.');
			expect(after).not.toMatch(/^q/m);
		} finally {
			session.kill();
		}
		await quiet(() => live.idp.requests.length, 300);
		const polls = live.idp.requests.length;
		live.idp.approve();
		expect(await stays(() => live.idp.requests.length === polls, 500)).toBe(true);
		expect(live.graph.stats.requests).toBe(0);
	});

	it('esc on the code a new permission asks for (Delete user): the sign-in and the deletion are dropped; entering the code later deletes no one', async () => {
		requireBundle();
		const live = await liveSignIn({script: {pending: 0, then: 'wait'}});
		const session = new TmuxSession(live.args(), live.env);
		try {
			await session.waitFor(/enter the code [0-9A-F]{8}/);
			live.idp.approve();
			await session.waitFor(/Microsoft 365 Business Premium\s+11\s+2\s+13/);
			session.keys('2');
			await session.waitFor('Active users');
			session.keys('/', 'alex.wilber', 'Enter', 'D');
			await session.waitFor('type the username (alex.wilber@contoso.com)');
			session.keys('alex.wilber@contoso.com', 'Enter');
			await session.waitFor(/This needs a permission not granted yet \(User\.ReadWrite\.All\)/);
			session.keys('Escape');
			await session.waitFor('Cancelled: nothing was sent, and nothing was changed.');
			expect(session.screen()).not.toContain('This needs a permission');
			// The admin enters the code after all: the app no longer waits for it, and deletes no one.
			await quiet(() => live.idp.requests.length, 300);
			const polls = live.idp.requests.length;
			live.idp.approve();
			expect(await stays(() => live.idp.requests.length === polls, 500)).toBe(true);
			expect(live.graph.stats.log.filter(line => line.startsWith('DELETE'))).toEqual([]);
			expect(live.graph.deleted).toEqual([]);
			session.keys('q');
			expect(await session.exitStatus()).toBe(0);
		} finally {
			session.kill();
		}
	});
});
