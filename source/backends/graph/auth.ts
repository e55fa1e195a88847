// Signing in to Microsoft Graph for a headless admin: the device-code flow (a URL and a code to enter
// on any other device), with the token cache in the state directory (mode 0600) so the next start
// signs in silently. For automation and tests, M365_LICENSES_GRAPH_TOKEN supplies a token and skips it.
//
// MSAL talks to the sign-in service through network.ts (the same proxy rules as Graph). A permission
// an action needs beyond reading and licensing is asked for when that action is first used.
//
// Tokens are per sign-in service and tenant: one cache holds every account signed in, and a small
// record (sign-in.json) says which account each --tenant-id was signed in with, so another tenant never
// gets a token of the first one (MSAL looks a token up by the account's tenant, not the authority's).
import {createHash} from 'node:crypto';
import {join} from 'node:path';
import type {AccountInfo, AuthenticationResult, DeviceCodeRequest, INetworkModule, NetworkResponse, PublicClientApplication} from '@azure/msal-node';
import {Cancelled, UserError} from '../../errors.js';
import {diskError, lookAt, readIfThere, removeFile} from '../../fs/durable.js';
import {writePrivateFile} from '../../fs/private-files.js';
import {strings} from '../../text/index.js';
import {graphScopes} from './clouds.js';
import {send} from './network.js';
import {networkProblem, redact} from './http.js';
import type {TokenSource} from './http.js';

export interface SignInOptions {
	env: NodeJS.ProcessEnv;
	clientId: string | undefined;
	tenantId: string;
	/** The sign-in service: the cloud's, or --login-endpoint. */
	login: string;
	/** Given with --login-endpoint: not one of Microsoft's hosts, so MSAL must not look it up at Microsoft. */
	customLogin: boolean;
	/** Graph's resource, which scopes are named under: the cloud's Graph. */
	resource: string;
	stateDir: string;
	/** Each sign-in request's time limit. */
	timeoutMs?: number;
	/**
	 * Shows the device-code message: the verification URL and the code. Never a token. `cancel` drops
	 * this sign-in (esc on the prompt): what waits for it is cancelled, and nothing is sent.
	 */
	say: (message: string, cancel?: () => void) => void;
	/** Aborted: every sign-in still waiting for a code is dropped (the app is leaving). */
	cancel?: AbortSignal;
	/** A device-code sign-in has ended (granted or not): what `say` showed no longer applies. */
	settled?: () => void;
	/** False: never asks for a code (doctor); without a kept sign-in, says how to sign in instead. */
	interactive?: boolean;
	/**
	 * A customer's tenant reached through its partner (GDAP): the partner's tenant, whose kept sign-in
	 * gets this tenant a token of its own (its authority, the partner's refresh token).
	 */
	partnerTenantId?: string;
}

export const tokenCacheFile = (stateDir: string) => join(stateDir, 'msal-token-cache.json');
/** Which account each sign-in service and tenant was signed in with: no secret, but the admin's own. */
export const signInsFile = (stateDir: string) => join(stateDir, 'sign-in.json');

/** The account a token is for, and what a copy of what it read is kept under. */
export interface SignedIn {
	/** The admin's user name, when known. */
	username: string | null;
	/** The directory (tenant) id the token is for, when known. */
	tenantId: string | null;
	/** Names the sign-in: a copy of a tenant read with one sign-in is shown only to the same one. */
	key: string;
}

export interface Tokens {
	token: TokenSource;
	/** Who the tokens are for, once one has been given (null before). */
	signedIn: () => SignedIn | null;
}

/** The files of a sign-in: forgotten by `m365-licenses logout`, with every copy of what it read. */
export function signOut(stateDir: string, copies: readonly string[]): boolean {
	let any = false;
	for (const file of [tokenCacheFile(stateDir), signInsFile(stateDir), ...copies]) {
		if (!lookAt(file)) continue;
		removeFile(file);
		any = true;
	}
	return any;
}

/**
 * Forgets what was kept for one tenant (tenants remove): which account signed in to it, and the
 * tokens issued for it (MSAL's entries whose realm it is). The account's refresh token stays: it is
 * the account's, and reaches the other tenants it is kept for. True when anything went.
 */
