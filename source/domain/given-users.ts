// Users named on the command line or in a file, as the people they are: the same user given as a
// UPN, as the UPN in another case, or as their id is one user, planned and reported once.
import {normaliseId} from './ids.js';
import type {Tenant} from './model.js';
import {indexTenant} from './selectors.js';

/** The users given, each once, in the order first given. */
export interface GivenUsers {
	readonly length: number;
	/** The i-th of them: a user of the tenant by their id; a name that matches nobody as first written. */
	at(i: number): string;
	/** Whether the i-th is a name that matches nobody (reported as not found, and planned for no one). */
	unknown(i: number): boolean;
	/** The users of the tenant among them, by id, in that order: whom a change is planned for. */
	readonly found: readonly string[];
}

/**
 * The plans of the users given, in the order given: `planned` holds those of the users found, in
 * their order; a name that matches nobody is planned by `notFound` as it comes, and dropped after.
 */
export function* inGivenOrder<T>(users: GivenUsers, planned: readonly T[], notFound: (name: string) => T): Generator<T> {
	for (let i = 0, k = 0; i < users.length; i++) yield users.unknown(i) ? notFound(users.at(i)) : planned[k++]!;
}

/** Names as given: a list, or a users file's lines (NameList), read one at a time. */
interface Given {
	readonly length: number;
	at(i: number): string;
}

export function distinctUsers(tenant: Tenant, given: Given): GivenUsers {
	const {usersById, usersByUpn} = indexTenant(tenant);
	const userOf = (key: string) => usersById.get(normaliseId(key)) ?? usersByUpn.get(key.toLowerCase());
	const repeated = repeats(given, key => userOf(key)?.id ?? key.toLowerCase());
	// Where each one stands in what was given, and one flag each: a list of names that match nobody
	// keeps no more than that beside the names themselves.
	const positions = new Uint32Array(given.length - repeated.count);
	const flags = new Uint8Array(positions.length);
	const found: string[] = [];
	for (let i = 0, at = 0; i < given.length; i++) {
		if (repeated.at[i]) continue;
		const user = userOf(given.at(i));
		if (user) found.push(user.id);
		else flags[at] = 1;
		positions[at++] = i;
	}
	return {
		length: positions.length,
		at: i => {
			const key = given.at(positions[i]!);
			return flags[i] ? key : userOf(key)!.id;
		},
		unknown: i => flags[i] === 1,
		found,
	};
}

/**
 * Which keys repeat the identity of one before them. Found by sorting the keys' positions by a hash of
 * their identity and comparing only identities with the same hash, rather than with a Set of them: an
 * 800,000-line users file costs about 10 bytes a name here, and about 50 in a Set (docs/performance.md).
 */
function repeats(keys: Given, identity: (key: string) => string): {at: Uint8Array; count: number} {
	const n = keys.length;
	// Hash and position in one number, sorted as numbers: the hash loses the low bits a double cannot
	// hold beside the position (none below two million keys); keys that share what is left are compared.
	const positionBits = Math.max(1, Math.ceil(Math.log2(n + 1)));
	const dropped = Math.max(0, 32 + positionBits - 53);
	const sorted = new Float64Array(n);
	for (let i = 0; i < n; i++) sorted[i] = (hashOf(identity(keys.at(i))) >>> dropped) * 2 ** positionBits + i;
	sorted.sort();
	const position = (k: number) => sorted[k]! % 2 ** positionBits;
	const hash = (k: number) => Math.floor(sorted[k]! / 2 ** positionBits);
	const at = new Uint8Array(n);
	let count = 0;
	for (let start = 0, end = 1; start < n; start = end++) {
		while (end < n && hash(end) === hash(start)) end++;
		if (end - start === 1) continue;
		// The same hash: the same identity, or another that happens to share it. The first given stays.
		const seen = new Set<string>();
		for (let k = start; k < end; k++) {
			const id = identity(keys.at(position(k)));
			if (seen.has(id)) {
				at[position(k)] = 1;
				count++;
			} else seen.add(id);
		}
	}
	return {at, count};
}

/** FNV-1a over the UTF-16 code units: a 32-bit hash that needs no string made. */
function hashOf(text: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
	return hash >>> 0;
}
