// What the Reclaim tab shows, as a pure reducer: the section in front, and where a change stands
// (the list, its confirmation, each user's outcome, the next steps).
import {allWentThrough, type LicensePlan, type UserOutcome} from '../../domain/plan.js';
import {sectionIds, type SectionId} from '../../domain/reclaim.js';

export type ReclaimStep =
	| {kind: 'list'}
	| {kind: 'confirm'; plan: LicensePlan}
	/** Confirmed: off the confirmation at once, so a second y cannot send the plan twice. */
	| {kind: 'sending'}
	| {kind: 'results'; outcomes: UserOutcome[]}
	| {kind: 'next'; outcomes: UserOutcome[]};

export interface ReclaimView {
	section: SectionId;
	step: ReclaimStep;
}

export type ReclaimAction =
	| {type: 'section'; by: 1 | -1}
	| {type: 'confirm'; plan: LicensePlan}
	| {type: 'cancel'}
	| {type: 'sending'}
	/** null: nothing could be saved (the status line says why). */
	| {type: 'applied'; outcomes: UserOutcome[] | null}
	| {type: 'done'};

export const initialReclaimView: ReclaimView = {section: 'redundant', step: {kind: 'list'}};

const freedAny = (outcomes: readonly UserOutcome[]) => outcomes.some(o => o.outcome === 'removed');

/** After a change: each user's outcome when not all went through, then the next steps when licenses were freed. */
function afterChange(outcomes: UserOutcome[] | null): ReclaimStep {
	if (!outcomes) return {kind: 'list'};
	if (!allWentThrough(outcomes)) return {kind: 'results', outcomes};
	return freedAny(outcomes) ? {kind: 'next', outcomes} : {kind: 'list'};
}

export function reclaimView(state: ReclaimView, action: ReclaimAction): ReclaimView {
	switch (action.type) {
		case 'section': {
			const at = sectionIds.indexOf(state.section);
			return {...state, section: sectionIds[(at + action.by + sectionIds.length) % sectionIds.length]!};
		}
		case 'confirm':
			return {...state, step: {kind: 'confirm', plan: action.plan}};
		case 'cancel':
			return {...state, step: {kind: 'list'}};
		case 'sending':
			return {...state, step: {kind: 'sending'}};
		case 'applied':
			return {...state, step: afterChange(action.outcomes)};
		case 'done':
			return {...state, step: state.step.kind === 'results' && freedAny(state.step.outcomes) ? {kind: 'next', outcomes: state.step.outcomes} : {kind: 'list'}};
	}
}
