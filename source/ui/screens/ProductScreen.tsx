// A product opened from Licenses: its subscriptions, and the users who hold it, to tick and
// unassign (u) or to add to (+ Assign licenses).
import {Text} from '../components/Text.js';
import {useReducer} from 'react';
import type {Tenant} from '../../domain/model.js';
import {planUnassign, plannedRemovals, removalQuestion, type LicensePlan} from '../../domain/plan.js';
import {type SkipReason} from '../../domain/rules.js';
import {indexTenant, productBySku, type ProductRow} from '../../domain/selectors.js';
import {changeStep, listStep, type ChangeEvent, type ChangeStep} from '../components/change-steps.js';
import {useChrome} from '../chrome.js';
import {Row} from '../components/Row.js';
import {ConfirmPanel} from '../components/ConfirmPanel.js';
import {NextStepsPanel} from '../components/NextStepsPanel.js';
import {ResultPanel} from '../components/ResultPanel.js';
import {ScreenFrame} from '../components/ScreenFrame.js';
import {HoldersChecklist, useHoldersChecklist} from '../components/HoldersChecklist.js';
import type {ActionId} from '../keys.js';
import {useAppState} from '../store-context.js';
import {strings} from '../../text/index.js';
import {namesOf, useApply} from '../use-apply.js';
import {AssignPanel} from '../components/AssignPanel.js';
import {wrapText} from '../components/wrap-text.js';

/** Why none of the ticked users can lose the product here: the reasons, most common first. */
export function nothingToRemoveReason(plan: LicensePlan): string {
	const counts = new Map<SkipReason, number>();
	for (const skip of plan.items.flatMap(item => item.skip)) counts.set(skip.reason, (counts.get(skip.reason) ?? 0) + 1);
	return [...counts]
		.sort((a, b) => b[1] - a[1])
		.map(([reason, n]) => strings.unassign.skippedCount[reason](n))
		.join('; ');
}

/** "Unassign Exchange Online (Plan 1) from 1 user (and Exchange Online Archiving, which depends on it)?" */
export function unassignQuestion(plan: LicensePlan, product: string, tenant: Tenant): string {
	const {users, addOns} = removalQuestion(plan);
	return strings.unassign.question(users, product, addOns.map(namesOf(tenant).product));
}

/** Why u or + would be refused now: the rule both keys act on, said when pressed and by ?. */
export function productRefusals(product: ProductRow, ticked: number): Map<ActionId, string> {
	const refused = new Map<ActionId, string>();
	if (product.selfServiceOwnerId) {
		refused.set('unassign', strings.product.selfServiceShort);
		refused.set('assign', strings.product.selfServiceShort);
		return refused;
	}
	if (ticked === 0) refused.set('unassign', strings.unassign.nothingTicked);
	if (product.available === 0) refused.set('assign', strings.assign.noneAvailable(product.name, product.total));
	return refused;
}

/** Where the page stands: the list, Assign licenses over it, or an unassign being confirmed, sent, its outcomes and next steps. */
type ProductStep = ChangeStep | {kind: 'assign'};
type ProductEvent = ChangeEvent | {type: 'assign'};

function productStep(step: ProductStep, event: ProductEvent): ProductStep {
	if (event.type === 'assign') return {kind: 'assign'};
	return changeStep(step.kind === 'assign' ? listStep : step, event);
}

