// Opening the tenant a subcommand or the TUI works on: the demo, a snapshot, or a live tenant through
// Microsoft Graph; with the changes saved for it.
import {strings} from './text/index.js';
import type {LanguageChoice} from './text/language.js';
import {join} from 'node:path';
import {UserError} from './errors.js';
import {type TenantBackend} from './backends/backend.js';
import {tokenProvider, type SignedIn} from './backends/graph/auth.js';
import {clouds, type Cloud} from './backends/graph/clouds.js';
import {GraphTenant} from './backends/graph/graph-tenant.js';
import {SnapshotCache} from './backends/snapshot-cache.js';
import {ValidatedSnapshots} from './backends/validated-snapshots.js';
import {LocalTenant} from './backends/local-tenant.js';
import {cacheFiles, demoTenantPath, homesOf, type Homes} from './paths.js';
import {openStateFile, type StateFile} from './store/state-file.js';
import {prepareStateDir, resolveStateDir} from './store/state-dir.js';
import {moveFromEarlierHome} from './store/move-home.js';
import {keepReplayed} from './store/load.js';
import {chooseProfile, homesOfTenant, type Chosen} from './store/profiles.js';
import type {TenantProfiles} from './store/profiles.schema.js';
import {openStore, type Store} from './store/store.js';
import {describeHolder, takeWriterLock} from './store/writer-lock.js';

export interface GlobalOptions {
	tenant?: string;
	stateDir?: string;
	reset: boolean;
	actAs?: string;
	graph?: boolean;
	clientId?: string;
	tenantId?: string;
	cloud?: string;
	graphEndpoint?: string;
	/** --login-endpoint: the sign-in service instead of the cloud's (tests, private clouds). */
	loginEndpoint?: string;
	/** --request-timeout, as given: 90, 90s, 5m. */
	requestTimeout?: string;
	/** --max-duration, as given: 2h. */
	maxDuration?: string;
	/** The language spoken and why (doctor says it); English by default when not given. */
	language?: LanguageChoice;
	/** --profile: one of the tenants added (tenants add), by name. */
	profile?: string;
	/** The tenants added, from the preferences. */
	profiles?: TenantProfiles;
	/** The client id a live tenant added without one signs in with (M365_LICENSES_CLIENT_ID, else the preference). */
	preferredClientId?: string;
	/** Set once the options are resolved (resolveProfile): the tenant profile they open, or null for none. */
	chosen?: Chosen | null;
}

/**
 * The options with the tenant profile they open (store/profiles.ts) written out: a snapshot's file, or
 * a live tenant's id, cloud and client id. Flags that name a tenant of their own go with no profile.
 */
export function resolveProfile(options: GlobalOptions): GlobalOptions {
	if (options.chosen !== undefined) return options;
	const chosen = chooseProfile(options);
	if (!chosen) return {...options, chosen: null};
	const {profile} = chosen;
	if (profile.source === 'snapshot') return {...options, chosen, tenant: profile.file};
	return {
		...options,
		chosen,
		graph: true,
		tenantId: profile.tenantId,
		cloud: profile.cloud,
		clientId: options.clientId ?? profile.clientId ?? options.preferredClientId,
	};
}

export interface Opened {
	store: Store;
	stateFile: StateFile;
	backend: TenantBackend;
	stateDir: string;
	/** Where the app keeps preferences, state and caches (a tenant profile's: its sub-folders). */
	homes: Homes;
	/** The tenant profile opened, or null (the demo, --tenant FILE, --graph without a profile). */
	chosen: Chosen | null;
	/** A live tenant: the account and tenant signed in to (null for a file). */
	signedIn: () => SignedIn | null;
	/**
	 * On the way out: why the last folding of the journal into state.json failed (housekeeping: what
	 * is saved stands, and it is tried again next time), or null; after a fold, the tenant with the
	 * new state.json is kept for the next start. The lock is not held: each writing let it go.
	 */
	release: () => string | null;
}

