// Running the built CLI against the local Graph test server (never a Microsoft host).
import {execFileSync, spawn, type ChildProcess} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterEach} from 'vitest';
import type {Tenant} from '../../source/domain/model.js';
import {startGraphServer, type Faults, type GraphServer} from '../fixtures/graph-server.js';
import {freshHome} from './home.js';
import {tempStateDir} from './tenant.js';
import {bundle, requireBundle} from './tmux.js';

export const SPB = 'cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46';

export interface Ran {
	status: number | null;
	stdout: string;
	stderr: string;
}

/**
 * The environment the app is run with: this one, without any proxy of the machine's, on a fresh HOME
 * unless `env` names one (never the machine's own state), and `env` over it.
 */
export function appEnv(env: Record<string, string> = {}): NodeJS.ProcessEnv {
	const result: NodeJS.ProcessEnv = {...process.env};
	for (const name of ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy']) delete result[name];
	return {...result, ...(env['HOME'] ? {} : freshHome().env), ...env};
}

/** Runs the bundle without blocking this process (the server answers from here); `started` gets the child. */
export function cli(args: string[], env: Record<string, string> = {}, started?: (child: ChildProcess) => void): Promise<Ran> {
	requireBundle();
	return new Promise(resolve => {
		const child = spawn(process.execPath, [bundle, ...args], {env: appEnv(env), stdio: ['ignore', 'pipe', 'pipe']});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', chunk => (stdout += chunk));
		child.stderr.on('data', chunk => (stderr += chunk));
		child.on('close', status => resolve({status, stdout, stderr}));
		started?.(child);
	});
}

const tenants = new Map<number, string>();

/** A generated tenant of this many users (the same one each time in a run); a fresh copy each call. */
export function generated(users: number): Tenant {
	let text = tenants.get(users);
	if (!text) {
		const file = join(tempStateDir(), 'tenant.json');
		execFileSync(process.execPath, [fileURLToPath(new URL('../../source/tools/generate-snapshot.mjs', import.meta.url)), String(users), file, '--seed', '11']);
		text = readFileSync(file, 'utf8');
		tenants.set(users, text);
	}
	return JSON.parse(text);
}

const servers: GraphServer[] = [];
afterEach(async () => {
	await Promise.all(servers.splice(0).map(server => server.close()));
});

/** A local Graph serving the tenant, closed after the test, and the CLI pointed at it with its token. */
export async function liveGraph(tenant: Tenant, {faults = {}, pageSize = 7, token}: {faults?: Faults; pageSize?: number; token?: string} = {}) {
	const server = await startGraphServer(tenant, {pageSize, faults, token});
	servers.push(server);
	// A first run on a fresh machine: the state directory is the default one, not there yet.
	const home = freshHome();
	const args = (...given: string[]) => [...given, '--graph', '--graph-endpoint', server.url];
	const env = {...home.env, M365_LICENSES_GRAPH_TOKEN: server.token};
	const run = (...given: string[]) => cli(args(...given), env);
	/** A folder for the test's own files (users files): not the state directory. */
	const files = tempStateDir();
	return {server, run, args, env, stateDir: home.stateDir, cacheDir: home.cacheDir, files};
}

export const directHolders = (tenant: Tenant, skuId: string) =>
	tenant.users.filter(u => u.licenseAssignmentStates.some(s => s.skuId === skuId && s.assignedByGroup === null)).map(u => u.userPrincipalName);

/** Of these users, the ones Graph says still hold the product. */
export const holdersIn = (server: GraphServer, upns: readonly string[], skuId: string) =>
	server.tenant.users.filter(u => upns.includes(u.userPrincipalName) && u.assignedLicenses.some(l => l.skuId === skuId)).map(u => u.userPrincipalName);
