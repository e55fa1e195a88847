// Which of the tenants the app knows (tenants add) a command or the TUI opens, and where each keeps
// what is its own: a sub-folder per tenant id of the state and cache homes, so nothing of one tenant
// is ever read, shown or changed under another's name. The demo and --tenant FILE keep the homes'
// top folder, as before profiles: what was saved there stays where it was.
import {createHash} from 'node:crypto';
import {join} from 'node:path';
import {UserError} from '../errors.js';
import type {Homes} from '../paths.js';
import {strings} from '../text/index.js';
import type {TenantProfile, TenantProfiles} from './profiles.schema.js';

export interface Chosen {
	name: string;
	profile: TenantProfile;
}

/** What picks a tenant: --profile, or the flags that name a tenant of their own. */
export interface Choosing {
	profile?: string;
	profiles?: TenantProfiles;
	tenant?: string;
	graph?: boolean;
	tenantId?: string;
	cloud?: string;
}

const usage = (message: string) => new UserError(strings.cli.usageError(message), 2);

/** The names, sorted as a person reads them. */
export const profileNames = (profiles: TenantProfiles | undefined) => Object.keys(profiles ?? {}).sort((a, b) => a.localeCompare(b));

/** The profile by its name in any case. */
export function findProfile(profiles: TenantProfiles | undefined, name: string): Chosen | null {
	const found = profileNames(profiles).find(n => n.toLowerCase() === name.toLowerCase());
	return found ? {name: found, profile: profiles![found]!} : null;
}

/**
 * The tenant profile these options open: the one --profile names, else the only one there is when no
 * flag names a tenant; none with none added (the demo, as before). Several and none named: a usage
 * error listing them, rather than a guess.
 */
export function chooseProfile(options: Choosing): Chosen | null {
	const names = profileNames(options.profiles);
	if (options.profile !== undefined) {
		if (options.tenant !== undefined) throw usage(strings.tenants.profileWith('--tenant'));
		if (options.tenantId !== undefined) throw usage(strings.tenants.profileWith('--tenant-id'));
		if (options.cloud !== undefined) throw usage(strings.tenants.profileWith('--cloud'));
		const chosen = findProfile(options.profiles, options.profile);
		if (!chosen) throw usage(names.length > 0 ? strings.tenants.unknownProfile(options.profile, names) : strings.tenants.noProfiles(options.profile));
		if (options.graph && chosen.profile.source !== 'graph') throw usage(strings.tenants.notLive(chosen.name));
		return chosen;
	}
	if (options.tenant !== undefined || options.graph) return null;
	if (names.length === 1) return {name: names[0]!, profile: options.profiles![names[0]!]!};
	if (names.length > 1) throw usage(strings.tenants.severalProfiles(names));
	return null;
}

/** A tenant id as a folder name: itself, in lower case, when it is a safe one (a GUID is); else its hash. */
export function tenantFolder(tenantId: string): string {
	const id = tenantId.toLowerCase();
	return /^[a-z0-9][a-z0-9._-]{0,99}$/.test(id) ? id : `id-${createHash('sha256').update(tenantId).digest('hex').slice(0, 32)}`;
}

/**
 * A profile's homes: its state and cache in their own sub-folder (tenants/<tenant id>); the sign-ins
 * stay in the state home's top folder, one for every tenant the same account reaches (GDAP).
 */
export function homesOfTenant(homes: Homes, tenantId: string): Homes {
	const folder = join('tenants', tenantFolder(tenantId));
	return {...homes, state: join(homes.state, folder), cache: join(homes.cache, folder), signIns: homes.signIns};
}
