// A write whose answer is lost may have been carried out: the users concerned are read back and
// reported as Graph holds them, never "Nothing was changed" without knowing. Through the bundle.
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import type {Faults} from '../fixtures/graph-server.js';
import {directHolders, generated, holdersIn, liveGraph, SPB} from '../helpers/graph.js';

interface Result {
	userPrincipalName: string;
	outcome: string;
	message: string | null;
}

async function unassign(faults: Faults, users: number, ...extra: string[]) {
	const tenant = generated(200);
	const chosen = directHolders(tenant, SPB).slice(0, users);
	const live = await liveGraph(tenant, {faults, pageSize: 100});
	const result = await live.run('unassign', '--product', 'SPB', '--users', chosen.join(','), '--yes', '--json', ...extra);
	const results: Result[] = JSON.parse(result.stdout).results;
	// The audit log as written, one JSON line per entry.
	const audit: Array<{userPrincipalName: string; outcome: string}> = readFileSync(join(live.stateDir, 'audit.jsonl'), 'utf8')
		.split('\n')
		.filter(Boolean)
		.map(line => JSON.parse(line));
	return {...live, chosen, result, results, audit};
}

describe('answers lost after Graph carried the writes out', () => {
	it.each([
		['sub-responses left out of the $batch answer', {dropSubResponses: 3}, []],
		['a 504 after the batch was carried out', {applyThen504: 1}, []],
		['no answer at all (the request times out)', {hangBatches: 1}, ['--request-timeout', '1']],
	] as Array<[string, Faults, string[]]>)('%s: read back, reported removed, exit 0', async (_case, faults, extra) => {
		const {server, chosen, result, results, audit} = await unassign(faults, 30, ...extra);
		expect(result.stderr).not.toContain('Nothing was changed');
		expect(result.status).toBe(0);
		expect(results.map(r => r.outcome)).toEqual(chosen.map(() => 'removed'));
		expect(holdersIn(server, chosen, SPB)).toEqual([]);
		// The audit log says what Graph did.
		expect(audit.filter(e => e.outcome === 'removed').map(e => e.userPrincipalName).sort()).toEqual([...chosen].sort());
	});
});

describe('answers lost before Graph carried the writes out', () => {
	it('a 504 from a gateway that gave up first: read back, reported not removed, exit 3', async () => {
		const {server, chosen, result, results} = await unassign({gatewayTimeoutBatches: 1}, 8);
		expect(result.status).toBe(3);
		// The first batch (the first few users) was lost; the rest went through.
		const notRemoved = results.filter(r => r.outcome === 'failed');
		expect(notRemoved.length).toBeGreaterThan(0);
		for (const r of notRemoved) expect(r.message).toMatch(/^Not removed: Graph's answer was lost \(answered 504: .*\); read back, the user still has the license\.$/);
		expect(holdersIn(server, chosen, SPB).sort()).toEqual(notRemoved.map(r => r.userPrincipalName).sort());
	});

	it('Graph goes away mid-run, so reading back fails too: unknown, saying so, exit 3', async () => {
		const {server, chosen, result, results} = await unassign({goneAtFirstWrite: true}, 3, '--request-timeout', '1');
		expect(result.status).toBe(3);
		for (const r of results) {
			expect(r.outcome).toBe('failed');
			expect(r.message).toBe(
				`Unknown: Graph's answer was lost (no answer within 1 s (--request-timeout).), and reading the user back failed too (no answer within 1 s (--request-timeout).). Check them in the Microsoft 365 admin center.`,
			);
		}
		expect(holdersIn(server, chosen, SPB)).toHaveLength(3);
	});
});
