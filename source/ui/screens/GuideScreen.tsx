// Guided unassign, for support staff: one unassignment in four plain steps (product, users, what
// happens, confirm), then the outcome, the next steps and a report left in the state directory. The
// steps are a reducer (guide-state.ts); this is their view, a component per step.
import {Box} from 'ink';
import {Text} from '../components/Text.js';
import {useReducer, type Dispatch} from 'react';
import {planConsequences} from '../../domain/consequences.js';
import {changedUser, countOutcomes, planUnassign, plannedRemovals} from '../../domain/plan.js';
import type {User} from '../../domain/model.js';
import {adminPermission} from '../../domain/rules.js';
import {productBySku, productRows, type ProductRow} from '../../domain/selectors.js';
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
import type {Checklist} from '../components/use-checklist.js';
import {guideReport, readAloud, reportName} from '../guide-text.js';
import {useAppState, useStore} from '../store-context.js';
import {outcomeWhy, strings} from '../../text/index.js';
import {namesOf, useApply} from '../use-apply.js';
import {AssignPanel} from '../components/AssignPanel.js';
import {ScrolledLines} from '../components/ScrolledLines.js';
import {useScroll} from '../components/use-scroll.js';
import {nothingToRemoveReason, unassignQuestion} from './ProductScreen.js';
import {guide, initialGuide, type GuideEvent, type GuideState, type GuideStep} from './guide-state.js';

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

/** Instructions wrapped to the screen's width. */
const useIntro = () => {
	const chrome = useChrome();
	const textWidth = Math.max(20, chrome.size.columns - 3);
	return {textWidth, intro: (text: string) => wrapText(text, textWidth)};
};

export function GuideScreen() {
	const {tenant} = useAppState();
	const chrome = useChrome();
	const [state, dispatch] = useReducer(guide, undefined, () => initialGuide(new Date()));
	const {step} = state;
	const {intro} = useIntro();
	const skuId = step.n === 1 ? '' : step.skuId;
	const product = productBySku(tenant, skuId);
	const chooseUsers = intro(strings.guide.chooseUsers(product?.name ?? ''));
	const listHeight = Math.max(1, chrome.bodyRows - 3 - chooseUsers.length);
	// Here, not in the users' step: the ticks stay while what happens is read, and come back with esc.
	const checklist = useHoldersChecklist(tenant, skuId, listHeight);
	const go = (event: GuideEvent) => {
		if (event.type === 'product' || event.type === 'restart') checklist.clearTicks();
		dispatch(event);
	};

	if (step.n === 1) return <ChooseProduct go={go} />;
	if (!product) return null;
	switch (step.n) {
		case 2:
			return <ChooseUsers product={product} checklist={checklist} intro={chooseUsers} height={listHeight} go={go} />;
		case 3:
		case 4:
			return <WhatHappens state={state} step={step} product={product} dispatch={dispatch} />;
		case 6:
			return <AssignPanel skuId={skuId} onClose={() => dispatch({type: 'back'})} />;
		case 5:
			return <GuideDone step={step} product={product} go={go} />;
	}
}

function ChooseProduct({go}: {go: Dispatch<GuideEvent>}) {
	const {tenant, admin} = useAppState();
	const chrome = useChrome();
	const chooseProduct = useIntro().intro(strings.guide.chooseProduct);
	const products = productRows(tenant);
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
					go({type: 'product', skuId: chosen.skuId, at: new Date()});
				}}
			/>
		</ScreenFrame>
	);
}

interface UsersProps {
	product: ProductRow;
	checklist: Checklist<User>;
	intro: string[];
	height: number;
	go: Dispatch<GuideEvent>;
}

function ChooseUsers({product, checklist, intro, height, go}: UsersProps) {
	const {tenant} = useAppState();
	const chrome = useChrome();
	const {skuId} = product;
	return (
		<ScreenFrame
			contexts={['guide', 'checklist', 'list']}
			text={checklist.filter.field}
			handlers={{
				...checklist.handlers,
				previous: checklist.filter.query ? checklist.filter.clear : () => go({type: 'back'}),
				back: undefined,
				next: () => {
					if (checklist.tickedItems.length === 0) return chrome.setStatus(strings.guide.tickFirst);
					const plan = planUnassign(
						tenant,
						checklist.tickedItems.map(user => user.id),
						[skuId],
					);
					if (plannedRemovals(plan) === 0) return chrome.setStatus(strings.unassign.nothingToRemove(nothingToRemoveReason(plan)));
					go({type: 'read', plan});
				},
			}}
		>
			<Heading n={2} intro={intro} />
			<HoldersChecklist tenant={tenant} skuId={skuId} checklist={checklist} height={height} width={chrome.size.columns - 1} />
		</ScreenFrame>
	);
}

