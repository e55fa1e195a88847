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

/** Each user's groups, by id: read once per tenant, not once per user (a change can have thousands). */
function groupsByMember(tenant: Tenant): Map<string, string[]> {
	const groups = new Map<string, string[]>();
	for (const group of tenant.groups ?? []) {
		for (const member of group.members ?? []) {
			const list = groups.get(member);
			if (list) list.push(group.id);
			else groups.set(member, [group.id]);
		}
	}
	return groups;
}

/** A user's standing: everything a change to them is planned on, including the groups they are in. */
function standing(user: User | undefined, groups: ReadonlyMap<string, string[]>): string {
	if (!user) return 'gone';
	return JSON.stringify([user, groups.get(user.id) ?? []]);
}

/** What `after` (read again) says of a change planned on `before` to `userIds`, assigning `adds` (skuId → users). */
export function staleness(before: Tenant, after: Tenant, userIds: Iterable<string>, adds: ReadonlyMap<string, number> = new Map()): Staleness {
	const was = indexTenant(before).usersById;
	const now = indexTenant(after).usersById;
	const [groupsBefore, groupsAfter] = [groupsByMember(before), groupsByMember(after)];
	const users = [...new Set(userIds)].flatMap(id => {
		const user = was.get(id);
		return user && standing(user, groupsBefore) !== standing(now.get(id), groupsAfter) ? [user] : [];
	});
	const rows = new Map(indexTenant(after).products.map(row => [row.skuId, row]));
	const products = [...adds].filter(([skuId, needed]) => (rows.get(skuId)?.available ?? 0) < needed).map(([skuId]) => skuId);
	return {users, products};
}
