import {describe, expect, it} from 'vitest';
import {LocalTenant} from '../../source/backends/local-tenant.js';
import {applyChanges} from '../../source/domain/changes.js';
import {groupRemovalConsequences, planGroupRemoval} from '../../source/domain/groups.js';
import {openStateFile} from '../../source/store/state-file.js';
import {openStore} from '../../source/store/store.js';
import {dynamicGroup, groupTenant, groupTenantFile, staffGroup} from '../helpers/group-tenant.js';
import {sku, tempStateDir} from '../helpers/tenant.js';

const now = new Date('2026-03-01T12:00:00Z');
const kinds = (c: ReturnType<typeof groupRemovalConsequences>) => c.changes.map(change => `${change.kind}:${change.effect}`);

describe('leaving a group that licenses the user', () => {
	it('loses every product the group gives, through the consequences engine, and keeps what else gives it', () => {
		const tenant = groupTenant();
		const plan = planGroupRemoval(tenant, staffGroup, ['pradeep.gupta@contoso.com', 'NESTOR.WILKE@contoso.com']);
		const [pradeep, nestor] = plan.items;
		expect(pradeep).toMatchObject({block: null, products: [sku.e3, sku.powerBiPro], kept: []});
		expect(kinds(groupRemovalConsequences(tenant, staffGroup, pradeep!, now))).toEqual([
			'mailbox:lost',
			'archive:lost',
			'onedrive:lost',
			'office-apps:lost',
			'teams:lost',
		]);
		// Nestor holds Exchange Online (Plan 1) directly: his mailbox and archive stay, at Plan 1's 50 GB.
		const nestorLoses = groupRemovalConsequences(tenant, staffGroup, nestor!, now);
		expect(kinds(nestorLoses)).toEqual(['mailbox:reduced', 'archive:reduced', 'onedrive:lost', 'office-apps:lost', 'teams:lost']);
	});

	it('a product also held directly or through another group is kept', () => {
		const tenant = groupTenant();
		// Lidia holds Visio Plan 2 directly beside Visio Users.
		const [lidia] = planGroupRemoval(tenant, '51e02d14-6c32-4bc0-ad7c-5f0a7b1f9eb7', ['lidia.holloway@contoso.com']).items;
		expect(lidia).toMatchObject({block: null, products: [sku.visio], kept: [sku.visio]});
		expect(groupRemovalConsequences(tenant, '51e02d14-6c32-4bc0-ad7c-5f0a7b1f9eb7', lidia!, now).changes).toEqual([]);
	});

	it('cannot remove from a dynamic-membership group, nor someone who is not a member or not a user', () => {
		const tenant = groupTenant();
		expect(planGroupRemoval(tenant, dynamicGroup, ['diego.siciliani@contoso.com']).items[0]!.block).toBe('dynamic-membership');
		const plan = planGroupRemoval(tenant, staffGroup, ['adele.vance@contoso.com', 'nobody@contoso.com']);
		expect(plan.items.map(i => i.block)).toEqual(['not-a-member', 'user-not-found']);
	});

	it('the change frees the licenses nothing else gives, and takes the user out of the group', () => {
		const tenant = groupTenant();
		const pradeep = tenant.users.find(u => u.userPrincipalName === 'pradeep.gupta@contoso.com')!;
		const e3 = tenant.subscribedSkus.find(s => s.skuId === sku.e3)!;
		const e3Before = e3.consumedUnits;
		applyChanges(tenant, [{type: 'leave-group', time: now.toISOString(), userId: pradeep.id, groupId: staffGroup}]);
		expect(pradeep.assignedLicenses).toEqual([]);
		expect(pradeep.licenseAssignmentStates).toEqual([]);
		expect(e3.consumedUnits).toBe(e3Before - 1);
		expect(tenant.groups.find(g => g.id === staffGroup)!.members).not.toContain(pradeep.id);
		expect(tenant['x-local']!.licenseRemovals![pradeep.id]).toEqual({[sku.e3]: now.toISOString(), [sku.powerBiPro]: now.toISOString()});
	});

	it('through the store on a snapshot: saved, replayed on the next start, audited per product', async () => {
		const file = groupTenantFile();
		const stateDir = tempStateDir();
		const open = async () => openStore({backend: new LocalTenant(file, 'snapshot'), stateFile: openStateFile(stateDir)});
		const store = await open();
		const plan = planGroupRemoval(store.getState().tenant, staffGroup, ['pradeep.gupta@contoso.com', 'diego.siciliani@contoso.com']);
		const outcomes = await store.removeFromGroup(plan);
		expect(outcomes.map(o => [o.userPrincipalName, o.outcome, o.reason])).toEqual([
			['pradeep.gupta@contoso.com', 'removed', null],
			['diego.siciliani@contoso.com', 'skipped', 'not-a-member'],
		]);
		const again = await open();
		expect(again.getState().tenant.users.find(u => u.userPrincipalName === 'pradeep.gupta@contoso.com')!.assignedLicenses).toEqual([]);
		const audit = openStateFile(stateDir).audit().entries;
		expect(audit.map(e => [e.action, e.userPrincipalName, e.skuPartNumber, e.outcome, e.groupId])).toEqual([
			['remove-from-group', 'pradeep.gupta@contoso.com', 'ENTERPRISEPACK', 'removed', staffGroup],
			['remove-from-group', 'pradeep.gupta@contoso.com', 'POWER_BI_PRO', 'removed', staffGroup],
			['remove-from-group', 'diego.siciliani@contoso.com', null, 'skipped', staffGroup],
		]);
	});
});
