// Corporate networks: HTTPS_PROXY and NO_PROXY for Graph and for sign-in, through a small CONNECT proxy
// that records what went through it and never connects beyond this machine. Without --login-endpoint
// the sign-in goes to the cloud's own host (FACTS.md, "Clouds"): the proxy sees it asked for and
// refuses it, so no test reaches Microsoft.
import {describe, expect, it} from 'vitest';
import {clouds} from '../../source/backends/graph/clouds.js';
import {startConnectProxy} from '../fixtures/connect-proxy.js';
import {cli} from '../helpers/graph.js';
import {clientId, closeAfterTest, liveSignIn, recordConnections} from '../helpers/sign-in.js';
import {tempStateDir} from '../helpers/tenant.js';

const credentials = {user: 'ops', password: 's3cret-proxy-pass'};

describe('through a proxy', () => {
	it('HTTPS_PROXY carries both sign-in and Graph, with its credentials; doctor shows it without them', async () => {
		const proxy = closeAfterTest(await startConnectProxy({credentials}));
		const live = await liveSignIn({graphHttps: true, env: {HTTPS_PROXY: proxy.url}});
		const result = await live.run('licenses', '--json');
		expect(result.status).toBe(0);
		expect(JSON.parse(result.stdout).products.length).toBeGreaterThan(0);
		// Every tunnel was to the local servers, all let through with the proxy's credentials.
		expect(new Set(proxy.tunnels.map(t => t.target))).toEqual(new Set([live.local.idp, live.local.graph]));
		expect(proxy.tunnels.every(t => t.allowed)).toBe(true);
		expect(new Set(proxy.authorizations)).toEqual(new Set([`Basic ${Buffer.from(`${credentials.user}:${credentials.password}`).toString('base64')}`]));
		// The app itself connected to the proxy only.
		expect(new Set(live.connections())).toEqual(new Set([new URL(proxy.url).host]));

		const doctor = await live.run('doctor', '--json');
		const report = JSON.parse(doctor.stdout);
		const shown = proxy.url.replace(`${credentials.user}:${credentials.password}@`, '');
		expect(report.proxy).toEqual({graph: shown, login: shown, noProxy: null});
		const text = await live.run('doctor');
		expect(text.stdout).toMatch(new RegExp(`proxy for graph\\s+${shown.replace(/[.]/g, '\\.')}`));
		for (const output of [doctor.stdout, doctor.stderr, text.stdout, text.stderr]) expect(output).not.toContain(credentials.password);
	});

	it('NO_PROXY sends Graph straight to it while sign-in still goes through the proxy', async () => {
		const proxy = closeAfterTest(await startConnectProxy());
		const live = await liveSignIn({graphHttps: true});
		Object.assign(live.env, {https_proxy: proxy.url, NO_PROXY: `example.org, ${live.local.graph}`});
		expect((await live.run('licenses', '--json')).status).toBe(0);
		expect(new Set(proxy.tunnels.map(t => t.target))).toEqual(new Set([live.local.idp]));
		expect(new Set(live.connections())).toEqual(new Set([new URL(proxy.url).host, live.local.graph]));
		const report = JSON.parse((await live.run('doctor', '--json')).stdout);
		expect(report.proxy).toEqual({graph: null, login: proxy.url, noProxy: `example.org, ${live.local.graph}`});
	});

	it('a proxy written without a scheme (proxy:3128) is taken as http://, as curl takes it', async () => {
		const proxy = closeAfterTest(await startConnectProxy());
		const live = await liveSignIn({graphHttps: true, env: {HTTPS_PROXY: new URL(proxy.url).host}});
		const result = await live.run('licenses', '--json');
		expect(result.status).toBe(0);
		expect(new Set(proxy.tunnels.map(t => t.target))).toEqual(new Set([live.local.idp, live.local.graph]));
		expect(JSON.parse((await live.run('doctor', '--json')).stdout).proxy.graph).toBe(proxy.url);
	});

	it('a proxy that asks for credentials (407) says so, and says when the ones given are refused; only Basic', async () => {
		const proxy = closeAfterTest(await startConnectProxy({credentials}));
		const bare = proxy.url.replace(`${credentials.user}:${credentials.password}@`, '');
		const none = await liveSignIn({env: {HTTPS_PROXY: bare}});
		const asked = await none.run('licenses');
		expect(asked.status).toBe(1);
		expect(asked.stderr).toContain(
			`the proxy ${bare} asks for credentials (407): give them in its address, as http://user:password@host:port (Basic authentication only).`,
		);
		const wrong = await liveSignIn({env: {HTTPS_PROXY: bare.replace('http://', 'http://ops:wrong@')}});
		const refused = await wrong.run('licenses');
		expect(refused.status).toBe(1);
		expect(refused.stderr).toContain(`the proxy ${bare} refused the credentials given in its address (407)`);
		expect(refused.stderr).not.toContain('wrong');
	});

	it('a proxy whose host is not found says it is the proxy', async () => {
		const live = await liveSignIn({env: {HTTPS_PROXY: 'http://no-such-proxy.invalid:3128'}});
		const result = await live.run('licenses');
		expect(result.status).toBe(1);
		expect(result.stderr).toContain('the proxy http://no-such-proxy.invalid:3128 was not found (DNS): is HTTPS_PROXY (or HTTP_PROXY) right?');
		expect(result.stderr.trim().split('\n')).toHaveLength(1);
	});

	it('a proxy that is not a web address is one line naming the variable, exit 1', async () => {
		const live = await liveSignIn({env: {HTTPS_PROXY: 'proxy.example.com:3128 oops'}});
		const result = await live.run('licenses');
		expect(result.status).toBe(1);
		expect(result.stderr).toContain('HTTPS_PROXY=proxy.example.com:3128 oops is not a web address');
		expect(result.stderr.trim().split('\n')).toHaveLength(1);
	});
});

