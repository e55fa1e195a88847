// The same change as Microsoft Graph PowerShell and REST calls, for admins who want to see, check or
// run it themselves. One call per user, as the plan is carried out. Source: FACTS.md, Microsoft Graph.
import type {LicensePlan} from './plan.js';

/** A PowerShell single-quoted string: a quote inside is doubled, nothing else is special. */
export function powershellQuote(text: string): string {
	return `'${text.replaceAll("'", "''")}'`;
}

export function powershellCommands(plan: LicensePlan): string[] {
	return plan.items
		.filter(item => item.add.length + item.remove.length > 0)
		.map(item => {
			const add = item.add.map(skuId => `@{SkuId = ${powershellQuote(skuId)}}`).join(', ');
			const remove = item.remove.map(powershellQuote).join(', ');
			return `Set-MgUserLicense -UserId ${powershellQuote(item.userPrincipalName)} -AddLicenses @(${add}) -RemoveLicenses @(${remove})`;
		});
}

export interface RestRequest {
	method: 'POST';
	url: string;
	body: {addLicenses: Array<{skuId: string; disabledPlans: string[]}>; removeLicenses: string[]};
}

/** POST /v1.0/users/{upn}/assignLicense; addLicenses is required even when empty. */
export function restRequests(plan: LicensePlan, graphBase = 'https://graph.microsoft.com'): RestRequest[] {
	return plan.items
		.filter(item => item.add.length + item.remove.length > 0)
		.map(item => ({
			method: 'POST',
			url: `${graphBase}/v1.0/users/${encodeURIComponent(item.userPrincipalName)}/assignLicense`,
			body: {addLicenses: item.add.map(skuId => ({skuId, disabledPlans: []})), removeLicenses: item.remove},
		}));
}