export function forgetTenant(stateDir: string, tenantId: string): boolean {
	const tenant = tenantId.toLowerCase();
	let any = false;
	const records = readIfThere(signInsFile(stateDir));
	if (records !== null) {
		const data = parseKept<{version: number; targets?: Record<string, Remembered>}>(signInsFile(stateDir), records);
		const targets = Object.entries(data.targets ?? {});
		const kept = targets.filter(([target, account]) => !target.endsWith(`/${tenant}`) && account.tenantId.toLowerCase() !== tenant);
		if (kept.length !== targets.length) {
			writePrivateFile(signInsFile(stateDir), `${JSON.stringify({...data, targets: Object.fromEntries(kept)}, null, 2)}\n`);
			any = true;
		}
	}
	const cache = readIfThere(tokenCacheFile(stateDir));
	if (cache !== null) {
		const sections = parseKept<Record<string, Record<string, {realm?: string}>>>(tokenCacheFile(stateDir), cache);
		let changed = false;
		for (const kind of ['Account', 'IdToken', 'AccessToken']) {
			for (const [key, entry] of Object.entries(sections[kind] ?? {})) {
				if (entry.realm?.toLowerCase() !== tenant) continue;
				delete sections[kind]![key];
				changed = true;
			}
		}
		if (changed) writePrivateFile(tokenCacheFile(stateDir), JSON.stringify(sections));
		any ||= changed;
	}
	return any;
}

/** A sign-in file as JSON, or a UserError naming it: it is not changed then. */
function parseKept<T>(file: string, text: string): T {
	try {
		return JSON.parse(text) as T;
	} catch (error) {
		throw new UserError(strings.state.cannot('read', file, strings.cli.notJson((error as Error).message, null)));
	}
}

/** The claims of a JWT, unverified: only to name who a given token is for. */
function claimsOf(token: string): Record<string, unknown> {
	try {
		const claims: unknown = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
		return typeof claims === 'object' && claims !== null ? (claims as Record<string, unknown>) : {};
	} catch {
		// Not a JWT (a test's token): nothing to name.
		return {};
	}
}
const claim = (claims: Record<string, unknown>, ...names: string[]) => names.map(name => claims[name]).find((v): v is string => typeof v === 'string') ?? null;

/** A function giving a valid access token, signing in the first time it is asked. */
export function tokenProvider(options: SignInOptions): Tokens {
	const fixed = options.env['M365_LICENSES_GRAPH_TOKEN'];
	if (fixed) {
		const claims = claimsOf(fixed);
		const signedIn: SignedIn = {
			username: claim(claims, 'preferred_username', 'upn', 'unique_name'),
			tenantId: claim(claims, 'tid'),
			key: `token:${createHash('sha256').update(fixed).digest('hex').slice(0, 32)}`,
		};
		return {token: async () => fixed, signedIn: () => signedIn};
	}
	if (!options.clientId) {
		throw new UserError(strings.cli.noClientId, 2);
	}
	const signIn = new SignIn({...options, clientId: options.clientId});
	/** Per set of permissions: the token being fetched or held, and until when it is good. */
	const tokens = new Map<string, {token: Promise<string>; expires: number | null}>();
	const token: TokenSource = (extra = [], signal) => {
		if (signal?.aborted) return Promise.reject(cancelled());
		const scopes = [...new Set([...graphScopes, ...extra])];
		const key = scopes.join(' ');
		const held = tokens.get(key);
		// One sign-in at a time: requests made together wait for the same one, not a code each.
		if (held && (held.expires === null || held.expires > Date.now() + 60_000)) return abortable(held.token, signal);
		const entry: {token: Promise<string>; expires: number | null} = {expires: null, token: Promise.resolve('')};
		entry.token = signIn.acquire(scopes, extra, signal).then(
			result => {
				entry.expires = result.expiresOn?.getTime() ?? Date.now() + 30 * 60_000;
				return result.accessToken;
			},
			error => {
				if (tokens.get(key) === entry) tokens.delete(key);
				throw error;
			},
		);
		tokens.set(key, entry);
		return entry.token;
	};
	return {token, signedIn: () => signIn.account};
}

const cancelled = () => new Cancelled();

/** The promise, or a rejection as soon as the signal aborts: the caller stops waiting; the work may go on. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
	if (!signal) return promise;
	return new Promise<T>((resolve, reject) => {
		const onAbort = () => reject(cancelled());
		if (signal.aborted) return onAbort();
		signal.addEventListener('abort', onAbort, {once: true});
		promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
	});
}

/** RFC 8628: slow_down asks for five seconds more between polls, for this poll and every later one. */
export const slowDownMs = 5000;

