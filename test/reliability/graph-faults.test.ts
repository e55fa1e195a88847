// Reading a live tenant when Graph, or something pretending to be it, misbehaves: each fault ends in
// one line naming the request (method and path), exit 1, no stack trace, and no token anywhere, and
// the token never leaves Graph's origin. Against the local test server: through the built app where
// the command line is part of it, else through the backend (faster, the same code).
import {readFileSync} from 'node:fs';
import {createServer} from 'node:net';
import {describe, expect, it} from 'vitest';
import {UserError} from '../../source/errors.js';
import {GraphTenant} from '../../source/backends/graph/graph-tenant.js';
import type {Tenant} from '../../source/domain/model.js';
import {demoTenantPath} from '../../source/paths.js';
import type {Faults} from '../fixtures/graph-server.js';
import {cli, liveGraph, type Ran} from '../helpers/graph.js';
import {tempStateDir} from '../helpers/tenant.js';

const demo = (): Tenant => JSON.parse(readFileSync(demoTenantPath, 'utf8'));
// Looks like a real access token (a JWT), so a leak would show whatever the pattern.
const token = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL2dyYXBoIn0.c2lnbmF0dXJlLXRlc3Q';

/** One line on stderr, from the app, with no stack trace and no token; nothing on stdout. */
function expectOneLine(result: Ran, ...expected: Array<string | RegExp>) {
	expect(result.status).toBe(1);
	expect(result.stdout).toBe('');
	expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(1);
	expect(result.stderr).toMatch(/^m365-licenses: Microsoft Graph (GET|POST) /);
	expect(result.stderr).not.toMatch(/\n\s+at |Error:/);
	expect(result.stderr).not.toContain(token);
	expect(result.stderr).not.toContain('eyJ');
	for (const text of expected) expect(result.stderr).toMatch(text);
}

async function load(faults: Faults, ...extra: string[]) {
	const live = await liveGraph(demo(), {faults, token});
	return {...live, result: await live.run('licenses', '--json', ...extra)};
}

/** The backend reading the tenant from this address: the one-line error it fails with. */
async function loadError(base: string, timeoutMs?: number): Promise<UserError> {
	const backend = new GraphTenant({base, token: async () => token, source: base, timeoutMs});
	const error = await backend.load().then(
		() => null,
		(thrown: unknown) => thrown,
	);
	// A UserError is what the command line shows as one line, exit 1 (see the first tests).
	expect(error).toBeInstanceOf(UserError);
	const message = (error as UserError).message;
	expect(message.split('\n')).toHaveLength(1);
	expect(message).toMatch(/^Microsoft Graph (GET|POST) /);
	expect(message).not.toContain('eyJ');
	return error as UserError;
}

describe('the token goes to Graph only', () => {
	it('a next-page link to another port is refused, not followed: the other server sees no request', async () => {
		const {server, result} = await load({nextLink: 'elsewhere'});
		expectOneLine(result, `GET ${server.elsewhere.url}/v1.0/users`, /is not Microsoft Graph .*Nothing was sent there/);
		expect(server.elsewhere.requests).toBe(0);
		expect(server.elsewhere.authorization).toEqual([]);
	});

	it('an error that echoes the Authorization header is shown without the token', async () => {
		const {result} = await load({answer: {'/v1.0/subscribedSkus': 'echo-authorization'}});
		expectOneLine(result, 'GET /v1.0/subscribedSkus: answered 400: Request rejected.', 'Bearer [token removed]');
	});

	it('a redirect to another host is not followed', async () => {
		const {server} = await liveGraph(demo(), {faults: {answer: {'/v1.0/subscribedSkus': 'redirect-elsewhere'}}, token});
		const error = await loadError(server.url);
		expect(error.message).toMatch(/GET \/v1\.0\/subscribedSkus: answered 302, a redirect to http:\/\/127\.0\.0\.1:\d+; not followed/);
		expect(server.elsewhere.requests).toBe(0);
	});
});

describe('faults while reading the tenant', () => {
	it('a request that never answers times out (--request-timeout)', async () => {
		const {result} = await load({answer: {'/v1.0/organization': 'hang'}}, '--request-timeout', '1');
		expectOneLine(result, 'GET /v1.0/organization: no answer within 1 s (--request-timeout).');
	});

	it.each([
		['a next-page link that leads back to itself', {nextLink: 'loop'}, 'GET /v1.0/users: the next-page link leads back to a page already read'],
		['a next-page link that is not a web address', {nextLink: 'not-a-url'}, 'GET users: the next-page link is not a web address'],
		['a web page instead of JSON', {answer: {'/v1.0/subscribedSkus': 'html'}}, 'GET /v1.0/subscribedSkus: answered 200 with a web page'],
		[
			'JSON cut off half-way',
			{answer: {'/v1.0/directory/subscriptions': 'garbled'}},
			'GET /v1.0/directory/subscriptions: answered 200 with something that is not valid JSON',
		],
		['401 while loading', {answer: {'/v1.0/organization': 'unauthorized'}}, 'GET /v1.0/organization: answered 401: the sign-in has expired'],
		[
			'403 while loading',
			{answer: {'/v1.0/me/transitiveMemberOf/microsoft.graph.directoryRole': 'forbidden'}},
			/directoryRole: answered 403 \(Insufficient privileges.*app registration/,
		],
	] as Array<[string, Faults, string | RegExp]>)('%s', async (_case, faults, expected) => {
		const {server} = await liveGraph(demo(), {faults, token});
		expect((await loadError(server.url)).message).toMatch(expected);
	});

	it('a refused connection', async () => {
		// A port that was free a moment ago: nothing listens there.
		const port = await new Promise<number>(resolve => {
			const probe = createServer().listen(0, '127.0.0.1', () => {
				const {port: free} = probe.address() as {port: number};
				probe.close(() => resolve(free));
			});
		});
		expect((await loadError(`http://127.0.0.1:${port}`)).message).toContain(`the connection to 127.0.0.1:${port} was refused`);
	});

	it('a host that does not exist (DNS)', async () => {
		expect((await loadError('http://graph.invalid')).message).toContain('graph.invalid was not found (DNS)');
	});

	it('a duration that is not one is a usage error', async () => {
		const result = await cli(['licenses', '--graph', '--request-timeout', 'soon', '--state-dir', tempStateDir()], {M365_LICENSES_GRAPH_TOKEN: token});
		expect(result.status).toBe(2);
		expect(result.stderr).toBe('m365-licenses: --request-timeout soon: give a duration such as 90 (seconds), 90s, 5m or 2h. See m365-licenses --help.\n');
	});
});
