import type {Tenant} from '../domain/model.js';
import {countOutcomes, type LicensePlan, type UserOutcome} from '../domain/plan.js';
import {indexTenant, productNameOf} from '../domain/selectors.js';
import {useChrome} from './chrome.js';
import type {Names} from './components/plan-lines.js';
import {useStore} from './store-context.js';
import {strings} from './strings.js';

/**
 * Carries out a plan through the store and says how it went in the status line (naming the product
 * when the plan is about one). Resolves to the outcomes (saved by then), or to null when nothing
 * could be saved.
 */
export function useApply(): (plan: LicensePlan, product?: string) => Promise<UserOutcome[] | null> {
	const store = useStore();
	const chrome = useChrome();
	return async (plan, product) => {
		chrome.setStatus(strings.dialog.working);
		try {
			const outcomes = await store.apply(plan, progress => chrome.setStatus(strings.dialog.progress(progress)));
			// Saved, but the audit log could not be written: that is what the status line must say (the
			// results show the outcome).
			chrome.setStatus(store.getState().notice ?? strings.outcome.summary(countOutcomes(outcomes), product));
			return outcomes;
		} catch (error) {
			chrome.setStatus(strings.dialog.error((error as Error).message));
			return null;
		}
	};
}

/** Product and group names as the confirmation and result pages show them. */
export function namesOf(tenant: Tenant): Names {
	const {groupsById} = indexTenant(tenant);
	return {
		product: skuId => productNameOf(tenant, skuId),
		groups: ids => ids.map(id => groupsById.get(id)?.displayName ?? id).join(', '),
	};
}
