import {produce} from 'immer';
import {describe, expect, it} from 'vitest';
import {planChanges, planUnassign} from '../../source/domain/plan.js';
import {additionBlock, adminPermission, dependentAddOns, removalBlock} from '../../source/domain/rules.js';
import {demoTenant, sku, userByName} from '../helpers/tenant.js';

const archive = 'ee02fd1b-340e-4a4b-b355-4a514e4c8943';

describe('who may change licenses', () => {
	it.each([
		['megan.bowen@contoso.com', true, ['Global Administrator']],
		['adele.vance@contoso.com', true, ['License Administrator']],
		['alex.wilber@contoso.com', true, ['User Administrator']],
		['lee.gu@contoso.com', false, ['Helpdesk Administrator']],
		['nestor.wilke@contoso.com', false, []],
	])('%s: allowed %s, roles %j', (upn, allowed, roles) => {
		const permission = adminPermission(demoTenant(), upn);
		expect(permission.allowed).toBe(allowed);
		expect(permission.roles).toEqual(roles);
		if (!permission.allowed) expect(permission.reason).toBe('no-license-role');
	});

	it('matches UPNs in any case, and knows an admin who is not in the tenant', () => {
		expect(adminPermission(demoTenant(), 'MEGAN.BOWEN@CONTOSO.COM').allowed).toBe(true);
		expect(adminPermission(demoTenant(), 'someone@fabrikam.com')).toEqual({allowed: false, roles: [], reason: 'not-in-tenant'});
	});

	it('goes by role template, not by display name', () => {
		const tenant = produce(demoTenant(), draft => {
			for (const role of draft.directoryRoles) role.displayName = 'Renamed';
		});
		expect(adminPermission(tenant, 'adele.vance@contoso.com').allowed).toBe(true);
		expect(adminPermission(tenant, 'lee.gu@contoso.com').allowed).toBe(false);
	});
});

describe('which licenses can be removed or added directly', () => {
	const tenant = demoTenant();
	const visioGroup = tenant.groups.find(g => g.displayName === 'Visio Users')!.id;
	it.each([
		['direct', 'Alex Wilber', sku.businessPremium, null],
		['not held', 'Megan Bowen', sku.businessPremium, {reason: 'not-assigned', groupIds: []}],
		['group only', 'Grady Archie', sku.visio, {reason: 'group-assigned', groupIds: [visioGroup]}],
		['direct and group', 'Lidia Holloway', sku.visio, null],
		['self-service', 'Cameron White', sku.powerBiPro, {reason: 'self-service-subscription', groupIds: []}],
	])('removal, %s', (_case, name, skuId, expected) => {
		expect(removalBlock(tenant, userByName(tenant, name), skuId)).toEqual(expected);
	});

	it.each([
		['not held', 'Megan Bowen', sku.businessPremium, null],
		['held directly', 'Alex Wilber', sku.businessPremium, {reason: 'already-assigned', groupIds: []}],
		// Through a group only: a direct assignment beside it is allowed, as in Entra ID.
		['group only', 'Grady Archie', sku.visio, null],
		['self-service', 'Megan Bowen', sku.powerBiPro, {reason: 'self-service-subscription', groupIds: []}],
	])('addition, %s', (_case, name, skuId, expected) => {
		expect(additionBlock(tenant, userByName(tenant, name), skuId)).toEqual(expected);
	});
});

describe('dependent add-ons', () => {
	it('removing Exchange Online (Plan 1) takes Exchange Online Archiving with it, in one request', () => {
		const tenant = demoTenant();
		const tomas = userByName(tenant, 'Tomás Herrera');
		expect(dependentAddOns(tenant, tomas, [sku.exchangePlan1])).toEqual(new Map([[archive, [sku.exchangePlan1]]]));
		const [item] = planUnassign(tenant, [tomas.id], [sku.exchangePlan1]).items;
		expect(item!.remove).toEqual([sku.exchangePlan1, archive]);
		expect(item!.dependents).toEqual({[archive]: [sku.exchangePlan1]});
	});

	it('keeps the add-on when another license still gives the user a mailbox plan', () => {
		const tenant = produce(demoTenant(), draft => {
			const tomas = draft.users.find(u => u.displayName === 'Tomás Herrera')!;
			tomas.assignedLicenses.push({skuId: sku.e3, disabledPlans: []});
			tomas.licenseAssignmentStates.push({skuId: sku.e3, assignedByGroup: null, state: 'Active', error: 'None', disabledPlans: []});
		});
		const tomas = userByName(tenant, 'Tomás Herrera');
		expect(dependentAddOns(tenant, tomas, [sku.exchangePlan1]).size).toBe(0);
		expect(planUnassign(tenant, [tomas.id], [sku.exchangePlan1]).items[0]!.remove).toEqual([sku.exchangePlan1]);
	});

	it('a base also held through a group keeps the add-on; one whose mailbox plan the group disables does not', () => {
		const exchangePlan = (enabled: boolean) =>
			produce(demoTenant(), draft => {
				const tomas = draft.users.find(u => u.displayName === 'Tomás Herrera')!;
				const plan = draft.subscribedSkus.find(s => s.skuId === sku.exchangePlan1)!.servicePlans.find(p => p.servicePlanName === 'EXCHANGE_S_STANDARD')!;
				tomas.licenseAssignmentStates.push({
					skuId: sku.exchangePlan1,
					assignedByGroup: draft.groups[1]!.id,
					state: 'Active',
					error: 'None',
					disabledPlans: enabled ? [] : [plan.servicePlanId],
				});
			});
		const kept = exchangePlan(true);
		expect(dependentAddOns(kept, userByName(kept, 'Tomás Herrera'), [sku.exchangePlan1]).size).toBe(0);
		const disabled = exchangePlan(false);
		expect([...dependentAddOns(disabled, userByName(disabled, 'Tomás Herrera'), [sku.exchangePlan1]).keys()]).toEqual([archive]);
	});

	it('a product that carries its own base is no add-on: Business Premium stays when Plan 1 beside it goes', () => {
		const tenant = produce(demoTenant(), draft => {
			const alex = draft.users.find(u => u.displayName === 'Alex Wilber')!;
			alex.assignedLicenses.push({skuId: sku.exchangePlan1, disabledPlans: []});
			alex.licenseAssignmentStates.push({skuId: sku.exchangePlan1, assignedByGroup: null, state: 'Active', error: 'None', disabledPlans: []});
		});
		expect(dependentAddOns(tenant, userByName(tenant, 'Alex Wilber'), [sku.exchangePlan1]).size).toBe(0);
	});

	it('removing only the add-on leaves the base alone', () => {
		const tenant = demoTenant();
		const tomas = userByName(tenant, 'Tomás Herrera');
		const [item] = planChanges(tenant, [{user: tomas.id, add: [], remove: [archive]}]).items;
		expect(item!.remove).toEqual([archive]);
		expect(item!.dependents).toEqual({});
	});
});
