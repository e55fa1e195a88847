// m365-licenses tenants add|list|remove|discover: the tenants the app knows, kept in the preferences
// (store/profiles.ts). Adding checks what it is given before anything is kept: a snapshot is read
// whole (and gives its tenant id), a live tenant's id must be a directory id.
import {join, resolve} from 'node:path';
import {UserError} from '../errors.js';
import {strings} from '../text/index.js';
import {exitCodes, outputWidth, table, type CommandIO} from './io.js';
import {baseHomes, type GlobalOptions} from '../open-tenant.js';
import {LocalTenant} from '../backends/local-tenant.js';
import {clouds, type Cloud} from '../backends/graph/clouds.js';
import {forgetTenant} from '../backends/graph/auth.js';
import {removeFile, removeFolder} from '../fs/durable.js';
import {cacheFiles} from '../paths.js';
import {openStateFile} from '../store/state-file.js';
import {updatePreference} from '../store/preferences.js';
import {findProfile, homesOfTenant, profileNames} from '../store/profiles.js';
import {tenantIdPattern, type TenantProfile, type TenantProfiles} from '../store/profiles.schema.js';
import type {Output} from './output.schema.js';
import {discover} from './discover.js';
import {checkName, keepProfile} from './keep-profile.js';

export interface TenantsValues {
	json?: boolean;
	snapshot?: string;
	purge?: boolean;
	yes?: boolean;
}

const usage = (message: string) => new UserError(strings.cli.usageError(message), exitCodes.usage);

export async function tenants(args: readonly string[], values: TenantsValues, globals: GlobalOptions, io: CommandIO): Promise<number> {
	const [action, ...rest] = args;
	const only = (count: number) => {
		if (rest.length > count) throw usage(strings.cli.unexpectedArgument(rest[count]!));
	};
	const refuse = (flag: string, given: unknown) => {
		if (given) throw usage(strings.tenants.flagNotWith(flag, action ?? ''));
	};
	if (action !== 'add') refuse('--snapshot', values.snapshot);
	if (action !== 'add' && action !== 'discover') {
		for (const [flag, given] of [
			['--tenant-id', globals.tenantId],
			['--cloud', globals.cloud],
			['--client-id', globals.clientId],
		] as const)
			refuse(flag, given);
	}
	if (action !== 'remove') refuse('--purge', values.purge);
	if (action !== 'remove' && action !== 'discover') refuse('--yes', values.yes);
	if (action !== 'list' && action !== 'discover') refuse('--json', values.json);
	switch (action) {
		case 'add':
			only(1);
			return add(rest[0], values, globals, io);
		case 'list':
			only(0);
			return list(globals, values.json ?? false, io);
		case 'remove':
			only(1);
			return remove(rest[0], values, globals, io);
		case 'discover':
			only(0);
			return discover(values, globals, io);
		case undefined:
			throw usage(strings.tenants.needsAction);
		default:
			throw usage(strings.tenants.unknownAction(action));
	}
}

/** The profile that `tenants add` keeps, from its flags; a snapshot is read to learn its tenant. */
async function profileFrom(values: TenantsValues, globals: GlobalOptions): Promise<TenantProfile> {
	if (Boolean(values.snapshot) === Boolean(globals.graph)) throw usage(strings.tenants.snapshotOrGraph);
	if (values.snapshot) {
		for (const [flag, given] of [
			['--tenant-id', globals.tenantId],
			['--cloud', globals.cloud],
			['--client-id', globals.clientId],
		] as const) {
			if (given) throw usage(strings.tenants.graphOnly(flag));
		}
		const file = resolve(values.snapshot);
		// Read whole, as opening it would: a file that is not a tenant is refused now, naming it.
		const tenant = await new LocalTenant(file, 'snapshot').load();
		return {source: 'snapshot', file, tenantId: tenant.organization.id, displayName: tenant.organization.displayName};
	}
	const tenantId = globals.tenantId;
	if (!tenantId) throw usage(strings.tenants.needsTenantId);
	if (!new RegExp(tenantIdPattern).test(tenantId)) throw usage(strings.tenants.badTenantId(tenantId));
	if (globals.cloud !== undefined && !(globals.cloud in clouds)) throw usage(strings.cli.badCloud(globals.cloud));
	return {
		source: 'graph',
		tenantId: tenantId.toLowerCase(),
		...(globals.cloud ? {cloud: globals.cloud as Cloud} : {}),
		...(globals.clientId ? {clientId: globals.clientId} : {}),
	};
}

