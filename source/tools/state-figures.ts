// Figures for the state directory (issue 12's storage targets), as functions a benchmark can call:
// the cost of saving one change at a given tenant size, and state directories with a long history
// to time a start against. source/tools/state-bench.mjs prints them.
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {LocalTenant} from '../backends/local-tenant.js';
import type {Change} from '../domain/changes.js';
import type {Tenant} from '../domain/model.js';
import {planUnassign} from '../domain/plan.js';
import {openStateFile} from '../store/state-file.js';
import {openStore} from '../store/store.js';

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))]!;
const figures = (values: number[]) => ({p50: percentile(values, 50), p95: percentile(values, 95), runs: values.length});

/** The users holding the product directly, in the tenant's order. */
const directHolders = (tenant: Tenant, skuId: string) =>
	tenant.users.filter(u => u.licenseAssignmentStates.some(s => s.skuId === skuId && s.assignedByGroup === null));

/**
 * Saving one change, `runs` times, on a snapshot: `save` is the state directory's part (the journal
 * line and the audit entry, each fsynced); `change` is the whole of store.apply for one user (plan
 * carried out by the file backend, saved, and applied to the tenant shown).
 */
export async function persistOneChange(tenantFile: string, skuId: string, runs = 200) {
	const stateFile = openStateFile(mkdtempSync(join(tmpdir(), 'm365-licenses-figures-')));
	const store = await openStore({backend: new LocalTenant(tenantFile, 'snapshot'), stateFile});
	const holders = directHolders(store.getState().tenant, skuId).slice(0, runs);
	const change: number[] = [];
	for (const user of holders) {
		const plan = planUnassign(store.getState().tenant, [user.id], [skuId]);
		const start = performance.now();
		await store.apply(plan);
		change.push(performance.now() - start);
	}
	const save: number[] = [];
	const tenantId = store.getState().tenant.organization.id;
	for (const [i, user] of holders.entries()) {
		const time = new Date().toISOString();
		const start = performance.now();
		stateFile.commit({
			id: `figures-${i}`,
			tenantId,
			time,
			changes: [{time, userId: user.id, add: [skuId], remove: []}],
			audit: [
				{
					time,
					actor: 'figures',
					tenantId,
					action: 'assign',
					userPrincipalName: user.userPrincipalName,
					skuId,
					skuPartNumber: null,
					outcome: 'assigned',
					reason: null,
				},
			],
		});
		save.push(performance.now() - start);
	}
	return {users: store.getState().tenant.users.length, save: figures(save), change: figures(change)};
}

/**
 * Writes a state directory holding `changes` license changes (each user's product taken away, then
 * given back, round the first `users` licensed users) and `deletions` deleted users, as a long-running app would have
 * saved them, then lets a writer fold the journal as it does when it quits (`compacted`).
 */
export function buildHistory(
	stateDir: string,
	tenant: Tenant,
	{changes = 0, users = Infinity, deletions = 0, compacted = true}: {changes?: number; users?: number; deletions?: number; compacted?: boolean},
) {
	const stateFile = openStateFile(stateDir);
	const tenantId = tenant.organization.id;
	const licensed = tenant.users.filter(u => u.assignedLicenses.length > 0).slice(0, users);
	const time = '2026-11-25T10:00:00.000Z';
	const batch: Change[] = [];
	let id = 0;
	const flush = () => {
		if (batch.length === 0) return;
		stateFile.commit({id: `history-${++id}`, tenantId, time, changes: batch.splice(0), audit: []});
	};
	for (let i = 0; i < changes; i++) {
		const user = licensed[i % licensed.length]!;
		const skuId = user.assignedLicenses[0]!.skuId;
		const takeAway = Math.floor(i / licensed.length) % 2 === 0;
		batch.push({time, userId: user.id, add: takeAway ? [] : [skuId], remove: takeAway ? [skuId] : []});
		if (batch.length === 1000) flush();
	}
	for (let i = 0; i < deletions; i++) {
		batch.push({type: 'delete', time, userId: tenant.users[tenant.users.length - 1 - i]!.id});
		if (batch.length === 1000) flush();
	}
	flush();
	if (compacted) stateFile.compact({force: true});
}

/**
 * Saving one change to `users` users (each losing their first license), `times` times over fresh
 * state directories: the median milliseconds of the state directory's part (journal and audit).
 */
export function persistChange(tenant: Tenant, users: number, times: number) {
	const tenantId = tenant.organization.id;
	const licensed = tenant.users.filter(u => u.assignedLicenses.length > 0).slice(0, users);
	const samples: number[] = [];
	for (let i = 0; i < times; i++) {
		const stateFile = openStateFile(mkdtempSync(join(tmpdir(), 'm365-licenses-figures-')));
		const time = new Date().toISOString();
		const changes: Change[] = licensed.map(user => ({time, userId: user.id, add: [], remove: [user.assignedLicenses[0]!.skuId]}));
		const audit = licensed.map(user => ({
			time,
			actor: 'figures',
			tenantId,
			action: 'unassign' as const,
			userPrincipalName: user.userPrincipalName,
			skuId: user.assignedLicenses[0]!.skuId,
			skuPartNumber: null,
			outcome: 'removed',
			reason: null,
		}));
		const start = performance.now();
		stateFile.commit({id: `figures-large-${i}`, tenantId, time, changes, audit});
		samples.push(performance.now() - start);
	}
	return {users: licensed.length, ms: percentile(samples, 50)};
}
