// Manage product licenses, for two or more ticked users: the admin center's three choices. Assign
// more products and Replace existing products go on to the products to tick; then Save changes, a
// confirmation listing per user what is assigned and unassigned, and each user's outcome with Done.
import {Text} from '../components/Text.js';
import {useState, type Dispatch, type SetStateAction} from 'react';
import type {Tenant} from '../../domain/model.js';
import {isEmptyPlan, planAssignMore, plannedRemovals, planReplace, planUnassignAll, shortfalls, type LicensePlan, type UserOutcome} from '../../domain/plan.js';
import {productRows} from '../../domain/selectors.js';
import {useChrome} from '../chrome.js';
import {Row} from '../components/Row.js';
import {ChoiceList} from '../components/ChoiceList.js';
import {ConfirmPanel} from '../components/ConfirmPanel.js';
import {NextStepsPanel} from '../components/NextStepsPanel.js';
import {ResultPanel} from '../components/ResultPanel.js';
import {SavingFrame, ScreenFrame} from '../components/ScreenFrame.js';
import {listHandlers} from '../components/list-handlers.js';
import {useList} from '../components/use-list.js';
import {WindowedList} from '../components/WindowedList.js';
import {wrapText} from '../components/wrap-text.js';
import {listWords, strings} from '../../text/index.js';
import {useAppState} from '../store-context.js';
import {namesOf, useApply} from '../use-apply.js';

type Choice = 'assignMore' | 'replace' | 'unassignAll';

const choices: Array<{key: Choice; label: string; value: Choice}> = (['assignMore', 'replace', 'unassignAll'] as const).map(id => ({
	key: id,
	label: strings.manage[id],
	value: id,
}));

type Step =
	| {kind: 'choose'}
	| {kind: 'products'; choice: 'assignMore' | 'replace'}
	| {kind: 'confirm'; choice: Choice; plan: LicensePlan; question: string}
	| {kind: 'saving'}
	| {kind: 'result'; outcomes: UserOutcome[]}
	| {kind: 'next'; outcomes: UserOutcome[]};

interface Props {
	userIds: string[];
	onCancel: () => void;
	/** After the results: the change is made, the ticks have done their job. */
	onDone: () => void;
}

/** The confirmation Save changes opens for the products ticked, or why there is none (said on the status line). */
function productsPlan(tenant: Tenant, choice: 'assignMore' | 'replace', userIds: string[], skuIds: string[]): Extract<Step, {kind: 'confirm'}> | string {
	const names = namesOf(tenant);
	if (skuIds.length === 0) return strings.manage.tickProduct;
	const plan = (choice === 'assignMore' ? planAssignMore : planReplace)(tenant, userIds, skuIds);
	// The available counts first, as the admin center does: nothing is sent that cannot be.
	const [short] = shortfalls(tenant, plan);
	if (short) return strings.manage.short(names.product(short[0]), ...short[1]);
	if (isEmptyPlan(plan)) return strings.manage.nothingToDo;
	const chosen = listWords(skuIds.map(names.product));
	const question =
		choice === 'assignMore'
			? strings.manage.assignQuestion(chosen, plan.items.filter(item => item.add.length > 0).length)
			: strings.manage.replaceQuestion(userIds.length, chosen);
	return {kind: 'confirm', choice, plan, question};
}

export function ManagePanel({userIds, onCancel, onDone}: Props) {
	const apply = useApply();
	const [step, setStep] = useState<Step>({kind: 'choose'});
	const [highlighted, setHighlighted] = useState<Choice>('assignMore');
	const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
	const unsaved = ticked.size > 0 ? strings.unsaved.products(ticked.size) : undefined;

	switch (step.kind) {
		case 'result': {
			const {outcomes} = step;
			const next = () => (outcomes.some(o => o.outcome === 'removed') ? setStep({kind: 'next', outcomes}) : onDone());
			return <ResultPanel title={strings.manage.resultsTitle} outcomes={outcomes} onDone={next} />;
		}
		case 'next':
			return <NextStepsPanel outcomes={step.outcomes} onDone={onDone} />;
		case 'confirm':
			return (
				<ConfirmPanel
					title={strings.manage.title}
					question={step.question}
					plan={step.plan}
					confirmLabel={strings.user.saveTitle}
					onCancel={() => setStep(step.choice === 'unassignAll' ? {kind: 'choose'} : {kind: 'products', choice: step.choice})}
					onConfirm={async () => {
						// Off the confirmation at once, so a second y cannot send the plan twice.
						setStep({kind: 'saving'});
						const outcomes = await apply(step.plan);
						setStep(outcomes ? {kind: 'result', outcomes} : {kind: 'choose'});
					}}
				/>
			);
		case 'saving':
			return <SavingFrame />;
		case 'products':
			return <ManageProducts choice={step.choice} userIds={userIds} ticked={ticked} setTicked={setTicked} setStep={setStep} unsaved={unsaved} />;
		case 'choose':
			return (
				<ManageChoices userIds={userIds} highlighted={highlighted} setHighlighted={setHighlighted} setStep={setStep} onCancel={onCancel} unsaved={unsaved} />
			);
	}
}