async function add(given: string | undefined, values: TenantsValues, globals: GlobalOptions, io: CommandIO): Promise<number> {
	const name = checkName(given, globals.profiles);
	const profile = await profileFrom(values, globals);
	await keepProfile(globals, io, name, profile);
	io.err(`m365-licenses: ${strings.tenants.added(name, profile.displayName ?? null, profile.tenantId)}\n`);
	// What was saved for it before, without a profile, stays where it was: said, so it is not thought lost.
	const {homes} = baseHomes(globals, io.env);
	try {
		const earlier = openStateFile(homes.state)
			.audit()
			.entries.filter(e => e.tenantId.toLowerCase() === profile.tenantId.toLowerCase()).length;
		if (earlier > 0)
			io.err(
				`m365-licenses: ${strings.tenants.earlierChanges(earlier, homes.state, profile.source === 'snapshot' ? `--tenant ${profile.file}` : '--graph')}\n`,
			);
	} catch (error) {
		// The tenant is added; what stands in the way of reading the state home is said, not hidden.
		if (!(error instanceof UserError)) throw error;
		io.err(`m365-licenses: ${error.message}\n`);
	}
	return exitCodes.done;
}

export function listJson(profiles: TenantProfiles | undefined): Output['tenants-list'] {
	return {
		tenants: profileNames(profiles).map(name => {
			const p = profiles![name]!;
			return {
				name,
				tenantId: p.tenantId,
				displayName: p.displayName ?? null,
				source: p.source,
				file: p.source === 'snapshot' ? p.file : null,
				cloud: p.source === 'graph' ? (p.cloud ?? 'worldwide') : null,
				partnerTenantId: p.source === 'graph' ? (p.partnerTenantId ?? null) : null,
			};
		}),
	};
}

function list(globals: GlobalOptions, json: boolean, io: CommandIO): number {
	const data = listJson(globals.profiles);
	if (json) {
		io.out(`${JSON.stringify(data, null, 2)}\n`);
		return exitCodes.done;
	}
	if (data.tenants.length === 0) {
		io.out(`${strings.tenants.none}\n`);
		return exitCodes.done;
	}
	const rows = data.tenants.map(t => [
		t.name,
		t.displayName ?? '-',
		t.tenantId,
		t.file ? strings.tenants.fromSnapshot(t.file) : strings.tenants.fromGraph(t.cloud ?? 'worldwide'),
	]);
	io.out(`${table([strings.tenants.listHeader, ...rows], {width: outputWidth(io), wrap: [3, 1]})}\n`);
	return exitCodes.done;
}

/**
 * Forgets a tenant: its profile, its caches and copies, and its sign-ins; its audit log and saved
 * changes stay unless --purge, which asks first (--yes in a script).
 */
async function remove(given: string | undefined, values: TenantsValues, globals: GlobalOptions, io: CommandIO): Promise<number> {
	if (given === undefined) throw usage(strings.tenants.needsNameToRemove);
	const found = findProfile(globals.profiles, given);
	if (!found) throw usage(strings.tenants.notAdded(given, profileNames(globals.profiles)));
	const {homes} = baseHomes(globals, io.env);
	const own = homesOfTenant(homes, found.profile.tenantId);
	if (values.purge && !values.yes) {
		if (!io.stdinIsTTY) throw usage(strings.tenants.purgeNeedsYes);
		const answer = await io.ask(strings.tenants.purgeQuestion(found.name, own.state));
		if (!strings.tenants.yesWords.includes(answer.trim().toLowerCase())) {
			io.err(`m365-licenses: ${strings.tenants.notPurged}\n`);
			return exitCodes.error;
		}
	}
	// Its sign-ins first: a sign-in file that cannot be read leaves everything as it was. Another
	// profile of the same tenant cannot be (keepProfile refuses it), so they are this one's alone.
	forgetTenant(homes.signIns, found.profile.tenantId);
	await updatePreference(homes, 'tenants', current => {
		const rest = {...current};
		delete rest[found.name];
		return Object.keys(rest).length > 0 ? rest : undefined;
	});
	// A state directory given holds the caches beside the journal and audit log: only the caches go.
	if (own.cache === own.state) for (const name of Object.values(cacheFiles)) removeFile(join(own.cache, name));
	else removeFolder(own.cache);
	if (values.purge) removeFolder(own.state);
	io.err(`m365-licenses: ${values.purge ? strings.tenants.purged(found.name) : strings.tenants.removed(found.name, own.state)}\n`);
	return exitCodes.done;
}
