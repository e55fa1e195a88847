// state.json: every change saved up to journal record `through`, folded to one entry per user and
// tenant. Written whole (fs/durable.ts) by a fold, never changed in place; read lazily: a file of
// this build's format says where the journal takes over in its first bytes, and the rest is parsed
// only when it is replayed, and not at all when a tenant with it replayed is kept
// (backends/snapshot-cache.ts). Any other file is read whole at once, and refused unless it is of
// this format and shape: it is left as it is, byte for byte.
import type {Folded} from '../domain/changes.js';
import {UserError} from '../errors.js';
import {strings} from '../text/index.js';
import {openToRead} from '../fs/durable.js';
import {contentHash} from '../fs/content-hash.js';
import {shapeProblem} from './state-schema.js';
import {stateFormat, type StateShape} from './state.schema.js';

export interface SavedState {
	/** The journal record it was folded up to (0: none). */
	readonly through: number;
	/** The changes per tenant, as read (parsed when first asked for; never changed). */
	tenants(): ReadonlyMap<string, Folded>;
	/** The content hash of the file as read: what a tenant with it replayed is kept under. Null when there is none. */
	hash(): string | null;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function readSavedState(path: string): SavedState {
	const read = openToRead(path);
	if (read === null) return {through: 0, tenants: () => new Map(), hash: () => null};
	const refuse = (problem: string) => new UserError(strings.state.refused(path, problem));
	const parse = (): {through: number; tenants: Map<string, Folded>} => {
		let data: unknown;
		try {
			data = JSON.parse(read.bytes().toString('utf8'));
		} catch {
			throw refuse(strings.state.notJson);
		}
		const version = isObject(data) ? data['version'] : undefined;
		if (typeof version === 'number' && version !== stateFormat) throw refuse(strings.state.otherFormat(version, stateFormat));
		const problem = shapeProblem('state', data);
		if (problem) throw refuse(problem);
		const {through, tenants} = data as StateShape;
		return {through, tenants: new Map(Object.entries(tenants).map(([tenantId, {users}]) => [tenantId, new Map(users)]))};
	};
	let tenants: Map<string, Folded> | null = null;
	let through: number;
	const header = /^\{"version":(\d+),"through":(\d+),"tenants":/.exec(read.head);
	// A counter past what a number holds exactly is not believed here: the schema refuses it below.
	if (header && Number(header[1]) === stateFormat && Number.isSafeInteger(Number(header[2]))) through = Number(header[2]);
	else ({through, tenants} = parse());
	let hash: string | null = null;
	return {
		through,
		tenants: () => (tenants ??= parse().tenants),
		hash: () => (hash ??= read.hash()),
	};
}

/** state.json's text for these changes, folded through journal record `through`. */
export function savedStateText(through: number, tenants: ReadonlyMap<string, Folded>): {text: string; hash: string} {
	const kept = Object.fromEntries([...tenants].filter(([, users]) => users.size > 0).map(([id, users]) => [id, {users: [...users]}]));
	const text = `${JSON.stringify({version: stateFormat, through, tenants: kept} satisfies StateShape)}\n`;
	return {text, hash: contentHash(text)};
}
