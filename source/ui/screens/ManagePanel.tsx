// Manage product licenses, for two or more ticked users: the admin center's choices, then
// Save changes, a confirmation listing users × products, and each user's outcome with Done.
import {Box} from 'ink';
import {Text} from '../components/Text.js';
import {useState} from 'react';
import {planUnassignAll, plannedRemovals, type LicensePlan, type UserOutcome} from '../../domain/plan.js';
import {useChrome} from '../chrome.js';
import {Cell} from '../components/Cell.js';
import {ConfirmPanel} from '../components/ConfirmPanel.js';
import {freedRows, NextStepsPanel} from '../components/NextStepsPanel.js';
import {ResultPanel} from '../components/ResultPanel.js';
import {ScreenFrame} from '../components/ScreenFrame.js';
import {listHandlers} from '../components/list-handlers.js';
import {useList} from '../components/use-list.js';
import {useAppState} from '../store-context.js';
import {strings} from '../strings.js';
import {useApply} from '../use-apply.js';

type Choice = 'assignMore' | 'replace' | 'unassignAll';

const choices: Array<{id: Choice; label: string; available: boolean}> = [
	{id: 'assignMore', label: strings.manage.assignMore, available: false},
	{id: 'replace', label: strings.manage.replace, available: false},
	{id: 'unassignAll', label: strings.manage.unassignAll, available: true},
];

type Step =
	| {kind: 'choose'}
	| {kind: 'confirm'; plan: LicensePlan}
	| {kind: 'saving'}
	| {kind: 'result'; outcomes: UserOutcome[]}
	| {kind: 'next'; outcomes: UserOutcome[]};

interface Props {
	userIds: string[];
	onCancel: () => void;
	/** After the results: the change is made, the ticks have done their job. */
	onDone: () => void;
}

export function ManagePanel({userIds, onCancel, onDone}: Props) {
	const {tenant, busy} = useAppState();
	const chrome = useChrome();
	const apply = useApply();
	const [step, setStep] = useState<Step>({kind: 'choose'});
	const [chosen, setChosen] = useState<Choice | null>(null);
	const list = useList(choices.length, choices.length);

	if (step.kind === 'result') {
		const {outcomes} = step;
		const next = () => (outcomes.some(o => o.outcome === 'removed') ? setStep({kind: 'next', outcomes}) : onDone());
		return <ResultPanel title={strings.manage.resultsTitle} outcomes={outcomes} onDone={next} />;
	}
	if (step.kind === 'next') {
		return <NextStepsPanel freed={freedRows(tenant, step.outcomes)} onDone={onDone} />;
	}
	if (step.kind === 'confirm') {
		return (
			<ConfirmPanel
				title={strings.manage.title}
				question={strings.manage.confirmQuestion(step.plan.items.filter(i => i.remove.length > 0).length, plannedRemovals(step.plan))}
				plan={step.plan}
				confirmLabel={strings.manage.unassignAll}
				onCancel={() => setStep({kind: 'choose'})}
				onConfirm={async () => {
					// Off the confirmation at once, so a second y cannot send the plan twice.
					setStep({kind: 'saving'});
					const outcomes = await apply(step.plan);
					setStep(outcomes ? {kind: 'result', outcomes} : {kind: 'choose'});
				}}
			/>
		);
	}

	if (step.kind === 'saving') {
		return (
			<ScreenFrame contexts={[]} handlers={{}}>
				<Text>{strings.dialog.working}</Text>
			</ScreenFrame>
		);
	}

	return (
		<ScreenFrame
			contexts={['manage', 'list']}
			handlers={{
				...listHandlers(list),
				back: onCancel,
				tick: () => {
					const choice = choices[list.state.cursor];
					if (!choice) return;
					if (!choice.available) return chrome.setStatus(strings.manage.notYetStatus(choice.label));
					setChosen(choice.id);
				},
				save: () => {
					if (busy) return;
					if (chosen !== 'unassignAll') return chrome.setStatus(strings.manage.chooseFirst);
					setStep({kind: 'confirm', plan: planUnassignAll(tenant, userIds)});
				},
			}}
		>
			<Text bold>{strings.manage.title}</Text>
			<Text dimColor>{strings.manage.users(userIds.length)}</Text>
			<Text> </Text>
			{choices.map((choice, index) => (
				<Box key={choice.id}>
					<Text bold={index === list.state.cursor}>{index === list.state.cursor ? '›' : ' '}</Text>
					<Cell width={5}>{chosen === choice.id ? ' (•)' : ' ( )'}</Cell>
					<Cell inverse={index === list.state.cursor} dim={!choice.available}>
						{choice.label}
						{choice.available ? '' : ` (${strings.manage.notYet})`}
					</Cell>
				</Box>
			))}
			<Text> </Text>
			{chosen === 'unassignAll' ? <Text>{strings.manage.unassignAllHint}</Text> : null}
		</ScreenFrame>
	);
}
