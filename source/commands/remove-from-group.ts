// m365-licenses remove-from-group: users leave a group, and with it the licenses it gives them; the
// same plan, consequences and store intent as the TUI's Remove from group (x), for scripts.
import type {UserConsequences} from '../domain/consequences.js';
import {groupRemovalConsequences, isDynamic, planGroupRemoval, type GroupOutcome, type GroupRemovalItem} from '../domain/groups.js';
import type {Group, Tenant} from '../domain/model.js';
import {indexTenant, namesOf} from '../domain/selectors.js';
import {consequenceNotes, consequencePhrases, strings} from '../text/index.js';
import {exitCodes, table, writeJson, type CommandIO} from './io.js';
import {changeExit, confirmed, refusedRole, summaryOf, type ChangeOptions} from './change.js';
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
	const base = {userPrincipalName: item.userPrincipalName, id: item.block === 'user-not-found' ? null : item.userId};
	const products = item.products.map(skuId => ({skuId, skuPartNumber: skusById.get(skuId)?.skuPartNumber ?? skuId, productName: names.product(skuId), kept: item.kept.includes(skuId)}));
	if (item.block) return {...base, outcome: 'skipped', reason: item.block, message: null, products, consequences: []};
	if (outcome && outcome.outcome !== 'removed') return {...base, outcome: outcome.outcome, reason: outcome.reason, message: outcome.message, products, consequences: []};
	return {...base, outcome: dryRun || !outcome ? 'would-remove' : 'removed', reason: null, message: null, products, consequences: c ? consequenceList(c) : []};
}

export async function removeFromGroup({store}: Opened, options: RemoveFromGroupOptions, io: CommandIO): Promise<number> {
	const {tenant, admin} = store.getState();
	const {group} = options;
	if (refusedRole(tenant, admin, 'removeFromGroup', io)) return exitCodes.error;
	const plan = planGroupRemoval(tenant, group.id, options.users);
	const now = new Date();
	const leaving = plan.items.filter(item => !item.block);
	const consequences = new Map(leaving.map(item => [item.userId, groupRemovalConsequences(tenant, group.id, item, now)]));
	const names = namesOf(tenant);
	const show = (results: readonly Result[]) => io.out(`${render(results, plan.items, consequences, names.product)}\n`);

	if (leaving.length > 0) {
		const refused = await confirmed(
			options,
			io,
			'removeFromGroup',
			() => show(plan.items.map(item => resultOf(tenant, item, consequences.get(item.userId), undefined, true))),
			strings.group.cliQuestion(leaving.length, group.displayName),
		);
		if (refused !== null) return refused;
	}
	const outcomes = options.dryRun || leaving.length === 0 ? [] : await store.removeFromGroup(plan);
	const byUser = new Map(outcomes.map(o => [o.userId, o]));
	const results = plan.items.map(item => resultOf(tenant, item, consequences.get(item.userId), byUser.get(item.userId), options.dryRun));
	const summary = summaryOf(results);
	if (options.json) {
		const head = {group: {id: group.id, displayName: group.displayName, dynamicMembership: isDynamic(group)}, dryRun: options.dryRun} satisfies Omit<Output['remove-from-group'], 'results' | 'summary'>;
		writeJson(io.out, head, 'results', results, () => ({summary}));
	} else {
		show(results);
		io.out(`${strings.group.commandSummary(options.dryRun, group.displayName, summary)}\n`);
		const notes = consequenceNotes([...consequences.values()]);
		if (notes.length > 0) io.out(`\n${notes.join('\n')}\n`);
	}
	return changeExit(summary);
}

/** A line per user (outcome, and why when nothing is done), then the products that go and what they lose, indented. */
function render(results: readonly Result[], items: readonly GroupRemovalItem[], consequences: ReadonlyMap<string, UserConsequences>, product: (skuId: string) => string): string {
	const lines = table(results.map(r => [r.userPrincipalName, strings.cli.outcomeWord(r.outcome), r.reason ? strings.group.reason[r.reason] : ''])).split('\n');
	return results
		.flatMap((r, i) => {
			const c = r.consequences.length > 0 ? consequences.get(items[i]!.userId) : undefined;
			const details = [
				...(r.message ? [r.message] : []),
				...r.products.map(p => (p.kept ? strings.group.kept(p.productName) : strings.group.lost(p.productName))),
				...(c ? consequencePhrases(c, product) : []),
			];
			return [lines[i]!, ...details.map(detail => `    ${detail}`)];
		})
		.join('\n');
}