export interface Endpoints {
	cloud: Cloud;
	graph: string;
	login: string;
	/** The sign-in service was given (--login-endpoint or M365_LICENSES_LOGIN_ENDPOINT), not the cloud's. */
	customLogin: boolean;
}

export interface LiveOptions {
	/** Keep a copy of a live tenant and show it first next time (the TUI). */
	cacheTenant?: boolean;
	loadProgress?: (users: number) => void;
	/** Read only these users of a live tenant (ids or UPNs): what a change from the command line needs. */
	users?: Iterable<string>;
	/** The users of changes cut off in this tenant: read too, so that they can be settled. */
	settling?: (tenantId: string) => readonly string[];
	/** A device-code sign-in has ended: its prompt can go. */
	signInSettled?: () => void;
	/** False: never asks for a code (doctor): without a kept sign-in, says so instead. */
	interactive?: boolean;
	/** Aborted: the admin cancelled the opening (q, esc, Ctrl-C): the sign-in and reading end (Cancelled). */
	cancel?: AbortSignal;
	/** A subcommand: it makes at most one change and ends, so the tenant is not brought up to date after it. */
	oneShot?: boolean;
}

/** The copy of a live tenant the TUI keeps, to show next time once signed in: removed by logout. */
export const graphCacheFile = (cacheDir: string) => join(cacheDir, cacheFiles.graphTenant);

const settled = new Map<string, {homes: Homes; moved: string | null}>();
/**
 * The config, state and cache homes for these options (a state directory given holds all three),
 * with what an earlier version kept in one folder moved into them: once per process, said once.
 */
export function homesFor(options: GlobalOptions, env: NodeJS.ProcessEnv): {homes: Homes; moved: string | null} {
	const {homes, moved} = baseHomes(options, env);
	const {chosen} = resolveProfile(options);
	return {homes: chosen ? homesOfTenant(homes, chosen.profile.tenantId) : homes, moved};
}

/** The homes' top folders, whatever tenant is opened. */
export function baseHomes(options: GlobalOptions, env: NodeJS.ProcessEnv): {homes: Homes; moved: string | null} {
	const given = resolveStateDir(options.stateDir, env);
	const key = given ?? '';
	let found = settled.get(key);
	if (!found) {
		const homes = homesOf(given);
		found = {homes, moved: moveFromEarlierHome(homes)};
		settled.set(key, found);
		return found;
	}
	return {homes: found.homes, moved: null};
}

/** 127.0.0.0/8, ::1 or localhost: a server on this machine (the tests'), which nothing on the way can read. */
const loopback = (host: string) => host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);

/**
 * An endpoint's address: https (plain http only to this machine, for tests: a token sent over it
 * could be read on the way), without a trailing slash. Checked before any request is made.
 */
function endpoint(flag: string, given: string): string {
	let url: URL | null = null;
	try {
		url = new URL(given);
	} catch {
		// Said below.
	}
	const usage = (problem: string) => new UserError(strings.cli.usageError(problem), 2);
	if (url && (url.username || url.password)) {
		url.username = url.password = '';
		throw usage(strings.cli.endpointCredentials(flag, url.href));
	}
	if (url?.protocol === 'http:' && !loopback(url.hostname)) throw usage(strings.cli.plainHttpEndpoint(flag, given));
	if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) throw usage(strings.cli.badEndpoint(flag, given));
	return given.replace(/\/+$/, '');
}

/** The cloud and its endpoints for --graph (--graph-endpoint and --login-endpoint replace the cloud's). */
export function endpointsOf(options: GlobalOptions, env: NodeJS.ProcessEnv = {}): Endpoints {
	const cloud = (options.cloud ?? 'worldwide') as Cloud;
	if (!(cloud in clouds)) throw new UserError(strings.cli.usageError(strings.cli.badCloud(String(options.cloud))), 2);
	const login = options.loginEndpoint ?? (env['M365_LICENSES_LOGIN_ENDPOINT'] || undefined);
	const loginFlag = options.loginEndpoint ? '--login-endpoint' : 'M365_LICENSES_LOGIN_ENDPOINT';
	return {
		cloud,
		graph: options.graphEndpoint ? endpoint('--graph-endpoint', options.graphEndpoint) : clouds[cloud].graph,
		login: login ? endpoint(loginFlag, login) : clouds[cloud].login,
		customLogin: login !== undefined,
	};
}

