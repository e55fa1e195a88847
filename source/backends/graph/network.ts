// The one way this app reaches Microsoft Graph and the sign-in service: undici's fetch through its
// EnvHttpProxyAgent, so HTTPS_PROXY, HTTP_PROXY and NO_PROXY (and their lower-case forms) are honoured
// for both. Node's own fetch ignores them, and operators on headless servers sit behind proxies.
import type {Dispatcher, RequestInit, Response} from 'undici';
import {UserError} from '../../errors.js';
import {strings} from '../../text/index.js';

type Undici = typeof import('undici');

let loaded: Promise<{undici: Undici; dispatcher: Dispatcher}> | undefined;

/**
 * undici, with one dispatcher for the process (its connections are kept and reused). Loaded on the
 * first request only: the demo and snapshots never pay for it.
 */
function client(): Promise<{undici: Undici; dispatcher: Dispatcher}> {
	loaded ??= import('undici').then(module => {
		// A CommonJS package: imported from ESM, its exports may come as the default one.
		const undici = ('EnvHttpProxyAgent' in module ? module : (module as unknown as {default: Undici}).default) as Undici;
		// Given to undici as read here (a proxy without a scheme is http://, as curl takes it); one that
		// is not a web address is said in one line. NO_PROXY undici reads itself.
		const [https, http] = proxyVariables(process.env);
		for (const {name, given, value} of [https, http]) {
			if (value && !webAddress(value)) throw new UserError(strings.proxy.invalid(name, redactProxy(given ?? value)));
		}
		return {undici, dispatcher: new undici.EnvHttpProxyAgent({httpsProxy: https.value ?? '', httpProxy: http.value ?? ''})};
	});
	return loaded;
}

/** A request through the environment's proxy, if it has one for this address. */
export async function send(url: string | URL, init: RequestInit = {}): Promise<Response> {
	const {undici, dispatcher} = await client();
	return undici.fetch(url, {...init, dispatcher});
}

const webAddress = (value: string): URL | null => {
	try {
		const url = new URL(value);
		return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
	} catch {
		return null;
	}
};

/** A proxy written without a scheme (proxy.corp:3128) is an http:// one, as curl takes it. */
const withScheme = (value: string | undefined) => (value && !/^[a-z][a-z0-9+.-]*:\/\//i.test(value.trim()) ? `http://${value.trim()}` : value);

/** The variable undici takes of each pair: the lower-case one when it is set at all. */
const pick = (env: NodeJS.ProcessEnv, upper: 'HTTPS_PROXY' | 'HTTP_PROXY') => {
	const lower = upper.toLowerCase();
	const name = env[lower] !== undefined ? lower : upper;
	return {name, given: env[name], value: withScheme(env[name])};
};

const proxyVariables = (env: NodeJS.ProcessEnv) => [pick(env, 'HTTPS_PROXY'), pick(env, 'HTTP_PROXY')] as const;

/** A proxy's address without the user name and password it may carry, for doctor and messages. */
export function redactProxy(value: string): string {
	const url = webAddress(value);
	if (!url) return value.replace(/(\/\/)?[^\s@/]*@/g, '$1');
	url.username = '';
	url.password = '';
	return url.href.replace(/\/$/, '');
}

export interface ProxyRoute {
	/** The proxy this address goes through, without credentials; null: straight to it. */
	proxy: string | null;
	/** Credentials are given for it (user:password@ in its address). */
	credentials?: boolean;
	/** Which variable says so: HTTPS_PROXY, NO_PROXY… */
	because: string | null;
}

/**
 * Where a request to this address goes, by the rules undici's EnvHttpProxyAgent follows: the lower-case
 * variable before the upper-case one, HTTPS_PROXY for https (else HTTP_PROXY), and NO_PROXY's hosts
 * (with their subdomains, a port when given, `*` for all) go direct.
 */
export function proxyRoute(address: string, env: NodeJS.ProcessEnv): ProxyRoute {
	const [https, http] = proxyVariables(env);
	const url = new URL(address);
	const chosen = url.protocol === 'https:' && https.value ? https : http;
	if (!chosen.value) return {proxy: null, because: null};
	const noProxy = env['no_proxy'] ?? env['NO_PROXY'] ?? '';
	const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
	const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
	const bypass =
		noProxy === '*' ||
		noProxy
			.split(/[,\s]/)
			.filter(Boolean)
			.some(entry => {
				const parsed = /^(.+):(\d+)$/.exec(entry);
				const name = (parsed ? parsed[1]! : entry)
					.replace(/^\*?\./, '')
					.replace(/^\[|\]$/g, '')
					.toLowerCase();
				if (parsed && Number(parsed[2]) !== port) return false;
				return host === name || host.endsWith(`.${name}`);
			});
	if (bypass) return {proxy: null, because: 'NO_PROXY'};
	const credentials = Boolean(webAddress(chosen.value)?.username);
	return {proxy: redactProxy(chosen.value), because: chosen.name, ...(credentials ? {credentials} : {})};
}
