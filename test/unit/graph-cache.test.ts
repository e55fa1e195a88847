// The copy of a live tenant the app keeps between runs: shown only once signed in, and only to the
// sign-in that read it (the same account and tenant, on the same Graph).
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {GraphTenant} from '../../source/backends/graph/graph-tenant.js';
import {demoTenant, tempStateDir} from '../helpers/tenant.js';

const base = 'http://127.0.0.1:9';

function withCopy(copy: Record<string, unknown>, signedInKey: string, signIn: () => Promise<string> = async () => 'token') {
	const cacheFile = join(tempStateDir(), 'graph-tenant-cache.json');
	writeFileSync(cacheFile, JSON.stringify(copy));
	const signIns: string[] = [];
	const backend = new GraphTenant({
		base,
		source: base,
		cacheFile,
		token: async () => {
			signIns.push('asked');
			return signIn();
		},
		signedIn: () => (signIns.length > 0 ? {username: 'megan.bowen@contoso.com', tenantId: 'tid', key: signedInKey} : null),
	});
	return {backend, signIns};
}

describe("a live tenant's kept copy", () => {
	const tenant = demoTenant();
	const copy = {base, key: 'msal:account-a|tenant-a', readAt: '2026-12-07T09:41:00.000Z', tenant};

	it('is shown to the sign-in that read it, once signed in, with when it was read', async () => {
		const {backend, signIns} = withCopy(copy, 'msal:account-a|tenant-a');
		const shown = await backend.cached();
		expect(signIns).toEqual(['asked']);
		expect(shown?.readAt).toBe(copy.readAt);
		expect(shown?.tenant.organization.displayName).toBe(tenant.organization.displayName);
	});

	it('is not shown to another account or tenant, nor from another Graph, nor without a time', async () => {
		expect(await withCopy(copy, 'msal:account-b|tenant-a').backend.cached()).toBeNull();
		expect(await withCopy({...copy, base: 'https://graph.microsoft.com'}, copy.key).backend.cached()).toBeNull();
		expect(await withCopy({...copy, readAt: undefined}, copy.key).backend.cached()).toBeNull();
	});

	it('is never shown when the sign-in fails: the failure is said instead', async () => {
		const {backend} = withCopy(copy, copy.key, async () => {
			throw new Error('Sign-in was refused (access_denied)');
		});
		await expect(backend.cached()).rejects.toThrow('Sign-in was refused');
	});
});
