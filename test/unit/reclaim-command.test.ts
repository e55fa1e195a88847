// reclaim, run in-process as the command line runs it: the demo, a live tenant on the local Graph
// (with and without sign-in activity), and --apply with unassign's results and exit codes.
import {readFileSync} from 'node:fs';
import {afterEach, describe, expect, it} from 'vitest';
import type {CommandIO} from '../../source/commands/io.js';
import type {GlobalOptions} from '../../source/open-tenant.js';
import {runCommand, type CommandValues} from '../../source/commands/run.js';
import type {Tenant} from '../../source/domain/model.js';
import {demoTenantPath} from '../../source/paths.js';
import {startGraphServer, type Faults, type GraphServer} from '../fixtures/graph-server.js';
import {strings} from '../../source/text/index.js';
import {expectShape} from '../helpers/schema.js';
import {tempStateDir} from '../helpers/tenant.js';

async function run(values: CommandValues, globals: Partial<GlobalOptions> = {}, env: NodeJS.ProcessEnv = {}, command = 'reclaim', answer?: string) {
	let out = '';
	let err = '';
	const terminal = answer !== undefined;
	const io: CommandIO = {
		out: text => void (out += text),
		err: text => void (err += text),
		stdinIsTTY: terminal,
		stdoutIsTTY: terminal,
		env,
		ask: async question => {
			out += question;
			return answer ?? 'n';
		},
	};
	let status: number;
	try {
		status = await runCommand(command, values, {stateDir: tempStateDir(), reset: false, ...globals}, '0.0.0', io);
	} catch (error) {
		return {status: (error as {exitCode?: number}).exitCode ?? -1, out, err: (error as Error).message};
	}
	return {status, out, err};
}

type Json = {
	sections: Array<{
		id: string;
		users: number;
		licenses: number;
		unavailable: {source: string; text: string} | null;
		candidates: Array<{
			userPrincipalName: string;
			reason: string;
			mailbox: string | null;
			lastSignIn: string | null;
			licenses: Array<{skuPartNumber: string; offered: boolean}>;
		}>;
	}>;
};
const section = (data: Json, id: string) => data.sections.find(s => s.id === id)!;
const upns = (data: Json, id: string) => section(data, id).candidates.map(c => c.userPrincipalName);

describe('reclaim on the demo', () => {
	it('--json: the documented shape; each section with believable candidates, reasons and consequences', async () => {
		const result = await run({json: true});
		expect(result.err).toBe('');
		expect(result.status).toBe(0);
		const data = JSON.parse(result.out) as Json;
		expectShape('reclaim', data);
		expect(data.sections.map(s => s.id)).toEqual(['redundant', 'blocked', 'inactive']);
		expect(upns(data, 'redundant')).toEqual([
			'nestor.wilke@contoso.com',
			'lidia.holloway@contoso.com',
			'miriam.graham@contoso.com',
			'lynne.robbins@contoso.com',
		]);
		expect(section(data, 'redundant').candidates[0]!.reason).toBe('comes with Office 365 E3');
		expect(section(data, 'redundant').candidates[1]!.reason).toBe('also through Visio Users: frees no license');
		const allan = section(data, 'blocked').candidates.find(c => c.userPrincipalName === 'allan.deyoung@contoso.com')!;
		expect(allan.mailbox).toBe('The mailbox is on litigation hold: as a shared mailbox it still needs Exchange Online (Plan 2).');
		const ben = section(data, 'blocked').candidates.find(c => c.userPrincipalName === 'ben.walters@contoso.com')!;
		expect(ben.mailbox).toBe(strings.reclaim.mailbox.shared);
		// The demo's dates are fixed: these three have been away for more than 90 days since November 2026.
		expect(upns(data, 'inactive')).toEqual(expect.arrayContaining(['viktor.petrov@contoso.com', 'emeka.okafor@contoso.com', 'wanda.reyes@contoso.com']));
		expect(upns(data, 'inactive')).not.toContain('allan.deyoung@contoso.com');
	});

	it('--section, --inactive-days and the plain-text listing', async () => {
		const blocked = await run({section: 'blocked'});
		expect(blocked.status).toBe(0);
		// Wrapped to 80 columns (no terminal): the heading goes on over two lines.
		expect(blocked.out.replace(/\s+/g, ' ')).toMatch(
			/^Sign-in blocked: 4 licenses from 4 users · frees 1 Office 365 E3, 2 Microsoft 365 Business Premium, 1 Microsoft 365 Business Basic /,
		);
		expect(blocked.out).toContain('allan.deyoung@contoso.com  Office 365 E3');
		expect(blocked.out).toContain('      loses the mailbox');
		expect(blocked.out).not.toContain('Redundant');
		const days = JSON.parse((await run({json: true, section: 'inactive', 'inactive-days': '36500'})).out);
		expect(days).toMatchObject({inactiveDays: 36500, sections: [{id: 'inactive', candidates: []}]});
		const both = JSON.parse((await run({json: true, section: 'inactive, REDUNDANT'})).out) as Json;
		expect(both.sections.map(s => s.id)).toEqual(['redundant', 'inactive']);
	});

	it("--apply --yes: the section offered unassigned, with unassign's results and exit code; then nothing is left", async () => {
		const stateDir = tempStateDir();
		const result = await run({section: 'redundant', apply: true, yes: true, json: true}, {stateDir});
		expect(result.err).toBe('');
		expect(result.status).toBe(0);
		const data = JSON.parse(result.out);
		expectShape('reclaim-apply', data);
		expect(data.summary).toEqual({removed: 4, skipped: 0, failed: 0, notSent: 0, unknown: 0, licenses: 4});
		expect(data.results[0]).toMatchObject({
			userPrincipalName: 'nestor.wilke@contoso.com',
			outcome: 'removed',
			consequences: [{kind: 'none', text: 'loses no mailbox, OneDrive, Office apps or Teams'}],
			products: [{skuPartNumber: 'EXCHANGESTANDARD', outcome: 'removed'}],
		});
		const after = JSON.parse((await run({json: true, section: 'redundant'}, {stateDir})).out);
		expect(after.sections[0].candidates).toEqual([]);
		const audit = JSON.parse((await run({json: true}, {stateDir}, {}, 'audit')).out);
		expect(audit.entries.filter((e: {action: string}) => e.action === 'unassign')).toHaveLength(4);
	});

	it('--apply in a terminal without --yes: the candidates, then y/N; n changes nothing (exit 1), y unassigns', async () => {
		const stateDir = tempStateDir();
		const no = await run({section: 'redundant', apply: true}, {stateDir}, {}, 'reclaim', 'n');
		expect(no.status).toBe(1);
		expect(no.out).toMatch(/^Redundant: 4 licenses from 4 users[\s\S]*Unassign 4 licenses from 4 users\? \[y\/N\] $/);
		expect(no.err).toContain('cancelled. Nothing was changed.');
		expect(JSON.parse((await run({json: true, section: 'redundant'}, {stateDir})).out).sections[0].candidates).toHaveLength(4);
		const yes = await run({section: 'redundant', apply: true}, {stateDir}, {}, 'reclaim', 'y');
		expect(yes.status).toBe(0);
		// After the answer, only the one-line result: every user was done.
		expect(yes.out).toMatch(/\[y\/N\] 4 licenses unassigned from 4 users\.\n$/);
	});

	it('--apply in plain text: a line per user with what they lose, and the summary', async () => {
		const result = await run({section: 'blocked', apply: true, yes: true});
		expect(result.status).toBe(0);
		expect(result.out).toMatch(/^allan\.deyoung@contoso\.com\s+removed\n {4}loses the mailbox/);
		expect(result.out.trim().split('\n').at(-1)).toBe('4 licenses unassigned from 4 users.');
	});

	it('refusals: without --yes and no terminal (2), a section or days that are not (2), --apply without --section (2), a read-only admin (1)', async () => {
		const refused = await run({section: 'blocked', apply: true});
		expect(refused).toMatchObject({status: 2, err: expect.stringContaining('refusing to unassign without confirmation')});
		expect(await run({section: 'everyone'})).toMatchObject({status: 2, err: expect.stringContaining('--section everyone: use redundant, blocked or inactive')});
		expect(await run({section: ','})).toMatchObject({status: 2});
		expect(await run({'inactive-days': '-3'})).toMatchObject({status: 2, err: expect.stringContaining('--inactive-days -3')});
		expect(await run({'inactive-days': '9x'})).toMatchObject({status: 2});
		expect(await run({apply: true, yes: true})).toMatchObject({status: 2, err: expect.stringContaining('--apply needs --section')});
		expect(await run({yes: true})).toMatchObject({status: 2, err: expect.stringContaining('--yes goes with --apply')});
		const reader = await run({section: 'redundant', apply: true, yes: true}, {actAs: 'patti.fernandez@contoso.com'});
		expect(reader.status).toBe(1);
		expect(reader.err).toContain('may not unassign licenses');
	});
});

