// A plan as confirmation lines: per user, what is assigned, unassigned and skipped.
import {Text} from './Text.js';
import type {ReactElement} from 'react';
import {planConsequences, restoresMailbox} from '../../domain/consequences.js';
import type {Tenant} from '../../domain/model.js';
import type {LicensePlan, PlanItem} from '../../domain/plan.js';
import type {Names} from '../../domain/selectors.js';
import {strings} from '../strings.js';
import {consequencesPanelLines} from './ConsequencesPanel.js';

export type {Names} from '../../domain/selectors.js';

/**
 * `byProduct`: the plan is about one product (the Licenses page), so a line per user is enough.
 * Otherwise each user is followed by a line per product (users × products).
 */
export function planLines(
	plan: LicensePlan,
	names: Names,
	byProduct: boolean,
	mailboxBack: (item: PlanItem) => boolean = () => false,
): ReactElement[] {
	const lines: ReactElement[] = [];
	const changing = plan.items.filter(item => item.add.length + item.remove.length > 0);
	for (const item of changing) {
		const dependents = Object.keys(item.dependents);
		const notes = [
			...Object.values(item.keptThroughGroups).map(groups => strings.product.alsoGroup(names.groups(groups))),
			...(dependents.length > 0 ? [strings.user.alsoRemoves(dependents.map(names.product).join(', '))] : []),
			...(mailboxBack(item) ? [strings.consequences.mailboxBack] : []),
		].join('; ');
		lines.push(
			<Text key={`u${item.userId}`} wrap="truncate-end">
				{'  '}
				{item.displayName} <Text dimColor>{item.userPrincipalName}</Text>
				{byProduct && notes ? <Text dimColor>{` (${notes})`}</Text> : null}
			</Text>,
		);
		if (byProduct) continue;
		for (const skuId of item.add) {
			lines.push(
				<Text key={`a${item.userId}${skuId}`} wrap="truncate-end">
					{'      '}
					{strings.user.assignLine(names.product(skuId))}
					{mailboxBack(item) ? <Text dimColor>{` (${strings.consequences.mailboxBack})`}</Text> : null}
				</Text>,
			);
		}
		for (const skuId of item.remove) {
			const groups = item.keptThroughGroups[skuId];
			const bases = item.dependents[skuId];
			const note = groups
				? strings.product.alsoGroup(names.groups(groups))
				: bases
					? strings.user.dependent(bases.map(names.product).join(', '))
					: '';
			lines.push(
				<Text key={`r${item.userId}${skuId}`} wrap="truncate-end">
					{'      '}
					{strings.user.removeLine(names.product(skuId))}
					{note ? <Text dimColor>{` (${note})`}</Text> : null}
				</Text>,
			);
		}
	}
	const skipping = plan.items.filter(item => item.skip.length > 0);
	if (skipping.length > 0) lines.push(<Text key="skip">{strings.unassign.willSkip(skipping.length)}</Text>);
	for (const item of skipping) {
		lines.push(
			<Text key={`s${item.userId}`} wrap="truncate-end" dimColor>
				{'  '}
				{item.displayName}:{' '}
				{item.skip
					.map(skip => (byProduct ? '' : `${names.product(skip.skuId)}: `) + strings.outcome.reason[skip.reason])
					.join('; ')}
			</Text>,
		);
	}
	return lines;
}

/**
 * Everything a confirmation says: what happens to each user (the consequences panel, when licenses
 * go), the changes themselves, then what each loss means.
 */
export function confirmationLines(
	tenant: Tenant,
	plan: LicensePlan,
	names: Names,
	byProduct: boolean,
	width: number,
	now: Date = new Date(),
): ReactElement[] {
	const changes = planLines(plan, names, byProduct, item => restoresMailbox(tenant, item, now));
	const {head, notes} = consequencesPanelLines(planConsequences(tenant, plan, now), names, width);
	if (head.length === 0) return changes;
	return [
		...head,
		<Text key="changes" bold>
			{strings.consequences.changes}
		</Text>,
		...changes,
		...notes,
	];
}
