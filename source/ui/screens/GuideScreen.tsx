// Guided unassign, for support staff: one unassignment in four plain steps (product, users, what
// happens, confirm), then the outcome, the next steps and a report left in the state directory.
import {Box} from 'ink';
import {Text} from '../components/Text.js';
import {useState} from 'react';
import {planConsequences} from '../../domain/consequences.js';
import {countOutcomes, planUnassign, plannedRemovals, type LicensePlan, type UserOutcome} from '../../domain/plan.js';
import {adminPermission} from '../../domain/rules.js';
import {productBySku, productRows} from '../../domain/selectors.js';
import {useChrome} from '../chrome.js';
import {Cell} from '../components/Cell.js';
import {consequenceRows, consequencesPanelLines} from '../components/ConsequencesPanel.js';
import {ConfirmPanel, dialogWidth} from '../components/ConfirmPanel.js';
import {listHandlers} from '../components/list-handlers.js';
import {planLines} from '../components/plan-lines.js';
import {ScreenFrame} from '../components/ScreenFrame.js';
import {scrollWindow} from '../components/use-scroll.js';
import {wrapText} from '../components/wrap-text.js';
import {useList} from '../components/use-list.js';
import {HoldersChecklist, useHoldersChecklist} from '../components/HoldersChecklist.js';
import {WindowedList} from '../components/WindowedList.js';
import {guideReport, readAloud, reportName} from '../guide-text.js';
import {useAppState, useStore} from '../store-context.js';
import {failureWords, strings} from '../strings.js';
import {namesOf, useApply} from '../use-apply.js';
import {nothingToRemoveReason, unassignQuestion} from './ProductScreen.js';

type Step =
	| {n: 1}
	| {n: 2; skuId: string}
	| {n: 3; skuId: string; plan: LicensePlan}
	| {n: 4; skuId: string; plan: LicensePlan}
	| {n: 5; skuId: string; outcomes: UserOutcome[]; report: string};

function Heading({n, intro}: {n: 1 | 2 | 3 | 4; intro: string}) {
	return (
		<>
			<Text bold>{strings.guide.step(n, strings.guide.titles[n - 1]!)}</Text>
			<Text wrap="truncate-end">{intro}</Text>
		</>
	);
}

