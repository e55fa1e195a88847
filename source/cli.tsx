// Entry point: parse the command line, then run a subcommand (plain stdout, no Ink) or the TUI.
import {createInterface} from 'node:readline/promises';
import {parseArgs} from 'node:util';
import packageJson from '../package.json' with {type: 'json'};
import {UserError} from './errors.js';
import type {CommandIO} from './commands/io.js';
import {terminalLines, terminalText} from './present/text-safety.js';
import {languageIds, setLanguage, strings, type Language} from './text/index.js';
import {chooseLanguage, flagValue, langFlag, type LanguageChoice} from './text/language.js';
import {homesOf} from './paths.js';
import {readPreferences, withPreferences} from './store/preferences.js';
import {resolveStateDir} from './store/state-dir.js';
import {exitAfterOutput} from './exit-after-output.js';
import {commands, global, isCommand, options, withArguments, type Option} from './present/command-line.js';
import {helpText} from './present/help.js';

// Read before parsing, so that even a command line that does not parse can be debugged.
const debug = process.argv.slice(2).includes('--debug');
/** Set while the TUI runs: an error is reported on the normal screen, after it has left its own. */
let tui: typeof import('./tui.js') | undefined;

/** Set once an error is said: the run is ending, and says nothing more. */
let failed = false;

/**
 * Every error ends here: one line naming what is wrong (and, for a user's mistake, the file, flag
 * or field), safe for the terminal whatever a tenant or a server put in it; the stack only with
 * --debug. The process ends once what it wrote before has been read.
 */
function fail(message: string, exitCode: number, error?: unknown): void {
	if (failed) return;
	failed = true;
	tui?.leaveAlternateScreen();
	process.stderr.write(`m365-licenses: ${terminalText(message.trim().replace(/\s*\n\s*/g, ' '))}\n`);
	if (debug && error instanceof Error && error.stack) process.stderr.write(`${terminalLines(error.stack)}\n`);
	exitAfterOutput(exitCode);
}

function crash(error: unknown): void {
	if (error instanceof UserError) fail(error.message, error.exitCode, error);
	else fail(strings.cli.unexpected(error instanceof Error ? error.message : String(error), debug), 1, error);
}

const usageError = (message: string): never => {
	throw new UserError(strings.cli.usageError(message), 2);
};

/**
 * The language, chosen before anything is said: --help and a command line that does not parse speak
 * it too. A --lang (or M365_LICENSES_LANG) that names no language is a usage error, said in English.
 */
function speak(argv: readonly string[], preferred: Language | undefined): LanguageChoice {
	const choice = chooseLanguage(langFlag(argv), process.env, preferred);
	if ('bad' in choice) return usageError(strings.cli.badLanguage(choice.bad, choice.value, languageIds));
	setLanguage(choice.id);
	return choice;
}

/**
 * What parseArgs refused, in the language in use and naming the flag: Node says it in English only
 * (with advice on '--' about positionals, which only confuses here). The command line is read again,
 * leniently, to find the flag at fault.
 */
function argumentError(argv: string[]): string {
	const {tokens} = parseArgs({args: argv, options, allowPositionals: true, strict: false, tokens: true});
	for (const token of tokens) {
		if (token.kind !== 'option') continue;
		if (!Object.hasOwn(options, token.name)) return strings.cli.unknownOption(token.rawName);
		const {type} = options[token.name as Option];
		if (type === 'boolean' && token.value !== undefined) return strings.cli.takesNoValue(token.name);
		if (type === 'string' && token.value === undefined) return strings.cli.needsValue(token.name);
		if (type === 'string' && !token.inlineValue && token.value?.startsWith('-')) return strings.cli.flagAsValue(token.name, token.value);
	}
	return strings.cli.unreadable;
}

/** A subcommand's terminal: stdout for data, stderr for messages and progress, Ctrl-C while it changes, y/N. */
function processIO(): CommandIO {
	return {
		out: text => process.stdout.write(text),
		err: text => process.stderr.write(text),
		stdinIsTTY: Boolean(process.stdin.isTTY),
		stdoutIsTTY: Boolean(process.stdout.isTTY),
		columns: process.stdout.isTTY ? process.stdout.columns || 80 : 80,
		env: process.env,
		// A line kept up to date where someone watches; the last one stays, in a log too.
		progress: p => {
			const live = process.stderr.isTTY && process.env['TERM'] !== 'dumb';
			if (p.finished) process.stderr.write(`${live ? '\r\u001B[K' : ''}m365-licenses: ${strings.dialog.finished(p)}\n`);
			else if (live) process.stderr.write(`\r${strings.dialog.progress(p)}\u001B[K`);
		},
		// Ctrl-C while a change is sent stops the sending and reports; a second one quits at once.
		async whileChanging(change) {
			const stop = new AbortController();
			const interrupt = () => {
				if (stop.signal.aborted) return exitAfterOutput(130);
				process.stderr.write(`\nm365-licenses: ${strings.dialog.interrupted}\n`);
				stop.abort();
			};
			// Libraries' own SIGINT listeners end the process (one sends SIGINT again): set aside
			// meanwhile, and put back after. Quitting still runs their clean-up, on 'exit'.
			const others = process.rawListeners('SIGINT') as Array<() => void>;
			process.removeAllListeners('SIGINT');
			process.on('SIGINT', interrupt);
			try {
				return await change(stop.signal);
			} finally {
				process.off('SIGINT', interrupt);
				for (const listener of others) process.on('SIGINT', listener);
			}
		},
		async ask(question) {
			// A dumb terminal gets the question as plain text: no cursor escapes.
			const rl = createInterface({input: process.stdin, output: process.stdout, terminal: Boolean(process.stdout.isTTY) && process.env['TERM'] !== 'dumb'});
			try {
				return await rl.question(question);
			} finally {
				rl.close();
			}
		},
	};
}

