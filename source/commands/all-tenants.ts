// licenses, reclaim and audit --all-tenants: every tenant added, read side by side (a few at a time,
// each with its own sign-in and its own Graph client, so each under its own throttling budget), with
// a line on stderr as each is read. A tenant that cannot be read is listed with why; the others still
// come back, and the exit code says so. Nothing is changed: a change is made within one tenant.
import {UserError} from '../errors.js';
import {strings} from '../text/index.js';
import {exitCodes, outputWidth, paragraph, table, type CommandIO} from './io.js';
import {baseHomes, type GlobalOptions} from '../open-tenant.js';
import {checkAllTenants, readTenants, type TenantRead} from '../open-tenants.js';
import type {Tenant} from '../domain/model.js';
import {homesOfTenant} from '../store/profiles.js';
import {openStateFile} from '../store/state-file.js';
import {licensesJson} from './read.js';
import {reclaimJson, reclaimText} from './reclaim.js';
import type {SectionId} from '../domain/reclaim.js';
import type {Output} from './output.schema.js';
import {extended} from '../domain/extended.js';

/** Every tenant added, read as --profile NAME would open it, with a line on stderr as each is read. */
const readAllTenants = <T>(globals: GlobalOptions, io: CommandIO, read: (tenant: Tenant) => T) =>
	readTenants(globals, io.env, line => io.err(`m365-licenses: ${line}\n`), read);

/** Done when every tenant was read; partial when some were not; an error when none was. */
function exitOf(reads: ReadonlyArray<{error: string | null}>, io: CommandIO): number {
	const failed = reads.filter(r => r.error !== null).length;
	if (failed === 0) return exitCodes.done;
	io.err(`m365-licenses: ${strings.tenants.someFailed(failed, reads.length)}\n`);
	return failed === reads.length ? exitCodes.error : exitCodes.partial;
}

export function licensesAllJson(reads: ReadonlyArray<TenantRead<Output['licenses']>>): Output['licenses-all'] {
	const products = new Map<string, Output['licenses-all']['totals']['products'][number]>();
	for (const {result} of reads) {
		for (const p of result?.products ?? []) {
			const sum = products.get(p.skuId) ?? {
				skuId: p.skuId,
				skuPartNumber: p.skuPartNumber,
				productName: p.productName,
				tenants: 0,
				assigned: 0,
				available: 0,
				total: 0,
			};
			products.set(p.skuId, {
				...sum,
				tenants: sum.tenants + 1,
				assigned: sum.assigned + p.assigned,
				available: sum.available + p.available,
				total: sum.total + p.total,
			});
		}
	}
	const all = [...products.values()];
	const add = (key: 'assigned' | 'available' | 'total') => all.reduce((sum, p) => sum + p[key], 0);
	return {
		tenants: reads.map(r => ({name: r.name, tenantId: r.tenantId, error: r.error, ...(r.result ?? {})})),
		totals: {
			tenants: reads.length,
			failed: reads.filter(r => r.error !== null).length,
			assigned: add('assigned'),
			available: add('available'),
			total: add('total'),
			products: all,
		},
	};
}

export async function licensesAll(globals: GlobalOptions, json: boolean, io: CommandIO): Promise<number> {
	const data = licensesAllJson(await readAllTenants(globals, io, licensesJson));
	if (json) io.out(`${JSON.stringify(data, null, 2)}\n`);
	else {
		const n = strings.number;
		const rows = data.tenants.flatMap(t =>
			t.error !== null
				? [[t.name, strings.tenants.notRead(t.error), '', '', '']]
				: (t.products ?? []).map(p => [t.name, p.productName, n(p.assigned), n(p.available), n(p.total)]),
		);
		const {totals} = data;
		rows.push([strings.tenants.totalRow, '', n(totals.assigned), n(totals.available), n(totals.total)]);
		io.out(`${table([strings.tenants.allHeader, ...rows], {width: outputWidth(io), wrap: [1, 0]})}\n`);
	}
	return exitOf(data.tenants, io);
}

