// The read-only subcommands: licenses, users, audit, doctor. Plain stdout, no Ink.
import {statSync} from 'node:fs';
import {language, strings} from '../text/index.js';
import {productRows, assignmentSources, indexTenant, namesOf, productNameOf, type ProductRow} from '../domain/selectors.js';
import type {OutcomeReason} from '../domain/plan.js';
import type {Tenant} from '../domain/model.js';
import {describeHolder, lockHolder} from '../store/writer-lock.js';
import {exitCodes, outputWidth, paragraph, table, type CommandIO} from './io.js';
import {endpointsOf, homesFor, openTenant, stateDirOf, type GlobalOptions, type Opened} from '../open-tenant.js';
import {preferencesFile} from '../paths.js';
import {proxyRoute} from '../backends/graph/network.js';
import type {Output} from './output.schema.js';

export function licensesJson(tenant: Tenant): Output['licenses'] {
	return {
		tenant: {id: tenant.organization.id, displayName: tenant.organization.displayName},
		products: productRows(tenant).map(p => ({
			skuId: p.skuId,
			skuPartNumber: p.skuPartNumber,
			productName: p.name,
			total: p.total,
			assigned: p.assigned,
			available: p.available,
			subscriptions: p.subscriptions.map(s => ({
				id: s.id,
				status: s.status,
				totalLicenses: s.totalLicenses,
				isTrial: s.isTrial ?? false,
				selfService: s.ownerType === 'User',
			})),
		})),
	};
}

export function licenses({store}: Opened, json: boolean, io: CommandIO): number {
	const data = licensesJson(store.getState().tenant);
	if (json) {
		io.out(`${JSON.stringify(data, null, 2)}\n`);
		return exitCodes.done;
	}
	const rows = data.products.map(p => [p.productName, p.skuPartNumber, strings.number(p.assigned), strings.number(p.available), strings.number(p.total)]);
	io.out(`${table([strings.cli.licensesHeader, ...rows], {width: outputWidth(io), wrap: [0]})}\n`);
	return exitCodes.done;
}

/**
 * The products `--product` names: the one whose part number, skuId or name it is (in any case), else
 * every product whose name holds it ("business premium"). One is the product; none or several are
 * said, with the candidates.
 */
export function matchProducts(tenant: Tenant, given: string): ProductRow[] {
	const needle = given.trim().replace(/\s+/g, ' ').toLowerCase();
	const products = productRows(tenant);
	const exact = products.filter(p => p.skuPartNumber.toLowerCase() === needle || p.skuId.toLowerCase() === needle || p.name.toLowerCase() === needle);
	if (exact.length > 0 || needle === '') return exact;
	return products.filter(p => p.name.toLowerCase().includes(needle));
}

export function usersJson(tenant: Tenant, product: ProductRow | undefined): Output['users'] {
	const {products} = indexTenant(tenant);
	const names = namesOf(tenant);
	const byId = new Map(products.map(p => [p.skuId, p]));
	const users = product ? tenant.users.filter(u => u.assignedLicenses.some(l => l.skuId === product.skuId)) : tenant.users;
	return {
		users: users.map(user => ({
			id: user.id,
			userPrincipalName: user.userPrincipalName,
			displayName: user.displayName,
			accountEnabled: user.accountEnabled,
			licenses: user.assignedLicenses.map(license => {
				const sources = assignmentSources(user, license.skuId);
				const row = byId.get(license.skuId);
				return {
					skuId: license.skuId,
					skuPartNumber: row?.skuPartNumber ?? null,
					productName: row?.name ?? license.skuId,
					direct: sources.direct,
					viaGroups: sources.groupIds,
					viaGroupNames: sources.groupIds.map(id => names.groups([id])),
				};
			}),
		})),
	};
}

