// --help, drawn from the command line's shape (command-line.ts) in the words of the language in
// use: the list of commands a line each, or one command's usage, options, two examples and exit
// codes. Laid out for 80 columns: a flag's words wrap beside it, never past the edge.
import {changing, commands, global, type Command, type Option} from './command-line.js';
import {strings} from '../text/index.js';
import {textWidth, wrapPlain} from './wrap.js';

const width = 80;
/** The commands that can read many tenants, and so end partly done. */
const commandsOfAllTenants = (Object.keys(commands) as Command[]).filter(name => name === 'tenants' || commands[name].includes('all-tenants'));
/** Where the words beside a flag or a command start. */
const column = 22;

/** A name and its words, two columns; a name too long for its column has its words on the lines below. */
function entry(name: string, words: string): string[] {
	const lines = wrapPlain(words, width - column);
	const head = `  ${name}`;
	const indent = ' '.repeat(column);
	if (textWidth(head) + 1 >= column) return [head, ...lines.map(line => indent + line)];
	return [head.padEnd(column) + lines[0], ...lines.slice(1).map(line => indent + line)];
}

const flagName = (flag: Option) => {
	const [value] = strings.cli.help.flags[flag];
	const short = flag === 'help' ? '-h, ' : flag === 'version' ? '-v, ' : '';
	return `${short}--${flag}${value ? ` ${value}` : ''}`;
};
const flagEntry = (flag: Option) => entry(flagName(flag), strings.cli.help.flags[flag][1]);
const paragraph = (text: string) => wrapPlain(text, width);

/** The usage line, its shape going on under the command when it does not fit. */
function usageLines(command: string, shape: string): string[] {
	const head = strings.cli.help.usage(command, '');
	const lines = wrapPlain(shape, width - textWidth(head) - 1);
	return [`${head} ${lines[0] ?? ''}`.trimEnd(), ...lines.slice(1).map(line => ' '.repeat(textWidth(head) + 1) + line)];
}

/**
 * An example as it is typed, and still so when copied: a line too long goes on after a backslash,
 * broken between words and never inside quotes.
 */
function exampleLines(example: string): string[] {
	const words = example.match(/"[^"]*"|'[^']*'|\S+/g) ?? [];
	const lines: string[] = [];
	let line = '';
	for (const word of words) {
		const indent = lines.length === 0 ? 2 : 4;
		if (line && indent + textWidth(line) + 1 + textWidth(word) + 2 > width) {
			lines.push(line);
			line = word;
		} else line = line ? `${line} ${word}` : word;
	}
	lines.push(line);
	return lines.map((text, i) => `${i === 0 ? '  ' : '    '}${text}${i < lines.length - 1 ? ' \\' : ''}`);
}

/** A command's exit codes: 3 is a change partly done, or some tenants not read. */
function exitCodesOf(command: Command): string {
	const codes = strings.cli.help.exitCodes;
	if (changing.includes(command)) return codes.change;
	return commandsOfAllTenants.includes(command) ? codes.tenants : codes.read;
}

/** The help for `command` (null: every command, a line each, and the global options). */
export function helpText(command: Command | null): string {
	const help = strings.cli.help;
	if (command === null) {
		return [
			...usageLines(help.anyCommand, help.shapes['']),
			'',
			...paragraph(help.about),
			'',
			help.commandsTitle,
			...(Object.keys(commands) as Command[]).flatMap(name => entry(name === '' ? help.commands[''].name : name, help.commands[name].summary)),
			'',
			help.optionsTitle,
			...global.flatMap(flagEntry),
			'',
			...paragraph(help.exitCodes.change),
			...paragraph(help.more),
		].join('\n');
	}
	const own = commands[command];
	return [
		...usageLines(command, help.shapes[command]),
		'',
		...paragraph(help.commands[command].about),
		...(own.length > 0 ? ['', help.commandOptionsTitle, ...own.flatMap(flagEntry)] : []),
		'',
		...paragraph(help.alsoGlobal),
		'',
		help.examplesTitle,
		...help.examples[command].flatMap(exampleLines),
		'',
		...paragraph(exitCodesOf(command)),
	].join('\n');
}
