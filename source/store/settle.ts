// What the store settles on opening and on a --reset: changes cut off while they were sent (the app
// killed mid-way), read back from how each user stands now; and the saved changes --reset discards.
// Also the journal's view of a plan: what each user's request is to do, and every request unknown
// when a send fails as a whole.
import {randomUUID} from 'node:crypto';
import {produce} from 'immer';
import type {TenantBackend} from '../backends/backend.js';
import type {AuditEntry} from '../domain/audit.js';
import type {Tenant} from '../domain/model.js';
import {changeCount, skipOutcomes, type LicensePlan, type PlanItem, type UserOutcome} from '../domain/plan.js';
import {indexTenant} from '../domain/selectors.js';
import {strings} from '../text/index.js';
import type {PendingChange, StateFile} from './state-file.js';
import {extended} from '../domain/extended.js';

/** A change that was cut off (the app killed mid-way), found on opening and settled: what came of it. */
export interface Recovered {
	time: string;
	done: number;
	notDone: number;
}

/** Every change of the plan as unknown (a send that failed as a whole), and the plan's skips as they are. */
export function unknownOutcomes(plan: LicensePlan, why: string): UserOutcome[] {
	const unknown = (item: PlanItem, skuId: string, requested: UserOutcome['requested']): UserOutcome => ({
		userId: item.userId,
		userPrincipalName: item.userPrincipalName,
		skuId,
		requested,
		outcome: 'unknown',
		reason: null,
		message: strings.graph.sendFailed(why),
	});
	return [
		...plan.items.flatMap(item => [
			...item.add.map(skuId => unknown(item, skuId, 'add')),
			...(item.update ?? []).map(skuId => unknown(item, skuId, 'update')),
			...item.remove.map(skuId => unknown(item, skuId, 'remove')),
		]),
		...skipOutcomes(plan),
	];
}

/** What each user's request is to do, as the journal keeps it until the outcome is known. */
export function pendingItems(plan: LicensePlan): PendingChange['items'] {
	return plan.items
		.filter(item => changeCount(item) > 0)
		.map(({userId, userPrincipalName, add, remove, update, disabledPlans}) => ({
			userId,
			userPrincipalName,
			add,
			remove,
			...(update?.length ? {update} : {}),
			...(disabledPlans ? {disabledPlans} : {}),
		}));
}

/**
 * Changes whose outcome was never saved (the app was killed while they were sent): how each user
 * stands now says what was done. Done and not-done users go into the audit log, recorded under the
 * change's own id, so a crash while settling never settles it twice.
 */
export async function settleInterrupted(
	backend: TenantBackend,
	stateFile: StateFile,
	tenant: Tenant,
	tenantId: string,
	now: () => Date,
): Promise<{tenant: Tenant; recovered: Recovered | null}> {
	const interrupted = stateFile.interrupted(tenantId);
	if (interrupted.length === 0) return {tenant, recovered: null};
	let current = tenant;
	if (backend.refreshUsers) {
		const ids = [...new Set(interrupted.flatMap(pending => pending.items.map(item => item.userId)))];
		const fresh = new Map((await backend.refreshUsers(ids)).map(user => [user.id, user]));
		current = produce(tenant, draft => {
			draft.users = draft.users.map(user => fresh.get(user.id) ?? user);
		});
	}
	const {usersById, skusById} = indexTenant(current);
	const time = now().toISOString();
	let done = 0;
	let notDone = 0;
	for (const pending of interrupted) {
		const entries: AuditEntry[] = pending.items.flatMap(item => {
			const user = usersById.get(item.userId);
			const direct = (skuId: string) => user?.licenseAssignmentStates.find(s => s.skuId === skuId && s.assignedByGroup === null);
			const holds = (skuId: string) => direct(skuId) !== undefined;
			// An app change was made when the direct assignment has exactly the apps it was to turn off.
			const appsAsPlanned = (skuId: string) => {
				const planned = new Set(item.disabledPlans?.[skuId] ?? []);
				const now = direct(skuId)?.disabledPlans ?? null;
				return now !== null && now.length === planned.size && now.every(plan => planned.has(plan));
			};
			const entry = (skuId: string, action: 'assign' | 'unassign' | 'change-apps', found: boolean): AuditEntry => ({
				time,
				actor: pending.actor,
				tenantId,
				action,
				userPrincipalName: item.userPrincipalName,
				skuId,
				skuPartNumber: skusById.get(skuId)?.skuPartNumber ?? null,
				outcome: found ? {assign: 'assigned', unassign: 'removed', 'change-apps': 'updated'}[action] : 'failed',
				reason: found ? 'found-after-interruption' : 'interrupted',
			});
			return [
				...item.add.map(skuId => entry(skuId, 'assign', holds(skuId))),
				...item.remove.map(skuId => entry(skuId, 'unassign', !holds(skuId))),
				...(item.update ?? []).map(skuId => entry(skuId, 'change-apps', appsAsPlanned(skuId))),
			];
		});
		// The standing is already what the tenant shows (Graph, or the saved changes): nothing to replay.
		stateFile.commit({id: pending.id, tenantId, time, changes: [], audit: entries});
		const found = entries.filter(e => e.outcome !== 'failed').length;
		done += found;
		notDone += entries.length - found;
	}
	return {tenant: current, recovered: {time: interrupted[0]!.time, done, notDone}};
}

/** --reset: records that everything saved for the tenant is discarded, and what it was. */
export function discardSaved(stateFile: StateFile, source: Tenant, tenantId: string, actor: string, now: () => Date): string {
	const discarded = stateFile.changes(tenantId);
	const name = source.organization.displayName;
	if (discarded.length === 0) return strings.state.reset.nothing(name);
	const upns = new Map([...source.users, ...(source['x-local']?.deletedUsers ?? []).map(d => d.user)].map(u => [u.id, u.userPrincipalName]));
	const skusById = new Map(source.subscribedSkus.map(sku => [sku.skuId, sku]));
	const time = now().toISOString();
	const entry = (userId: string, skuId: string | null, what: string): AuditEntry => ({
		time,
		actor,
		tenantId,
		action: 'reset',
		userPrincipalName: upns.get(userId) ?? userId,
		skuId,
		skuPartNumber: skuId ? (skusById.get(skuId)?.skuPartNumber ?? null) : null,
		outcome: 'discarded',
		reason: what,
	});
	const audit = discarded.flatMap(change =>
		change.type === 'delete' || change.type === 'restore'
			? [entry(change.userId, null, change.type === 'delete' ? 'deleted' : 'restored')]
			: change.type === 'leave-group'
				? [extended(entry(change.userId, null, 'left-group'), {groupId: change.groupId})]
				: [...change.add.map(skuId => entry(change.userId, skuId, 'assigned')), ...change.remove.map(skuId => entry(change.userId, skuId, 'removed'))],
	);
	stateFile.commit({id: randomUUID(), tenantId, time, changes: [], audit, reset: true});
	return strings.state.reset.discarded(audit.length, new Set(discarded.map(c => c.userId)).size, name);
}
