// Guided unassign, for support staff: one unassignment in four plain steps (product, users, what
// happens, confirm), then the outcome, the next steps and a report left in the state directory.
import {Box} from 'ink';
import {Text} from '../components/Text.js';
import {useState} from 'react';
import {planConsequences} from '../../domain/consequences.js';
import {changedUser, countOutcomes, planUnassign, plannedRemovals, type LicensePlan, type UserOutcome} from '../../domain/plan.js';
import {adminPermission} from '../../domain/rules.js';
import {productBySku, productRows} from '../../domain/selectors.js';
import {useChrome} from '../chrome.js';
import {ChoiceList} from '../components/ChoiceList.js';
import {consequenceRows, consequencesPanelLines} from '../components/ConsequencesPanel.js';
import {ConfirmPanel, dialogWidth} from '../components/ConfirmPanel.js';
import {freedRows} from '../components/NextStepsPanel.js';
import {planLines} from '../components/plan-lines.js';
import {ScreenFrame} from '../components/ScreenFrame.js';
import {scrollWindow} from '../components/use-scroll.js';
import {StyledLine} from '../components/StyledLine.js';
import {wrapText, type Line} from '../components/wrap-text.js';
import {HoldersChecklist, useHoldersChecklist} from '../components/HoldersChecklist.js';
import {guideReport, readAloud, reportName} from '../guide-text.js';
import {useAppState, useStore} from '../store-context.js';
import {outcomeWhy, strings} from '../../text/index.js';
import {namesOf, useApply} from '../use-apply.js';
import {AssignPanel} from './AssignPanel.js';
import {nothingToRemoveReason, unassignQuestion} from './ProductScreen.js';

type Step =
	| {n: 1}
	| {n: 2; skuId: string}
	| {n: 3; skuId: string; plan: LicensePlan}
	| {n: 4; skuId: string; plan: LicensePlan}
	| {n: 5 | 6; skuId: string; outcomes: UserOutcome[]; report: string; who: string | undefined};

/** The step's title and its instructions, wrapped: nothing a support person reads is cut off. */
function Heading({n, intro}: {n: 1 | 2 | 3 | 4; intro: string[]}) {
	return (
		<>
			<Text bold>{strings.guide.step(n, strings.guide.titles[n - 1]!)}</Text>
			{intro.map((line, i) => (
				<Text key={i}>{line}</Text>
			))}
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
	const textWidth = Math.max(20, width - 2);
	const intro = (text: string) => wrapText(text, textWidth);
	const products = productRows(tenant);
	const skuId = step.n === 1 ? '' : step.skuId;
	const product = productBySku(tenant, skuId);
	const chooseUsers = intro(strings.guide.chooseUsers(product?.name ?? ''));
	const listHeight = Math.max(1, chrome.bodyRows - 3 - chooseUsers.length);
	const checklist = useHoldersChecklist(tenant, skuId, listHeight);

	const restart = () => {
		checklist.clearTicks();
		setStep({n: 1});
	};

	if (step.n === 1) {
		const chooseProduct = intro(strings.guide.chooseProduct);
		return (
			<ScreenFrame contexts={['choice']} handlers={{}}>
				<Heading n={1} intro={chooseProduct} />
				{products.length === 0 ? <Text dimColor>{strings.licenses.none}</Text> : null}
				<ChoiceList
					choices={products.map(p => ({
						key: p.skuId,
						label: `${p.name} · ${p.selfServiceOwnerId ? strings.guide.selfService : strings.guide.assigned(p.assigned)}`,
						value: p,
					}))}
					focused={chrome.active}
					limit={Math.max(1, chrome.bodyRows - 1 - chooseProduct.length)}
					onChoose={chosen => {
						// Refused here, with the reason, before anyone reads anything out.
						const permission = adminPermission(tenant, admin);
						if (!permission.allowed) return chrome.setStatus(strings.guide.notAllowed(admin, permission.roles));
						if (chrome.readOnly) return chrome.setStatus(chrome.readOnly);
						if (chosen.selfServiceOwnerId) return chrome.setStatus(strings.product.selfServiceShort);
						checklist.clearTicks();
						setStartedAt(new Date());
						setStep({n: 2, skuId: chosen.skuId});
					}}
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
				<Heading n={2} intro={chooseUsers} />
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
					lines={planLines(tenant, step.plan, names, true, dialogWidth(chrome.size.columns))}
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
						setStep({n: 5, skuId, outcomes, report, who: changedUser(step.plan, outcomes)});
					}}
				/>
			);
		}
		const lines = aloud.flatMap(paragraph => [...wrapText(paragraph, textWidth), '']);
		const panel = consequencesPanelLines(consequences, names, dialogWidth(chrome.size.columns));
		const rows: Line[] = [...lines.map(line => [{text: line}]), ...panel.head, ...panel.notes];
		const readIntro = intro(strings.guide.readIntro);
		// The title, the instructions and the "more" line.
		const room = Math.max(1, chrome.bodyRows - 2 - readIntro.length);
		const view = scrollWindow(scroll, setScroll, rows.length, room);
		return (
			<ScreenFrame
				contexts={['guide', 'dialog']}
				handlers={{
					previous: () => setStep({n: 2, skuId}),
					scrollUp: view.up,
					scrollDown: view.down,
					next: () => {
						if (!busy) setStep({n: 4, skuId, plan: step.plan});
					},
				}}
			>
				<Heading n={3} intro={readIntro} />
				<Box flexDirection="column" height={room} overflow="hidden">
					{rows.slice(view.offset, view.offset + room).map((line, i) => (
						<StyledLine key={view.offset + i} segments={line} />
					))}
				</Box>
				<Text dimColor>{view.below > 0 ? strings.dialog.more(view.below) : ' '}</Text>
			</ScreenFrame>
		);
	}

	if (step.n === 6) return <AssignPanel skuId={skuId} onClose={() => setStep({...step, n: 5})} />;

	const freed = freedRows(tenant, step.outcomes).some(f => f.skuId === skuId);
	const done = [
		strings.outcome.summary(countOutcomes(step.outcomes, skuId), product.name, step.who),
		strings.guide.report(step.report),
		...step.outcomes
			.filter(o => o.outcome !== 'removed')
			.map(o => `${o.userPrincipalName}: ${outcomeWhy(tenant, o)}`),
		...(freed ? [`r  ${strings.nextSteps.reassign}`] : []),
		strings.nextSteps.billing,
		`${strings.nextSteps.formerEmployee} ${strings.nextSteps.formerEmployeeLink}`,
		strings.guide.again,
	];
	// Below the title, as many lines as there are rows, most important first: more would overflow,
	// which Ink draws over each other (the footer says enter and r anyway).
	const lines = done.flatMap(paragraph => [...wrapText(paragraph, textWidth), ' ']).slice(0, Math.max(1, chrome.bodyRows - 1));
	return (
		<ScreenFrame
			contexts={['guide', 'next']}
			handlers={{next: restart, previous: undefined, reassign: freed && product.available > 0 ? () => setStep({...step, n: 6}) : undefined}}
		>
			<Text bold>{strings.guide.doneTitle}</Text>
			{lines.map((line, i) => (
				<Text key={i}>{line}</Text>
			))}
		</ScreenFrame>
	);
}
