// Guided unassign, as a pure reducer: the step a support person is on (the product, the users, what
// happens, the confirmation, the outcome, reassigning what was freed), when the session began (for
// its report), and how far what happens has been scrolled.
import type {LicensePlan, UserOutcome} from '../../domain/plan.js';

export interface GuideOutcome {
	skuId: string;
	outcomes: UserOutcome[];
	/** Where the session's report was saved. */
	report: string;
	/** The one user changed, to name in the summary. */
	who: string | undefined;
}

export type GuideStep =
	| {n: 1}
	| {n: 2; skuId: string}
	| {n: 3; skuId: string; plan: LicensePlan}
	| {n: 4; skuId: string; plan: LicensePlan}
	/** 5: the outcome and next steps; 6: reassigning the licenses freed, over it. */
	| ({n: 5 | 6} & GuideOutcome);

export interface GuideState {
	step: GuideStep;
	startedAt: Date;
	/** The first line of what happens (step 3) shown. */
	scroll: number;
}

export type GuideEvent =
	/** Step 1: a product chosen, at this time: the session starts. */
	| {type: 'product'; skuId: string; at: Date}
	/** Step 2: users ticked, and what would be removed from them: what happens is read out. */
	| {type: 'read'; plan: LicensePlan}
	| {type: 'confirm'}
	/** A step back: esc, the confirmation cancelled (or its change not saved), reassigning closed. */
	| {type: 'back'}
	| ({type: 'done'} & GuideOutcome)
	| {type: 'reassign'}
	/** Another session, from the first step. */
	| {type: 'restart'}
	| {type: 'scroll'; offset: number};

export const initialGuide = (now: Date): GuideState => ({step: {n: 1}, startedAt: now, scroll: 0});

/** The step before, as esc takes it (none before the first, nor from the outcome: the session is done). */
function stepBack(step: GuideStep): GuideStep {
	switch (step.n) {
		case 2:
			return {n: 1};
		case 3:
			return {n: 2, skuId: step.skuId};
		case 4:
			return {n: 3, skuId: step.skuId, plan: step.plan};
		case 6:
			return {...step, n: 5};
		default:
			return step;
	}
}

/** What the event leads to from this step; the step itself when it does not apply there. */
function nextStep(step: GuideStep, event: GuideEvent): GuideStep {
	switch (event.type) {
		case 'product':
			return step.n === 1 ? {n: 2, skuId: event.skuId} : step;
		case 'read':
			return step.n === 2 ? {n: 3, skuId: step.skuId, plan: event.plan} : step;
		case 'confirm':
			return step.n === 3 ? {n: 4, skuId: step.skuId, plan: step.plan} : step;
		case 'back':
			return stepBack(step);
		case 'done': {
			const {type: _, ...outcome} = event;
			return step.n === 4 ? {n: 5, ...outcome} : step;
		}
		case 'reassign':
			return step.n === 5 ? {...step, n: 6} : step;
		case 'restart':
			return {n: 1};
		case 'scroll':
			return step;
	}
}

export function guide(state: GuideState, event: GuideEvent): GuideState {
	if (event.type === 'scroll') return {...state, scroll: event.offset};
	const step = nextStep(state.step, event);
	if (step === state.step) return state;
	return {
		step,
		startedAt: event.type === 'product' ? event.at : state.startedAt,
		// What happens is read from its top each time it is come to from the users.
		scroll: event.type === 'read' ? 0 : state.scroll,
	};
}
