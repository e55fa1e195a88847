// The subcommands: the arguments checked, the tenant opened, the command run; an exit code back.
import {UserError} from '../errors.js';
import {strings} from '../text/index.js';
import {exitCodes, outputWidth, terminalSafe, type CommandIO} from './io.js';
import {signOut} from '../backends/graph/auth.js';
import {baseHomes, graphCacheFile, openTenant, type GlobalOptions} from '../open-tenant.js';
import {homesOfTenant} from '../store/profiles.js';
import {audit, doctor, licenses, matchProducts, users} from './read.js';
import {unassign} from './unassign.js';
import {removeFromGroup} from './remove-from-group.js';
import {findGroup} from '../domain/groups.js';
import {reclaim} from './reclaim.js';
import {tenants} from './tenants.js';
import {auditAll, licensesAll, reclaimAll} from './all-tenants.js';
import {defaultInactiveDays, sectionIds, type SectionId} from '../domain/reclaim.js';
import {readUsersFile} from './users-file.js';
import {distinctUsers} from '../domain/given-users.js';
import {NameList} from '../domain/name-list.js';
import type {Tenant} from '../domain/model.js';
import {nameWithPartNumber, productRows, type ProductRow} from '../domain/selectors.js';

export interface CommandValues {
	json?: boolean;
	product?: string;
	users?: string;
	'users-file'?: string;
	'dry-run'?: boolean;
	yes?: boolean;
	group?: string;
	section?: string;
	'inactive-days'?: string;
	apply?: boolean;
	'all-tenants'?: boolean;
	snapshot?: string;
	purge?: boolean;
}

const usage = (message: string) => new UserError(strings.cli.usageError(message), exitCodes.usage);

/** reclaim's flags, checked before anything is read: the sections asked (all when none is) and the days. */
function reclaimFlags(values: CommandValues): {sections: SectionId[]; inactiveDays: number} {
	const given =
		values.section
			?.split(',')
			.map(s => s.trim().toLowerCase())
			.filter(Boolean) ?? [];
	const unknown = given.find(s => !(sectionIds as readonly string[]).includes(s));
	if (values.section !== undefined && (unknown !== undefined || given.length === 0)) throw usage(strings.reclaim.badSection(unknown ?? values.section));
	if (values.apply && given.length === 0) throw usage(strings.reclaim.applyNeedsSection);
	if (values.yes && !values.apply) throw usage(strings.reclaim.yesNeedsApply);
	const days = values['inactive-days'] ?? String(defaultInactiveDays);
	if (!/^\s*\d+\s*$/.test(days) || Number(days) < 1) throw usage(strings.reclaim.badDays(days));
	return {sections: given.length > 0 ? sectionIds.filter(id => given.includes(id)) : [...sectionIds], inactiveDays: Number(days)};
}

