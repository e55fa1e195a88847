// Running the built app with a real device-code sign-in (the real @azure/msal-node) against the local
// identity provider over HTTPS, and the local Graph accepting the tokens it issues. Never a Microsoft
// host: a recorder loaded into the app lists every connection it starts, for the tests to check.
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterEach} from 'vitest';
import type {Tenant} from '../../source/domain/model.js';
import {startGraphServer, type GraphServer} from '../fixtures/graph-server.js';
import {startIdentityServer, type DeviceCodeScript, type IdentityServer} from '../fixtures/identity-server.js';
import {cli} from './graph.js';
import {freshHome} from './home.js';
import {demoTenant, tempStateDir} from './tenant.js';

export const clientId = '0b1c2d3e-4f50-4617-8a9b-c0d1e2f3a4b5';
const recorder = fileURLToPath(new URL('../fixtures/record-connections.cjs', import.meta.url));
const fastClockModule = fileURLToPath(new URL('../fixtures/fast-clock.cjs', import.meta.url));

const running: Array<{close(): Promise<void>}> = [];
afterEach(async () => {
	await Promise.all(running.splice(0).map(server => server.close()));
});

/** Closed after the test. */
export function closeAfterTest<T extends {close(): Promise<void>}>(server: T): T {
	running.push(server);
	return server;
}

/**
 * A clock loaded into the app under which waits of these lengths (ms) pass at once: `env` to run it
 * with (after any other NODE_OPTIONS), and every such wait the app asked for since, in order.
 */
export function fastClock(lengths: readonly number[], nodeOptions = ''): {env: Record<string, string>; waits: () => number[]} {
	const file = join(tempStateDir(), 'waits.txt');
	return {
		env: {NODE_OPTIONS: `${nodeOptions} --require ${fastClockModule}`.trim(), M365_TEST_FAST_CLOCK: lengths.join(','), M365_TEST_FAST_CLOCK_FILE: file},
		waits: () => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).map(Number) : []),
	};
}

/**
 * The recorder, loaded into the app: `env` to run it with, and every host:port it has started a
 * connection to since, in order, over all its runs.
 */
export function recordConnections(): {env: Record<string, string>; connections: () => string[]} {
	const file = join(tempStateDir(), 'connections.txt');
	return {
		env: {NODE_OPTIONS: `${process.env['NODE_OPTIONS'] ?? ''} --require ${recorder}`.trim(), M365_TEST_CONNECTIONS_FILE: file},
		connections: () => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : []),
	};
}

export interface LiveSignIn {
	idp: IdentityServer;
	graph: GraphServer;
	stateDir: string;
	/** Where it keeps its caches (a live tenant's copy). */
	cacheDir: string;
	/** The app's arguments against these servers. */
	args: (...given: string[]) => string[];
	/** The app's environment: the test authority trusted, the recorder loaded, no fixed token. */
	env: Record<string, string>;
	run: (...given: string[]) => ReturnType<typeof cli>;
	/** Every host:port the app has started a connection to, in order, over all its runs so far. */
	connections: () => string[];
	/** The waits of the lengths given as `fastClock` that the app asked for (and did not sit through), in order. */
	waits: () => number[];
	/** The local servers' host:port. */
	local: {idp: string; graph: string};
}

export async function liveSignIn(
	options: {
		tenant?: Tenant;
		script?: DeviceCodeScript;
		accessTokenSeconds?: number;
		graphHttps?: boolean;
		env?: Record<string, string>;
		fastClock?: readonly number[];
	} = {},
): Promise<LiveSignIn> {
	const idp = closeAfterTest(await startIdentityServer({script: options.script, accessTokenSeconds: options.accessTokenSeconds}));
	const graph = closeAfterTest(await startGraphServer(options.tenant ?? demoTenant(), {issued: idp.issued, https: options.graphHttps}));
	// A first run on a fresh machine: the state directory is the default one, not there yet.
	const {env: homeEnv, stateDir, cacheDir} = freshHome();
	const recording = recordConnections();
	const clock = fastClock(options.fastClock ?? [], recording.env['NODE_OPTIONS']);
	const args = (...given: string[]) => [...given, '--graph', '--graph-endpoint', graph.url, '--login-endpoint', idp.url, '--client-id', clientId];
	const env = {
		...homeEnv,
		M365_LICENSES_GRAPH_TOKEN: '',
		NODE_EXTRA_CA_CERTS: idp.caFile,
		...recording.env,
		...clock.env,
		...options.env,
	};
	return {
		idp,
		graph,
		stateDir,
		cacheDir,
		args,
		env,
		run: (...given) => cli(args(...given), env),
		connections: recording.connections,
		waits: clock.waits,
		local: {idp: new URL(idp.url).host, graph: new URL(graph.url).host},
	};
}

/** Every file under the directory (none when it is not there), with its text. */
export function filesUnder(dir: string): Array<{path: string; text: string}> {
	if (!existsSync(dir)) return [];
	return readdirSync(dir, {recursive: true, encoding: 'utf8'})
		.map(name => join(dir, name))
		.filter(path => statSync(path).isFile())
		.map(path => ({path, text: readFileSync(path, 'utf8')}));
}

/** The secrets the identity provider issued that appear in the text. */
export const secretsIn = (idp: IdentityServer, text: string) => idp.secrets().filter(secret => text.includes(secret));

/** The identity provider's requests as lines: `POST /organizations/oauth2/v2.0/token device_code → authorization_pending`. */
export const requestLines = (idp: IdentityServer, from = 0) =>
	idp.requests.slice(from).map(r => `${r.method} ${r.path}${r.grant ? ` ${r.grant}` : ''}${r.answer ? ` → ${r.answer}` : ''}`);
