import {describe, expect, it} from 'vitest';
import {powershellCommands, restRequests} from '../../source/domain/commands.js';
import type {LicensePlan, PlanItem} from '../../source/domain/plan.js';

const item = (upn: string, add: string[], remove: string[]): PlanItem => ({
	userId: upn,
	userPrincipalName: upn,
	displayName: upn,
	add,
	remove,
	skip: [],
	keptThroughGroups: {},
	dependents: {},
});

describe('equivalent commands', () => {
	const plan: LicensePlan = {
		items: [
			item("grace.o'connor@contoso.com", [], ['sku-1', 'sku-2']),
			item('alex.wilber@contoso.com', ['sku-3'], []),
			item('skipped@contoso.com', [], []),
		],
	};

	it('one Set-MgUserLicense per user changed, with both lists', () => {
		expect(powershellCommands(plan)).toEqual([
			"Set-MgUserLicense -UserId 'grace.o''connor@contoso.com' -AddLicenses @() -RemoveLicenses @('sku-1', 'sku-2')",
			"Set-MgUserLicense -UserId 'alex.wilber@contoso.com' -AddLicenses @(@{SkuId = 'sku-3'}) -RemoveLicenses @()",
		]);
	});

	it('one assignLicense POST per user, UPN encoded in the path, addLicenses always present', () => {
		const [first, second] = restRequests(plan, 'https://microsoftgraph.chinacloudapi.cn');
		expect(first).toEqual({
			method: 'POST',
			url: "https://microsoftgraph.chinacloudapi.cn/v1.0/users/grace.o'connor%40contoso.com/assignLicense",
			body: {addLicenses: [], removeLicenses: ['sku-1', 'sku-2']},
		});
		expect(second!.body).toEqual({addLicenses: [{skuId: 'sku-3', disabledPlans: []}], removeLicenses: []});
		expect(restRequests(plan)).toHaveLength(2);
	});

	it('hostile UPNs: exact and printable in PowerShell, percent-encoded (or the id) in the URL', () => {
		const hostile: LicensePlan = {items: [item('evil\u202e\u2019@contoso.com', [], ['sku-1']), {...item('x\ud800@contoso.com', [], ['sku-1']), userId: 'id-1'}]};
		expect(powershellCommands(hostile)[0]).toBe("Set-MgUserLicense -UserId ('evil' + [char]0x202E + '\u2019\u2019@contoso.com') -AddLicenses @() -RemoveLicenses @('sku-1')");
		expect(restRequests(hostile).map(r => r.url)).toEqual([
			'https://graph.microsoft.com/v1.0/users/evil%E2%80%AE%E2%80%99%40contoso.com/assignLicense',
			'https://graph.microsoft.com/v1.0/users/id-1/assignLicense',
		]);
	});
});
