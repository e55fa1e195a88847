// m365-licenses remove-from-group: users leave a group, and with it the licenses it gives them; the
// same plan, consequences and store intent as the TUI's Remove from group (x), for scripts.
import type {UserConsequences} from '../domain/consequences.js';
import {inGivenOrder} from '../domain/given-users.js';
import {groupRemovalConsequences, isDynamic, notFoundMember, planGroupRemoval, type GroupOutcome, type GroupRemovalItem} from '../domain/groups.js';
import type {Group, Tenant} from '../domain/model.js';
import {indexTenant, namesOf} from '../domain/selectors.js';
import {consequencePhrases, strings} from '../text/index.js';
import {exitCodes, outputWidth, paragraph, type CommandIO} from './io.js';
import {writeJsonResults, writeTextResults} from './results.js';
import {changeExit, changeNotes, confirmed, refusedRole, type ChangeOptions, type ChangeSummary} from './change.js';
import type {Opened} from '../open-tenant.js';
import {consequenceList} from './unassign.js';
import type {Output} from './output.schema.js';

export interface RemoveFromGroupOptions extends ChangeOptions {
	group: Group;
}

type Result = Output['remove-from-group']['results'][number];

function resultOf(tenant: Tenant, item: GroupRemovalItem, c: UserConsequences | undefined, outcome: GroupOutcome | undefined, dryRun: boolean): Result {
	const {skusById} = indexTenant(tenant);
	const names = namesOf(tenant);
	const products = item.products.map(skuId => ({
		skuId,
		skuPartNumber: skusById.get(skuId)?.skuPartNumber ?? skuId,
		productName: names.product(skuId),
		kept: item.kept.includes(skuId),
	}));
	// Built field by field, never as {...base, more}: see docs/performance.md.
	const as = (outcome: Result['outcome'], reason: Result['reason'], message: string | null, consequences: Result['consequences'] = []): Result => ({
		userPrincipalName: item.userPrincipalName,
		id: item.block === 'user-not-found' ? null : item.userId,
		outcome,
		reason,
		message,
		products,
		consequences,
	});
	// Nothing done: why, in words, the same in --json as in the text.
	if (item.block) return as('skipped', item.block, strings.group.reason[item.block]);
	if (outcome && outcome.outcome !== 'removed') {
		return as(outcome.outcome, outcome.reason, outcome.message ?? (outcome.reason ? strings.group.reason[outcome.reason] : null));
	}
	return as(dryRun || !outcome ? 'would-remove' : 'removed', null, null, c ? consequenceList(c) : []);
}

export async function removeFromGroup({store, chosen}: Opened, options: RemoveFromGroupOptions, io: CommandIO): Promise<number> {
	const {tenant, admin} = store.getState();
	const {group, users} = options;
	if (refusedRole(tenant, admin, 'removeFromGroup', io)) return exitCodes.error;
	const plan = planGroupRemoval(tenant, group.id, users.found);
	const now = new Date();
	const leaving = plan.items.filter(item => !item.block);
	const consequences = new Map(leaving.map(item => [item.userId, groupRemovalConsequences(tenant, group.id, item, now)]));
	const names = namesOf(tenant);
	const width = outputWidth(io);
	// In the order given, each result made as it is written; a name that matches nobody is planned here, and dropped.
	const inOrder = () => inGivenOrder(users, plan.items, notFoundMember);
	const resultsOf = (outcomes: ReadonlyMap<string, GroupOutcome> | null) =>
		(function* () {
			for (const item of inOrder()) {
				yield {item, result: resultOf(tenant, item, consequences.get(item.userId), outcomes?.get(item.userId), outcomes === null || options.dryRun)};
			}
		})();
	const show = (outcomes: ReadonlyMap<string, GroupOutcome> | null, shown?: (r: {outcome: string}) => boolean) =>
		writeTextResults({
			rows: () => resultsOf(outcomes),
			result: row => row.result,
			beside: r => (r.reason ? (r.message ?? strings.group.reason[r.reason as keyof typeof strings.group.reason]) : ''),
			details: ({item, result: r}) => {
				const c = r.consequences.length > 0 ? consequences.get(item.userId) : undefined;
				return [
					...(r.message && !r.reason ? [r.message] : []),
					...r.products.map(p => (p.kept ? strings.group.kept(p.productName) : strings.group.lost(p.productName))),
					...(c ? consequencePhrases(c, names.product) : []),
				];
			},
			width,
			out: io.out,
			shown,
		});
	const notes = changeNotes(consequences, width);

	if (leaving.length > 0) {
		const refused = await confirmed(
			options,
			io,
			'removeFromGroup',
			// What it means, then what will happen to each user, just above the question.
			() => {
				notes.beforeQuestion(io);
				show(null);
			},
			strings.group.cliQuestion(leaving.length, group.displayName),
			'dryRun',
			chosen ? tenant.organization.displayName : undefined,
		);
		if (refused !== null) return refused;
	}
	// Sent with the names that match nobody, so that the audit log says they were skipped, as it says every skip.
	const outcomes = options.dryRun || leaving.length === 0 ? [] : await store.removeFromGroup({...plan, items: [...inOrder()]});
	const byUser = new Map(outcomes.map(o => [o.userId, o]));
	let summary: ChangeSummary;
	if (options.json) {
		const head = {group: {id: group.id, displayName: group.displayName, dynamicMembership: isDynamic(group)}, dryRun: options.dryRun};
		summary = writeJsonResults(io.out, head satisfies Omit<Output['remove-from-group'], 'results' | 'summary'>, resultsOf(byUser), row => row.result);
	} else {
		// Asked in a terminal: the plan and its notes were shown; only who was not done, then the result.
		const asked = !options.dryRun && !options.yes && leaving.length > 0;
		summary = show(byUser, asked ? r => r.outcome !== 'removed' : undefined);
		if (!asked) notes.afterResults(io);
		io.out(`${paragraph(strings.group.commandSummary(options.dryRun, group.displayName, summary), width)}\n`);
	}
	return changeExit(summary);
}