interface WhatHappensProps {
	state: GuideState;
	step: Extract<GuideStep, {n: 3 | 4}>;
	product: ProductRow;
	dispatch: Dispatch<GuideEvent>;
}

/** Step 3, what happens, read out; step 4, its confirmation, whose change leaves the session's report. */
function WhatHappens({state, step, product, dispatch}: WhatHappensProps) {
	const {tenant, admin, busy} = useAppState();
	const store = useStore();
	const chrome = useChrome();
	const apply = useApply();
	const {intro, textWidth} = useIntro();
	const names = namesOf(tenant);
	const {skuId, plan} = step;
	const consequences = planConsequences(tenant, plan, new Date());
	const aloud = readAloud(product.name, plan, consequences, names);
	if (step.n === 4) {
		const confirmed = async () => {
			const outcomes = await apply(plan, product);
			if (!outcomes) return dispatch({type: 'back'});
			// The report keeps what was shown, unwrapped.
			const {head, notes} = consequenceRows(consequences, names, 10_000);
			const shown = [...aloud, ...[...head, ...notes].map(row => row.text.trim())];
			const {startedAt} = state;
			const record = {
				tenant: store.getState().tenant,
				admin,
				product: {skuId, skuPartNumber: product.skuPartNumber, name: product.name},
				startedAt,
				finishedAt: new Date(),
				shown,
				outcomes,
				names,
			};
			const report = store.saveReport(reportName(startedAt), guideReport(record));
			dispatch({type: 'done', skuId, outcomes, report, who: changedUser(plan, outcomes)});
		};
		return (
			<ConfirmPanel
				title={strings.guide.step(4, strings.guide.titles[3])}
				question={unassignQuestion(plan, product.name, tenant)}
				lines={planLines(tenant, plan, names, true, dialogWidth(chrome.size.columns))}
				plan={plan}
				confirmLabel={strings.unassign.confirm}
				onCancel={() => dispatch({type: 'back'})}
				onConfirm={confirmed}
			/>
		);
	}
	const lines = aloud.flatMap(paragraph => [...wrapText(paragraph, textWidth), '']);
	const panel = consequencesPanelLines(consequences, names, dialogWidth(chrome.size.columns));
	const rows: Line[] = [...lines.map(line => [{text: line}]), ...panel.head, ...panel.notes];
	const readIntro = intro(strings.guide.readIntro);
	// The title, the instructions and the "more" line.
	const room = Math.max(1, chrome.bodyRows - 2 - readIntro.length);
	const view = scrollWindow(state.scroll, offset => dispatch({type: 'scroll', offset}), rows.length, room);
	return (
		<ScreenFrame
			contexts={['guide', 'dialog']}
			handlers={{
				previous: () => dispatch({type: 'back'}),
				scrollUp: view.up,
				scrollDown: view.down,
				next: () => {
					if (!busy) dispatch({type: 'confirm'});
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

/** The outcome: what was done, the report, and the next steps. */
function GuideDone({step, product, go}: {step: Extract<GuideStep, {n: 5 | 6}>; product: ProductRow; go: Dispatch<GuideEvent>}) {
	const {tenant} = useAppState();
	const chrome = useChrome();
	const {textWidth} = useIntro();
	const freed = freedRows(tenant, step.outcomes).some(f => f.skuId === step.skuId);
	const done = [
		strings.outcome.summary(countOutcomes(step.outcomes, step.skuId), product.name, step.who),
		strings.guide.report(step.report),
		...step.outcomes.filter(o => o.outcome !== 'removed').map(o => `${o.userPrincipalName}: ${outcomeWhy(tenant, o)}`),
		...(freed ? [`r  ${strings.nextSteps.reassign}`] : []),
		strings.nextSteps.billing(freed),
		`${strings.nextSteps.formerEmployee} ${strings.nextSteps.formerEmployeeLink}`,
		strings.guide.again,
	];
	const lines = done.flatMap(paragraph => [...wrapText(paragraph, textWidth), ' ']);
	// Below the title, the lines that fit, most important first; the rest scroll with ↓, and the last row says so.
	const room = Math.max(1, chrome.bodyRows - 2);
	const scroll = useScroll(lines.length, room);
	return (
		<ScreenFrame
			contexts={['guide', 'next']}
			handlers={{
				next: () => go({type: 'restart'}),
				previous: undefined,
				reassign: freed && product.available > 0 ? () => go({type: 'reassign'}) : undefined,
				scrollUp: scroll.up,
				scrollDown: scroll.down,
			}}
		>
			<Text bold>{strings.guide.doneTitle}</Text>
			<ScrolledLines lines={lines} scroll={scroll} room={room} />
		</ScreenFrame>
	);
}