function Heading({users}: {users: number}) {
	return (
		<>
			<Text bold>{strings.manage.title}</Text>
			<Text dimColor>{strings.manage.users(users)}</Text>
		</>
	);
}

interface ProductsProps {
	choice: 'assignMore' | 'replace';
	userIds: string[];
	ticked: ReadonlySet<string>;
	setTicked: Dispatch<SetStateAction<ReadonlySet<string>>>;
	setStep: (step: Step) => void;
	unsaved: string | undefined;
}

/** Assign more products, or Replace existing products: the products to tick, then Save changes. */
function ManageProducts({choice, userIds, ticked, setTicked, setStep, unsaved}: ProductsProps) {
	const {tenant, busy} = useAppState();
	const chrome = useChrome();
	// Self-service purchases cannot be assigned here: they are not offered.
	const products = productRows(tenant).filter(p => !p.selfServiceOwnerId);
	const width = chrome.size.columns - 1;
	// The prompt wraps to the lines it needs, and the list gives them up.
	const prompt = wrapText(strings.manage.pickProducts(strings.manage[choice]), width);
	const height = Math.max(1, chrome.bodyRows - 3 - Math.max(1, prompt.length));
	const list = useList(products.length, height);
	const save = () => {
		if (busy) return;
		const next = productsPlan(
			tenant,
			choice,
			userIds,
			products.filter(p => ticked.has(p.skuId)).map(p => p.skuId),
		);
		if (typeof next === 'string') return chrome.setStatus(next);
		setStep(next);
	};
	const tick = () => {
		const product = products[list.state.cursor];
		if (!product) return;
		setTicked(previous => {
			const next = new Set(previous);
			if (!next.delete(product.skuId)) next.add(product.skuId);
			return next;
		});
	};
	return (
		<ScreenFrame
			contexts={['manage', 'list']}
			unsaved={unsaved}
			// Back goes to the three choices, the ticks kept.
			losing={['quit']}
			handlers={{...listHandlers(list), back: () => setStep({kind: 'choose'}), tick, save}}
		>
			<Heading users={userIds.length} />
			{prompt.map((line, i) => (
				<Text key={i}>{line}</Text>
			))}
			<Text> </Text>
			<WindowedList
				items={products}
				state={list.state}
				height={height}
				empty={strings.licenses.none}
				renderRow={(p, selected) => (
					<Row
						width={width}
						cells={[
							{text: ticked.has(p.skuId) ? '[x]' : '[ ]', width: 4},
							{text: p.name, inverse: selected},
							{text: strings.manage.productRow(p.available), width: 14, align: 'right', dim: true},
						]}
					/>
				)}
			/>
		</ScreenFrame>
	);
}

interface ChoicesProps {
	userIds: string[];
	highlighted: Choice;
	setHighlighted: (choice: Choice) => void;
	setStep: (step: Step) => void;
	onCancel: () => void;
	unsaved: string | undefined;
}

/** The admin center's three choices, the highlighted one explained below. */
function ManageChoices({userIds, highlighted, setHighlighted, setStep, onCancel, unsaved}: ChoicesProps) {
	const {tenant, busy} = useAppState();
	const chrome = useChrome();
	const explain = wrapText(strings.manage.explain[highlighted], Math.max(20, chrome.size.columns - 1));
	const choose = (choice: Choice) => {
		if (busy) return;
		if (choice !== 'unassignAll') return setStep({kind: 'products', choice});
		const plan = planUnassignAll(tenant, userIds);
		const question = strings.manage.confirmQuestion(plan.items.filter(i => i.remove.length > 0).length, plannedRemovals(plan));
		setStep({kind: 'confirm', choice, plan, question});
	};
	return (
		<ScreenFrame contexts={['choice']} handlers={{back: onCancel}} unsaved={unsaved}>
			<Heading users={userIds.length} />
			<Text> </Text>
			<ChoiceList
				choices={choices}
				focused={chrome.active}
				initial={choices.findIndex(c => c.value === highlighted)}
				onHighlight={setHighlighted}
				onChoose={choose}
			/>
			<Text> </Text>
			{explain.map((line, i) => (
				<Text key={i} dimColor>
					{line}
				</Text>
			))}
		</ScreenFrame>
	);
}
