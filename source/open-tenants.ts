// Every tenant added (tenants add), opened side by side, a few at a time, each with its own sign-in
// and its own Graph client, so each under its own throttling budget; never asking for a code. What
// --all-tenants and the app's Tenants screen read. A failure is that tenant's alone.
import {UserError} from './errors.js';
import {strings} from './text/index.js';
import {openTenant, type GlobalOptions} from './open-tenant.js';
import type {Tenant} from './domain/model.js';
import {profileNames} from './store/profiles.js';
import type {TenantProfile} from './store/profiles.schema.js';

/** Tenants read at once: enough to overlap their waits on Graph, few enough for a small machine. */
export const tenantsAtOnce = 4;

export interface TenantRead<T> {
	name: string;
	tenantId: string;
	result: T | null;
	error: string | null;
}

const usage = (message: string) => new UserError(strings.cli.usageError(message), 2);

/** The flags that name one tenant have no place beside --all-tenants. */
export function checkAllTenants(globals: GlobalOptions): string[] {
	if (globals.profile !== undefined) throw usage(strings.tenants.allWithProfile);
	if (globals.tenantId !== undefined && !globals.graph) throw usage(strings.tenants.allWithTenant('--tenant-id'));
	if (globals.reset) throw usage(strings.tenants.allWithTenant('--reset'));
	if (globals.actAs !== undefined) throw usage(strings.tenants.allWithTenant('--as'));
	const names = profileNames(globals.profiles);
	if (names.length === 0) throw usage(strings.tenants.allNone);
	return names;
}

/** The options that open one profile: its own tenant, and of the flags given only those that apply to it. */
export function optionsFor(globals: GlobalOptions, name: string, profile: TenantProfile): GlobalOptions {
	const live = profile.source === 'graph';
	return {
		stateDir: globals.stateDir,
		reset: false,
		language: globals.language,
		profiles: globals.profiles,
		preferredClientId: globals.preferredClientId,
		profile: name,
		...(live
			? {
					clientId: globals.clientId,
					graphEndpoint: globals.graphEndpoint,
					loginEndpoint: globals.loginEndpoint,
					requestTimeout: globals.requestTimeout,
					maxDuration: globals.maxDuration,
				}
			: {}),
	};
}

/** Runs `work` over the items, at most `limit` at once, the results in the items' order. */
export async function atMostAtOnce<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
	const results: R[] = new Array(items.length);
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const i = next++;
			results[i] = await work(items[i]!);
		}
	};
	await Promise.all(Array.from({length: Math.min(limit, items.length)}, worker));
	return results;
}

/**
 * Every tenant added, each opened as --profile NAME would open it (read only, never asking for a
 * sign-in: a tenant not signed in says so) and `read`; a failure is that tenant's alone.
 */
export async function readTenants<T>(
	globals: GlobalOptions,
	env: NodeJS.ProcessEnv,
	say: (line: string) => void,
	read: (tenant: Tenant) => T,
	limit = tenantsAtOnce,
	/** Each tenant as soon as it is read, or could not be. */
	onEach: (read: TenantRead<T>) => void = () => {},
): Promise<Array<TenantRead<T>>> {
	const names = checkAllTenants(globals);
	return atMostAtOnce(names, limit, async name => {
		const profile = globals.profiles![name]!;
		const started = Date.now();
		say(strings.tenants.reading(name));
		try {
			const opened = await openTenant(optionsFor(globals, name, profile), env, message => say(`${name}: ${message}`), {interactive: false, oneShot: true});
			try {
				const result = read(opened.store.getState().tenant);
				say(strings.tenants.read(name, ((Date.now() - started) / 1000).toFixed(1)));
				const done = {name, tenantId: profile.tenantId, result, error: null};
				onEach(done);
				return done;
			} finally {
				const problem = opened.release();
				if (problem) say(`${name}: ${problem}`);
			}
		} catch (error) {
			// A programming error is not a tenant's: it ends the command as any would.
			if (!(error instanceof UserError)) throw error;
			const problem = error.message.replace(/\s*\n\s*/g, ' ');
			say(strings.tenants.failed(name, problem));
			const failed = {name, tenantId: profile.tenantId, result: null, error: problem};
			onEach(failed);
			return failed;
		}
	});
}
