// Service plans that work only beside another. Graph refuses to remove the base alone ("License
// assignment failed because service plan X depends on the service plan(s) Y"), so an add-on whose
// base goes must go in the same request, or the base stays. Microsoft's product table lists no
// dependencies: each is a line here, with its source. A refusal this table did not foresee comes back
// from a live tenant naming both products, and is kept in the audit log (`dependency`), so the line
// it lacks can be added.
import {servicePlanNames} from './catalog.js';
import type {ServicePlanInfo, Tenant} from './model.js';
import {indexTenant, namesOf} from './selectors.js';

/** Where Microsoft documents each dependency. */
const sources = {
	resolve:
		'"Identify and resolve license assignment problems for a group in Microsoft Entra ID" (learn.microsoft.com/entra, "Service plans in one license depend on service plans from another license")',
	archiving: 'Exchange Online Archiving service description (learn.microsoft.com/office365/servicedescriptions)',
};

export interface Dependency {
	/** The dependent service plan, by servicePlanName. */
	plan: string;
	/** The plans of which the user must keep one enabled. */
	needsOneOf: readonly string[];
	source: string;
}

export const dependencies: readonly Dependency[] = [
	// Exchange Online Archiving needs a mailbox plan: Plan 1, Plan 2, Kiosk or F3 (whose mailbox plan is
	// Kiosk's), or their government editions.
	{
		plan: 'EXCHANGE_S_ARCHIVE_ADDON',
		needsOneOf: [
			'EXCHANGE_S_STANDARD',
			'EXCHANGE_S_STANDARD_GOV',
			'EXCHANGE_S_ENTERPRISE',
			'EXCHANGE_S_ENTERPRISE_GOV',
			'EXCHANGE_S_DESKLESS',
			'EXCHANGE_S_DESKLESS_GOV',
		],
		source: `${sources.resolve}; ${sources.archiving}`,
	},
	// Microsoft Workplace Analytics needs Exchange Online (Plan 1 or 2).
	{plan: 'WORKPLACE_ANALYTICS', needsOneOf: ['EXCHANGE_S_STANDARD', 'EXCHANGE_S_ENTERPRISE'], source: sources.resolve},
	// Audio Conferencing needs the Skype for Business Online plan that Office 365 E3 and E5 carry
	// (Skype for Business Online (Plan 2)); its GCC edition, the government edition of that plan.
	{plan: 'MCOMEETADV', needsOneOf: ['MCOSTANDARD'], source: sources.resolve},
	{plan: 'MCOMEETADV_GOV', needsOneOf: ['MCOSTANDARD_GOV'], source: sources.resolve},
];

/** Service plan name → the plans of which the user must keep one. */
export const servicePlanDependencies: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
	dependencies.map(dependency => [dependency.plan, dependency.needsOneOf]),
);

/** What Graph's refusal names: the dependent plan, and the plans it needs, by name or id as Graph gives them. */
export interface DependencyRefusal {
	servicePlan: string;
	dependsOn: string[];
}

/** Graph's "License assignment failed because service plan X depends on the service plan(s) Y,Z.", read; null for any other message. */
export function readDependencyRefusal(message: string | null): DependencyRefusal | null {
	const match = /service plan (\S+) depends on the service plan\(s\) (.+?)\.?\s*$/i.exec(message ?? '');
	if (!match) return null;
	return {servicePlan: match[1]!, dependsOn: match[2]!.split(/[\s,;]+/).filter(Boolean)};
}

const samePlan = (plan: ServicePlanInfo, named: string) =>
	plan.servicePlanId.toLowerCase() === named.toLowerCase() || plan.servicePlanName.toLowerCase() === named.toLowerCase();

/** A plan as Graph named it, in words: its friendly name in Microsoft's table, by id or name, else as given. */
function planWords(named: string): string {
	const byId = servicePlanNames[named.toLowerCase()];
	const [, friendly] = byId ?? Object.values(servicePlanNames).find(([name]) => name.toLowerCase() === named.toLowerCase()) ?? [];
	return friendly || named;
}

/**
 * A request Graph refused because a dependent plan would be left without its base, in products: the
 * add-ons the user keeps that hold the plan, and the products being removed that hold what it needs
 * (the plans' own names where the tenant has no such product). With the plans as Graph named them,
 * so the table above can be extended. Null for any other answer.
 */
export function dependencyRefusal(
	tenant: Tenant | undefined,
	item: {userId: string; remove: readonly string[]},
	message: string | null,
): {addOns: string[]; bases: string[]; dependency: DependencyRefusal} | null {
	const dependency = readDependencyRefusal(message);
	if (!dependency) return null;
	const index = tenant ? indexTenant(tenant) : undefined;
	const holding = (skuIds: readonly string[], plans: readonly string[]) =>
		skuIds.filter(skuId => (index?.skusById.get(skuId)?.servicePlans ?? []).some(plan => plans.some(named => samePlan(plan, named))));
	const named = (skuIds: readonly string[], plans: readonly string[]) =>
		tenant && skuIds.length > 0 ? skuIds.map(namesOf(tenant).product) : plans.map(planWords);
	const kept = (index?.usersById.get(item.userId)?.assignedLicenses ?? []).map(l => l.skuId).filter(skuId => !item.remove.includes(skuId));
	return {
		addOns: named(holding(kept, [dependency.servicePlan]), [dependency.servicePlan]),
		bases: named(holding(item.remove, dependency.dependsOn), dependency.dependsOn),
		dependency,
	};
}