/** What went wrong talking to the sign-in service, for a one-line message. */
interface Trouble {
	/** The last OAuth error the service answered (authorization_pending, expired_token…). */
	oauthError?: string;
	description?: string;
	/** The last request that got no usable answer, and why. */
	network?: string;
}

/**
 * MSAL's network client: every request through network.ts (proxies), with a time limit. MSAL stops
 * polling at slow_down (RFC 8628 §3.5), so the wait is lengthened here and polling goes on.
 */
export function signInNetwork(trouble: Trouble, timeoutMs: number, sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))): INetworkModule {
	const extraWait = new Map<string, number>();
	async function exchange<T>(method: 'GET' | 'POST', address: string, headers?: Record<string, string>, body?: string): Promise<NetworkResponse<T>> {
		const url = new URL(address);
		const deviceCode = body ? new URLSearchParams(body).get('device_code') : null;
		const wait = deviceCode ? (extraWait.get(deviceCode) ?? 0) : 0;
		if (wait > 0) await sleep(wait);
		let status: number;
		let text: string;
		let answerHeaders: Record<string, string>;
		try {
			const response = await send(url, {method, headers, body, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs)});
			status = response.status;
			answerHeaders = Object.fromEntries(response.headers);
			text = await response.text();
		} catch (error) {
			trouble.network = strings.signIn.network(`${method} ${url.origin}${url.pathname}`, networkProblem(error, url, timeoutMs));
			throw new Error(trouble.network, {cause: error});
		}
		let parsed: unknown;
		try {
			parsed = JSON.parse(text);
		} catch {
			trouble.network = strings.signIn.network(`${method} ${url.origin}${url.pathname}`, strings.signIn.notJson(status));
			throw new Error(trouble.network);
		}
		let answer = parsed as {error?: unknown; error_description?: unknown};
		// Only the last answer says why a sign-in ended: an error answered earlier and then got past
		// (authorization_pending) is not the cause of a failure after it.
		trouble.oauthError = undefined;
		trouble.description = undefined;
		if (typeof answer?.error === 'string') {
			trouble.oauthError = answer.error;
			trouble.description = typeof answer.error_description === 'string' ? answer.error_description : undefined;
			if (deviceCode && answer.error === 'slow_down') {
				extraWait.set(deviceCode, wait + slowDownMs);
				answer = {...answer, error: 'authorization_pending'};
			}
		}
		return {status, headers: answerHeaders, body: answer as T};
	}
	return {
		sendGetRequestAsync: (url, options) => exchange('GET', url, options?.headers),
		sendPostRequestAsync: (url, options) => exchange('POST', url, options?.headers, options?.body),
	};
}

/**
 * A sign-in service on this machine over plain http, as MSAL sees it: at the https address it was
 * given (`origin` with https), its requests carried over http and its answers' addresses made https.
 */
function overPlainHttp(network: INetworkModule, origin: string): INetworkModule {
	const named = `https:${origin.slice('http:'.length)}`;
	const toService = (url: string) => (url.startsWith(named) ? origin + url.slice(named.length) : url);
	const toMsal = <T>(response: NetworkResponse<T>): NetworkResponse<T> => ({
		...response,
		body: JSON.parse(JSON.stringify(response.body).split(origin).join(named)) as T,
	});
	return {
		sendGetRequestAsync: async (url, options) => toMsal(await network.sendGetRequestAsync(toService(url), options)),
		sendPostRequestAsync: async (url, options) => toMsal(await network.sendPostRequestAsync(toService(url), options)),
	};
}

/** Where one sign-in target's account is remembered: the service and the tenant as given. */
interface Remembered {
	homeAccountId: string;
	tenantId: string;
	username: string;
}

class SignIn {
	private app: Promise<PublicClientApplication> | undefined;
	private readonly trouble: Trouble = {};
	/** The account the last token was given for. */
	account: SignedIn | null = null;

	constructor(private readonly options: SignInOptions & {clientId: string}) {}

	/** The authority as MSAL is given it: a service on this machine over plain http is named with https (overPlainHttp). */
	private get authority(): string {
		const {login} = this.options;
		return login.startsWith('http:') ? `https:${login.slice('http:'.length)}` : login;
	}

	/** The sign-in service and tenant this app signs in to: what sign-in.json remembers an account under. */
	private get target(): string {
		return `${this.options.login}/${this.options.tenantId}`.toLowerCase();
	}

