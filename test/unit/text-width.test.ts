// Every subcommand's text output fits the terminal's width (80 when stdout is not a terminal), and
// is broken only between words: the words at 60 and 80 columns are the words at 400.
import {describe, expect, it} from 'vitest';
import stringWidth from 'string-width';
import {fitLines} from '../../source/commands/io.js';
import {runCommand, type CommandValues} from '../../source/commands/run.js';
import {captureIO} from '../helpers/command-io.js';
import {tempStateDir} from '../helpers/tenant.js';

async function text(command: string, values: CommandValues, columns: number | undefined, stateDir = tempStateDir()) {
	const {io, out} = captureIO({columns});
	await runCommand(command, values, {stateDir, reset: false}, '0.0.0', io);
	return out();
}

const words = (output: string) => output.split(/\s+/).filter(Boolean).sort();

const cases: Array<[string, CommandValues]> = [
	['licenses', {}],
	['users', {}],
	['users', {product: 'SPB'}],
	['reclaim', {}],
	['reclaim', {section: 'inactive', 'inactive-days': '30'}],
	['unassign', {product: 'ENTERPRISEPACK', users: 'megan.bowen@contoso.com,allan.deyoung@contoso.com,nobody@contoso.com', 'dry-run': true}],
	['unassign', {product: 'VISIOCLIENT', users: 'megan.bowen@contoso.com,lidia.holloway@contoso.com', 'dry-run': true}],
	['remove-from-group', {group: 'Visio Users', users: 'megan.bowen@contoso.com,johanna.lorenz@contoso.com', 'dry-run': true}],
	['doctor', {}],
];

describe('text output fits the width, broken between words only', () => {
	it.each(cases)('%s %j', async (command, values) => {
		const wide = await text(command, values, 400);
		for (const columns of [60, 80, undefined]) {
			const output = await text(command, values, columns);
			const widest = Math.max(...output.split('\n').map(line => stringWidth(line)));
			expect(widest, `${command} at ${columns ?? 'no terminal'}`).toBeLessThanOrEqual(columns ?? 80);
			// doctor names temporary folders, another for each run: compared on its own run's words.
			if (command !== 'doctor') expect(words(output)).toEqual(words(wide));
		}
	});

	it('audit, after a change, fits too', async () => {
		const stateDir = tempStateDir();
		await text('unassign', {product: 'SPB', users: 'alex.wilber@contoso.com', yes: true}, undefined, stateDir);
		const output = await text('audit', {}, 60, stateDir);
		expect(output).toContain('alex.wilber@contoso.com');
		expect(Math.max(...output.split('\n').map(line => stringWidth(line)))).toBeLessThanOrEqual(60);
	});

	it('a line no renderer wrapped goes on under its last column, between words', () => {
		const row = `user@contoso.com  skipped  ${'licensed through a group with a long name, '.repeat(3).trim()}`;
		const lines = fitLines(row, 60).split('\n');
		expect(lines.length).toBeGreaterThan(1);
		for (const line of lines) expect(line.length).toBeLessThanOrEqual(60);
		expect(lines.slice(1).every(line => line.startsWith(' '.repeat('user@contoso.com  skipped  '.length)))).toBe(true);
		expect(words(lines.join('\n'))).toEqual(words(row));
	});
});
