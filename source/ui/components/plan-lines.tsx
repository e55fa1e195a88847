// A plan as confirmation lines: per user, what is assigned, unassigned, changed and skipped, wrapped
// to the dialog so no group, add-on, reason or note is cut off.
import {planConsequences, restoresMailbox} from '../../domain/consequences.js';
import type {Tenant} from '../../domain/model.js';
import {servicePlanName} from '../../domain/names.js';
import {plannedDisabled, planUnassignAll, type LicensePlan, type PlanItem} from '../../domain/plan.js';
import {directAssignment} from '../../domain/rules.js';
import {indexTenant, type Names} from '../../domain/selectors.js';
import {listWords, strings} from '../../text/index.js';
import {consequenceHead, consequenceNoteRows} from './ConsequencesPanel.js';
import {wrapSegments, type Line, type Segment} from './wrap-text.js';

/** The apps a plan turns off and on in one product of one user, by name. */
function appChanges(tenant: Tenant, item: PlanItem, skuId: string): {off: string[]; on: string[]} {
	const {usersById, skusById} = indexTenant(tenant);
	const user = usersById.get(item.userId);
	const before = new Set(user ? (directAssignment(user, skuId)?.disabledPlans ?? []) : []);
	const after = new Set(plannedDisabled(item, skuId));
	const name = (id: string) => {
		const plan = skusById.get(skuId)?.servicePlans.find(p => p.servicePlanId === id);
		return plan ? servicePlanName(plan.servicePlanId, plan.servicePlanName) : id;
	};
	return {off: [...after].filter(id => !before.has(id)).map(name), on: [...before].filter(id => !after.has(id)).map(name)};
}

/**
 * `byProduct`: the plan is about one product (the Licenses page), so a line per user is enough.
 * Otherwise each user is followed by a line per product (users × products).
 */
export function planLines(
	tenant: Tenant,
	plan: LicensePlan,
	names: Names,
	byProduct: boolean,
	width: number,
	mailboxBack: (item: PlanItem) => boolean = () => false,
): Line[] {
	return [...planLineStream(tenant, plan, names, byProduct, width, mailboxBack)];
}

/** planLines a line at a time: a confirmation shows the first ones before the rest are made. */
function* planLineStream(
	tenant: Tenant,
	plan: LicensePlan,
	names: Names,
	byProduct: boolean,
	width: number,
	mailboxBack: (item: PlanItem) => boolean,
): Generator<Line> {
	const add = (segments: Segment[], indent: string, hang = `${indent}  `) => wrapSegments(segments, width, indent, hang);
	const note = (text: string): Segment[] => (text ? [{text: ` (${text})`, dim: true}] : []);
	// A product unassigned, with the same reason, is the same line for every user: wrapped once.
	const alike = new Map<string, Line[]>();
	const addAlike = (key: string, segments: Segment[], indent: string) => {
		let lines = alike.get(key);
		if (!lines) alike.set(key, (lines = wrapSegments(segments, width, indent, `${indent}  `)));
		return lines;
	};
	const changing = plan.items.filter(item => item.add.length + item.remove.length + (item.update?.length ?? 0) > 0);
	for (const item of changing) {
		const dependents = Object.keys(item.dependents);
		const notes = [
			...Object.values(item.keptThroughGroups).map(groups => strings.product.alsoGroup(names.groups(groups))),
			...(dependents.length > 0 ? [strings.user.alsoRemoves(listWords(dependents.map(names.product)))] : []),
			...(mailboxBack(item) ? [strings.consequences.mailboxBack] : []),
		].join('; ');
		yield* add([{text: item.displayName}, {text: ` ${item.userPrincipalName}`, dim: true}, ...(byProduct ? note(notes) : [])], '  ');
		if (byProduct) continue;
		for (const skuId of item.add) {
			const {off} = appChanges(tenant, item, skuId);
			const extra = [...(off.length > 0 ? [strings.user.appsOff(listWords(off))] : []), ...(mailboxBack(item) ? [strings.consequences.mailboxBack] : [])];
			yield* add([{text: strings.user.assignLine(names.product(skuId))}, ...note(extra.join('; '))], '      ');
		}
		for (const skuId of item.update ?? []) {
			const {off, on} = appChanges(tenant, item, skuId);
			yield* add([{text: strings.user.changeLine(names.product(skuId), listWords(off), listWords(on))}], '      ');
		}
		for (const skuId of item.remove) {
			const groups = item.keptThroughGroups[skuId];
			const bases = item.dependents[skuId];
			const why = groups ? strings.product.alsoGroup(names.groups(groups)) : bases ? strings.user.dependent(listWords(bases.map(names.product))) : '';
			yield* addAlike(`${skuId}|${why}`, [{text: strings.user.removeLine(names.product(skuId))}, ...note(why)], '      ');
		}
	}
	const skipping = plan.items.filter(item => item.skip.length > 0);
	if (skipping.length > 0) yield [{text: strings.unassign.willSkip(skipping.length)}];
	for (const item of skipping) {
		const reasons = item.skip
			.map(skip => {
				const reason =
					skip.reason === 'group-assigned' && skip.groupIds.length > 0
						? strings.user.groupReason(names.groups(skip.groupIds))
						: strings.outcome.reason[skip.reason];
				return (byProduct ? '' : `${names.product(skip.skuId)}: `) + reason;
			})
			.join('; ');
		yield* add([{text: `${item.displayName}: ${reasons}`, dim: true}], '  ');
	}
}

/**
 * Everything a confirmation says: what happens to each user (the consequences panel, when licenses
 * or apps go), the changes themselves, then what each loss means.
 */
export function* confirmationLineStream(
	tenant: Tenant,
	plan: LicensePlan,
	names: Names,
	byProduct: boolean,
	width: number,
	now: Date = new Date(),
): Generator<Line> {
	const changes = planLineStream(tenant, plan, names, byProduct, width, item => restoresMailbox(tenant, item, now));
	const consequences = planConsequences(tenant, plan, now);
	if (consequences.length === 0) return yield* changes;
	for (const row of consequenceHead(consequences, names, width)) yield [row];
	yield [{text: strings.consequences.changes, bold: true}];
	yield* changes;
	for (const row of consequenceNoteRows(consequences, width)) yield [row];
}

/**
 * Makes a confirmation's lines once, for one user, and throws them away: the first confirmation a
 * person opens then runs code already compiled, as every later one does (at 1,000 users the first
 * took half as long again as the others). Called while no one looks.
 */
export function prepareConfirmations(tenant: Tenant, names: Names): void {
	const user = tenant.users.find(candidate => candidate.assignedLicenses.length > 0);
	if (!user) return;
	for (const _ of confirmationLineStream(tenant, planUnassignAll(tenant, [user.id]), names, false, 76));
}
