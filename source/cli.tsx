// Entry point: parse the command line, then run a subcommand (plain stdout, no Ink) or the TUI.
import {createInterface} from 'node:readline/promises';
import {parseArgs} from 'node:util';
import packageJson from '../package.json' with {type: 'json'};
import {UserError} from './backends/backend.js';
import type {CommandIO} from './commands/io.js';
import {strings} from './ui/strings.js';

const usage = `Usage: m365-licenses [command] [options]

Unassign Microsoft 365 licenses from users, in the admin center's own words,
in a terminal. Opens on the bundled demo tenant (Contoso).

Commands:
  (none)             the app: Licenses, Active users, Guided unassign
  guide              start on Guided unassign: one unassignment in four steps, for support
                     staff; it ends with a Markdown report in the state directory
  licenses [--json]  every product: assigned, available and total over its subscriptions
  users [--product P] [--json]
                     every user and their licenses (direct or through groups)
  unassign --product P (--users UPN[,UPN…] | --users-file FILE) [--dry-run] [--yes] [--json]
                     unassign a product: P is a part number (SPB), a skuId or a product name;
                     users are UPNs or ids; the file has one a line, or a CSV with a
                     userPrincipalName column. Without --yes: asks in a terminal, else refuses
  audit [--json]     every change applied, oldest first
  doctor [--json]    version, Node, state directory, backend, tenant, cloud, terminals: for a ticket
  logout             forget the Microsoft 365 sign-in kept in the state directory

Options (everywhere):
  --tenant FILE      use a tenant snapshot (the demo's JSON format, demo-data/tenant.schema.json)
                     instead of the demo; the file is never modified, changes are kept in the
                     state directory, by organization id
  --state-dir DIR    where changes are kept (also M365_LICENSES_STATE_DIR);
                     default: the per-user config directory
  --reset            discard the changes saved for this tenant and start from its source
                     (the app, guide and unassign; says what it discarded, in the audit log too)
  --as UPN           act as this admin of the tenant (default: its signedInUser); without the
                     Global, License or User Administrator role nothing can be changed
  --graph            a live tenant through Microsoft Graph: device-code sign-in (see README)
  --client-id ID     the app registration to sign in with (also M365_LICENSES_CLIENT_ID)
  --tenant-id ID     the directory to sign in to (also M365_LICENSES_TENANT_ID; default organizations)
  --cloud NAME       worldwide (default) or 21vianet
  --graph-endpoint URL
                     Graph's address instead of the cloud's (tests, proxies); paths stay /v1.0/...
  -h, --help         show this help
  -v, --version      show the version

Exit codes: 0 done, 1 error, 2 usage error, 3 some users skipped or failed (the rest done).
Keys: press ? in the app.`;

const options = {
	tenant: {type: 'string'},
	'state-dir': {type: 'string'},
	reset: {type: 'boolean'},
	as: {type: 'string'},
	help: {type: 'boolean', short: 'h'},
	version: {type: 'boolean', short: 'v'},
	json: {type: 'boolean'},
	product: {type: 'string'},
	users: {type: 'string'},
	'users-file': {type: 'string'},
	'dry-run': {type: 'boolean'},
	yes: {type: 'boolean'},
	graph: {type: 'boolean'},
	'client-id': {type: 'string'},
	'tenant-id': {type: 'string'},
	cloud: {type: 'string'},
	'graph-endpoint': {type: 'string'},
} as const;

type Option = keyof typeof options;

const global: Option[] = ['tenant', 'state-dir', 'reset', 'as', 'help', 'version', 'graph', 'client-id', 'tenant-id', 'cloud', 'graph-endpoint'];
const commands: Record<string, Option[]> = {
	'': [],
	guide: [],
	licenses: ['json'],
	users: ['product', 'json'],
	unassign: ['product', 'users', 'users-file', 'dry-run', 'yes', 'json'],
	audit: ['json'],
	doctor: ['json'],
	logout: [],
};

function fail(message: string, exitCode: number): never {
	process.stderr.write(`m365-licenses: ${message}\n`);
	process.exit(exitCode);
}

const usageError = (message: string): never => fail(`${message}. See m365-licenses --help.`, 2);

async function main(argv: string[]): Promise<number> {
	let parsed;
	try {
		parsed = parseArgs({args: argv, options, allowPositionals: true, strict: true, tokens: true});
	} catch (error) {
		// Node's advice on '--' is about positionals, which only confuses here.
		usageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
	}
	const {values, positionals, tokens} = parsed!;
	if (values.help) {
		process.stdout.write(`${usage}\n`);
		return 0;
	}
	if (values.version) {
		process.stdout.write(`${packageJson.version}\n`);
		return 0;
	}
	const [command = '', ...extra] = positionals;
	const allowed = commands[command];
	if (!allowed) return usageError(`unknown command "${command}"`);
	if (extra.length > 0) return usageError(`unexpected argument "${extra[0]}"`);
	for (const token of tokens ?? []) {
		if (token.kind !== 'option') continue;
		const name = token.name as Option;
		if (!global.includes(name) && !allowed.includes(name)) {
			usageError(`--${name} does not go with ${command ? `the ${command} command` : 'the app'}`);
		}
		if (options[name].type === 'string' && !token.value) usageError(`--${name} needs a value`);
	}
	const globals = {
		tenant: values.tenant,
		stateDir: values['state-dir'],
		reset: values.reset ?? false,
		actAs: values.as,
		graph: values.graph ?? false,
		clientId: values['client-id'],
		tenantId: values['tenant-id'],
		cloud: values.cloud,
		graphEndpoint: values['graph-endpoint'],
	};

	if (command === '' || command === 'guide') {
		// Checked before anything is read or written, so a pipe never half-starts the TUI.
		if (!process.stdin.isTTY || !process.stdout.isTTY) {
			process.stderr.write(`${strings.notATerminal}\n`);
			return 2;
		}
		// Ink draws only a final frame when CI or CONTINUOUS_INTEGRATION is set, which leaves an
		// interactive app blank. Both ends are terminals here, so someone is at the keys: draw every
		// frame. (Ink reads these once, when it loads, which is just below.)
		delete process.env['CI'];
		delete process.env['CONTINUOUS_INTEGRATION'];
		// Loaded only now, so subcommands, --help and --version do not pay for Ink and React.
		const {runTui} = await import('./tui.js');
		await runTui({...globals, guide: command === 'guide'});
		return 0;
	}

	const io: CommandIO = {
		out: text => process.stdout.write(text),
		err: text => process.stderr.write(text),
		stdinIsTTY: Boolean(process.stdin.isTTY),
		stdoutIsTTY: Boolean(process.stdout.isTTY),
		env: process.env,
		progress: process.stderr.isTTY ? p => process.stderr.write(`\r${strings.dialog.progress(p)}\u001B[K`) : undefined,
		async ask(question) {
			const rl = createInterface({input: process.stdin, output: process.stdout});
			try {
				return await rl.question(question);
			} finally {
				rl.close();
			}
		},
	};
	const {runCommand} = await import('./commands/run.js');
	return runCommand(command, values, globals, packageJson.version, io);
}

main(process.argv.slice(2)).then(
	code => {
		process.exitCode = code;
	},
	(error: unknown) => {
		if (error instanceof UserError) fail(error.message, error.exitCode);
		fail(`unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, 1);
	},
);
