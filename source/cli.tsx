// Entry point: parse the command line, open the tenant and its saved changes, and show the TUI.
import {parseArgs} from 'node:util';
import packageJson from '../package.json' with {type: 'json'};
import {UserError} from './backends/backend.js';
import {strings} from './ui/strings.js';

const usage = `Usage: m365-licenses [guide] [options]

Unassign Microsoft 365 licenses from users, in the admin center's own words,
in a terminal. Opens on the bundled demo tenant (Contoso).

Commands:
  (none)             the app: Licenses, Active users, Guided unassign
  guide              start on Guided unassign: one unassignment in four steps, for support
                     staff; it ends with a Markdown report in the state directory

Options:
  --tenant FILE      use a tenant snapshot (the demo's JSON format) instead of the demo;
                     the file is never modified, changes are kept in the state directory
  --state-dir DIR    where changes are kept (also M365_LICENSES_STATE_DIR);
                     default: the per-user config directory
  --reset            discard the changes saved for this tenant and start from its source
  --as UPN           act as this admin of the tenant (default: its signedInUser); without the
                     Global, License or User Administrator role the app is read-only
  -h, --help         show this help
  -v, --version      show the version

Keys: press ? in the app.`;

const options = {
	tenant: {type: 'string'},
	'state-dir': {type: 'string'},
	reset: {type: 'boolean'},
	as: {type: 'string'},
	help: {type: 'boolean', short: 'h'},
	version: {type: 'boolean', short: 'v'},
} as const;

function fail(message: string, exitCode: number): never {
	process.stderr.write(`m365-licenses: ${message}\n`);
	process.exit(exitCode);
}

async function main(argv: string[]): Promise<void> {
	let parsed;
	try {
		parsed = parseArgs({args: argv, options, allowPositionals: true, strict: true});
	} catch (error) {
		// Node's advice on '--' is about positionals, which only confuses here.
		const message = (error as Error).message.replace(/\. To specify a positional argument.*$/s, '');
		fail(`${message}. See m365-licenses --help.`, 2);
	}
	const {values, positionals} = parsed;
	if (values.help) {
		process.stdout.write(`${usage}\n`);
		return;
	}
	if (values.version) {
		process.stdout.write(`${packageJson.version}\n`);
		return;
	}
	const [command, ...extra] = positionals;
	if ((command !== undefined && command !== 'guide') || extra.length > 0) {
		fail(`unknown command "${command !== 'guide' ? command : extra[0]}". See m365-licenses --help.`, 2);
	}
	for (const flag of ['tenant', 'state-dir', 'as'] as const) {
		if (values[flag] === '') fail(`--${flag} needs a value. See m365-licenses --help.`, 2);
	}

	// Checked before anything is read or written, so a pipe never half-starts the TUI.
	if (!process.stdin.isTTY || !process.stdout.isTTY) {
		process.stderr.write(`${strings.notATerminal}\n`);
		process.exit(2);
	}

	// Loaded only now, so --help, --version and usage errors do not pay for Ink, React and conf.
	const {runTui} = await import('./tui.js');
	await runTui({
		tenant: values.tenant,
		stateDir: values['state-dir'],
		reset: values.reset ?? false,
		actAs: values.as,
		guide: command === 'guide',
	});
}

main(process.argv.slice(2)).catch((error: unknown) => {
	if (error instanceof UserError) fail(error.message, error.exitCode);
	fail(`unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, 1);
});
