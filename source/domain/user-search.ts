// The / filter over lists of up to 100,000 users. Each list is searched through one string of its
// users' names and usernames in lower case, made once per list (lists are immutable, so a WeakMap
// keyed by the list is an exact cache): a letter typed is one indexOf pass over that string, not a
// look at every user, and who holds a product is a list of places made in the same pass.
import type {User} from './model.js';

interface SearchIndex {
	/** Every user's "name\nupn" in lower case, in the list's order, each followed by a NUL. */
	text: string;
	/** Where each user's part of `text` starts; one more entry for the end. */
	starts: Int32Array;
	/** skuId → the places in the list of the users holding it, ascending: made when first asked. */
	bySku?: Map<string, number[]>;
	/** The last searches, newest last: typing narrows the one before, backspace goes back to one. */
	recent: Search[];
}

interface Search {
	needle: string;
	byName: boolean;
	skuIds: ReadonlySet<string>;
	/** The places found, ascending; null for every user. */
	places: Int32Array | null;
	found: readonly User[];
}

/** Searches kept per list: a word typed, and back. */
const keepSearches = 12;

const indexes = new WeakMap<readonly User[], SearchIndex>();

function searchIndex(users: readonly User[]): SearchIndex {
	let index = indexes.get(users);
	if (index) return index;
	const starts = new Int32Array(users.length + 1);
	const parts: string[] = new Array(users.length);
	let at = 0;
	for (let i = 0; i < users.length; i++) {
		const user = users[i]!;
		// A NUL cannot be typed into the filter, so no match runs from one user into the next.
		const part = `${user.displayName}\n${user.userPrincipalName}\u0000`;
		parts[i] = part;
		starts[i] = at;
		at += part.length;
	}
	starts[users.length] = at;
	// One lower-casing of the whole: unless a letter changes length in lower case (İ), when each part
	// is lowered on its own and the places are counted again.
	let text = parts.join('').toLowerCase();
	if (text.length !== at) {
		at = 0;
		for (let i = 0; i < users.length; i++) {
			parts[i] = parts[i]!.toLowerCase();
			starts[i] = at;
			at += parts[i]!.length;
		}
		starts[users.length] = at;
		text = parts.join('');
	}
	index = {text, starts, recent: []};
	indexes.set(users, index);
	return index;
}

function holdersBySku(users: readonly User[], index: SearchIndex): Map<string, number[]> {
	if (!index.bySku) {
		const bySku = new Map<string, number[]>();
		for (let i = 0; i < users.length; i++) {
			for (const license of users[i]!.assignedLicenses) {
				let places = bySku.get(license.skuId);
				if (!places) bySku.set(license.skuId, (places = []));
				places.push(i);
			}
		}
		index.bySku = bySku;
	}
	return index.bySku;
}

/**
 * Makes a list's index ahead of time, so the first letter typed does not pay for it: in steps, each
 * a part of the work, for a caller that runs them one at a time (`users` is asked at each).
 */
export function userSearchSteps(users: () => readonly User[]): Array<() => void> {
	return [
		() => searchIndex(users()),
		() => holdersBySku(users(), searchIndex(users())),
		// One search, for the common letter "e": the first one a person types then runs compiled code.
		() => searchUsers(users(), 'e', true, new Set()),
	];
}

/** The place of the user whose part of the text holds `offset`, at or after `from`. */
function userAt(starts: Int32Array, offset: number, from: number): number {
	// Galloping from `from`: a letter most users have is found in the next user or the one after.
	const last = starts.length - 2;
	let step = 1;
	while (from + step <= last && starts[from + step]! <= offset) {
		from += step;
		step *= 2;
	}
	let low = from;
	let high = Math.min(last, from + step - 1);
	while (low < high) {
		const mid = (low + high + 1) >> 1;
		if (starts[mid]! <= offset) low = mid;
		else high = mid - 1;
	}
	return low;
}

/**
 * The users of the list, in its order, whose name or username contains `needle` (already in lower
 * case; with `byName`), or who hold one of `skuIds`. The same search again gives the same list.
 */
export function searchUsers(users: readonly User[], needle: string, byName: boolean, skuIds: ReadonlySet<string>): readonly User[] {
	const index = searchIndex(users);
	const {text, starts, recent} = index;
	const same = (a: ReadonlySet<string>, b: ReadonlySet<string>) => a.size === b.size && [...a].every(skuId => b.has(skuId));
	const again = recent.find(s => s.needle === needle && s.byName === byName && same(s.skuIds, skuIds));
	if (again) return again.found;
	const byText = byName && needle !== '' && !needle.includes('\u0000');
	// A search that holds every user this one can find: one by a part of this needle, and the same
	// products or more. Then only its users are looked at (a letter typed narrows what the one
	// before found), instead of the whole text.
	let wider: Search | undefined;
	for (let i = recent.length - 1; i >= 0 && byText && !wider; i--) {
		const s = recent[i]!;
		if (s.places !== null && s.byName && s.needle !== '' && needle.includes(s.needle) && [...skuIds].every(skuId => s.skuIds.has(skuId))) wider = s;
	}
	const hit = new Uint8Array(users.length);
	let count = 0;
	const mark = (place: number) => {
		if (hit[place] === 0) {
			hit[place] = 1;
			count++;
		}
	};
	if (wider) {
		// Each user's own part: a search from it through the text would run on past it.
		for (const place of wider.places!) if (text.slice(starts[place]!, starts[place + 1]!).includes(needle)) mark(place);
	} else if (byText) {
		for (let offset = text.indexOf(needle), place = 0; offset >= 0;) {
			place = userAt(starts, offset, place);
			mark(place);
			// On to the next user: one match a user is enough.
			offset = text.indexOf(needle, starts[place + 1]!);
		}
	}
	if (skuIds.size > 0) {
		const bySku = holdersBySku(users, index);
		for (const skuId of skuIds) for (const place of bySku.get(skuId) ?? []) mark(place);
	}
	let found: readonly User[] = users;
	let places: Int32Array | null = null;
	if (count < users.length) {
		const list: User[] = new Array(count);
		places = new Int32Array(count);
		for (let place = 0, n = 0; n < count; place++) {
			if (hit[place]) {
				places[n] = place;
				list[n++] = users[place]!;
			}
		}
		found = list;
	}
	recent.push({needle, byName, skuIds: new Set(skuIds), places, found});
	if (recent.length > keepSearches) recent.shift();
	return found;
}
