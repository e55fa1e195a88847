// Users named on the command line or in a file, as the people they are: the same user given as a
// UPN, as the UPN in another case, or as their id is one user, planned and reported once.
import {normaliseId} from './ids.js';
import type {Tenant} from './model.js';
import {indexTenant} from './selectors.js';

/**
 * The given users, each once, in the order first given: a user of the tenant by their id; a name
 * that matches nobody as first written (so it is reported as not found, once).
 */
export function distinctUsers(tenant: Tenant, given: readonly string[]): string[] {
	const {usersById, usersByUpn} = indexTenant(tenant);
	const seen = new Set<string>();
	const users: string[] = [];
	for (const key of given) {
		const user = usersById.get(normaliseId(key)) ?? usersByUpn.get(key.toLowerCase());
		const identity = user ? user.id : key.toLowerCase();
		if (seen.has(identity)) continue;
		seen.add(identity);
		users.push(user ? user.id : key);
	}
	return users;
}
