// m365-licenses tenants discover --graph: signed in to an IT partner's own tenant, the customers it
// manages through GDAP (GET /tenantRelationships/delegatedAdminCustomers), each offered as a tenant to
// add, its name and tenant id filled in. Each customer is then reached as the app will reach it: a
// token of its own, for its own tenant, from the partner's sign-in (silent where the partner's
// refresh token allows), and a read of its organization and licenses; one that cannot be read
// (a GDAP relationship without a role that reads licenses answers 403) is listed with why.
import {UserError} from '../errors.js';
import {strings} from '../text/index.js';
import {exitCodes, outputWidth, table, type CommandIO} from './io.js';
import {baseHomes, endpointsOf, parseDuration, type GlobalOptions} from '../open-tenant.js';
import {tokenProvider} from '../backends/graph/auth.js';
import {clouds, gdapScopes} from '../backends/graph/clouds.js';
import {GraphHttp} from '../backends/graph/http.js';
import {findProfile, profileNames} from '../store/profiles.js';
import {profileNamePattern, type TenantProfiles} from '../store/profiles.schema.js';
import {atMostAtOnce, tenantsAtOnce} from '../open-tenants.js';
import {keepProfile} from './keep-profile.js';
import type {Output} from './output.schema.js';

type Found = Output['tenants-discover']['customers'][number];

/** A name for a customer, from its organization's name: "Northwind Traders" → northwind-traders, made unique. */
export function suggestName(displayName: string, taken: (name: string) => boolean): string {
	const base =
		displayName
			.normalize('NFKD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 56) || 'customer';
	for (let n = 1; ; n++) {
		const name = n === 1 ? base : `${base}-${n}`;
		if (new RegExp(profileNamePattern).test(name) && !taken(name)) return name;
	}
}

export async function discover(values: {yes?: boolean; json?: boolean}, globals: GlobalOptions, io: CommandIO): Promise<number> {
	if (!globals.graph) throw new UserError(strings.cli.usageError(strings.tenants.discoverNeedsGraph), exitCodes.usage);
	const {homes} = baseHomes(globals, io.env);
	const endpoints = endpointsOf(globals, io.env);
	const timeoutMs = globals.requestTimeout ? parseDuration('request-timeout', globals.requestTimeout) : undefined;
	const say = (message: string) => io.err(`${message}\n`);
	const clientId = globals.clientId ?? io.env['M365_LICENSES_CLIENT_ID'];
	const signIn = (tenantId: string, partnerTenantId?: string, interactive?: boolean) =>
		tokenProvider({
			env: io.env,
			clientId,
			tenantId,
			partnerTenantId,
			login: endpoints.login,
			customLogin: endpoints.customLogin,
			resource: clouds[endpoints.cloud].graph,
			stateDir: homes.signIns,
			timeoutMs,
			say,
			interactive,
		});
	const partner = signIn(globals.tenantId ?? (io.env['M365_LICENSES_TENANT_ID'] || 'organizations'));
	// Reading the customers needs one more permission, asked for with the partner's sign-in.
	const partnerGraph = new GraphHttp({base: endpoints.graph, token: (extra = [], signal) => partner.token([...extra, ...gdapScopes], signal), timeoutMs});
	const customers = await partnerGraph.getAll<{id: string; tenantId?: string; displayName?: string}>('/tenantRelationships/delegatedAdminCustomers');
	const partnerTenantId = partner.signedIn()?.tenantId ?? undefined;
	let profiles: TenantProfiles = {...globals.profiles};
	const found: Found[] = [];
	for (const customer of [...customers].sort((a, b) => (a.displayName ?? '').localeCompare(b.displayName ?? ''))) {
		const tenantId = (customer.tenantId ?? customer.id).toLowerCase();
		const displayName = customer.displayName ?? tenantId;
		const already = profileNames(profiles).find(n => profiles[n]!.tenantId.toLowerCase() === tenantId);
		if (already) {
			found.push({name: already, tenantId, displayName, added: false, alreadyAs: already, error: null});
			continue;
		}
		const name = suggestName(displayName, n => findProfile(profiles, n) !== null);
		const add =
			values.yes ||
			(io.stdinIsTTY &&
				!values.json &&
				strings.tenants.yesWords.includes((await io.ask(strings.tenants.offer(displayName, tenantId, name))).trim().toLowerCase()));
		if (add) {
			const profile = {
				source: 'graph' as const,
				tenantId,
				displayName,
				...(globals.cloud ? {cloud: endpoints.cloud} : {}),
				...(globals.clientId ? {clientId: globals.clientId} : {}),
				...(partnerTenantId ? {partnerTenantId: partnerTenantId.toLowerCase()} : {}),
			};
			await keepProfile(globals, io, name, profile);
			profiles = {...profiles, [name]: profile};
		}
		found.push({name, tenantId, displayName, added: Boolean(add), alreadyAs: null, error: null});
	}
	// Each customer added is reached as it will be: its own token, from the partner's sign-in.
	const check = async (customer: Found, interactive: boolean) => {
		try {
			const tokens = signIn(customer.tenantId, partnerTenantId, interactive);
			const graph = new GraphHttp({base: endpoints.graph, token: tokens.token, timeoutMs});
			const [organization] = await graph.getAll<{id: string}>('/organization');
			if (organization?.id.toLowerCase() !== customer.tenantId)
				throw new UserError(strings.tenants.answeredAsOther(customer.tenantId, organization?.id ?? '-'));
			await graph.getAll('/subscribedSkus');
			return null;
		} catch (error) {
			if (!(error instanceof UserError)) throw error;
			return error.message.replace(/\s*\n\s*/g, ' ');
		}
	};
	const reachable = found.filter(c => c.added || c.alreadyAs);
	const problems = await atMostAtOnce(reachable, tenantsAtOnce, customer => check(customer, false));
	for (const [i, customer] of reachable.entries()) {
		// Silent was not possible: a code for this customer, one at a time, where someone can enter it.
		if (problems[i] === strings.signIn.notSignedIn && io.stdinIsTTY && !values.json) problems[i] = await check(customer, true);
		customer.error = problems[i] ?? null;
		if (customer.error) io.err(`m365-licenses: ${strings.tenants.failed(customer.name, customer.error)}\n`);
	}
	return report({partnerTenantId: partnerTenantId ?? null, customers: found}, values.json ?? false, io);
}

function report(data: Output['tenants-discover'], json: boolean, io: CommandIO): number {
	if (json) io.out(`${JSON.stringify(data, null, 2)}\n`);
	else if (data.customers.length === 0) io.out(`${strings.tenants.noCustomers}\n`);
	else {
		const state = (c: Found) =>
			c.error
				? strings.tenants.notRead(c.error)
				: c.alreadyAs
					? strings.tenants.alreadyAs(c.alreadyAs)
					: c.added
						? strings.tenants.addedState
						: strings.tenants.notAddedState;
		const rows = data.customers.map(c => [c.name, c.displayName, c.tenantId, state(c)]);
		io.out(`${table([strings.tenants.discoverHeader, ...rows], {width: outputWidth(io), wrap: [3, 1]})}\n`);
	}
	const failed = data.customers.filter(c => c.error).length;
	return failed === 0 ? exitCodes.done : exitCodes.partial;
}