/** A duration flag's value: a number of seconds, or with a unit (ms, s, m, h). */
export function parseDuration(flag: string, given: string): number {
	const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/i.exec(given);
	const ms = match ? Number(match[1]) * {ms: 1, s: 1000, m: 60_000, h: 3_600_000}[(match[2] ?? 's').toLowerCase() as 'ms' | 's' | 'm' | 'h'] : NaN;
	if (!(ms > 0)) throw new UserError(strings.cli.usageError(strings.cli.badDuration(flag, given)), 2);
	return ms;
}

/** The state directory alone: what logout and doctor need when no tenant can or need be opened. */
export function stateDirOf(options: GlobalOptions, env: NodeJS.ProcessEnv): string {
	return homesFor(options, env).homes.state;
}

/** The state directory and the backend, without reading the tenant yet (doctor needs no more). */
export function prepare(
	options: GlobalOptions,
	env: NodeJS.ProcessEnv,
	say: (message: string, cancel?: () => void) => void,
	{cacheTenant = false, loadProgress, users, settling, signInSettled, interactive, cancel}: LiveOptions = {},
) {
	options = resolveProfile(options);
	if (options.graph && options.tenant) throw new UserError(strings.cli.usageError(strings.cli.graphAndTenant), 2);
	if (
		!options.graph &&
		(options.clientId || options.tenantId || options.cloud || options.graphEndpoint || options.loginEndpoint || options.requestTimeout || options.maxDuration)
	) {
		throw new UserError(strings.cli.usageError(strings.cli.needGraph), 2);
	}
	if (options.graph && options.actAs) throw new UserError(strings.cli.asWithGraph, 2);
	const {homes, moved} = homesFor(options, env);
	// A tenant profile's state is its own sub-folder; otherwise the state directory as given, or the default.
	const stateDirFlag = options.chosen ? homes.state : resolveStateDir(options.stateDir, env);
	const stateDir = homes.state;
	const cached = (name: string) => join(homes.cache, name);
	let backend: TenantBackend;
	let signedIn: () => SignedIn | null = () => null;
	if (options.graph) {
		const endpoints = endpointsOf(options, env);
		const timeoutMs = options.requestTimeout ? parseDuration('request-timeout', options.requestTimeout) : undefined;
		const tokens = tokenProvider({
			env,
			clientId: options.clientId ?? env['M365_LICENSES_CLIENT_ID'],
			tenantId: options.tenantId ?? env['M365_LICENSES_TENANT_ID'] ?? 'organizations',
			login: endpoints.login,
			customLogin: endpoints.customLogin,
			resource: clouds[endpoints.cloud].graph,
			stateDir: homes.signIns,
			// A customer found through its partner (tenants discover) signs in through the partner's sign-in.
			partnerTenantId: options.chosen?.profile.source === 'graph' ? options.chosen.profile.partnerTenantId : undefined,
			timeoutMs,
			say,
			settled: signInSettled,
			interactive,
			cancel,
		});
		signedIn = tokens.signedIn;
		const maxDuration = options.maxDuration ?? '2h';
		backend = new GraphTenant({
			base: endpoints.graph,
			token: tokens.token,
			signedIn,
			source: endpoints.graph,
			// Only the TUI shows a cached copy first; a subcommand always reads the tenant as it is.
			cacheFile: cacheTenant ? graphCacheFile(homes.cache) : undefined,
			onLoadProgress: loadProgress,
			users,
			// A change cut off last time is settled on opening: its users are read too.
			settling,
			timeoutMs,
			maxDuration: {ms: parseDuration('max-duration', maxDuration), given: maxDuration},
			cancel,
		});
	} else {
		backend = options.tenant
			? new LocalTenant(options.tenant, 'snapshot', new ValidatedSnapshots(cached(cacheFiles.validated)), {
					snapshot: new SnapshotCache(cached(cacheFiles.snapshot)),
					replayed: new SnapshotCache(cached(cacheFiles.replayed)),
				})
			: new LocalTenant(demoTenantPath, 'demo');
	}
	return {stateDirFlag, stateDir, homes, moved, backend, signedIn, chosen: options.chosen ?? null};
}