export function users({store}: Opened, product: ProductRow | undefined, json: boolean, io: CommandIO): number {
	const data = usersJson(store.getState().tenant, product);
	if (json) {
		io.out(`${JSON.stringify(data, null, 2)}\n`);
		return exitCodes.done;
	}
	const {groups} = namesOf(store.getState().tenant);
	const rows = data.users.map(u => [
		u.userPrincipalName,
		u.displayName,
		u.accountEnabled ? strings.cli.signIn.allowed : strings.cli.signIn.blocked,
		// A product a line, by the name the app shows, with the groups that give it.
		u.licenses.map(l => strings.cli.license(l.productName, l.direct, groups(l.viaGroups))).join('\n') || strings.cli.noLicenses,
	]);
	io.out(`${table([strings.cli.usersHeader, ...rows], {width: outputWidth(io), wrap: [3, 1, 0]})}\n`);
	return exitCodes.done;
}

export function audit({store, stateFile}: Opened, json: boolean, io: CommandIO): number {
	const tenantId = store.getState().tenant.organization.id;
	const log = stateFile.audit();
	// A line cut off by a crash is skipped, and said so: the rest of the log is still read.
	if (log.problem) io.err(`m365-licenses: ${log.problem}\n`);
	const entries = log.entries.filter(entry => entry.tenantId === tenantId);
	if (json) {
		io.out(`${JSON.stringify({entries} satisfies Output['audit'], null, 2)}\n`);
		return exitCodes.done;
	}
	const tenant = store.getState().tenant;
	const width = outputWidth(io);
	// Two lines an entry, so it fits the width: what happened to whom, then the product, who did it and why.
	const text = entries.map(e => {
		const product = e.skuId ? productNameOf(tenant, e.skuId) : null;
		return [
			paragraph(
				strings.cli.auditLine(
					e.time.replace('T', ' ').replace(/\.\d+Z$|Z$/, ''),
					strings.cli.actionWord(e.action),
					strings.cli.outcomeWord(e.outcome),
					e.userPrincipalName,
				),
				width,
			),
			paragraph(
				strings.cli.auditDetail(
					product,
					e.actor,
					e.reason && Object.hasOwn(strings.outcome.reason, e.reason) ? strings.outcome.reason[e.reason as OutcomeReason] : e.reason,
				),
				width,
				'    ',
			),
		].join('\n');
	});
	io.out(`${text.length > 0 ? text.join('\n') : strings.cli.noAudit}\n`);
	return exitCodes.done;
}

/** The folder's permissions, as "0700", or null when it is not there yet. */
function modeOf(dir: string): string | null {
	try {
		return `0${(statSync(dir).mode & 0o777).toString(8)}`;
	} catch {
		return null;
	}
}

