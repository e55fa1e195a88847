// m365-licenses unassign: the same plan, rules and consequences as the TUI, for scripts.
import {consequencesOf, type UserConsequences} from '../domain/consequences.js';
import {inGivenOrder} from '../domain/given-users.js';
import type {Tenant} from '../domain/model.js';
import {notFoundItem, planUnassign, removalQuestion, type OutcomeReason, type PlanItem, type UserOutcome} from '../domain/plan.js';
import {indexTenant, namesOf, type Names, type ProductRow} from '../domain/selectors.js';
import {consequencePhrases, failureWords, listWords, strings} from '../text/index.js';
import {exitCodes, outputWidth, paragraph, type CommandIO} from './io.js';
import {writeJsonResults, writeTextResults} from './results.js';
import {changeExit, changeNotes, confirmed, refusedRole, send, type ChangeOptions, type ChangeSummary} from './change.js';
import type {Opened} from '../open-tenant.js';
import type {Output} from './output.schema.js';

export interface UnassignOptions extends ChangeOptions {
	product: ProductRow;
}

type Result = Output['unassign']['results'][number];

/**
 * A reason as --json gives it. An unassign never finds a product already assigned: that reason is
 * the assign flow's, and the contract does not list it.
 */
export function contractReason(reason: OutcomeReason): Result['reason'] {
	if (reason === 'already-assigned') throw new Error('an unassign met a reason only an assign has: already-assigned');
	return reason;
}

/** Each consequence in the words the TUI uses; "none" when the user loses none of the kinds reported. */
export function consequenceList(c: UserConsequences): Result['consequences'] {
	const list: Result['consequences'] = [
		...c.changes.map(change => ({kind: change.kind, effect: change.effect, from: change.from, to: change.to, text: strings.consequences.phrase(c, change)})),
		...(c.unrecognised.length > 0 ? [{kind: 'unrecognised' as const, effect: 'lost' as const, text: strings.consequences.unrecognised(c.unrecognised)}] : []),
	];
	return list.length > 0 ? list : [{kind: 'none', text: strings.consequences.nothing}];
}

function resultOf(
	tenant: Tenant,
	names: Names,
	item: PlanItem,
	skuId: string,
	c: UserConsequences | null,
	outcome: UserOutcome | null,
	dryRun: boolean,
): Result {
	const {skusById} = indexTenant(tenant);
	const skip = item.skip.find(s => s.skuId === skuId);
	const upn = item.userPrincipalName;
	const id = skip?.reason === 'user-not-found' ? null : item.userId;
	// Each result is built field by field, never as {...base, more}: see docs/performance.md.
	// A user skipped is told why in words, the same in --json as in the text: the groups named.
	if (skip) return nothingDone(upn, id, 'skipped', contractReason(skip.reason), skipWords(skip.reason, skip.groupIds, names));
	if (outcome?.outcome === 'failed') return nothingDone(upn, id, 'failed', 'error', failureWords(outcome));
	if (outcome?.outcome === 'not-sent' || outcome?.outcome === 'unknown') return nothingDone(upn, id, outcome.outcome, null, outcome.message);
	if (outcome && outcome.outcome !== 'removed') {
		const reason = outcome.reason && contractReason(outcome.reason);
		return nothingDone(
			upn,
			id,
			'skipped',
			reason,
			outcome.message ?? (outcome.reason ? skipWords(outcome.reason, item.keptThroughGroups[skuId], names) : null),
		);
	}
	const dependents = Object.keys(item.dependents);
	const groups = item.keptThroughGroups[skuId];
	const notes = [
		...(dependents.length > 0 ? [strings.user.alsoRemoves(listWords(dependents.map(names.product)))] : []),
		...(groups ? [strings.product.alsoGroup(names.groups(groups))] : []),
	];
	return {
		userPrincipalName: upn,
		id,
		outcome: dryRun || !outcome ? 'would-remove' : 'removed',
		reason: null,
		message: notes.length > 0 ? notes.join('; ') : null,
		consequences: c ? consequenceList(c) : [],
		alsoRemoves: dependents.map(id => ({skuId: id, skuPartNumber: skusById.get(id)?.skuPartNumber ?? id, productName: names.product(id)})),
	};
}

