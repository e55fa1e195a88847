// A tenant as text that reads several times faster than its JSON at 100,000 users. The users are
// written by column (every user's id, then every user's name, ...) instead of as objects, and the
// nested values users have alike (their licenses, their assignment states) are written once, then
// shared, frozen, on reading. JSON.parse spends its time making objects; a column of strings it
// reads at the speed of the text. The round trip is exact for any tenant read from JSON: the same
// keys, in the same order, with the same values.
import type {Tenant, User} from '../domain/model.js';

type Json = null | boolean | number | string | Json[] | {[key: string]: Json};

export interface CompactTenant {
	/** The tenant with null for its users and for what `removals` holds (so that its keys keep their order). */
	rest: Omit<Tenant, 'users' | 'x-local'> & {users: null; 'x-local'?: object};
	/** Every key a user has, in the order first met. */
	keys: string[];
	/** Each shape: a user's keys (indexes into `keys`) in order, and which values are shared ones. */
	shapes: Array<[keys: number[], sharedAt: boolean[]]>;
	/** Each user's shape. */
	shape: number[];
	/**
	 * Per key, each user's value (null where the user has no such key): a shared one by its index. A
	 * column of strings alone is one string, the values joined by U+007F (DEL, which none of them
	 * holds, and JSON writes as it is): JSON.parse reads one long string faster than many short ones.
	 */
	columns: Array<Json[] | string>;
	shared: Json[];
	/**
	 * x-local.licenseRemovals (null in `rest`) by column as well: whose each entry is (the user's place
	 * in `users`, or the id of a user not there), and its value as a shared one. A history that took
	 * licenses from every user leaves an entry for each: parsed as objects, they cost as much as the users.
	 */
	removals?: [whose: Array<number | string>, values: number[]];
}

export function compactTenant(tenant: Tenant): CompactTenant {
	const {users} = tenant;
	const keys: string[] = [];
	const keyIndex = new Map<string, number>();
	const columns: Json[][] = [];
	/** Per key: every value given is a string without the separator. */
	const joinable: boolean[] = [];
	const shapes: CompactTenant['shapes'] = [];
	const shapeIndex = new Map<string, number>();
	const shape = new Array<number>(users.length);
	const shared: Json[] = [];
	const sharedIndex = new Map<string, number>();
	/** Values met before, by object: a tenant read from the compact form shares them already. */
	const seen = new Map<Json, number>();
	/** The value's index among the shared ones, added if new. */
	const share = (value: Json) => {
		let at = seen.get(value);
		if (at !== undefined) return at;
		const text = JSON.stringify(value);
		at = sharedIndex.get(text);
		if (at === undefined) {
			at = shared.length;
			sharedIndex.set(text, at);
			shared.push(value);
		}
		seen.set(value, at);
		return at;
	};
	for (let i = 0; i < users.length; i++) {
		const record = users[i] as unknown as Record<string, Json | undefined>;
		const present: number[] = [];
		const sharedAt: boolean[] = [];
		let signature = '';
		for (const key in record) {
			const value = record[key];
			// JSON.stringify leaves such a key out of an object: so does this.
			if (value === undefined) continue;
			let k = keyIndex.get(key);
			if (k === undefined) {
				k = keys.length;
				keyIndex.set(key, k);
				keys.push(key);
				columns.push(new Array<Json>(users.length).fill(null));
				joinable.push(true);
			}
			const nested = typeof value === 'object' && value !== null;
			present.push(k);
			sharedAt.push(nested);
			signature += nested ? `${k}s,` : `${k},`;
			if (!nested) {
				columns[k]![i] = value;
				if (typeof value !== 'string' || value.includes(separator)) joinable[k] = false;
				continue;
			}
			joinable[k] = false;
			columns[k]![i] = share(value);
		}
		let s = shapeIndex.get(signature);
		if (s === undefined) {
			s = shapes.length;
			shapeIndex.set(signature, s);
			shapes.push([present, sharedAt]);
		}
		shape[i] = s;
	}
	const written = columns.map((column, k) => (joinable[k] ? column.map(value => value ?? '').join(separator) : column));
	const local = tenant['x-local'];
	if (!local?.licenseRemovals) return {rest: {...tenant, users: null}, keys, shapes, shape, columns: written, shared};
	const places = new Map(users.map((user, i) => [user.id, i]));
	const ids = Object.keys(local.licenseRemovals);
	const whose = ids.map(id => places.get(id) ?? id);
	const values = ids.map(id => share(local.licenseRemovals![id]! as Json));
	const rest = {...tenant, users: null, 'x-local': {...local, licenseRemovals: null}};
	return {rest, keys, shapes, shape, columns: written, shared, removals: [whose, values]};
}

