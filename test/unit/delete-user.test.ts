import {produce} from 'immer';
import {describe, expect, it} from 'vitest';
import {applyChanges} from '../../source/domain/changes.js';
import {deletionConsequences} from '../../source/domain/consequences.js';
import {deletionBlock, restoreBlock} from '../../source/domain/rules.js';
import {productBySku} from '../../source/domain/selectors.js';
import {demoTenant, sku, userByName} from '../helpers/tenant.js';

const now = new Date('2026-11-25T12:00:00.000Z');

describe('who may delete whom', () => {
	it.each([
		['Global Administrator, an ordinary user', 'megan.bowen@contoso.com', 'Raul Razo', null],
		['Global Administrator, an admin', 'megan.bowen@contoso.com', 'Lee Gu', null],
		['Global Administrator, themselves', 'megan.bowen@contoso.com', 'Megan Bowen', 'self'],
		['User Administrator, an ordinary user', 'alex.wilber@contoso.com', 'Raul Razo', null],
		['User Administrator, an admin', 'alex.wilber@contoso.com', 'Adele Vance', 'privileged'],
		['License Administrator', 'adele.vance@contoso.com', 'Raul Razo', 'no-user-role'],
		['Helpdesk Administrator', 'lee.gu@contoso.com', 'Raul Razo', 'no-user-role'],
	])('%s', (_case, admin, name, expected) => {
		const tenant = demoTenant();
		expect(deletionBlock(tenant, admin, userByName(tenant, name))).toBe(expected);
	});
});

describe('what deleting a user does', () => {
	it.each([
		['on hold with E3 (Exchange Online Plan 2): inactive mailbox', 'Joni Sherman', true],
		['E3, no hold', 'Adele Vance', false],
		['on a retention policy with E3', 'Miriam Graham', true],
		['Exchange Online (Plan 1) and Archiving, no hold', 'Tomás Herrera', false],
	])('%s', (_case, name, inactive) => {
		const tenant = demoTenant();
		expect(deletionConsequences(tenant, userByName(tenant, name), now).inactiveMailbox).toBe(inactive);
	});

	it('Plan 1 with Exchange Online Archiving under a hold keeps an inactive mailbox; Plan 1 alone does not', () => {
		const tenant = produce(demoTenant(), draft => {
			const holds = (draft['x-local']!.mailboxHolds ??= {});
			holds[draft.users.find(u => u.displayName === 'Tomás Herrera')!.id] = 'litigation-hold';
			holds[draft.users.find(u => u.displayName === 'Priya Nair')!.id] = 'litigation-hold';
		});
		expect(deletionConsequences(tenant, userByName(tenant, 'Tomás Herrera'), now).inactiveMailbox).toBe(true);
		expect(deletionConsequences(tenant, userByName(tenant, 'Priya Nair'), now).inactiveMailbox).toBe(false);
	});

	it('respects disabled plans: E3 with Exchange Online turned off keeps no inactive mailbox', () => {
		const tenant = produce(demoTenant(), draft => {
			const joni = draft.users.find(u => u.displayName === 'Joni Sherman')!;
			const exchange = draft.subscribedSkus.find(s => s.skuId === sku.e3)!.servicePlans.find(p => p.servicePlanName === 'EXCHANGE_S_ENTERPRISE')!;
			joni.assignedLicenses[0]!.disabledPlans = [exchange.servicePlanId];
			joni.licenseAssignmentStates[0]!.disabledPlans = [exchange.servicePlanId];
		});
		expect(deletionConsequences(tenant, userByName(tenant, 'Joni Sherman'), now)).toMatchObject({inactiveEligible: false, inactiveMailbox: false});
	});

	it('where holds are not visible, says the mailbox is licensed to be kept if it is on hold', () => {
		const tenant = produce(demoTenant(), draft => {
			delete draft['x-local']!.mailboxHolds;
		});
		expect(deletionConsequences(tenant, userByName(tenant, 'Joni Sherman'), now)).toMatchObject({
			hold: null,
			holdsVisible: false,
			inactiveEligible: true,
			inactiveMailbox: false,
		});
	});

	it('frees the licenses at once, and a restore within 30 days brings them back', () => {
		const tenant = demoTenant();
		const raul = userByName(tenant, 'Raul Razo');
		const deleted = produce(tenant, draft => applyChanges(draft, [{type: 'delete', time: now.toISOString(), userId: raul.id}]));
		expect(deleted.users.some(u => u.id === raul.id)).toBe(false);
		expect(productBySku(deleted, sku.e3)).toMatchObject({assigned: 17, available: 8});
		expect(deleted.subscribedSkus.find(s => s.skuId === sku.e3)!.consumedUnits).toBe(17);

		const entry = deleted['x-local']!.deletedUsers![0]!;
		expect(restoreBlock(deleted, entry, new Date('2026-12-20T00:00:00Z'))).toBeNull();
		expect(restoreBlock(deleted, entry, new Date('2026-12-26T00:00:00Z'))).toEqual({reason: 'expired'});

		const restored = produce(deleted, draft => applyChanges(draft, [{type: 'restore', time: now.toISOString(), userId: raul.id}]));
		expect(productBySku(restored, sku.e3)!.assigned).toBe(18);
		expect(restored['x-local']!.deletedUsers).toEqual([]);
	});

	it('a restore needs the licenses to be available again', () => {
		const tenant = demoTenant();
		const alex = userByName(tenant, 'Alex Wilber');
		const deleted = produce(tenant, draft => applyChanges(draft, [{type: 'delete', time: now.toISOString(), userId: alex.id}]));
		// Business Premium had 2 available; with Alex's freed, 3. Take them all.
		const full = produce(deleted, draft => {
			for (const name of ['Megan Bowen', 'Adele Vance', 'Lee Gu']) {
				applyChanges(draft, [{time: now.toISOString(), userId: draft.users.find(u => u.displayName === name)!.id, add: [sku.businessPremium], remove: []}]);
			}
		});
		expect(restoreBlock(full, full['x-local']!.deletedUsers![0]!, now)).toEqual({reason: 'no-licenses', skuId: sku.businessPremium});
	});
});