export function reclaimAllJson(reads: ReadonlyArray<TenantRead<Output['reclaim']>>, sections: readonly SectionId[]): Output['reclaim-all'] {
	const sectionsRead = reads.flatMap(r => r.result?.sections ?? []);
	return {
		tenants: reads.map(r => ({name: r.name, tenantId: r.tenantId, error: r.error, ...(r.result ?? {})})),
		totals: {
			tenants: reads.length,
			failed: reads.filter(r => r.error !== null).length,
			sections: sections.map(id => {
				const of = sectionsRead.filter(s => s.id === id);
				return {id, users: of.reduce((sum, s) => sum + s.users, 0), licenses: of.reduce((sum, s) => sum + s.licenses, 0)};
			}),
		},
	};
}

export async function reclaimAll(
	globals: GlobalOptions,
	options: {sections: readonly SectionId[]; inactiveDays: number; json: boolean},
	io: CommandIO,
): Promise<number> {
	const now = new Date();
	if (options.json) {
		const data = reclaimAllJson(await readAllTenants(globals, io, tenant => reclaimJson(tenant, options, now)), options.sections);
		io.out(`${JSON.stringify(data, null, 2)}\n`);
		return exitOf(data.tenants, io);
	}
	const reads = await readAllTenants(globals, io, tenant => ({
		text: reclaimText(tenant, options, now, outputWidth(io)),
		json: reclaimJson(tenant, options, now),
	}));
	const width = outputWidth(io);
	const parts = reads.map(r =>
		r.result
			? `${strings.tenants.tenantHeading(r.name, r.result.json.tenant.displayName)}\n${r.result.text}`
			: `${r.name}\n  ${paragraph(strings.tenants.notRead(r.error!), width - 2)}`,
	);
	const read = reads.flatMap(r => r.result?.json.sections ?? []);
	const totals = strings.tenants.reclaimTotals(
		read.reduce((sum, s) => sum + s.licenses, 0),
		read.reduce((sum, s) => sum + s.users, 0),
		reads.filter(r => r.result).length,
	);
	io.out(`${[...parts, paragraph(totals, width)].join('\n\n')}\n`);
	return exitOf(reads, io);
}

/**
 * Every tenant's audit log, merged by time, each entry naming its tenant. Read from each tenant's
 * state folder alone: no tenant is opened, no sign-in is needed.
 */
export function auditAll(globals: GlobalOptions, json: boolean, io: CommandIO): number {
	const names = checkAllTenants(globals);
	const {homes} = baseHomes(globals, io.env);
	const reads: Array<TenantRead<null>> = [];
	const entries: Output['audit-all']['entries'] = [];
	for (const name of names) {
		const {tenantId} = globals.profiles![name]!;
		try {
			const log = openStateFile(homesOfTenant(homes, tenantId).state).audit();
			if (log.problem) io.err(`m365-licenses: ${name}: ${log.problem}\n`);
			entries.push(...log.entries.filter(e => e.tenantId.toLowerCase() === tenantId.toLowerCase()).map(e => extended(e, {tenant: name})));
			reads.push({name, tenantId, result: null, error: null});
		} catch (error) {
			if (!(error instanceof UserError)) throw error;
			io.err(`m365-licenses: ${strings.tenants.failed(name, error.message)}\n`);
			reads.push({name, tenantId, result: null, error: error.message});
		}
	}
	// ISO times in UTC sort as text; a tenant's own entries keep their order among equal times.
	entries.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
	if (json) {
		const data: Output['audit-all'] = {tenants: reads.map(({name, tenantId, error}) => ({name, tenantId, error})), entries};
		io.out(`${JSON.stringify(data, null, 2)}\n`);
	} else {
		const width = outputWidth(io);
		const text = entries.map(e =>
			[
				paragraph(
					`${strings.tenants.auditTenant(e.tenant)} ${strings.cli.auditLine(e.time.replace('T', ' ').replace(/\.\d+Z$|Z$/, ''), strings.cli.actionWord(e.action), strings.cli.outcomeWord(e.outcome), e.userPrincipalName)}`,
					width,
				),
				paragraph(strings.cli.auditDetail(e.skuPartNumber, e.actor, e.reason), width, '    '),
			].join('\n'),
		);
		io.out(`${text.length > 0 ? text.join('\n') : strings.cli.noAudit}\n`);
	}
	return exitOf(reads, io);
}