	private application(): Promise<PublicClientApplication> {
		// Loaded only for a live sign-in: the demo and snapshots never pay for it.
		this.app ??= import('@azure/msal-node').then(({PublicClientApplication}) => {
			const {login, tenantId, clientId, customLogin, timeoutMs = 60_000} = this.options;
			const file = tokenCacheFile(this.options.stateDir);
			const network = signInNetwork(this.trouble, timeoutMs);
			// MSAL takes only an https authority: a service on this machine over plain http (tests) is named to it as https.
			const plain = login.startsWith('http:');
			const authority = this.authority;
			return new PublicClientApplication({
				auth: {
					clientId,
					authority: `${authority}/${tenantId}`,
					// A sign-in service of one's own (tests, private clouds) is trusted as given: MSAL asks it,
					// not Microsoft, where its endpoints are.
					knownAuthorities: customLogin ? [new URL(login).host] : [],
				},
				system: {networkClient: plain ? overPlainHttp(network, new URL(login).origin) : network},
				cache: {
					cachePlugin: {
						async beforeCacheAccess(context) {
							const text = readIfThere(file);
							if (text !== null) context.tokenCache.deserialize(text);
						},
						async afterCacheAccess(context) {
							// Written whole and owner-only (0600), never through a link; its folder made first.
							if (context.cacheHasChanged) writePrivateFile(file, context.tokenCache.serialize());
						},
					},
				},
			});
		});
		return this.app;
	}

	private remembered(): Record<string, Remembered> {
		const path = signInsFile(this.options.stateDir);
		try {
			const text = readIfThere(path);
			const data = text ? (JSON.parse(text) as {targets?: unknown}) : null;
			return typeof data?.targets === 'object' && data.targets !== null ? (data.targets as Record<string, Remembered>) : {};
		} catch (error) {
			// Unreadable: the account is not known, and a code is asked for (which writes it anew).
			if (error instanceof UserError) throw error;
			return {};
		}
	}

	private remember(account: AccountInfo): void {
		const targets = {...this.remembered(), [this.target]: {homeAccountId: account.homeAccountId, tenantId: account.tenantId, username: account.username}};
		writePrivateFile(signInsFile(this.options.stateDir), `${JSON.stringify({version: 1, targets}, null, 2)}\n`);
	}

	/**
	 * The account kept for this service and tenant: the one it was signed in with, else (a tenant given
	 * by its id) an account of that tenant, else (a customer reached through its partner) the partner's
	 * account named for this tenant. Never an account of another tenant: MSAL looks a kept token up by
	 * the account's tenant, so the partner's own tokens are never given for a customer's.
	 */
	private async accountFor(app: PublicClientApplication): Promise<AccountInfo | null> {
		const accounts = await app.getTokenCache().getAllAccounts();
		const remembered = this.remembered()[this.target];
		const tenant = this.options.tenantId.toLowerCase();
		const partner = this.options.partnerTenantId?.toLowerCase();
		if (remembered) {
			const found = accounts.find(a => a.homeAccountId === remembered.homeAccountId && a.tenantId === remembered.tenantId);
			const through = partner && !found ? accounts.find(a => a.homeAccountId === remembered.homeAccountId) : undefined;
			return found ?? (through ? forTenant(through, tenant) : null);
		}
		const same = accounts.find(a => a.tenantId.toLowerCase() === tenant);
		if (same || !partner) return same ?? null;
		const through = accounts.find(a => a.tenantId.toLowerCase() === partner);
		return through ? forTenant(through, tenant) : null;
	}

	/** A customer's token through its partner: for that customer, or refused; its account kept for next time. */
	private keepCustomer(result: AuthenticationResult): void {
		const tenant = this.options.tenantId.toLowerCase();
		if (result.tenantId && result.tenantId.toLowerCase() !== tenant) throw new UserError(strings.signIn.otherTenant(tenant, result.tenantId));
		if (result.account && !this.remembered()[this.target]) this.remember({...result.account, tenantId: result.tenantId || tenant});
	}

	private signedIn(result: AuthenticationResult): AuthenticationResult {
		const account = result.account;
		this.account = {
			username: account?.username ?? null,
			tenantId: result.tenantId || account?.tenantId || null,
			key: `msal:${this.options.login}|${account?.homeAccountId ?? ''}|${result.tenantId || account?.tenantId || ''}`.toLowerCase(),
		};
		return result;
	}

