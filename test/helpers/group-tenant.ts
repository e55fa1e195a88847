// The demo tenant with group-based licenses worth leaving: "E3 Staff" gives Pradeep Gupta Office 365
// E3 and Power BI Pro, and Nestor Wilke Office 365 E3 (he keeps Exchange Online (Plan 1) directly);
// "Sales (dynamic)" gives Diego Siciliani Business Premium, and a rule decides its members.
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import type {Tenant} from '../../source/domain/model.js';
import {demoTenant, sku, tempStateDir} from './tenant.js';

export const staffGroup = '7d0c5a3e-1b2f-4c6d-8e9a-0b1c2d3e4f50';
export const dynamicGroup = '8e1d6b4f-2c3a-4d7e-9fab-1c2d3e4f5061';

export function groupTenant(): Tenant {
	const tenant = demoTenant();
	const byGroup = (upn: string, groupId: string, skuIds: string[]) => {
		const user = tenant.users.find(u => u.userPrincipalName === upn)!;
		for (const state of user.licenseAssignmentStates) if (skuIds.includes(state.skuId)) state.assignedByGroup = groupId;
		tenant.groups.find(g => g.id === groupId)!.members!.push(user.id);
	};
	tenant.groups.push(
		{
			id: staffGroup,
			displayName: 'E3 Staff',
			groupTypes: [],
			assignedLicenses: [
				{skuId: sku.e3, disabledPlans: []},
				{skuId: sku.powerBiPro, disabledPlans: []},
			],
			members: [],
		},
		{
			id: dynamicGroup,
			displayName: 'Sales (dynamic)',
			groupTypes: ['DynamicMembership'],
			assignedLicenses: [{skuId: sku.businessPremium, disabledPlans: []}],
			members: [],
		},
	);
	byGroup('pradeep.gupta@contoso.com', staffGroup, [sku.e3, sku.powerBiPro]);
	byGroup('nestor.wilke@contoso.com', staffGroup, [sku.e3]);
	byGroup('diego.siciliani@contoso.com', dynamicGroup, [sku.businessPremium]);
	return tenant;
}

/** The tenant as a snapshot file, for --tenant. */
export function groupTenantFile(): string {
	const file = join(tempStateDir(), 'groups-tenant.json');
	writeFileSync(file, JSON.stringify(groupTenant()));
	return file;
}
