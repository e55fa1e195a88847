// Service plans that work only beside another. Graph refuses to remove the base alone ("License
// assignment failed because service plan X depends on the service plan(s) Y"), so an add-on whose
// base goes must go in the same request, or the base stays. Microsoft's product table lists no
// dependencies: each is a line here, with its source. A refusal this table did not foresee comes back
// from a live tenant naming both products, and is kept in the audit log (`dependency`), so the line
// it lacks can be added.

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
		needsOneOf: ['EXCHANGE_S_STANDARD', 'EXCHANGE_S_STANDARD_GOV', 'EXCHANGE_S_ENTERPRISE', 'EXCHANGE_S_ENTERPRISE_GOV', 'EXCHANGE_S_DESKLESS', 'EXCHANGE_S_DESKLESS_GOV'],
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
