// A user skipped is told why in words, the same in --json's `message` as beside them in the text:
// a group holder's names the group, in both.
import {describe, expect, it} from 'vitest';
import {runCommand, type CommandValues} from '../../source/commands/run.js';
import {captureIO} from '../helpers/command-io.js';
import {tempStateDir} from '../helpers/tenant.js';

async function run(command: string, values: CommandValues) {
	const {io, out} = captureIO();
	await runCommand(command, values, {stateDir: tempStateDir(), reset: false}, '0.0.0', io);
	return out();
}

const flat = (text: string) => text.replace(/\s+/g, ' ');

describe.each([
	['unassign', {product: 'VISIOCLIENT', users: 'megan.bowen@contoso.com,adele.vance@contoso.com,nobody@contoso.com', 'dry-run': true}, 'Visio Users'],
	['remove-from-group', {group: 'Visio Users', users: 'megan.bowen@contoso.com,adele.vance@contoso.com,nobody@contoso.com', 'dry-run': true}, null],
] as const)("%s: a dry run's skipped users", (command, values, group) => {
	it('carry their reason in words in --json, and the text says the same words', async () => {
		const json = JSON.parse(await run(command, {...values, json: true})) as {
			results: Array<{userPrincipalName: string; outcome: string; reason: string | null; message: string | null}>;
		};
		const skipped = json.results.filter(r => r.outcome === 'skipped');
		expect(skipped.length).toBeGreaterThanOrEqual(2);
		const text = flat(await run(command, values));
		for (const result of skipped) {
			expect(result.message, result.userPrincipalName).toEqual(expect.any(String));
			expect(text).toContain(flat(result.message!));
		}
		if (group) expect(skipped.find(r => r.reason === 'group-assigned')?.message).toContain(group);
	});
});

describe.each([
	['unassign', {product: 'SPB'}, 'alex.wilber@contoso.com'],
	['remove-from-group', {group: 'Visio Users'}, 'megan.bowen@contoso.com'],
] as const)('%s: names that match nobody among the users', (command, values, leaving) => {
	const users = `ghost@contoso.com,${leaving},GHOST@contoso.com,adele.vance@contoso.com,spook@contoso.com`;

	it('are reported once each, where they were given, and audited as skipped when the change is made', async () => {
		const stateDir = tempStateDir();
		const {io, out} = captureIO();
		await runCommand(command, {...values, users, yes: true, json: true}, {stateDir, reset: false}, '0.0.0', io);
		const results = (JSON.parse(out()) as {results: Array<{userPrincipalName: string; reason: string | null}>}).results;
		expect(results.map(r => r.userPrincipalName)).toEqual(['ghost@contoso.com', leaving, 'adele.vance@contoso.com', 'spook@contoso.com']);
		expect(results.filter(r => r.reason === 'user-not-found').map(r => r.userPrincipalName)).toEqual(['ghost@contoso.com', 'spook@contoso.com']);
		const audit = captureIO();
		await runCommand('audit', {json: true}, {stateDir, reset: false}, '0.0.0', audit.io);
		const entries = (JSON.parse(audit.out()) as {entries: Array<{userPrincipalName: string; reason: string | null}>}).entries;
		expect(entries.filter(e => e.reason === 'user-not-found').map(e => e.userPrincipalName)).toEqual(['ghost@contoso.com', 'spook@contoso.com']);
	});
});
