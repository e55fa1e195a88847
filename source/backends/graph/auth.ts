// Signing in to Microsoft Graph for a headless admin: the device-code flow (a URL and a code to enter
// on any other device), with the token cache in the state directory (mode 0600) so the next start
// signs in silently. For automation and tests, M365_LICENSES_GRAPH_TOKEN supplies a token and skips it.
import {existsSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {UserError} from '../backend.js';
import {clouds, graphScopes, type Cloud} from './clouds.js';

export interface SignInOptions {
	env: NodeJS.ProcessEnv;
	clientId: string | undefined;
	tenantId: string;
	cloud: Cloud;
	stateDir: string;
	/** Shows the device-code message: the verification URL and the code. Never a token. */
	say: (message: string) => void;
}

export const tokenCacheFile = (stateDir: string) => join(stateDir, 'msal-token-cache.json');

/** Forgets the signed-in account: `m365-licenses logout`. True when there was one. */
export function signOut(stateDir: string): boolean {
	const file = tokenCacheFile(stateDir);
	if (!existsSync(file)) return false;
	rmSync(file);
	return true;
}

/** A function giving a valid access token, signing in the first time it is asked. */
export function tokenProvider(options: SignInOptions): () => Promise<string> {
	const fixed = options.env['M365_LICENSES_GRAPH_TOKEN'];
	if (fixed) return async () => fixed;
	if (!options.clientId) {
		throw new UserError(
			'--graph needs an app registration: pass --client-id ID or set M365_LICENSES_CLIENT_ID. See the README, "Live tenants: the one-time app registration".',
			2,
		);
	}
	let cached: {token: string; expires: number} | undefined;
	return async () => {
		if (cached && cached.expires > Date.now() + 60_000) return cached.token;
		const result = await acquire(options as SignInOptions & {clientId: string});
		cached = {token: result.accessToken, expires: result.expiresOn?.getTime() ?? Date.now() + 30 * 60_000};
		return cached.token;
	};
}

async function acquire(options: SignInOptions & {clientId: string}) {
	// Loaded only for a live sign-in: the demo and snapshots never pay for it.
	const {PublicClientApplication} = await import('@azure/msal-node');
	const file = tokenCacheFile(options.stateDir);
	const app = new PublicClientApplication({
		auth: {clientId: options.clientId, authority: `${clouds[options.cloud].login}/${options.tenantId}`},
		cache: {
			cachePlugin: {
				async beforeCacheAccess(context) {
					if (existsSync(file)) context.tokenCache.deserialize(readFileSync(file, 'utf8'));
				},
				async afterCacheAccess(context) {
					if (context.cacheHasChanged) writeFileSync(file, context.tokenCache.serialize(), {mode: 0o600});
				},
			},
		},
	});
	const scopes = graphScopes.map(scope => `${clouds[options.cloud].graph}/${scope}`);
	const [account] = await app.getTokenCache().getAllAccounts();
	if (account) {
		try {
			return await app.acquireTokenSilent({account, scopes});
		} catch {
			// Expired or revoked: sign in again below.
		}
	}
	const result = await app.acquireTokenByDeviceCode({scopes, deviceCodeCallback: response => options.say(response.message)});
	if (!result) throw new UserError('Sign-in did not complete.');
	return result;
}
