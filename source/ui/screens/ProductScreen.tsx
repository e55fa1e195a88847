// A product opened from Licenses: its subscriptions, and the users who hold it, to tick and
// unassign (u) or to add to (+ Assign licenses).
import {Box} from 'ink';
import {Text} from '../components/Text.js';
import {useState} from 'react';
import type {Tenant} from '../../domain/model.js';
import {allWentThrough, planUnassign, plannedRemovals, removalQuestion, type LicensePlan, type UserOutcome} from '../../domain/plan.js';
import {type SkipReason} from '../../domain/rules.js';
import {indexTenant, productBySku} from '../../domain/selectors.js';
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

/** The next-steps page follows an unassign that freed licenses. */
function nextStepsOrNothing(outcomes: UserOutcome[]): {outcomes: UserOutcome[]; step: 'next'} | null {
	return outcomes.some(o => o.outcome === 'removed') ? {outcomes, step: 'next'} : null;
}

export function ProductScreen({skuId}: {skuId: string}) {
	const {tenant, busy} = useAppState();
	const chrome = useChrome();
	const apply = useApply();
	const [confirming, setConfirming] = useState<LicensePlan | null>(null);
	const [assigning, setAssigning] = useState(false);
	/** After an unassign: each user's outcome (when not all went through), then the next steps. */
	const [after, setAfter] = useState<{outcomes: UserOutcome[]; step: 'results' | 'next'} | null>(null);

	const product = productBySku(tenant, skuId);
	const {usersById} = indexTenant(tenant);
	const subscriptions = product?.subscriptions ?? [];
	const selfService = product?.selfServiceOwnerId ?? null;
	const selfServiceBeside = product?.selfServiceBesideId ?? null;
	const buyer = (id: string) => usersById.get(id)?.displayName ?? id;
	// Title, counts, subscription heading and rows, a blank, users heading, the filter line; a
	// self-service notice wraps to two rows at 80 columns.
	const fixedRows = 6 + subscriptions.length + (selfService || selfServiceBeside ? 2 : 0);
	const listHeight = Math.max(1, chrome.bodyRows - fixedRows);
	const checklist = useHoldersChecklist(tenant, skuId, listHeight);
	const {filter, tickedItems} = checklist;
	const width = chrome.size.columns - 1;

	if (!product) return null;

	if (assigning) return <AssignPanel skuId={skuId} onClose={() => setAssigning(false)} />;

	if (after?.step === 'results') {
		return (
			<ResultPanel
				title={strings.unassign.resultsTitle}
				outcomes={after.outcomes}
				onDone={() => setAfter(nextStepsOrNothing(after.outcomes))}
			/>
		);
	}
	if (after?.step === 'next') {
		return <NextStepsPanel outcomes={after.outcomes} onDone={() => setAfter(null)} />;
	}

	if (confirming) {
		return (
			<ConfirmPanel
				title={strings.unassign.title}
				question={unassignQuestion(confirming, product.name, tenant)}
				plan={confirming}
				byProduct
				confirmLabel={strings.unassign.confirm}
				onCancel={() => setConfirming(null)}
				onConfirm={async () => {
					setConfirming(null);
					const outcomes = await apply(confirming, product);
					if (!outcomes) return;
					checklist.clearTicks();
					// Users who were skipped or failed are each shown, beside the ones that went through.
					setAfter(allWentThrough(outcomes) ? nextStepsOrNothing(outcomes) : {outcomes, step: 'results'});
				}}
			/>
		);
	}

	const disabled = new Set<ActionId>([
		...(tickedItems.length === 0 || selfService ? (['unassign'] as const) : []),
		...(product.available === 0 || selfService ? (['assign'] as const) : []),
	]);

	return (
		<ScreenFrame
			contexts={['product', 'checklist', 'list']}
			text={filter.field}
			disabled={disabled}
			handlers={{
				...checklist.handlers,
				unassign: () => {
					if (busy) return;
					if (selfService) return chrome.setStatus(strings.product.selfServiceShort);
					if (tickedItems.length === 0) return chrome.setStatus(strings.unassign.nothingTicked);
					const plan = planUnassign(tenant, tickedItems.map(user => user.id), [skuId]);
					if (plannedRemovals(plan) === 0) {
						return chrome.setStatus(strings.unassign.nothingToRemove(nothingToRemoveReason(plan)));
					}
					setConfirming(plan);
				},
				assign: () => {
					if (busy) return;
					if (selfService) return chrome.setStatus(strings.product.selfServiceShort);
					if (product.available === 0) return chrome.setStatus(strings.assign.noneAvailable(product.name, product.total));
					setAssigning(true);
				},
			}}
		>
			<Text bold wrap="truncate-end">
				{strings.screens.licenses} › {product.name}
			</Text>
			<Text>
				{strings.licenses.assigned} {strings.number(product.assigned)} · {strings.licenses.available} {strings.number(product.available)} ·{' '}
				{strings.licenses.total} {strings.number(product.total)}
			</Text>
			{selfService ? (
				<Box height={2}>
					<Text wrap="wrap">{strings.product.selfService(buyer(selfService))}</Text>
				</Box>
			) : null}
			{selfServiceBeside ? (
				<Box height={2}>
					<Text wrap="wrap">{strings.product.selfServiceBeside(buyer(selfServiceBeside))}</Text>
				</Box>
			) : null}
			<Row
				width={width}
				cells={[
					{text: strings.product.subscription, width: 40, bold: true},
					{text: strings.product.status, width: 12, bold: true},
					{text: strings.product.licenses, bold: true},
				]}
			/>
			{subscriptions.map(subscription => (
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
			<HoldersChecklist tenant={tenant} skuId={skuId} checklist={checklist} height={listHeight} width={width} />
		</ScreenFrame>
	);
}