export async function runCommand(
	command: string,
	values: CommandValues,
	globals: GlobalOptions,
	version: string,
	terminal: CommandIO,
	args: readonly string[] = [],
): Promise<number> {
	const json = values.json ?? false;
	// Text output fits the terminal (80 columns when not one); JSON is data, never wrapped.
	const io = terminalSafe(terminal, json ? undefined : outputWidth(terminal));
	if (command === 'tenants') return tenants(args, values, globals, io);
	let given = NameList.of([]);
	const changing = command === 'unassign' || command === 'remove-from-group';
	if (changing) {
		if (command === 'unassign' && !values.product) throw usage(strings.cli.needsProduct);
		if (command === 'remove-from-group' && !values.group) throw usage(strings.cli.needsGroup);
		if (values.users && values['users-file']) throw usage(strings.cli.notBoth);
		if (!values.users && !values['users-file']) throw usage(strings.cli.usersOrFile(command));
		// Read before the tenant is opened: a bad file is said before any sign-in, lock or change.
		given = values.users
			? NameList.of(
					values.users
						.split(',')
						.map(u => u.trim())
						.filter(Boolean),
				)
			: readUsersFile(values['users-file']!);
		if (given.length === 0) throw usage(values.users ? strings.cli.noUsers : `--users-file ${values['users-file']}: ${strings.usersFile.none}`);
	}
	// Only a change discards saved changes: reading, a dry run, reclaim without --apply, doctor and logout never do.
	const writes = changing ? !values['dry-run'] : command === 'reclaim' && Boolean(values.apply);
	if (globals.reset && !writes) {
		throw usage(
			strings.state.reset.notWith(changing ? '--dry-run' : command === 'reclaim' ? strings.state.reset.noApply : strings.state.reset.command(command)),
		);
	}
	if (values['all-tenants']) {
		if (command === 'licenses') return licensesAll(globals, json, io);
		if (command === 'audit') return auditAll(globals, json, io);
		if (values.apply) throw usage(strings.tenants.allApply);
		return reclaimAll(globals, {...reclaimFlags(values), json}, io);
	}
	// Sign-in messages (the device code) go to stderr: stdout stays data.
	const say = (message: string) => io.err(`${message}\n`);
	if (command === 'doctor') return doctor(globals, version, json, io);
	if (command === 'logout') {
		const {homes, moved} = baseHomes(globals, io.env);
		if (moved) io.err(`m365-licenses: ${moved}\n`);
		// The sign-in goes (one for every tenant it reached), and with it every copy of what it read:
		// the live tenant's without a profile, and each live tenant's added.
		const live = Object.values(globals.profiles ?? {}).filter(p => p.source === 'graph');
		const copies = [homes, ...live.map(p => homesOfTenant(homes, p.tenantId))].map(h => graphCacheFile(h.cache));
		io.err(`m365-licenses: ${signOut(homes.signIns, copies) ? strings.cli.signedOut : strings.cli.noSignIn}\n`);
		return exitCodes.done;
	}
	const reclaiming = command === 'reclaim' ? reclaimFlags(values) : undefined;
	// A change takes the state directory's writer lock while it is written, and says who has it if it cannot.
	const writer = writes ? command : undefined;
	// A live tenant: a change from the command line reads the users it names, not the whole directory.
	const opened = await openTenant(globals, io.env, say, {writer, users: changing ? given : undefined, oneShot: true});
	const {recovered} = opened.store.getState();
	if (recovered) io.err(`m365-licenses: ${strings.recovered(recovered)}\n`);
	const tell = (notice: string | null) => notice && io.err(`m365-licenses: ${notice}\n`);
	const opening = opened.store.getState().notice;
	tell(opening);
	const tenant = opened.store.getState().tenant;
	const product = values.product === undefined ? undefined : oneProduct(tenant, values.product);
	switch (command) {
		case 'licenses':
			return licenses(opened, json, io);
		case 'users':
			return users(opened, product, json, io);
		case 'audit':
			return audit(opened, json, io);
		case 'remove-from-group': {
			try {
				const group = findGroup(tenant, values.group!);
				if (!group) throw usage(strings.group.unknownGroup(values.group!));
				return await removeFromGroup(
					opened,
					{group, users: distinctUsers(tenant, given), dryRun: values['dry-run'] ?? false, yes: values.yes ?? false, json},
					io,
				);
			} finally {
				// Folding the journal is housekeeping: said, and the command ends as its change did.
				tell(opened.release());
			}
		}
		case 'reclaim': {
			try {
				return await reclaim(opened, {...reclaiming!, apply: values.apply ?? false, yes: values.yes ?? false, json}, io);
			} finally {
				tell(opened.release());
			}
		}
		case 'unassign': {
			try {
				const code = await unassign(
					opened,
					{product: product!, users: distinctUsers(tenant, given), dryRun: values['dry-run'] ?? false, yes: values.yes ?? false, json},
					io,
				);
				// Done in Microsoft 365 but not recorded here: the change is done, and said so.
				const notice = opened.store.getState().notice;
				if (notice !== opening) tell(notice);
				return code;
			} finally {
				tell(opened.release());
			}
		}
		default:
			throw usage(strings.cli.unknownCommand(command));
	}
}

/** The product --product names, or a usage error listing the candidates (all of them when none matches). */
function oneProduct(tenant: Tenant, given: string): ProductRow {
	const matches = matchProducts(tenant, given);
	if (matches.length === 1) return matches[0]!;
	if (matches.length > 1) throw usage(strings.cli.product.several(given, matches.map(nameWithPartNumber)));
	throw usage(strings.cli.product.unknown(given, productRows(tenant).map(nameWithPartNumber)));
}
