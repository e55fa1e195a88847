// A write whose answer is lost may have been carried out: the users concerned are read back and
// reported as Graph holds them, never "Nothing was changed" without knowing. Against the local test
// server, through the built app once, and through the store and the backend for the rest.
import {describe, expect, it} from 'vitest';
import {GraphTenant} from '../../source/backends/graph/graph-tenant.js';
import {planUnassign} from '../../source/domain/plan.js';
import {openStateFile} from '../../source/store/state-file.js';
import {openStore} from '../../source/store/store.js';
import type {Faults} from '../fixtures/graph-server.js';
import {directHolders, generated, holdersIn, liveGraph, SPB} from '../helpers/graph.js';
import {tempStateDir} from '../helpers/tenant.js';

/** The audit log as saved. */
const auditOf = (stateDir: string): Array<{userPrincipalName: string; outcome: string}> => openStateFile(stateDir).audit().entries;

/** Unassigns Business Premium from some of its holders, as `unassign --graph` does, in this process. */
async function unassign(faults: Faults, users: number, timeoutMs?: number) {
	const tenant = generated(200);
	const chosen = directHolders(tenant, SPB).slice(0, users);
	const {server} = await liveGraph(tenant, {faults, pageSize: 100});
	const stateDir = tempStateDir();
	const backend = new GraphTenant({base: server.url, token: async () => server.token, source: server.url, users: chosen, timeoutMs});
	const store = await openStore({backend, stateFile: openStateFile(stateDir)});
	const outcomes = await store.apply(planUnassign(store.getState().tenant, chosen, [SPB]));
	return {server, chosen, outcomes, audit: auditOf(stateDir)};
}

describe('answers lost after Graph carried the writes out', () => {
	it('a 504 after the batch was carried out: read back, reported removed, exit 0 (the built app)', async () => {
		const tenant = generated(200);
		const chosen = directHolders(tenant, SPB).slice(0, 30);
		const {server, run, stateDir} = await liveGraph(tenant, {faults: {applyThen504: 1}, pageSize: 100});
		const result = await run('unassign', '--product', 'SPB', '--users', chosen.join(','), '--yes', '--json');
		expect(result.status).toBe(0);
		expect(result.stdout).not.toContain('Nothing was changed');
		expect(JSON.parse(result.stdout).summary).toEqual({removed: 30, wouldRemove: 0, skipped: 0, failed: 0, notSent: 0, unknown: 0});
		expect(holdersIn(server, chosen, SPB)).toEqual([]);
		expect(
			auditOf(stateDir)
				.filter(e => e.outcome === 'removed')
				.map(e => e.userPrincipalName)
				.sort(),
		).toEqual([...chosen].sort());
	});

	it.each([
		[
			'sub-responses left out of the $batch answer',
			{dropSubResponses: 3},
			undefined,
			/^Graph's answer was lost \(Graph's answer to the batch left this request out\); read back: the license is gone\.$/,
		],
		[
			'no answer at all (the request times out)',
			{hangBatches: 1},
			1000,
			/^Graph's answer was lost \(no answer within 1 s \(--request-timeout\)\.\); read back: the license is gone\.$/,
		],
	] as Array<[string, Faults, number | undefined, RegExp]>)('%s: read back, reported removed', async (_case, faults, timeoutMs, message) => {
		const {server, chosen, outcomes, audit} = await unassign(faults, 30, timeoutMs);
		expect(outcomes.map(o => o.outcome)).toEqual(chosen.map(() => 'removed'));
		expect(outcomes.filter(o => o.message !== null).length).toBeGreaterThan(0);
		for (const o of outcomes.filter(o => o.message !== null)) expect(o.message).toMatch(message);
		expect(holdersIn(server, chosen, SPB)).toEqual([]);
		// The audit log says what Graph did.
		expect(
			audit
				.filter(e => e.outcome === 'removed')
				.map(e => e.userPrincipalName)
				.sort(),
		).toEqual([...chosen].sort());
	});
});

describe('answers lost before Graph carried the writes out', () => {
	it('a 504 from a gateway that gave up first: read back, reported not removed', async () => {
		const {server, chosen, outcomes} = await unassign({gatewayTimeoutBatches: 1}, 8);
		// The first batch (the first few users) was lost; the rest went through.
		const notRemoved = outcomes.filter(o => o.outcome === 'failed');
		expect(notRemoved.length).toBeGreaterThan(0);
		for (const o of notRemoved)
			expect(o.message).toMatch(/^Not removed: Graph's answer was lost \(answered 504: .*\); read back, the user still has the license\.$/);
		expect(holdersIn(server, chosen, SPB).sort()).toEqual(notRemoved.map(o => o.userPrincipalName).sort());
	});

	it('Graph goes away mid-run, so reading back fails too: unknown, not failed, saying so', async () => {
		const {server, chosen, outcomes} = await unassign({goneAtFirstWrite: true}, 3, 1000);
		for (const o of outcomes) {
			expect(o.outcome).toBe('unknown');
			expect(o.message).toBe(
				`Unknown: Graph's answer was lost (no answer within 1 s (--request-timeout).), and reading the user back failed too (no answer within 1 s (--request-timeout).). Check them in the Microsoft 365 admin center.`,
			);
		}
		expect(holdersIn(server, chosen, SPB)).toHaveLength(3);
	});
});

describe('outcomes not known until the next start', () => {
	it('Graph breaks mid-run (a 502 after the writes, and on every request after): --json still says each user, unknown, exit 3; the next start reads them back and records what was done', async () => {
		const tenant = generated(200);
		const chosen = directHolders(tenant, SPB).slice(0, 30);
		const {server, run} = await liveGraph(tenant, {faults: {brokenAfterFirstWrite: true}, pageSize: 100});
		const result = await run('unassign', '--product', 'SPB', '--users', chosen.join(','), '--yes', '--json');
		expect(result.status).toBe(3);
		const data = JSON.parse(result.stdout);
		expect(data.results).toHaveLength(30);
		expect(data.summary).toMatchObject({removed: 0, failed: 0, notSent: 0, unknown: 30});
		for (const r of data.results) expect(r).toMatchObject({outcome: 'unknown', message: expect.stringMatching(/^Unknown: /)});
		// Graph mends; the next command reads those users back and settles them, in the audit log.
		server.faults.brokenAfterFirstWrite = false;
		const done = chosen.length - holdersIn(server, chosen, SPB).length;
		expect(done).toBeGreaterThan(0);
		const next = await run('licenses', '--json');
		expect(next.status).toBe(0);
		expect(next.stderr).toContain(`was settled: ${done} done, ${30 - done} not done`);
		const audit = JSON.parse((await run('audit', '--json')).stdout).entries as Array<{userPrincipalName: string; outcome: string; reason: string | null}>;
		expect(audit.filter(e => e.outcome === 'unknown')).toHaveLength(30);
		const settled = audit.filter(e => e.reason === 'found-after-interruption').map(e => e.userPrincipalName);
		expect(settled.sort()).toEqual(chosen.filter(upn => !holdersIn(server, chosen, SPB).includes(upn)).sort());
		// Settled once: a third start has nothing left to settle.
		expect((await run('licenses', '--json')).stderr).not.toContain('was settled');
	});
});
