// unassign in a terminal, without --yes: what will happen, and what it means, before the y/N
// question; after the answer, the one-line result (and only the users not done above it).
import {describe, expect, it} from 'vitest';
import {runCommand, type CommandValues} from '../../source/commands/run.js';
import {captureIO} from '../helpers/command-io.js';
import {tempStateDir} from '../helpers/tenant.js';

/** Runs a command in an 80-column terminal that answers `answer`: what it printed before the question and after. */
async function inTerminal(command: string, values: CommandValues, answer: string) {
	const {io, out, questions} = captureIO({terminal: true, columns: 80, answer});
	const status = await runCommand(command, values, {stateDir: tempStateDir(), reset: false}, '0.0.0', io);
	const question = questions[0] ?? '';
	const at = out().indexOf(question);
	return {status, before: out().slice(0, at), after: out().slice(at + question.length), question};
}

describe('unassign in a terminal', () => {
	it('shows the users, what they lose and what that means before the question; ends with the one-line result', async () => {
		const {status, before, after, question} = await inTerminal('unassign', {product: 'SPB', users: 'alex.wilber@contoso.com,diego.siciliani@contoso.com'}, 'y');
		expect(status).toBe(0);
		expect(question).toMatch(/\[y\/N\] $/);
		expect(before).toContain('alex.wilber@contoso.com');
		expect(before).toContain('loses the mailbox');
		expect(before).toMatch(/Mailbox: mail is kept for 30 days/);
		// What happens to each user stands just above the question, the general notes before it.
		expect(before.lastIndexOf('alex.wilber@contoso.com')).toBeGreaterThan(before.indexOf('Mailbox: mail is kept'));
		expect(before.trimEnd().split('\n').at(-1)).toMatch(/^ {4}loses Teams$/);
		expect(after.trimEnd().split('\n')).toEqual([expect.stringMatching(/^Microsoft 365 Business Premium unassigned from 2 users\.$/)]);
	});

	it('a user not done is said above the result, with why', async () => {
		const {status, after} = await inTerminal('unassign', {product: 'SPB', users: 'alex.wilber@contoso.com,megan.bowen@contoso.com'}, 'y');
		expect(status).toBe(3);
		const lines = after.trimEnd().split('\n');
		expect(lines[0]).toMatch(/^megan\.bowen@contoso\.com\s+skipped\s+/);
		expect(lines.at(-1)).toMatch(/unassigned from 1 user; 1 user skipped/);
		expect(after).not.toContain('alex.wilber');
	});
});

describe('remove-from-group in a terminal', () => {
	it('shows what will happen before the question, and ends with the one-line result', async () => {
		const {status, before, after} = await inTerminal('remove-from-group', {group: 'Visio Users', users: 'megan.bowen@contoso.com'}, 'y');
		expect(status).toBe(0);
		expect(before).toContain('megan.bowen@contoso.com');
		expect(after.trimEnd().split('\n')).toEqual(['1 user removed from Visio Users.']);
	});
});

describe('reclaim --apply in a terminal', () => {
	it('shows the sections before the question, and after a y only the one-line result when every user was done', async () => {
		const {status, before, after} = await inTerminal('reclaim', {section: 'blocked', apply: true}, 'y');
		expect(status).toBe(0);
		expect(before).toContain('ben.walters@contoso.com');
		expect(after).not.toContain('ben.walters@contoso.com');
		expect(after.trimEnd().split('\n')).toHaveLength(1);
	});
});
