// A change planned on a tenant read before another session saved its own: which of the change's
// users stand differently now, and which products it adds no longer have the licenses. A change
// that no longer applies is refused before anything is sent, naming what changed.
import type {Tenant, User} from './model.js';
import {indexTenant} from './selectors.js';

export interface Staleness {
	/** The change's users who stand differently now (licenses, sign-in, group membership, deleted): as they were. */
	users: User[];
	/** Products the change assigns that have fewer licenses available now than it needs. */
	products: string[];
}

/** A user's standing: everything a change to them is planned on, including the groups they are in. */
function standing(tenant: Tenant, user: User | undefined): string {
	if (!user) return 'gone';
	const groups = (tenant.groups ?? []).filter(group => group.members?.includes(user.id)).map(group => group.id);
	return JSON.stringify([user, groups]);
}

/** What `after` (read again) says of a change planned on `before` to `userIds`, assigning `adds` (skuId → users). */
export function staleness(before: Tenant, after: Tenant, userIds: Iterable<string>, adds: ReadonlyMap<string, number> = new Map()): Staleness {
	const was = indexTenant(before).usersById;
	const now = indexTenant(after).usersById;
	const users = [...new Set(userIds)].flatMap(id => {
		const user = was.get(id);
		return user && standing(before, user) !== standing(after, now.get(id)) ? [user] : [];
	});
	const rows = new Map(indexTenant(after).products.map(row => [row.skuId, row]));
	const products = [...adds].filter(([skuId, needed]) => (rows.get(skuId)?.available ?? 0) < needed).map(([skuId]) => skuId);
	return {users, products};
}
