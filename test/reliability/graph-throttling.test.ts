// Sending under throttling: no user given up on while Graph answers 429 with Retry-After, a run that
// can be stopped (Ctrl-C, --max-duration) with the users not sent said so, progress where someone
// watches, and a change that reads only the users it names. Through the built bundle.
import type {ChildProcess} from 'node:child_process';
import {describe, expect, it} from 'vitest';
import {cli, directHolders, generated, holdersIn, liveGraph, SPB} from '../helpers/graph.js';
import {hasTmux, TmuxSession} from '../helpers/tmux.js';

interface Result {
	userPrincipalName: string;
	outcome: string;
	message: string | null;
}

const removedIn = (results: Result[]) => results.filter(r => r.outcome === 'removed').map(r => r.userPrincipalName);

describe('throttled', () => {
	it('60 users against 20 writes a second: every one removed, the 429s waited out, exit 0', async () => {
		const tenant = generated(200);
		const chosen = directHolders(tenant, SPB).slice(0, 60);
		const {server, run} = await liveGraph(tenant, {faults: {writesPerSecond: 20, retryAfter: 1}, pageSize: 100});
		const result = await run('unassign', '--product', 'SPB', '--users', chosen.join(','), '--yes', '--json');
		expect(result.status).toBe(0);
		expect(JSON.parse(result.stdout).summary).toEqual({removed: 60, wouldRemove: 0, skipped: 0, failed: 0, notSent: 0, unknown: 0});
		expect(server.stats.throttled).toBeGreaterThan(0);
		expect(holdersIn(server, chosen, SPB)).toEqual([]);
		const [, throttled] = /60 of 60 answered by Microsoft Graph in \d+ s, (\d+) throttled and sent again\.\n$/.exec(result.stderr) ?? [];
		expect(Number(throttled)).toBe(server.stats.throttled);
	});

	it('more 429s in a row than any fixed number of retries (reads give up after 8): still sent, every one removed', async () => {
		const tenant = generated(200);
		const chosen = directHolders(tenant, SPB).slice(0, 10);
		// Retry-After: 0 is waited as a second: each of the nine 429s costs one.
		const {server, run} = await liveGraph(tenant, {faults: {throttleBatches: 9, retryAfter: 0}, pageSize: 100});
		const result = await run('unassign', '--product', 'SPB', '--users', chosen.join(','), '--yes', '--json');
		expect(result.status).toBe(0);
		expect(server.stats.throttled).toBe(9);
		expect(holdersIn(server, chosen, SPB)).toEqual([]);
	});
});

describe('stopping a run', () => {
	/** 30 users at 5 writes a second: seconds of sending, stopped part-way. */
	async function slowRun(stop: (child: ChildProcess, writes: () => number) => void, ...extra: string[]) {
		const tenant = generated(200);
		const chosen = directHolders(tenant, SPB).slice(0, 30);
		const {server, args, env} = await liveGraph(tenant, {faults: {writesPerSecond: 5, retryAfter: 1}, pageSize: 100});
		const result = await cli(args('unassign', '--product', 'SPB', '--users', chosen.join(','), '--yes', '--json', ...extra), env, child =>
			stop(child, () => server.stats.writes),
		);
		const results: Result[] = JSON.parse(result.stdout).results;
		// Exactly the users reported removed lost the license; every other one was not sent.
		const removed = removedIn(results);
		expect(removed.length).toBeGreaterThan(0);
		expect(removed.length).toBeLessThan(30);
		expect(chosen.filter(upn => !holdersIn(server, chosen, SPB).includes(upn)).sort()).toEqual([...removed].sort());
		const others = results.filter(r => r.outcome !== 'removed');
		expect(others.every(r => r.outcome === 'not-sent')).toBe(true);
		expect(result.status).toBe(3);
		return {result, others};
	}

	it('Ctrl-C: what was sent is answered, the rest reported not sent, exit 3', async () => {
		const {result, others} = await slowRun(async (child, writes) => {
			while (writes() === 0) await new Promise(resolve => setTimeout(resolve, 20));
			child.kill('SIGINT');
		});
		expect(result.stderr).toContain('m365-licenses: stopping: waiting for the answers to what was sent');
		for (const r of others) expect(r.message).toBe('Not sent: stopped (esc or Ctrl-C). Nothing was changed for this user.');
	});

	it('--max-duration: the run stops when it is reached, the rest reported not sent', async () => {
		const {others} = await slowRun(() => {}, '--max-duration', '1');
		for (const r of others) expect(r.message).toBe('Not sent: the run reached --max-duration 1. Nothing was changed for this user.');
	});
});

describe('reading for unassign', () => {
	it('100 named users, users paged 7 at a time: at most 5 requests read users, not the whole directory', async () => {
		const tenant = generated(500);
		const chosen = directHolders(tenant, SPB).slice(0, 100);
		expect(chosen).toHaveLength(100);
		const {server, run} = await liveGraph(tenant, {pageSize: 7});
		const result = await run('unassign', '--product', 'SPB', '--users', chosen.join(','), '--yes', '--json');
		expect(result.status).toBe(0);
		expect(JSON.parse(result.stdout).summary.removed).toBe(100);
		// $batch GETs of 20 users; reading every page would take 72.
		expect(server.stats.userReads).toBeLessThanOrEqual(5);
	});
});

describe.runIf(hasTmux)('progress in a terminal', () => {
	it('a line kept up to date on stderr: done, left, throttled, the rate', async () => {
		const tenant = generated(200);
		const chosen = directHolders(tenant, SPB).slice(0, 20);
		const {args, env} = await liveGraph(tenant, {faults: {writesPerSecond: 10, retryAfter: 1}, pageSize: 100});
		const session = new TmuxSession(args('unassign', '--product', 'SPB', '--users', chosen.join(','), '--yes'), env);
		try {
			await session.waitFor(/\d+\/20 done, \d+ left, \d+ throttled, \d+\.\d\/s/);
			expect(await session.exitStatus(20_000)).toBe(0);
		} finally {
			session.kill();
		}
	});
});