const servers: GraphServer[] = [];
afterEach(async () => {
	await Promise.all(servers.splice(0).map(server => server.close()));
});

async function live(faults: Faults = {}) {
	const server = await startGraphServer(JSON.parse(readFileSync(demoTenantPath, 'utf8')) as Tenant, {pageSize: 20, faults});
	servers.push(server);
	const stateDir = tempStateDir();
	return (values: CommandValues) => run(values, {graph: true, graphEndpoint: server.url, stateDir}, {M365_LICENSES_GRAPH_TOKEN: server.token});
}

describe('reclaim on a live tenant (local Graph)', () => {
	it('reads signInActivity with every user; one who never signed in (Graph leaves it out) counts from when they were created', async () => {
		const result = await (await live())({json: true});
		expect(result.err).toBe('');
		const data = JSON.parse(result.out) as Json;
		expect(section(data, 'inactive').unavailable).toBeNull();
		expect(upns(data, 'inactive')).toEqual(expect.arrayContaining(['viktor.petrov@contoso.com', 'wanda.reyes@contoso.com']));
		expect(section(data, 'inactive').candidates.find(c => c.userPrincipalName === 'viktor.petrov@contoso.com')!.reason).toBe(
			'no sign-in recorded since it was created on 2026-02-16',
		);
		expect(upns(data, 'redundant')).toContain('nestor.wilke@contoso.com');
	});

	it.each([
		['no-premium', "Neither tenant is B2C or tenant doesn't have premium license"],
		['no-permission', 'Insufficient privileges to complete the operation.'],
	] as const)(
		'Graph refuses signInActivity (%s): the inactive section says why, the others are shown; --apply on it changes nothing',
		async (fault, message) => {
			const reclaim = await live({signInActivity: fault});
			const result = await reclaim({json: true});
			expect(result.status).toBe(0);
			const data = JSON.parse(result.out) as Json;
			expectShape('reclaim', data);
			expect(section(data, 'inactive').unavailable).toEqual({source: 'graph', text: expect.stringContaining(message)});
			expect(section(data, 'inactive').unavailable!.text).toContain('It needs the AuditLog.Read.All permission and Microsoft Entra ID P1 or P2.');
			expect(upns(data, 'blocked')).toHaveLength(4);
			const applied = await reclaim({section: 'inactive', apply: true, yes: true});
			expect(applied.status).toBe(1);
			expect(applied.err).toContain('Nothing was changed');
		},
	);
});
