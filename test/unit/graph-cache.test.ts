// The copy of a live tenant the app keeps between runs: shown only once signed in, and only to the
// sign-in that read it (the same account and tenant, on the same Graph).
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {GraphTenant} from '../../source/backends/graph/graph-tenant.js';
import {startGraphServer, type GraphServer} from '../fixtures/graph-server.js';
import {demoTenant, tempStateDir} from '../helpers/tenant.js';

let server: GraphServer | undefined;
afterEach(async () => server?.close());

/** A backend on the local Graph, signed in as `key` once its token is asked for. */
function backend(cacheFile: string, key: string, base = server!.url, signIn: () => Promise<string> = async () => server!.token) {
	const signIns: string[] = [];
	const graph = new GraphTenant({
		base,
		source: base,
		cacheFile,
		token: async () => {
			signIns.push('asked');
			return signIn();
		},
		signedIn: () => (signIns.length > 0 ? {username: 'megan.bowen@contoso.com', tenantId: 'tid', key} : null),
	});
	return {graph, signIns};
}

async function kept(key: string) {
	server = await startGraphServer(demoTenant());
	const cacheFile = join(tempStateDir(), 'graph-tenant-cache.json');
	await backend(cacheFile, key).graph.load();
	return cacheFile;
}

describe("a live tenant's kept copy", () => {
	it('is shown to the sign-in that read it, once signed in, with when it was read', async () => {
		const cacheFile = await kept('msal:account-a|tenant-a');
		const {graph, signIns} = backend(cacheFile, 'msal:account-a|tenant-a');
		const before = Date.now();
		const shown = await graph.cached();
		expect(signIns).toEqual(['asked']);
		expect(Date.parse(shown!.readAt)).toBeLessThanOrEqual(before);
		expect(shown?.tenant.organization.displayName).toBe('Contoso Ltd');
	});

	it('is not shown to another account or tenant, nor on another Graph', async () => {
		const cacheFile = await kept('msal:account-a|tenant-a');
		expect(await backend(cacheFile, 'msal:account-b|tenant-a').graph.cached()).toBeNull();
		expect(await backend(cacheFile, 'msal:account-a|tenant-b').graph.cached()).toBeNull();
		expect(await backend(cacheFile, 'msal:account-a|tenant-a', 'https://graph.microsoft.com').graph.cached()).toBeNull();
	});

	it('is never shown when the sign-in fails: the failure is said instead', async () => {
		const cacheFile = await kept('msal:account-a|tenant-a');
		const failing = backend(cacheFile, 'msal:account-a|tenant-a', server!.url, async () => {
			throw new Error('Sign-in was refused (access_denied)');
		});
		await expect(failing.graph.cached()).rejects.toThrow('Sign-in was refused');
	});
});
