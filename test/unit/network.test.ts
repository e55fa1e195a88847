import {describe, expect, it} from 'vitest';
import {signInNetwork, slowDownMs} from '../../source/backends/graph/auth.js';
import {proxyRoute, redactProxy} from '../../source/backends/graph/network.js';

describe('which proxy an address goes through (as undici EnvHttpProxyAgent decides)', () => {
	const graph = 'https://graph.microsoft.com/v1.0';
	it('HTTPS_PROXY for https, else HTTP_PROXY; lower case wins; none: direct', () => {
		expect(proxyRoute(graph, {})).toEqual({proxy: null, because: null});
		expect(proxyRoute(graph, {HTTPS_PROXY: 'http://proxy:3128'})).toEqual({proxy: 'http://proxy:3128', because: 'HTTPS_PROXY'});
		expect(proxyRoute(graph, {HTTP_PROXY: 'http://plain:8080'}).proxy).toBe('http://plain:8080');
		expect(proxyRoute(graph, {https_proxy: 'http://lower:1', HTTPS_PROXY: 'http://upper:2'})).toEqual({proxy: 'http://lower:1', because: 'https_proxy'});
		expect(proxyRoute('http://127.0.0.1:8080/', {HTTPS_PROXY: 'http://proxy:3128'}).proxy).toBeNull();
	});

	it('NO_PROXY: hosts and their subdomains, with a port when given, * for all', () => {
		const env = {HTTPS_PROXY: 'http://proxy:3128'};
		expect(proxyRoute(graph, {...env, NO_PROXY: 'microsoft.com'})).toEqual({proxy: null, because: 'NO_PROXY'});
		expect(proxyRoute(graph, {...env, NO_PROXY: '.graph.microsoft.com'}).proxy).toBeNull();
		expect(proxyRoute(graph, {...env, NO_PROXY: 'graph.microsoft.com:8443'}).proxy).toBe('http://proxy:3128');
		expect(proxyRoute(graph, {...env, NO_PROXY: 'example.org graph.microsoft.com:443'}).proxy).toBeNull();
		expect(proxyRoute(graph, {...env, no_proxy: '*'}).proxy).toBeNull();
		expect(proxyRoute(graph, {...env, NO_PROXY: 'soft.com'}).proxy).toBe('http://proxy:3128');
	});

	it('never shows the credentials in a proxy address', () => {
		expect(redactProxy('http://ops:s3cret@proxy.example.com:3128/')).toBe('http://proxy.example.com:3128');
		expect(redactProxy('not a url ops:s3cret@x')).not.toContain('s3cret@');
		expect(proxyRoute(graph, {HTTPS_PROXY: 'http://ops:s3cret@proxy:3128'}).proxy).toBe('http://proxy:3128');
	});
});

describe('slow_down (RFC 8628): MSAL stops at it, so the network client waits longer and polls on', () => {
	it('answers MSAL authorization_pending and waits five seconds more before this and every later poll', async () => {
		const waits: number[] = [];
		const answers = ['slow_down', 'slow_down', 'authorization_pending'];
		const {createServer} = await import('node:http');
		const server = createServer((_req, res) => {
			res.writeHead(400, {'Content-Type': 'application/json'});
			res.end(JSON.stringify({error: answers.shift() ?? 'authorization_pending'}));
		});
		await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
		const url = `http://127.0.0.1:${(server.address() as {port: number}).port}/token`;
		const trouble = {};
		const network = signInNetwork(trouble, 5000, async ms => void waits.push(ms));
		const poll = async () => (await network.sendPostRequestAsync<{error: string}>(url, {body: 'grant_type=device_code&device_code=abc'})).body.error;
		try {
			expect(await poll()).toBe('authorization_pending');
			expect(await poll()).toBe('authorization_pending');
			expect(await poll()).toBe('authorization_pending');
			// Another device code starts afresh.
			await network.sendPostRequestAsync(url, {body: 'grant_type=device_code&device_code=other'});
		} finally {
			server.close();
		}
		expect(waits).toEqual([slowDownMs, 2 * slowDownMs]);
		expect(trouble).toMatchObject({oauthError: 'authorization_pending'});
	});
});