/** What doctor knows without a working tenant: it still answers when sign-in or the snapshot fails. */
export async function doctorJson(globals: GlobalOptions, version: string, io: CommandIO) {
	const base = {
		version,
		node: process.version,
		platform: `${process.platform} ${process.arch}`,
		stdinIsTTY: io.stdinIsTTY,
		stdoutIsTTY: io.stdoutIsTTY,
		language: globals.language ?? {id: language, source: 'default', from: null},
	};
	// The three homes (one folder when --state-dir or M365_LICENSES_STATE_DIR gives it), and the preferences file.
	let homes: {config: string; state: string; cache: string; preferences: string} | null = null;
	try {
		const found = homesFor(globals, io.env).homes;
		homes = {config: found.config, state: found.state, cache: found.cache, preferences: preferencesFile(found)};
	} catch {
		// What is wrong with them is what opening the tenant says below.
	}
	const endpoints = globals.graph ? endpointsOf(globals, io.env) : null;
	const route = (address: string | undefined) => (address ? proxyRoute(address, io.env).proxy : null);
	const place = {
		backend: (globals.graph ? 'graph' : globals.tenant ? 'snapshot' : 'demo') as 'graph' | 'snapshot' | 'demo',
		cloud: endpoints?.cloud ?? null,
		endpoints: {graph: endpoints?.graph ?? null, login: endpoints?.login ?? null},
		proxy: {graph: route(endpoints?.graph), login: route(endpoints?.login), noProxy: io.env['no_proxy'] ?? io.env['NO_PROXY'] ?? null},
	};
	try {
		// Doctor never signs in: it uses the sign-in already kept, or says there is none and how to make one.
		const {store, backend, stateDir, stateFile, signedIn} = await openTenant(globals, io.env, undefined, {interactive: false});
		const {tenant, admin, notice} = store.getState();
		// What the opening did (the state moved to its new home) is said, as every command says it.
		if (notice) io.err(`m365-licenses: ${notice}\n`);
		const account = signedIn();
		return {
			...base,
			homes,
			lock: lockHolder(stateDir),
			stateDirectory: stateDir,
			stateDirectoryMode: modeOf(stateDir),
			stateFile: stateFile.path,
			...place,
			tenant: {id: tenant.organization.id, displayName: tenant.organization.displayName, source: backend.source},
			signedInAs: admin,
			signIn: account ? {account: account.username, tenantId: account.tenantId} : null,
			error: null,
		};
	} catch (error) {
		let stateDirectory: string | null = null;
		try {
			stateDirectory = stateDirOf(globals, io.env);
		} catch {
			// The state directory is what is wrong: said below.
		}
		let lock = null;
		try {
			lock = stateDirectory ? lockHolder(stateDirectory) : null;
		} catch {
			// What stands in the lock's place (a FIFO, a link) is what `error` says already.
		}
		return {
			...base,
			homes,
			lock,
			stateDirectory,
			stateDirectoryMode: stateDirectory ? modeOf(stateDirectory) : null,
			stateFile: null,
			...place,
			tenant: null,
			signedInAs: null,
			signIn: null,
			error: (error as Error).message,
		};
	}
}

export async function doctor(globals: GlobalOptions, version: string, json: boolean, io: CommandIO): Promise<number> {
	const data = await doctorJson(globals, version, io);
	if (json) {
		io.out(`${JSON.stringify(data satisfies Output['doctor'], null, 2)}\n`);
		return data.error ? exitCodes.error : exitCodes.done;
	}
	const words = strings.cli.doctor;
	const rows: string[][] = [
		[words.version, data.version],
		[words.node, `${data.node} (${data.platform})`],
		[words.language, words.languageWhy(words.languageName[data.language.id], words.languageSource[data.language.source], data.language.from)],
		[words.configHome, data.homes?.preferences ?? '-'],
		[words.stateDirectory, data.stateDirectory ?? '-'],
		[words.stateDirectoryMode, data.stateDirectoryMode === null ? '-' : strings.state.mode(data.stateDirectoryMode)],
		[words.cacheHome, data.homes?.cache ?? '-'],
		[words.backend, words.backends[data.backend]],
		[words.tenant, data.tenant ? `${data.tenant.displayName} (${data.tenant.id})` : '-'],
		[words.tenantSource, data.tenant?.source ?? '-'],
		[words.signedInAs, data.signedInAs ?? '-'],
		...(data.backend === 'graph'
			? [[words.signIn, data.signIn ? words.signInAs(data.signIn.account ?? '?', data.signIn.tenantId ?? '?') : words.notSignedIn]]
			: []),
		[words.cloud, data.cloud ?? words.localTenant],
		[words.graphEndpoint, data.endpoints.graph ?? '-'],
		[words.loginEndpoint, data.endpoints.login ?? '-'],
		...(data.endpoints.graph
			? [
					[words.proxyGraph, data.proxy.graph ?? words.direct],
					[words.proxyLogin, data.proxy.login ?? words.direct],
				]
			: []),
		...(data.proxy.noProxy ? [['NO_PROXY', data.proxy.noProxy]] : []),
		[words.stdin, data.stdinIsTTY ? words.yes : words.no],
		[words.stdout, data.stdoutIsTTY ? words.yes : words.no],
		[words.lock, data.lock ? describeHolder(data.lock) : words.noLock],
		...(data.error ? [[words.problem, data.error]] : []),
	];
	io.out(`${table(rows, {width: outputWidth(io), wrap: [1]})}\n`);
	return data.error ? exitCodes.error : exitCodes.done;
}
