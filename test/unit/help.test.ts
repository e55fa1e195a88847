// --help: the commands a line each; each command's own help with its flags, two examples and exit
// codes; all of it within 80 columns, in every language.
import {afterEach, describe, expect, it} from 'vitest';
import stringWidth from 'string-width';
import {changing, commands, global, type Command} from '../../source/present/command-line.js';
import {helpText} from '../../source/present/help.js';
import {languageIds, setLanguage, strings} from '../../source/text/index.js';

afterEach(() => setLanguage('en'));
const names = Object.keys(commands) as Command[];
const widest = (text: string) => Math.max(...text.split('\n').map(line => stringWidth(line)));

describe.each(languageIds)('--help in %s', language => {
	it('lists every command on one line of its own, within 80 columns', () => {
		setLanguage(language);
		const help = helpText(null);
		expect(widest(help)).toBeLessThanOrEqual(80);
		for (const name of names) {
			const shown = name === '' ? strings.cli.help.commands[''].name : name;
			const lines = help.split('\n').filter(line => line.startsWith(`  ${shown} `));
			expect(lines, name).toHaveLength(1);
			// The next line is the next command's (or the end of the list), not this one's words going on.
			const next = help.split('\n')[help.split('\n').indexOf(lines[0]!) + 1]!;
			expect(next, name).toMatch(/^( {2}\S|$)/);
		}
		for (const flag of global) expect(help).toContain(`--${flag}`);
	});

	it.each(names)('%s --help: its flags, two examples and its exit codes, within 80 columns', command => {
		setLanguage(language);
		const help = helpText(command);
		expect(widest(help)).toBeLessThanOrEqual(80);
		for (const flag of commands[command]) expect(help).toMatch(new RegExp(`^ {2}--${flag}\\b`, 'm'));
		const examples = help.split('\n').filter(line => /^ {2}m365-licenses\b/.test(line));
		expect(examples).toHaveLength(2);
		// 3 is a change partly done, or (reading many tenants) some tenants not read.
		const codes = strings.cli.help.exitCodes;
		const expected = changing.includes(command)
			? codes.change
			: command === 'tenants' || commands[command].includes('all-tenants')
				? codes.tenants
				: codes.read;
		expect(help.replace(/\s+/g, ' ')).toContain(expected);
	});
});