async function main(argv: string[]): Promise<number> {
	// Read once, before anything is said: the language may be one of them.
	const preferences = await readPreferences(homesOf(resolveStateDir(flagValue(argv, 'state-dir'), process.env)));
	const language = speak(argv, preferences.language);
	let parsed;
	try {
		parsed = parseArgs({args: argv, options, allowPositionals: true, strict: true, tokens: true});
	} catch {
		usageError(argumentError(argv));
	}
	const {values, positionals, tokens} = parsed!;
	if (values.help) {
		// `unassign --help`: that command's own; otherwise the list of commands.
		const named = positionals[0];
		if (named === undefined) process.stdout.write(`${helpText(null)}\n`);
		else if (isCommand(named)) process.stdout.write(`${helpText(named)}\n`);
		else return usageError(strings.cli.unknownCommand(named));
		return 0;
	}
	if (values.version) {
		process.stdout.write(`${packageJson.version}\n`);
		return 0;
	}
	const [command = '', ...extra] = positionals;
	if (!isCommand(command)) return usageError(strings.cli.unknownCommand(command));
	const allowed = commands[command];
	if (extra.length > 0 && !withArguments.has(command)) return usageError(strings.cli.unexpectedArgument(extra[0]!));
	for (const token of tokens ?? []) {
		if (token.kind !== 'option') continue;
		const name = token.name as Option;
		if (!global.includes(name) && !allowed.includes(name)) {
			usageError(strings.cli.notWith(name, command));
		}
		if (options[name].type === 'string' && !token.value) usageError(strings.cli.needsValue(name));
	}
	if (values['all-tenants'] && values.tenant) usageError(strings.tenants.allWithTenant('--tenant'));
	// Flags and environment variables first; the preferences fill in what they leave unsaid.
	const globals = withPreferences(
		{
			tenant: values.tenant,
			stateDir: values['state-dir'],
			reset: values.reset ?? false,
			actAs: values.as,
			graph: values.graph ?? false,
			clientId: values['client-id'],
			tenantId: values['tenant-id'],
			cloud: values.cloud,
			graphEndpoint: values['graph-endpoint'],
			loginEndpoint: values['login-endpoint'],
			requestTimeout: values['request-timeout'],
			maxDuration: values['max-duration'],
			language,
			profile: values.profile,
		},
		process.env,
		preferences,
	);

	if (command === '' || command === 'guide') {
		// Checked before anything is read or written, so a pipe never half-starts the TUI.
		if (!process.stdin.isTTY || !process.stdout.isTTY) {
			process.stderr.write(`${strings.notATerminal}\n`);
			return 2;
		}
		// A terminal that cannot move its cursor gets no escapes it would print as they are.
		if (process.env['TERM'] === 'dumb') {
			process.stderr.write(`${strings.dumbTerminal}\n`);
			return 2;
		}
		// Ink draws only a final frame when CI or CONTINUOUS_INTEGRATION is set, which leaves an
		// interactive app blank. Both ends are terminals here, so someone is at the keys: draw every
		// frame. (Ink reads these once, when it loads, which is just below.)
		delete process.env['CI'];
		delete process.env['CONTINUOUS_INTEGRATION'];
		// Loaded only now, so subcommands, --help and --version do not pay for Ink and React.
		tui = await import('./tui.js');
		return tui.runTui({...globals, guide: command === 'guide'});
	}

	const io = processIO();
	const {runCommand} = await import('./commands/run.js');
	return runCommand(command, values, globals, packageJson.version, io, extra);
}

// A reader that goes away (`| head`) ends the output quietly. The command still finishes what it
// started (a change half-made is worse than output cut short), then ends as a program killed by
// SIGPIPE would, the way a shell and `set -o pipefail` expect.
let pipeClosed = false;
let finished = false;
function endAsPipe(): void {
	// Node ignores SIGPIPE; a listener added and removed puts the default (terminate) back.
	const none = () => {};
	process.on('SIGPIPE', none).off('SIGPIPE', none);
	process.kill(process.pid, 'SIGPIPE');
	process.exit(128 + 13);
}
// A terminal that hangs up (an SSH session dropped) answers EIO: gone as a closed pipe is. The app
// still saves what it was doing (SIGHUP stops a change the way Ctrl-C does) before it leaves.
const gone = (error: NodeJS.ErrnoException) => error.code === 'EPIPE' || error.code === 'EIO';
for (const stream of [process.stdout, process.stderr]) {
	stream.on('error', (error: NodeJS.ErrnoException) => {
		if (!gone(error) && !pipeClosed) crash(error);
		pipeClosed = true;
		if (finished) endAsPipe();
	});
}
process.stdin.on('error', (error: NodeJS.ErrnoException) => {
	if (!gone(error)) crash(error);
});
process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);

main(process.argv.slice(2)).then(code => {
	finished = true;
	if (pipeClosed) endAsPipe();
	process.exitCode = code;
}, crash);