/**
 * Where MSAL sends a sign-in for each cloud's authority. Its own cloud metadata names
 * login.partner.microsoftonline.cn as the preferred host of login.chinacloudapi.cn, and goes there.
 */
const signInHost = {
	worldwide: 'login.microsoftonline.com',
	'21vianet': 'login.partner.microsoftonline.cn',
	usgov: 'login.microsoftonline.us',
	usgovdod: 'login.microsoftonline.us',
} as const;

describe("each cloud's sign-in host, as in FACTS (and Graph's national cloud page for the US Government ones)", () => {
	for (const cloud of ['worldwide', '21vianet', 'usgov', 'usgovdod'] as const) {
		it(`${cloud}: the authority is ${new URL(clouds[cloud].login).host}; sign-in goes there (refused by the test proxy, never reached)`, async () => {
			const proxy = closeAfterTest(await startConnectProxy());
			const recording = recordConnections();
			const result = await cli(['licenses', '--graph', '--cloud', cloud, '--client-id', clientId, '--state-dir', tempStateDir()], {
				...recording.env,
				M365_LICENSES_GRAPH_TOKEN: '',
				HTTPS_PROXY: proxy.url,
			});
			const host = signInHost[cloud];
			expect(result.status).toBe(1);
			expect(result.stderr).toContain(`Sign-in POST https://${host}/organizations/oauth2/v2.0/devicecode`);
			expect(result.stderr).toContain(`the proxy ${proxy.url} refused to connect to it (403)`);
			expect(result.stderr.trim().split('\n')).toHaveLength(1);
			expect(proxy.tunnels.length).toBeGreaterThan(0);
			expect(proxy.tunnels.every(t => t.target === `${host}:443` && !t.allowed)).toBe(true);
			expect(new Set(recording.connections())).toEqual(new Set([new URL(proxy.url).host]));
			const doctor = JSON.parse(
				(await cli(['doctor', '--json', '--graph', '--cloud', cloud, '--state-dir', tempStateDir()], {M365_LICENSES_GRAPH_TOKEN: 'x'})).stdout,
			);
			expect(doctor.endpoints).toEqual(clouds[cloud]);
		});
	}
});