const separator = '\u007f';

/** Frozen all the way down: shared by many users, such a value can only be replaced, never changed. */
function deepFreeze(value: Json): Json {
	if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
	for (const key in value) deepFreeze((value as Record<string, Json>)[key]!);
	return Object.freeze(value) as Json;
}

/** The tenant again, or null when `data` is not what compactTenant made (a damaged file). */
export function expandTenant(data: unknown): Tenant | null {
	if (typeof data !== 'object' || data === null) return null;
	const {rest, keys, shapes, shape, columns, shared, removals} = data as Partial<CompactTenant>;
	if (typeof rest !== 'object' || rest === null || ![keys, shapes, shape, columns, shared].every(Array.isArray)) return null;
	const values = columns!.map(column => (typeof column === 'string' ? column.split(separator) : column));
	if (values.length !== keys!.length || values.some(column => !Array.isArray(column) || column.length !== shape!.length)) return null;
	// Users share these values, not copies of them: copying cost more than the rest of the reading.
	// What changes a user gives them new lists instead (replaying saved changes, domain/changes.ts;
	// the store, through Immer), and a value frozen makes any code that tried fail, not change others.
	const frozen = shared!.map(deepFreeze);
	const protoKey = keys!.indexOf('__proto__');
	const users = new Array<User>(shape!.length);
	for (let i = 0; i < users.length; i++) {
		const form = shapes![shape![i]!];
		if (!form) return null;
		const [present, sharedAt] = form;
		const user: {[key: string]: Json} = {};
		for (let p = 0; p < present.length; p++) {
			const k = present[p]!;
			let value = values[k]![i]!;
			if (sharedAt[p]) {
				value = frozen[value as number]!;
				if (value === undefined) return null;
			}
			// As JSON.parse made it: a key of that name is the user's own, not its prototype.
			if (k === protoKey) Object.defineProperty(user, '__proto__', {value, enumerable: true, writable: true, configurable: true});
			else user[keys![k]!] = value;
		}
		users[i] = user as unknown as User;
	}
	const tenant = {...rest, users} as Tenant;
	if (removals === undefined) return tenant;
	const [whose, at] = Array.isArray(removals) ? removals : [];
	const local = tenant['x-local'];
	if (!Array.isArray(whose) || !Array.isArray(at) || whose.length !== at.length || typeof local !== 'object' || local === null) return null;
	const ids: string[] = new Array(whose.length);
	for (let i = 0; i < whose.length; i++) {
		// The user's own id string: not one more copy of it.
		const id = typeof whose[i] === 'number' ? (users[whose[i] as number] as {id?: unknown} | undefined)?.id : whose[i];
		if (typeof id !== 'string' || !Number.isInteger(at[i]) || frozen[at[i]!] === undefined) return null;
		ids[i] = id;
	}
	const windows = () => {
		const byUser: Record<string, Record<string, string>> = {};
		for (let i = 0; i < ids.length; i++) {
			const value = frozen[at[i]!] as Record<string, string>;
			if (ids[i] === '__proto__') Object.defineProperty(byUser, '__proto__', {value, enumerable: true, writable: true, configurable: true});
			else byUser[ids[i]!] = value;
		}
		return byUser;
	};
	// Made when first read: with an entry for every user it costs more than the rest of the reading
	// (each id made a property name), and most commands never look at it. Kept by the accessor
	// itself, which works on the object frozen too (Immer freezes what it produces).
	const extras = {...local};
	let made: Record<string, Record<string, string>> | undefined;
	Object.defineProperty(extras, 'licenseRemovals', {
		enumerable: true,
		configurable: true,
		get: () => (made ??= windows()),
		set: (value: Record<string, Record<string, string>>) => void (made = value),
	});
	tenant['x-local'] = extras;
	return tenant;
}