/** The result of a user nothing was done for: no consequences, nothing removed beside. */
function nothingDone(userPrincipalName: string, id: string | null, outcome: Result['outcome'], reason: Result['reason'], message: string | null): Result {
	return {userPrincipalName, id, outcome, reason, message, consequences: [], alsoRemoves: []};
}

export async function unassign({store, chosen}: Opened, options: UnassignOptions, io: CommandIO): Promise<number> {
	const {tenant, admin} = store.getState();
	const {product} = options;
	if (refusedRole(tenant, admin, 'unassign', io)) return exitCodes.error;
	const {users} = options;
	const plan = planUnassign(tenant, users.found, [product.skuId]);
	const now = new Date();
	const consequences = new Map(plan.items.filter(i => i.remove.length > 0).map(i => [i.userId, consequencesOf(tenant, i, now)]));
	const question = removalQuestion(plan);
	const names = namesOf(tenant);
	const width = outputWidth(io);
	// Each user's result is made as it is written, and dropped: a list of hundreds of thousands of
	// users is never held as results, nor its output as one text. So is the plan of a name that
	// matches nobody: such names cost their names, not a plan each.
	const inOrder = () => inGivenOrder(users, plan.items, name => notFoundItem(name, [], [product.skuId], []));
	const resultsOf = (outcomes: ReadonlyMap<string, UserOutcome> | null) =>
		(function* () {
			for (const item of inOrder()) {
				const outcome = outcomes?.get(item.userId) ?? null;
				yield {item, result: resultOf(tenant, names, item, product.skuId, consequences.get(item.userId) ?? null, outcome, outcomes === null || options.dryRun)};
			}
		})();
	const show = (outcomes: ReadonlyMap<string, UserOutcome> | null, shown?: (r: {outcome: string}) => boolean) =>
		writeTextResults({
			rows: () => resultsOf(outcomes),
			result: row => row.result,
			// Nothing done: the reason, in --json's words, beside the user; done: notes under them.
			beside: r => (r.reason ? (r.message ?? strings.outcome.reason[r.reason as OutcomeReason]) : ''),
			details: ({item, result: r}) => {
				const c = r.consequences.length > 0 ? consequences.get(item.userId) : undefined;
				return [...(r.message && !r.reason ? [r.message] : []), ...(c ? consequencePhrases(c, names.product) : [])];
			},
			width,
			out: io.out,
			shown,
		});
	const notes = changeNotes(consequences, width);

	const refused = await confirmed(
		options,
		io,
		'unassign',
		// What it means, then what will happen to each user, just above the question.
		() => {
			notes.beforeQuestion(io);
			show(null);
		},
		strings.unassign.question(question.users, product.name, question.addOns.map(names.product)),
		'dryRun',
		chosen ? tenant.organization.displayName : undefined,
	);
	if (refused !== null) return refused;

	// Sent with the names that match nobody, so that the audit log says they were skipped, as it says every skip.
	const outcomes = options.dryRun || question.users === 0 ? [] : await send(store, {items: [...inOrder()]}, io);
	const productOutcomes = new Map(outcomes.filter(o => o.skuId === product.skuId).map(o => [o.userId, o]));
	let summary: ChangeSummary;
	if (options.json) {
		const head = {product: {skuId: product.skuId, skuPartNumber: product.skuPartNumber, productName: product.name}, dryRun: options.dryRun};
		summary = writeJsonResults(io.out, head satisfies Omit<Output['unassign'], 'results' | 'summary'>, resultsOf(productOutcomes), row => row.result);
	} else {
		// Asked in a terminal: the plan and its notes were shown; only who was not done, then the result.
		const asked = !options.dryRun && !options.yes && question.users > 0;
		summary = show(productOutcomes, asked ? r => r.outcome !== 'removed' : undefined);
		if (!asked) notes.afterResults(io);
		io.out(`${paragraph(strings.unassign.commandSummary(options.dryRun, product.name, summary), width)}\n`);
	}
	return changeExit(summary);
}

/** Why a user is skipped, in words: the groups that hold the license named when they are known. */
function skipWords(reason: OutcomeReason, groupIds: readonly string[] | undefined, names: Names): string {
	return reason === 'group-assigned' && groupIds && groupIds.length > 0 ? strings.user.groupReason(names.groups(groupIds)) : strings.outcome.reason[reason];
}
