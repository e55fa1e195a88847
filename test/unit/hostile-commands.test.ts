// Every subcommand on a tenant whose names attack the terminal, run in-process: what they print,
// text and JSON, on stdout and stderr, holds the payloads escaped, and the JSON holds them exactly.
import {describe, expect, it} from 'vitest';
import type {CommandIO} from '../../source/commands/io.js';
import {runCommand, type CommandValues} from '../../source/commands/run.js';
import {hostile, hostileSkuId, hostileTenant, hostileTenantFile, ordinaryName, terminalProblems} from '../helpers/hostile.js';
import {tempStateDir} from '../helpers/tenant.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function run(command: string, values: CommandValues, tenant: string, stateDir: string) {
	let out = '';
	let err = '';
	const io: CommandIO = {
		out: text => void (out += text),
		err: text => void (err += text),
		stdinIsTTY: false,
		stdoutIsTTY: false,
		// Wide, so each value is on one line here: fitting 80 columns is tested on its own.
		columns: 1000,
		env: {},
		ask: async () => 'n',
	};
	const status = await runCommand(command, values, {tenant, stateDir, reset: false}, '0.0.0', io);
	return {status, out, err};
}

describe('hostile tenant text in the subcommands', () => {
	it('licenses, users, unassign, audit and doctor: escaped in text, exact in JSON', async () => {
		const tenant = hostileTenant();
		const file = hostileTenantFile();
		const stateDir = tempStateDir();
		const holders = (tenant['users'] as Json[]).filter(u => u['assignedLicenses'].some((l: Json) => l['skuId'] === hostileSkuId));
		const runs: Array<[string, CommandValues]> = [
			['licenses', {}],
			['licenses', {json: true}],
			['users', {}],
			['users', {json: true}],
			['users', {product: hostileSkuId}],
			['unassign', {product: hostileSkuId, users: `${holders.map(u => u['userPrincipalName']).join(',')},ghost\u001b[2J@x.test\u202e`, 'dry-run': true}],
			['unassign', {product: hostileSkuId, users: holders[0]!['userPrincipalName'], yes: true, json: true}],
			['unassign', {product: hostileSkuId, users: holders[1]!['userPrincipalName'], yes: true}],
			['audit', {}],
			['audit', {json: true}],
			['doctor', {}],
			['doctor', {json: true}],
		];
		const results: Array<{status: number; out: string; err: string}> = [];
		for (const [command, values] of runs) {
			const result = await run(command, values, file, stateDir);
			expect(terminalProblems(result.out), `${command} ${JSON.stringify(values)}`).toEqual([]);
			expect(terminalProblems(result.err), `${command} ${JSON.stringify(values)}`).toEqual([]);
			results.push(result);
		}
		expect(results.map(r => r.status)).toEqual([0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0]);
		const [licenses, licensesJson, users, usersJson, holdersText, dryRun, , , auditText, auditJson, doctor, doctorJson] = results.map(r => r.out);
		expect(licenses).toContain('EVIL\\u001b]0;PWNED-TITLE\\u0007| <script>');
		expect(users).toContain(ordinaryName);
		expect(users).toContain('lee.gu\\u001b]52;c;cm0gLXJmIH4=\\u0007@contoso.com');
		// A header and the two holders: a holder's other licenses go on lines of their own.
		expect(
			holdersText!
				.trim()
				.split('\n')
				.filter(line => !line.startsWith(' ')),
		).toHaveLength(3);
		expect(dryRun).toContain('ghost\\u001b[2J@x.test\\u202e');
		expect(auditText).toContain(`megan\\u001b]52;c;cm0gLXJmIH4=\\u0007.bowen@contoso.com`);
		expect(doctor).toContain('Contoso \\u001b]0;PWNED-TITLE\\u0007\\u001b[2J\\u001b[H Ltd');
		// JSON: the same values as the tenant holds, to the character.
		expect(JSON.parse(licensesJson!).tenant.displayName).toBe(hostile.organization);
		expect(JSON.parse(licensesJson!).products.find((p: Json) => p['skuId'] === hostileSkuId).productName).toBe(hostile.product);
		expect(JSON.parse(usersJson!).users.map((u: Json) => [u['userPrincipalName'], u['displayName']])).toEqual(
			(tenant['users'] as Json[]).map(u => [u['userPrincipalName'], u['displayName']]),
		);
		expect(JSON.parse(auditJson!).entries.map((e: Json) => [e['actor'], e['userPrincipalName']])).toEqual(
			holders.map(u => [hostile.admin, u['userPrincipalName']]),
		);
		expect(JSON.parse(doctorJson!).signedInAs).toBe(hostile.admin);
	});

	it('reclaim, text and JSON: a group named to attack the terminal is escaped in the reason, exact in the JSON', async () => {
		const file = hostileTenantFile();
		const text = await run('reclaim', {}, file, tempStateDir());
		const json = await run('reclaim', {json: true}, file, tempStateDir());
		for (const result of [text, json]) {
			expect(result.status).toBe(0);
			expect(terminalProblems(result.out)).toEqual([]);
			expect(terminalProblems(result.err)).toEqual([]);
		}
		// Lidia holds Visio Plan 2 directly and through the group.
		const lidia = JSON.parse(json.out).sections[0].candidates.find((c: Json) => c['displayName'].startsWith('Lidia Holloway'));
		expect(lidia.licenses[0].viaGroups).toEqual([hostile.group]);
		expect(lidia.reason).toBe(`also through ${hostile.group}: frees no license`);
		expect(text.out).toContain('also through ');
	});
});