export function ProductScreen({skuId}: {skuId: string}) {
	const {tenant, busy} = useAppState();
	const chrome = useChrome();
	const apply = useApply();
	const [step, dispatch] = useReducer(productStep, listStep as ProductStep);
	const product = productBySku(tenant, skuId);
	const width = chrome.size.columns - 1;
	// A self-service notice takes the lines it wraps to (two at 80 columns, three at 60).
	const notice = product ? wrapText(selfServiceNotice(tenant, product) ?? '', width).filter(Boolean) : [];
	const listHeight = Math.max(1, chrome.bodyRows - headingRows(product, notice.length));
	const checklist = useHoldersChecklist(tenant, skuId, listHeight);
	const {filter, tickedItems} = checklist;
	if (!product) return null;

	const done = () => dispatch({type: 'done'});
	switch (step.kind) {
		case 'assign':
			return <AssignPanel skuId={skuId} onClose={() => dispatch({type: 'cancel'})} />;
		case 'results':
			return <ResultPanel title={strings.unassign.resultsTitle} outcomes={step.outcomes} onDone={done} />;
		case 'next':
			return <NextStepsPanel outcomes={step.outcomes} onDone={done} />;
		case 'confirm':
			return (
				<ConfirmPanel
					title={strings.unassign.title}
					question={unassignQuestion(step.plan, product.name, tenant)}
					plan={step.plan}
					byProduct
					confirmLabel={strings.unassign.confirm}
					onCancel={() => dispatch({type: 'cancel'})}
					onConfirm={async () => {
						dispatch({type: 'sending'});
						const outcomes = await apply(step.plan, product);
						if (outcomes) checklist.clearTicks();
						// Users who were skipped or failed are each shown, beside the ones that went through.
						dispatch({type: 'applied', outcomes});
					}}
				/>
			);
	}

	const unassign = () => {
		if (busy) return;
		const plan = planUnassign(
			tenant,
			tickedItems.map(user => user.id),
			[skuId],
		);
		if (plannedRemovals(plan) === 0) return chrome.setStatus(strings.unassign.nothingToRemove(nothingToRemoveReason(plan)));
		dispatch({type: 'confirm', plan});
	};
	return (
		<ScreenFrame
			contexts={['product', 'checklist', 'list']}
			text={filter.field}
			disabled={productRefusals(product, tickedItems.length)}
			// Ticks that could become a change are asked about before they go (a self-service purchase's cannot).
			unsaved={tickedItems.length > 0 && !product.selfServiceOwnerId ? strings.unsaved.ticked(tickedItems.length, product.name) : undefined}
			// With a filter in force, esc clears it, the ticks kept.
			losing={filter.query ? ['quit'] : undefined}
			handlers={{...checklist.handlers, unassign, assign: () => !busy && dispatch({type: 'assign'})}}
		>
			<ProductHeading product={product} notice={notice} width={width} />
			<HoldersChecklist tenant={tenant} skuId={skuId} checklist={checklist} height={listHeight} width={width} />
		</ScreenFrame>
	);
}

/**
 * The rows above the list of users: title, counts, the self-service notice's lines, subscription
 * heading and rows, a blank, and the users' heading and filter line.
 */
function headingRows(product: ProductRow | undefined, notice: number): number {
	if (!product) return 0;
	return 6 + product.subscriptions.length + notice;
}

/** Who bought the product through self-service, said: all of it, or some beside the company's. */
function selfServiceNotice(tenant: Tenant, product: ProductRow): string | null {
	const buyer = (id: string) => indexTenant(tenant).usersById.get(id)?.displayName ?? id;
	if (product.selfServiceOwnerId) return strings.product.selfService(buyer(product.selfServiceOwnerId));
	if (product.selfServiceBesideId) return strings.product.selfServiceBeside(buyer(product.selfServiceBesideId));
	return null;
}

/** Above the users: the product's counts, who bought it if self-service, and each subscription. */
function ProductHeading({product, notice, width}: {product: ProductRow; notice: readonly string[]; width: number}) {
	return (
		<>
			<Text bold wrap="truncate-end">
				{strings.screens.licenses} › {product.name}
			</Text>
			<Text>
				{strings.licenses.assigned} {strings.number(product.assigned)} · {strings.licenses.available} {strings.number(product.available)} ·{' '}
				{strings.licenses.total} {strings.number(product.total)}
			</Text>
			{notice.map((line, i) => (
				<Text key={i}>{line}</Text>
			))}
			<Row
				width={width}
				cells={[
					{text: strings.product.subscription, width: 40, bold: true},
					{text: strings.product.status, width: 12, bold: true},
					{text: strings.product.licenses, bold: true},
				]}
			/>
			{product.subscriptions.map(subscription => (
				<Row
					key={subscription.id}
					width={width}
					cells={[
						{text: subscription.id, width: 40},
						{text: strings.product.statuses[subscription.status] ?? subscription.status, width: 12},
						{text: strings.number(subscription.totalLicenses)},
					]}
				/>
			))}
			<Text> </Text>
		</>
	);
}
