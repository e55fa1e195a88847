// tenants discover --graph: an IT partner signed in once (a device code, against the local identity
// server), its GDAP customers read from the local Graph, each reached with a token of its own tenant
// from the same sign-in; a customer whose relationship lacks the role answers 403 and is listed with
// it. Never a Microsoft host.
import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {startIdentityServer} from '../fixtures/identity-server.js';
import {startPartnerGraph} from '../fixtures/partner-graph.js';
import {cli} from '../helpers/graph.js';
import {freshHome} from '../helpers/home.js';
import {expectShape} from '../helpers/schema.js';
import {clientId, closeAfterTest, recordConnections, requestLines} from '../helpers/sign-in.js';
import {demoAs, fabrikam, northwind} from '../helpers/tenants.js';

const partnerTenant = {id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', displayName: 'Contoso Partner'};

async function partnerWithCustomers() {
	const idp = closeAfterTest(await startIdentityServer());
	const graph = closeAfterTest(
		await startPartnerGraph(demoAs(partnerTenant), [{tenant: demoAs(northwind)}, {tenant: demoAs(fabrikam), noRole: true}], idp.issued),
	);
	const home = freshHome();
	const recording = recordConnections();
	const env = {...home.env, M365_LICENSES_GRAPH_TOKEN: '', NODE_EXTRA_CA_CERTS: idp.caFile, ...recording.env};
	const endpoints = ['--graph-endpoint', graph.url, '--login-endpoint', idp.url, '--client-id', clientId];
	return {idp, graph, env, stateDir: home.stateDir, run: (...args: string[]) => cli([...args, ...endpoints], env), connections: recording.connections};
}

describe('tenants discover --graph', () => {
	it("adds the partner's GDAP customers, each read with its own tenant's token from one sign-in; the one without the role listed with its 403", async () => {
		const p = await partnerWithCustomers();
		const found = await p.run('tenants', 'discover', '--graph', '--tenant-id', partnerTenant.id, '--yes', '--json');
		expect(found.stderr).toMatch(/enter the code/);
		const data = JSON.parse(found.stdout);
		expectShape('tenants-discover', data);
		expect(data.partnerTenantId).toBe(partnerTenant.id);
		expect(
			data.customers.map((c: {name: string; tenantId: string; added: boolean; error: string | null}) => [c.name, c.tenantId, c.added, c.error === null]),
		).toEqual([
			['fabrikam-inc', fabrikam.id, true, false],
			['northwind-traders', northwind.id, true, true],
		]);
		expect(data.customers[0].error).toMatch(/403|Insufficient privileges/);
		expect(found.status).toBe(3);
		// One code, for the partner; each customer's token from the partner's refresh token, at the customer's own authority.
		const lines = requestLines(p.idp);
		expect(lines.filter(l => l.includes('devicecode'))).toEqual([`POST /${partnerTenant.id}/oauth2/v2.0/devicecode`]);
		for (const customer of [northwind, fabrikam]) expect(lines).toContain(`POST /${customer.id}/oauth2/v2.0/token refresh_token → tokens`);
		// Each tenant read only with a token for itself: the customers' organizations with their own tokens.
		expect(p.graph.log).toContain(`${partnerTenant.id} GET /v1.0/tenantRelationships/delegatedAdminCustomers`);
		expect(p.graph.log).toContain(`${northwind.id} GET /v1.0/organization`);
		expect(p.graph.log).toContain(`${fabrikam.id} GET /v1.0/organization`);
		expect(p.graph.log.filter(l => l.endsWith('/organization')).map(l => l.split(' ')[0])).not.toContain(partnerTenant.id);
		expect(p.connections().every(c => c.startsWith('127.0.0.1:'))).toBe(true);

		// The tenants added are read side by side with no code asked for: one read, the other listed with its 403.
		const all = await p.run('licenses', '--all-tenants', '--json');
		expect(all.stderr).not.toMatch(/enter the code/);
		const read = JSON.parse(all.stdout);
		expectShape('licenses-all', read);
		expect(read.tenants.map((t: {name: string; error: string | null; tenant?: {id: string}}) => [t.name, t.error === null, t.tenant?.id ?? null])).toEqual([
			['fabrikam-inc', false, null],
			['northwind-traders', true, northwind.id],
		]);
		expect(all.status).toBe(3);
		expect(lines.filter(l => l.includes('devicecode'))).toHaveLength(1);
		expect(requestLines(p.idp).filter(l => l.includes('devicecode'))).toHaveLength(1);
		// Run again: the customers are added already, and said so.
		const again = JSON.parse((await p.run('tenants', 'discover', '--graph', '--tenant-id', partnerTenant.id, '--json')).stdout);
		expect(again.customers.map((c: {alreadyAs: string | null; added: boolean}) => [c.alreadyAs, c.added])).toEqual([
			['fabrikam-inc', false],
			['northwind-traders', false],
		]);
		// logout forgets the one sign-in that reached them all, kept once at the top of the state home.
		expect(existsSync(join(p.stateDir, 'msal-token-cache.json'))).toBe(true);
		const out = await cli(['logout'], p.env);
		expect(out.stderr).toBe('m365-licenses: signed out: the kept sign-in was removed.\n');
		expect(existsSync(join(p.stateDir, 'msal-token-cache.json'))).toBe(false);
		expect(existsSync(join(p.stateDir, 'sign-in.json'))).toBe(false);
	});
});
