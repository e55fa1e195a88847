import {countOutcomes, type LicensePlan, type UserOutcome} from '../domain/plan.js';
import {useChrome} from './chrome.js';
export {namesOf} from '../domain/selectors.js';
import {useStore} from './store-context.js';
import {strings} from './strings.js';

/**
 * Carries out a plan through the store and says how it went in the status line (naming the product
 * when the plan is about one). Resolves to the outcomes (saved by then), or to null when nothing
 * could be saved.
 */
export function useApply(): (plan: LicensePlan, product?: {skuId: string; name: string}) => Promise<UserOutcome[] | null> {
	const store = useStore();
	const chrome = useChrome();
	return async (plan, product) => {
		chrome.setStatus(strings.dialog.working);
		try {
			const outcomes = await store.apply(plan, progress => chrome.setStatus(strings.dialog.progress(progress)));
			chrome.setStatus(strings.outcome.summary(countOutcomes(outcomes, product?.skuId), product?.name));
			return outcomes;
		} catch (error) {
			chrome.setStatus(strings.dialog.error((error as Error).message));
			return null;
		}
	};
}
