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
