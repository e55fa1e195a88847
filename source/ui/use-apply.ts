import {changedUser, countOutcomes, type LicensePlan, type UserOutcome} from '../domain/plan.js';
import {useChrome} from './chrome.js';
export {namesOf} from '../domain/selectors.js';
import {useSending} from './sending.js';
import {useStore} from './store-context.js';
import {strings} from '../text/index.js';
import {Cancelled} from '../errors.js';

/** What the status line says when an action did not go through: cancelled (nothing sent), or why it was not saved. */
export function actionError(error: unknown): string {
	return error instanceof Cancelled ? error.message : strings.dialog.error((error as Error).message);
}

/**
 * Carries out a plan through the store and says how it went in the status line (naming the product
 * when the plan is about one); the sending panel shows its progress meanwhile. Resolves to the
 * outcomes (saved by then), or to null when nothing could be saved.
 */
export function useApply(): (plan: LicensePlan, product?: {skuId: string; name: string}) => Promise<UserOutcome[] | null> {
	const store = useStore();
	const chrome = useChrome();
	const sending = useSending();
	return async (plan, product) => {
		chrome.setStatus(strings.dialog.working);
		// A live tenant reports as it goes: the sending panel shows it, and esc stops it.
		const signal = sending.start();
		try {
			const outcomes = await store.apply(plan, sending.report, signal);
			// Saved, but the audit log could not be written: that is what the status line must say (the
			// results show the outcome).
			chrome.setStatus(store.getState().notice ?? strings.outcome.summary(countOutcomes(outcomes, product?.skuId), product?.name, changedUser(plan, outcomes)));
			return outcomes;
		} catch (error) {
			chrome.setStatus(actionError(error));
			return null;
		} finally {
			sending.finish();
		}
	};
}
