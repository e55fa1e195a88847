// Signing in to Microsoft Graph for a headless admin: the device-code flow (a URL and a code to enter
// on any other device), with the token cache in the state directory (mode 0600) so the next start
// signs in silently. For automation and tests, M365_LICENSES_GRAPH_TOKEN supplies a token and skips it.
//
// MSAL talks to the sign-in service through network.ts (the same proxy rules as Graph). A permission
// an action needs beyond reading and licensing is asked for when that action is first used.
import {join} from 'node:path';
import type {AuthenticationResult, INetworkModule, NetworkResponse, PublicClientApplication} from '@azure/msal-node';
import {UserError} from '../backend.js';
import {lookAt, readIfThere, removeFile} from '../../fs/durable.js';
import {writePrivateFile} from '../../fs/private-files.js';
import {strings} from '../../text/index.js';
import {graphScopes} from './clouds.js';
import {send} from './network.js';
import {networkProblem, redact} from './http.js';

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
	/** Shows the device-code message: the verification URL and the code. Never a token. */
	say: (message: string) => void;
	/** A device-code sign-in has ended (granted or not): what `say` showed no longer applies. */
	settled?: () => void;
}

/** A valid access token for Graph; `extra`: permissions an action needs beyond the ones always asked for. */
export type TokenSource = (extra?: readonly string[]) => Promise<string>;

export const tokenCacheFile = (stateDir: string) => join(stateDir, 'msal-token-cache.json');

/** Forgets the signed-in account: `m365-licenses logout`. True when there was one. */
export function signOut(stateDir: string): boolean {
	const file = tokenCacheFile(stateDir);
	if (!lookAt(file)) return false;
	removeFile(file);
	return true;
}

/** A function giving a valid access token, signing in the first time it is asked. */
export function tokenProvider(options: SignInOptions): TokenSource {
	const fixed = options.env['M365_LICENSES_GRAPH_TOKEN'];
	if (fixed) return async () => fixed;
	if (!options.clientId) {
		throw new UserError(strings.cli.noClientId, 2);
	}
	const signIn = new SignIn({...options, clientId: options.clientId});
	/** Per set of permissions: the token being fetched or held, and until when it is good. */
	const tokens = new Map<string, {token: Promise<string>; expires: number | null}>();
	return (extra = []) => {
		const scopes = [...new Set([...graphScopes, ...extra])];
		const key = scopes.join(' ');
		const held = tokens.get(key);
		// One sign-in at a time: requests made together wait for the same one, not a code each.
		if (held && (held.expires === null || held.expires > Date.now() + 60_000)) return held.token;
		const entry: {token: Promise<string>; expires: number | null} = {expires: null, token: Promise.resolve('')};
		entry.token = signIn.acquire(scopes, extra).then(
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
			throw new Error(trouble.network);
		}
		let parsed: unknown;
		try {
			parsed = JSON.parse(text);
		} catch {
			trouble.network = strings.signIn.network(`${method} ${url.origin}${url.pathname}`, strings.signIn.notJson(status));
			throw new Error(trouble.network);
		}
		let answer = parsed as {error?: unknown; error_description?: unknown};
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
	const toMsal = <T>(response: NetworkResponse<T>): NetworkResponse<T> => ({...response, body: JSON.parse(JSON.stringify(response.body).split(origin).join(named)) as T});
	return {
		sendGetRequestAsync: async (url, options) => toMsal(await network.sendGetRequestAsync(toService(url), options)),
		sendPostRequestAsync: async (url, options) => toMsal(await network.sendPostRequestAsync(toService(url), options)),
	};
}

class SignIn {
	private app: Promise<PublicClientApplication> | undefined;
	private readonly trouble: Trouble = {};

	constructor(private readonly options: SignInOptions & {clientId: string}) {}

	private application(): Promise<PublicClientApplication> {
		// Loaded only for a live sign-in: the demo and snapshots never pay for it.
		this.app ??= import('@azure/msal-node').then(({PublicClientApplication}) => {
			const {login, tenantId, clientId, customLogin, timeoutMs = 60_000} = this.options;
			const file = tokenCacheFile(this.options.stateDir);
			const network = signInNetwork(this.trouble, timeoutMs);
			// MSAL takes only an https authority: a service on this machine over plain http (tests) is named to it as https.
			const plain = login.startsWith('http:');
			const authority = plain ? `https:${login.slice('http:'.length)}` : login;
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

	async acquire(scopes: string[], extra: readonly string[]): Promise<AuthenticationResult> {
		let app: PublicClientApplication;
		try {
			app = await this.application();
		} catch (error) {
			throw this.explain(error);
		}
		const resourceScopes = scopes.map(scope => `${this.options.resource}/${scope}`);
		const [account] = await app.getTokenCache().getAllAccounts();
		if (account) {
			try {
				return await app.acquireTokenSilent({account, scopes: resourceScopes});
			} catch {
				// Expired, revoked, or a permission not granted yet: sign in again below.
			}
		}
		Object.assign(this.trouble, {oauthError: undefined, description: undefined, network: undefined});
		try {
			const result = await app.acquireTokenByDeviceCode({
				scopes: resourceScopes,
				deviceCodeCallback: response => this.options.say(strings.signIn.deviceCode(response.verificationUri, response.userCode, extra)),
			});
			if (!result) throw new UserError(strings.signIn.failed(''));
			return result;
		} catch (error) {
			throw this.explain(error);
		} finally {
			this.options.settled?.();
		}
	}

	/** A failed sign-in as one line: refused, expired, unreachable, or the service's own words. */
	private explain(error: unknown): UserError {
		if (error instanceof UserError) return error;
		const {oauthError, description, network} = this.trouble;
		const code = (error as {errorCode?: string}).errorCode;
		// MSAL's refusals of the address itself, should one get past the check of the flag (open.ts).
		if (code === 'authority_uri_insecure' || code === 'url_parse_error') return new UserError(strings.signIn.badService(this.options.login, code));
		if (oauthError === 'access_denied' || oauthError === 'authorization_declined') return new UserError(strings.signIn.denied);
		if (oauthError === 'expired_token' || oauthError === 'code_expired' || code === 'device_code_expired') return new UserError(strings.signIn.expired);
		if (network) return new UserError(network);
		const detail = description ?? oauthError ?? (error as Error).message;
		return new UserError(strings.signIn.failed(redact(detail)));
	}
}