	async acquire(scopes: string[], extra: readonly string[], signal?: AbortSignal): Promise<AuthenticationResult> {
		let app: PublicClientApplication;
		try {
			app = await this.application();
		} catch (error) {
			throw this.explain(error);
		}
		const resourceScopes = scopes.map(scope => `${this.options.resource}/${scope}`);
		const account = await this.accountFor(app);
		if (account) {
			try {
				const result = await app.acquireTokenSilent({account, scopes: resourceScopes, authority: `${this.authority}/${this.options.tenantId}`});
				if (this.options.partnerTenantId) this.keepCustomer(result);
				return this.signedIn(result);
			} catch (error) {
				// Expired, revoked, or a permission not granted yet: sign in again below. A failure of this
				// machine (the disk) is not one a new code would mend.
				if (error instanceof UserError || isSystemError(error)) throw this.explain(error);
			}
		}
		// Without a code to ask for (doctor): the kept sign-in could not be used, and why, when the service was not reached.
		if (this.options.interactive === false) throw new UserError(this.trouble.network ?? strings.signIn.notSignedIn);
		// Dropped when the dialog that asked is closed, when its prompt is cancelled, or when the app leaves.
		const drop = new AbortController();
		const stops = [signal, this.options.cancel].filter((s): s is AbortSignal => s !== undefined);
		if (stops.some(s => s.aborted)) throw cancelled();
		Object.assign(this.trouble, {oauthError: undefined, description: undefined, network: undefined});
		const request: DeviceCodeRequest = {
			scopes: resourceScopes,
			deviceCodeCallback: response =>
				this.options.say(strings.signIn.deviceCode(response.verificationUri, response.userCode, extra, Math.round(response.expiresIn / 60)), () =>
					drop.abort(),
				),
		};
		// Ends the polling (MSAL checks `cancel` before each poll) and the wait for it now.
		drop.signal.addEventListener('abort', () => {
			request.cancel = true;
		});
		const stop = () => drop.abort();
		for (const s of stops) s.addEventListener('abort', stop, {once: true});
		const attempt = app.acquireTokenByDeviceCode(request);
		try {
			const result = await abortable(attempt, drop.signal);
			if (!result) throw new UserError(strings.signIn.failed(''));
			if (result.account) this.remember(result.account);
			return this.signedIn(result);
		} catch (error) {
			if (error instanceof Cancelled) {
				// The polling ends with MSAL's own "cancelled" once it notices; nobody waits for that.
				attempt.then(undefined, noLongerAwaited);
				throw error;
			}
			throw this.explain(error);
		} finally {
			for (const s of stops) s.removeEventListener('abort', stop);
			this.options.settled?.();
		}
	}

	/** A failed sign-in as one line: refused, expired, unreachable, this machine's disk, or the service's own words. */
	private explain(error: unknown): UserError {
		if (error instanceof UserError) return error;
		if (isSystemError(error)) return diskError(error, (error as NodeJS.ErrnoException).path ?? tokenCacheFile(this.options.stateDir), 'write');
		const {oauthError, description, network} = this.trouble;
		const code = (error as {errorCode?: string}).errorCode;
		// MSAL's refusals of the address itself, should one get past the check of the flag (open.ts).
		if (code === 'authority_uri_insecure' || code === 'url_parse_error') return new UserError(strings.signIn.badService(this.options.login, code));
		// MSAL's refusals of the address itself, should one get past the check of the flag (open.ts).
		if (code === 'authority_uri_insecure' || code === 'url_parse_error') return new UserError(strings.signIn.badService(this.options.login, code));
		if (oauthError === 'access_denied' || oauthError === 'authorization_declined') return new UserError(strings.signIn.denied);
		if (oauthError === 'expired_token' || oauthError === 'code_expired' || code === 'device_code_expired') return new UserError(strings.signIn.expired);
		if (network) return new UserError(network);
		const detail = description ?? oauthError ?? (error as Error).message;
		return new UserError(strings.signIn.failed(redact(detail)));
	}
}

/** The partner's account as this customer's tenant's: what MSAL then looks tokens up and refreshes under. */
const forTenant = (account: AccountInfo, tenantId: string): AccountInfo => ({
	...account,
	tenantId,
	idToken: undefined,
	idTokenClaims: undefined,
	tenantProfiles: undefined,
});

/** An error of this machine (a file that cannot be written), not of the sign-in service. */
const isSystemError = (error: unknown) =>
	typeof (error as NodeJS.ErrnoException)?.code === 'string' && /^E[A-Z]+$/.test((error as NodeJS.ErrnoException).code!);

/** A device-code attempt given up on: its end (MSAL's "polling cancelled", or tokens now kept in the cache) changes nothing here. */
function noLongerAwaited(): void {}
