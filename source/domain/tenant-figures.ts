// A tenant in one line of figures, for a list of tenants: its licenses assigned and available over
// every product, and what Reclaim would free (each license of each user once, as Reclaim counts).
import type {Tenant} from './model.js';
import {defaultInactiveDays, findReclaim, reclaimTotals} from './reclaim.js';
import {productRows} from './selectors.js';

export interface TenantFigures {
	assigned: number;
	available: number;
	frees: number;
}

export function tenantFigures(tenant: Tenant, now: Date): TenantFigures {
	const products = productRows(tenant);
	const candidates = findReclaim(tenant, {now, inactiveDays: defaultInactiveDays}).flatMap(section => section.candidates);
	const {freed} = reclaimTotals(candidates);
	return {
		assigned: products.reduce((sum, p) => sum + p.assigned, 0),
		available: products.reduce((sum, p) => sum + p.available, 0),
		frees: [...freed.values()].reduce((sum, n) => sum + n, 0),
	};
}
