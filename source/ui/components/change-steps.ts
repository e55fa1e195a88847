// Where a change stands on a screen that makes one, as a pure reducer: the screen itself, its
// confirmation, the sending, each user's outcome when not all went through, then the next steps when
// licenses were freed. Reclaim and one user's Licenses and apps go through it alike.
import {allWentThrough, type LicensePlan, type UserOutcome} from '../../domain/plan.js';

export type ChangeStep =
	| {kind: 'list'}
	| {kind: 'confirm'; plan: LicensePlan}
	/** Confirmed: off the confirmation at once, so a second y cannot send the plan twice. */
	| {kind: 'sending'}
	| {kind: 'results'; outcomes: UserOutcome[]}
	| {kind: 'next'; outcomes: UserOutcome[]};

export type ChangeEvent =
	| {type: 'confirm'; plan: LicensePlan}
	| {type: 'cancel'}
	| {type: 'sending'}
	/** null: nothing could be saved (the status line says why). */
	| {type: 'applied'; outcomes: UserOutcome[] | null}
	/** The results, or the next steps, are done with. */
	| {type: 'done'};

export const listStep: ChangeStep = {kind: 'list'};

const freedAny = (outcomes: readonly UserOutcome[]) => outcomes.some(o => o.outcome === 'removed');

/** After a change: each user's outcome when not all went through, then the next steps when licenses were freed. */
function afterChange(outcomes: UserOutcome[] | null): ChangeStep {
	if (!outcomes) return listStep;
	if (!allWentThrough(outcomes)) return {kind: 'results', outcomes};
	return freedAny(outcomes) ? {kind: 'next', outcomes} : listStep;
}

export function changeStep(step: ChangeStep, event: ChangeEvent): ChangeStep {
	switch (event.type) {
		case 'confirm':
			return {kind: 'confirm', plan: event.plan};
		case 'cancel':
			return listStep;
		case 'sending':
			return {kind: 'sending'};
		case 'applied':
			return afterChange(event.outcomes);
		case 'done':
			return step.kind === 'results' && freedAny(step.outcomes) ? {kind: 'next', outcomes: step.outcomes} : listStep;
	}
}
