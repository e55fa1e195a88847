// Keeping a tenant profile (tenants add, tenants discover): its name checked, and neither the name
// nor the tenant taken by another profile, read afresh as it is written.
import {UserError} from '../errors.js';
import {strings} from '../text/index.js';
import {exitCodes, type CommandIO} from './io.js';
import {baseHomes, type GlobalOptions} from '../open-tenant.js';
import {updatePreference} from '../store/preferences.js';
import {findProfile, profileNames} from '../store/profiles.js';
import {profileNamePattern, type TenantProfile, type TenantProfiles} from '../store/profiles.schema.js';

const usage = (message: string) => new UserError(strings.cli.usageError(message), exitCodes.usage);

/** A new profile's name: one --profile can take, and not one taken already (in any case). */
export function checkName(name: string | undefined, profiles: TenantProfiles | undefined): string {
	if (name === undefined) throw usage(strings.tenants.needsName);
	if (!new RegExp(profileNamePattern).test(name)) throw usage(strings.tenants.badName(name));
	const taken = findProfile(profiles, name);
	if (taken) throw usage(strings.tenants.taken(taken.name));
	return name;
}

/** Keeps the profile under its name, unless the name or the tenant was taken meanwhile. */
export async function keepProfile(globals: GlobalOptions, io: CommandIO, name: string, profile: TenantProfile): Promise<void> {
	const {homes} = baseHomes(globals, io.env);
	await updatePreference(homes, 'tenants', current => {
		checkName(name, current);
		const same = profileNames(current).find(n => current![n]!.tenantId.toLowerCase() === profile.tenantId.toLowerCase());
		if (same) throw usage(strings.tenants.sameTenant(profile.tenantId, same));
		return {...current, [name]: profile};
	});
}
