// What the Reclaim tab shows, as a pure reducer: the section in front, and where a change stands
// (the list, its confirmation, each user's outcome, the next steps).
import {sectionIds, type SectionId} from '../../domain/reclaim.js';
import {changeStep, listStep, type ChangeEvent, type ChangeStep} from '../components/change-steps.js';

export interface ReclaimView {
	section: SectionId;
	step: ChangeStep;
}

export type ReclaimAction = {type: 'section'; by: 1 | -1} | ChangeEvent;

export const initialReclaimView: ReclaimView = {section: 'redundant', step: listStep};

export function reclaimView(state: ReclaimView, action: ReclaimAction): ReclaimView {
	if (action.type !== 'section') return {...state, step: changeStep(state.step, action)};
	const at = sectionIds.indexOf(state.section);
	return {...state, section: sectionIds[(at + action.by + sectionIds.length) % sectionIds.length]!};
}