export function GuideScreen() {
	const {tenant, admin, busy} = useAppState();
	const store = useStore();
	const chrome = useChrome();
	const apply = useApply();
	const [step, setStep] = useState<Step>({n: 1});
	const [startedAt, setStartedAt] = useState(() => new Date());
	const [scroll, setScroll] = useState(0);
	const names = namesOf(tenant);
	const width = chrome.size.columns - 1;
	const products = productRows(tenant);
	const productList = useList(products.length, Math.max(1, chrome.bodyRows - 2));
	const skuId = step.n === 1 ? '' : step.skuId;
	const product = productBySku(tenant, skuId);
	const listHeight = Math.max(1, chrome.bodyRows - 4);
	const checklist = useHoldersChecklist(tenant, skuId, listHeight);

	const restart = () => {
		checklist.clearTicks();
		setStep({n: 1});
	};

	if (step.n === 1) {
		return (
			<ScreenFrame
				contexts={['guide', 'list']}
				handlers={{
					...listHandlers(productList),
					previous: undefined,
					next: () => {
						const chosen = products[productList.state.cursor];
						if (!chosen) return;
						if (chosen.selfServiceOwnerId) return chrome.setStatus(strings.product.selfServiceShort);
						checklist.clearTicks();
						setStartedAt(new Date());
						setStep({n: 2, skuId: chosen.skuId});
					},
				}}
			>
				<Heading n={1} intro={strings.guide.chooseProduct} />
				<WindowedList
					items={products}
					state={productList.state}
					height={Math.max(1, chrome.bodyRows - 2)}
					empty={strings.licenses.none}
					rowKey={p => p.skuId}
					renderRow={(p, selected) => (
						<Box width={width}>
							<Cell inverse={selected}>{p.name}</Cell>
							<Cell width={p.selfServiceOwnerId ? 48 : 14} align="right" dim>
								{p.selfServiceOwnerId ? strings.guide.selfService : strings.guide.assigned(p.assigned)}
							</Cell>
						</Box>
					)}
				/>
			</ScreenFrame>
		);
	}

	if (!product) return null;

	if (step.n === 2) {
		return (
			<ScreenFrame
				contexts={['guide', 'checklist', 'list']}
				text={checklist.filter.field}
				handlers={{
					...checklist.handlers,
					previous: checklist.filter.query ? checklist.filter.clear : () => setStep({n: 1}),
					back: undefined,
					next: () => {
						if (checklist.tickedItems.length === 0) return chrome.setStatus(strings.guide.tickFirst);
						const plan = planUnassign(tenant, checklist.tickedItems.map(user => user.id), [skuId]);
						if (plannedRemovals(plan) === 0) {
							return chrome.setStatus(strings.unassign.nothingToRemove(nothingToRemoveReason(plan)));
						}
						setScroll(0);
						setStep({n: 3, skuId, plan});
					},
				}}
			>
				<Heading n={2} intro={strings.guide.chooseUsers(product.name)} />
				<HoldersChecklist tenant={tenant} skuId={skuId} checklist={checklist} height={listHeight} width={width} />
			</ScreenFrame>
		);
	}

	if (step.n === 3 || step.n === 4) {
		const consequences = planConsequences(tenant, step.plan, new Date());
		const aloud = readAloud(product.name, step.plan, consequences, names);
		if (step.n === 4) {
			return (
				<ConfirmPanel
					title={strings.guide.step(4, strings.guide.titles[3])}
					question={unassignQuestion(step.plan, product.name, tenant)}
					lines={planLines(step.plan, names, true)}
					plan={step.plan}
					confirmLabel={strings.unassign.confirm}
					onCancel={() => setStep({n: 3, skuId, plan: step.plan})}
					onConfirm={async () => {
						const outcomes = await apply(step.plan, product);
						if (!outcomes) return setStep({n: 3, skuId, plan: step.plan});
						// The report keeps what was shown, unwrapped.
						const {head, notes} = consequenceRows(consequences, names, 10_000);
						const shown = [...aloud, ...[...head, ...notes].map(row => row.text.trim())];
						const report = store.saveReport(
							reportName(startedAt),
							guideReport({
								tenant: store.getState().tenant,
								admin,
								product: {skuId, skuPartNumber: product.skuPartNumber, name: product.name},
								startedAt,
								finishedAt: new Date(),
								shown,
								outcomes,
								names,
							}),
						);
						setStep({n: 5, skuId, outcomes, report});
					}}
				/>
			);
		}
		const textWidth = Math.max(20, width - 2);
		const lines = [
			...aloud.flatMap(paragraph => [...wrapText(paragraph, textWidth), '']),
		];
		const panel = consequencesPanelLines(consequences, names, dialogWidth(chrome.size.columns));
		const rows = [...lines.map((line, i) => <Text key={`a${i}`}>{line || ' '}</Text>), ...panel.head, ...panel.notes];
		const room = Math.max(1, chrome.bodyRows - 2);
		const view = scrollWindow(scroll, setScroll, rows.length, room);
		return (
			<ScreenFrame
				contexts={['guide', 'dialog']}
				handlers={{
					previous: () => setStep({n: 2, skuId}),
					scrollUp: view.up,
					scrollDown: view.down,
					next: () => {
						const permission = adminPermission(tenant, admin);
						if (!permission.allowed) return chrome.setStatus(strings.readOnly.status);
						if (!busy) setStep({n: 4, skuId, plan: step.plan});
					},
				}}
			>
				<Heading n={3} intro={strings.guide.readIntro} />
				<Box flexDirection="column" height={room} overflow="hidden">
					{rows.slice(view.offset, view.offset + room)}
				</Box>
			</ScreenFrame>
		);
	}

	const textWidth = Math.max(20, width - 2);
	const done = [
		strings.outcome.summary(countOutcomes(step.outcomes, skuId), product.name),
		strings.guide.report(step.report),
		...step.outcomes
			.filter(o => o.outcome !== 'removed')
			.map(o => `${o.userPrincipalName}: ${o.outcome === 'failed' ? failureWords(tenant, o) : o.reason ? strings.outcome.reason[o.reason] : (o.message ?? '')}`),
		strings.nextSteps.billing,
		`${strings.nextSteps.formerEmployee} ${strings.nextSteps.formerEmployeeLink}`,
		strings.guide.again,
	];
	return (
		<ScreenFrame contexts={['guide']} handlers={{next: restart, previous: undefined}}>
			<Text bold>{strings.guide.doneTitle}</Text>
			{done.flatMap((paragraph, i) => [
				...wrapText(paragraph, textWidth).map((line, j) => <Text key={`${i}.${j}`}>{line}</Text>),
				<Text key={`${i}.gap`}> </Text>,
			])}
		</ScreenFrame>
	);
}
