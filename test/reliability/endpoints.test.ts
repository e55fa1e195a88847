// The sign-in token goes only where nothing on the way can read it: plain http only to this
// machine, anything else refused before a single request. And every address given wrong is one line.
import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import {networkInterfaces} from 'node:os';
import {describe, expect, it} from 'vitest';
import {startGraphServer} from '../fixtures/graph-server.js';
import {startIdentityServer} from '../fixtures/identity-server.js';
import {cli} from '../helpers/graph.js';
import {closeAfterTest} from '../helpers/sign-in.js';
import {demoTenant, tempStateDir} from '../helpers/tenant.js';
import {tally} from './faults.js';

const counts = tally('endpoints');
const token = 'eyJ0eXAiOiJKV1QifQ.eyJzZWNyZXQiOiJ0b2tlbiJ9.c2lnbmF0dXJl';

/** A server on every address of this machine, counting what reaches it (and any token with it). */
async function listener() {
	const seen = {requests: 0, tokens: [] as string[]};
	const server = createServer((req, res) => {
		seen.requests++;
		if (req.headers.authorization) seen.tokens.push(req.headers.authorization);
		res.writeHead(200, {'Content-Type': 'application/json'});
		res.end('{}');
	});
	await new Promise<void>(resolve => server.listen(0, '0.0.0.0', resolve));
	closeAfterTest({close: () => new Promise<void>(resolve => server.close(() => resolve()))});
	return {seen, port: (server.address() as AddressInfo).port};
}

/** An address of this machine that is not the loopback: as another host on the network would be reached. */
const elsewhere = () =>
	Object.values(networkInterfaces())
		.flat()
		.find(address => address && address.family === 'IPv4' && !address.internal)?.address ?? 'localhost.';

/** A usage error: exit 2, one line naming the flag, nothing on stdout. */
function expectUsage(run: {status: number | null; stdout: string; stderr: string}, starts: string): void {
	expect(run.status).toBe(2);
	expect(run.stdout).toBe('');
	expect(run.stderr.split('\n')).toHaveLength(2);
	expect(run.stderr.startsWith(`m365-licenses: ${starts}`)).toBe(true);
}

describe('--graph-endpoint and --login-endpoint', () => {
	it('plain http to another host: refused before any request, and the token is never sent', async () => {
		const {seen, port} = await listener();
		const graph = `http://${elsewhere()}:${port}`;
		counts.faults++;
		const run = await cli(['licenses', '--json', '--graph', '--graph-endpoint', graph, '--state-dir', tempStateDir()], {M365_LICENSES_GRAPH_TOKEN: token});
		expectUsage(run, `--graph-endpoint ${graph}: plain http:// is only for a server on this machine`);
		expect(seen).toEqual({requests: 0, tokens: []});
		const login = await cli(['licenses', '--graph', '--login-endpoint', graph, '--client-id', 'c', '--state-dir', tempStateDir()], {
			M365_LICENSES_GRAPH_TOKEN: '',
		});
		expectUsage(login, `--login-endpoint ${graph}: plain http:// is only for a server on this machine`);
		expect(seen.requests).toBe(0);
	});

	it('not an address, or one with a user name and password: one line each, the password never repeated', async () => {
		for (const flag of ['--graph-endpoint', '--login-endpoint']) {
			const bad = await cli(['licenses', '--graph', flag, 'not a url', '--client-id', 'c', '--state-dir', tempStateDir()], {M365_LICENSES_GRAPH_TOKEN: token});
			// The example is an address of the kind the flag names: Graph's for --graph-endpoint.
			expectUsage(bad, `${flag} not a url: give a web address such as https://${flag === '--graph-endpoint' ? 'graph' : 'login'}.example.com`);
			const secret = await cli(['licenses', '--graph', flag, 'https://admin:hunter2@127.0.0.1:9/', '--client-id', 'c', '--state-dir', tempStateDir()], {
				M365_LICENSES_GRAPH_TOKEN: token,
			});
			expectUsage(secret, `${flag}: an address with a user name or password in it (https://127.0.0.1:9/ without them) is not used`);
			expect(secret.stderr).not.toContain('hunter2');
			counts.faults += 2;
		}
	});

	it('--login-endpoint http://127.0.0.1: a device-code sign-in over it works', async () => {
		const idp = closeAfterTest(await startIdentityServer({http: true, script: {pending: 1}}));
		const graph = closeAfterTest(await startGraphServer(demoTenant(), {issued: idp.issued}));
		const stateDir = tempStateDir();
		const args = [
			'licenses',
			'--json',
			'--graph',
			'--graph-endpoint',
			graph.url,
			'--login-endpoint',
			idp.url,
			'--client-id',
			'0b1c2d3e-4f50-4617-8a9b-c0d1e2f3a4b5',
			'--state-dir',
			stateDir,
		];
		const run = await cli(args, {M365_LICENSES_GRAPH_TOKEN: ''});
		expect(run.stderr).toMatch(/enter the code \S+/);
		expect(run.status, run.stderr).toBe(0);
		expect(JSON.parse(run.stdout).tenant.displayName).toBe('Contoso Ltd');
		// And silently from the token cache the next time.
		const again = await cli(args, {M365_LICENSES_GRAPH_TOKEN: ''});
		expect(again.stderr).toBe('');
		expect(again.status).toBe(0);
	});
});
