// The subcommands: the arguments checked, the tenant opened, the command run; an exit code back.
import {UserError} from '../backends/backend.js';
import {strings} from '../ui/strings.js';
import {exitCodes, terminalSafe, type CommandIO} from './io.js';
import {signOut} from '../backends/graph/auth.js';
import {openTenant, stateDirOf, type GlobalOptions} from './open.js';
import {audit, doctor, licenses, matchProducts, productChoice, users} from './read.js';
import {unassign} from './unassign.js';
import {readUsersFile} from './users-file.js';
import {distinctUsers} from '../domain/given-users.js';
import type {Tenant} from '../domain/model.js';
import {productRows, type ProductRow} from '../domain/selectors.js';

export interface CommandValues {
	json?: boolean;
	product?: string;
	users?: string;
	'users-file'?: string;
	'dry-run'?: boolean;
	yes?: boolean;
}

const usage = (message: string) => new UserError(`${message}. See m365-licenses --help.`, exitCodes.usage);

export async function runCommand(
	command: string,
	values: CommandValues,
	globals: GlobalOptions,
	version: string,
	terminal: CommandIO,
): Promise<number> {
	const io = terminalSafe(terminal);
	const json = values.json ?? false;
	let given: string[] = [];
	if (command === 'unassign') {
		if (!values.product) throw usage('unassign needs --product');
		if (values.users && values['users-file']) throw usage('give --users or --users-file, not both');
		if (!values.users && !values['users-file']) throw usage('unassign needs --users or --users-file');
		// Read before the tenant is opened: a bad file is said before any sign-in, lock or change.
		given = values.users ? values.users.split(',').map(u => u.trim()).filter(Boolean) : readUsersFile(values['users-file']!);
		if (given.length === 0) throw usage(values.users ? 'no users given' : `--users-file ${values['users-file']}: ${strings.usersFile.none}`);
	}
	// Sign-in messages (the device code) go to stderr: stdout stays data.
	const say = (message: string) => io.err(`${message}\n`);
	if (command === 'doctor') return doctor(globals, version, json, io);
	if (command === 'logout') {
		io.err(signOut(stateDirOf(globals, io.env)) ? 'm365-licenses: signed out: the kept sign-in was removed.\n' : 'm365-licenses: no sign-in was kept.\n');
		return exitCodes.done;
	}
	// unassign changes the state directory: it takes the writer lock, and says who has it if it cannot.
	const writer = command === 'unassign' && !values['dry-run'] ? 'unassign' : undefined;
	// A live tenant: unassign reads the users it names, not the whole directory.
	const opened = await openTenant(globals, io.env, say, {writer, users: command === 'unassign' ? given : undefined});
	const {lockedBy, recovered} = opened.store.getState();
	if (recovered) io.err(`m365-licenses: ${strings.recovered(recovered)}\n`);
	if (writer && lockedBy) {
		throw new UserError(`${lockedBy} is changing the state directory ${opened.stateDir}; nothing was changed. Try again when it has finished.`);
	}
	const tenant = opened.store.getState().tenant;
	const product = values.product === undefined ? undefined : oneProduct(tenant, values.product);
	switch (command) {
		case 'licenses':
			return licenses(opened, json, io);
		case 'users':
			return users(opened, product, json, io);
		case 'audit':
			return audit(opened, json, io);
		case 'unassign': {
			try {
				return await unassign(opened, {product: product!, users: distinctUsers(tenant, given), dryRun: values['dry-run'] ?? false, yes: values.yes ?? false, json}, io);
			} finally {
				opened.release();
			}
		}
		default:
			throw usage(`unknown command "${command}"`);
	}
}

/** The product --product names, or a usage error listing the candidates (all of them when none matches). */
function oneProduct(tenant: Tenant, given: string): ProductRow {
	const matches = matchProducts(tenant, given);
	if (matches.length === 1) return matches[0]!;
	if (matches.length > 1) throw usage(strings.cli.product.several(given, matches.map(productChoice)));
	throw usage(strings.cli.product.unknown(given, productRows(tenant).map(productChoice)));
}