export async function openTenant(
	options: GlobalOptions,
	env: NodeJS.ProcessEnv,
	say: (message: string, cancel?: () => void) => void = () => {},
	live: LiveOptions & {writer?: string} = {},
): Promise<Opened> {
	const settling = (tenantId: string) => stateFile.interrupted(tenantId).flatMap(change => change.items.map(item => item.userId));
	const {stateDirFlag, stateDir, homes, moved, backend, signedIn, chosen} = prepare(options, env, say, {...live, settling});
	const take = (command: string) => {
		prepareStateDir(stateDirFlag);
		return takeWriterLock(stateDir, command);
	};
	const stateFile = openStateFile(stateDirFlag);
	// The lock is held only while something is written, never while the app sits open: by the
	// opening, for its own writing (a change cut off settled, --reset, files made private), and by
	// each change (the store takes it, and reads what others saved first).
	let notFolded: string | null = null;
	let folded = false;
	/** The writer's housekeeping, at the end of each writing: the audit log, and a fold once the journal has grown. */
	const compact = () => {
		const before = stateFile.savedBase?.hash;
		notFolded = stateFile.compact();
		folded ||= stateFile.savedBase?.hash !== before;
	};
	const command = live.writer;
	const lease = (lock: {release: () => void}) => ({
		release() {
			try {
				// A reader that settled leaves folding to a writer.
				if (command) compact();
			} finally {
				lock.release();
			}
		},
	});
	const openingLock = async () => {
		if (command) {
			const lock = take(command);
			return 'release' in lock ? lease(lock) : {heldBy: describeHolder(lock.heldBy)};
		}
		// A reader settles a change cut off when no writer is at work; a directory that cannot be
		// written can still be read, and settling waits for a writer.
		if (!stateFile.cutOff()) return null;
		try {
			const lock = take('settle');
			return 'release' in lock ? lease(lock) : {heldBy: describeHolder(lock.heldBy)};
		} catch (error) {
			if (!(error instanceof UserError)) throw error;
			return null;
		}
	};
	const writer = {
		async take() {
			// A command that only reads never changes anything: a programming error if it tries.
			if (!command) throw new Error('a store opened to read was asked to change');
			return lease(await waitForLock(() => take(command), stateDir)).release;
		},
	};
	const store = await openStore({backend, stateFile, reset: options.reset, actAs: options.actAs, openingLock, writer, oneShot: live.oneShot, notice: moved});
	// A profile's folder is its tenant's alone: a snapshot that is now another tenant's is refused.
	const found = store.getState().tenant.organization.id;
	if (chosen && found.toLowerCase() !== chosen.profile.tenantId.toLowerCase()) {
		throw new UserError(strings.tenants.otherTenant(chosen.name, backend.source, found, chosen.profile.tenantId));
	}
	/** Says why folding failed, if it did; after a fold, the tenant with the new state.json replayed is kept for the next start. */
	const release = () => {
		if (folded) keepReplayed(backend, stateFile);
		folded = false;
		return notFolded;
	};
	return {store, stateFile, backend, stateDir, homes, signedIn, release, chosen};
}

/** How long a change waits for another's to be written before it says who is writing. */
const lockWaitMs = 10_000;

/** The writer lock, waited for while another process writes a change (which takes moments, never a session). */
async function waitForLock(take: () => ReturnType<typeof takeWriterLock>, stateDir: string): Promise<{release: () => void}> {
	const until = Date.now() + lockWaitMs;
	for (;;) {
		const lock = take();
		if ('release' in lock) return lock;
		if (Date.now() >= until) throw new UserError(strings.cli.locked(describeHolder(lock.heldBy), stateDir));
		await new Promise(resolve => setTimeout(resolve, 100));
	}
}
