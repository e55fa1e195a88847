// The same change as Microsoft Graph PowerShell and REST calls, for admins who want to see, check or
// run it themselves. One call per user, as the plan is carried out. Source: FACTS.md, Microsoft Graph.
import type {LicensePlan, PlanItem} from './plan.js';
import {powershellString} from './text-safety.js';

export function powershellCommands(plan: LicensePlan): string[] {
	return plan.items
		.filter(item => item.add.length + item.remove.length > 0)
		.map(item => {
			const add = item.add.map(skuId => `@{SkuId = ${powershellString(skuId)}}`).join(', ');
			const remove = item.remove.map(powershellString).join(', ');
			return `Set-MgUserLicense -UserId ${powershellString(item.userPrincipalName)} -AddLicenses @(${add}) -RemoveLicenses @(${remove})`;
		});
}

export interface RestRequest {
	method: 'POST';
	url: string;
	body: {addLicenses: Array<{skuId: string; disabledPlans: string[]}>; removeLicenses: string[]};
}

/**
 * The UPN, percent-encoded (so the URL is plain ASCII whatever the UPN holds); the user's id for a
 * UPN that cannot be encoded (a lone surrogate from a damaged snapshot).
 */
function userInPath(item: PlanItem): string {
	try {
		return encodeURIComponent(item.userPrincipalName);
	} catch {
		return encodeURIComponent(item.userId);
	}
}

/** POST /v1.0/users/{upn}/assignLicense; addLicenses is required even when empty. */
export function restRequests(plan: LicensePlan, graphBase = 'https://graph.microsoft.com'): RestRequest[] {
	return plan.items
		.filter(item => item.add.length + item.remove.length > 0)
		.map(item => ({
			method: 'POST',
			url: `${graphBase}/v1.0/users/${userInPath(item)}/assignLicense`,
			body: {addLicenses: item.add.map(skuId => ({skuId, disabledPlans: []})), removeLicenses: item.remove},
		}));
}
