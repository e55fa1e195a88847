import {describe, expect, it} from 'vitest';
import {produce} from 'immer';
import {applyChanges, changesFromOutcomes} from '../../source/domain/changes.js';
import {countOutcomes, freedLicenses, planUnassign, plannedRemovals, removalQuestion, skipOutcomes, type UserOutcome} from '../../source/domain/plan.js';
import {strings} from '../../source/text/index.js';
import {holdersOf, productBySku} from '../../source/domain/selectors.js';
import {demoTenant, sku, userByName} from '../helpers/tenant.js';

const archive = 'ee02fd1b-340e-4a4b-b355-4a514e4c8943';

describe('planUnassign', () => {
	it('removes a directly assigned product', () => {
		const tenant = demoTenant();
		const alex = userByName(tenant, 'Alex Wilber');
		const plan = planUnassign(tenant, [alex.id], [sku.businessPremium]);
		expect(plan.items).toEqual([expect.objectContaining({userId: alex.id, remove: [sku.businessPremium], skip: []})]);
		expect(plannedRemovals(plan)).toBe(1);
	});

	it('accepts UPNs in any case and reports unknown users', () => {
		const tenant = demoTenant();
		const plan = planUnassign(tenant, ['ALEX.WILBER@contoso.com', 'nobody@contoso.com'], [sku.businessPremium]);
		expect(plan.items[0]!.remove).toEqual([sku.businessPremium]);
		expect(plan.items[1]!.skip).toEqual([{skuId: sku.businessPremium, requested: 'remove', reason: 'user-not-found', groupIds: []}]);
	});

	it('skips users who do not hold the product', () => {
		const tenant = demoTenant();
		const megan = userByName(tenant, 'Megan Bowen');
		const plan = planUnassign(tenant, [megan.id], [sku.businessPremium]);
		expect(plan.items[0]!.skip[0]!.reason).toBe('not-assigned');
		expect(skipOutcomes(plan)).toEqual([expect.objectContaining({userId: megan.id, outcome: 'skipped', reason: 'not-assigned'})]);
	});

	it('skips a license held only through a group, naming the group', () => {
		const tenant = demoTenant();
		const group = tenant.groups.find(g => g.displayName === 'Visio Users')!;
		const grady = userByName(tenant, 'Grady Archie');
		const plan = planUnassign(tenant, [grady.id], [sku.visio]);
		expect(plan.items[0]!.remove).toEqual([]);
		expect(plan.items[0]!.skip).toEqual([{skuId: sku.visio, requested: 'remove', reason: 'group-assigned', groupIds: [group.id]}]);
	});

	it('removes the direct license of a user who also holds it through a group, who stays licensed', () => {
		const tenant = demoTenant();
		const group = tenant.groups.find(g => g.displayName === 'Visio Users')!;
		const lidia = userByName(tenant, 'Lidia Holloway');
		const plan = planUnassign(tenant, [lidia.id], [sku.visio]);
		expect(plan.items[0]!.remove).toEqual([sku.visio]);
		expect(plan.items[0]!.keptThroughGroups).toEqual({[sku.visio]: [group.id]});

		const after = produce(tenant, draft => applyChanges(draft, [{time: 't', userId: lidia.id, add: [], remove: [sku.visio]}]));
		expect(holdersOf(after, sku.visio).map(u => u.id)).toContain(lidia.id);
		expect(productBySku(after, sku.visio)!.assigned).toBe(productBySku(tenant, sku.visio)!.assigned);
	});

	it('skips products bought through self-service purchase', () => {
		const tenant = demoTenant();
		const holder = holdersOf(tenant, sku.powerBiPro)[0]!;
		const plan = planUnassign(tenant, [holder.id], [sku.powerBiPro]);
		expect(plan.items[0]!.skip[0]!.reason).toBe('self-service-subscription');
	});
});

describe('changesFromOutcomes', () => {
	it("keeps only removals, one change per user with all of that user's products", () => {
		const changes = changesFromOutcomes(
			[
				{userId: 'a', userPrincipalName: 'a@x', skuId: 's1', requested: 'remove', outcome: 'removed', reason: null, message: null},
				{userId: 'a', userPrincipalName: 'a@x', skuId: 's2', requested: 'remove', outcome: 'removed', reason: null, message: null},
				{userId: 'b', userPrincipalName: 'b@x', skuId: 's1', requested: 'remove', outcome: 'skipped', reason: 'not-assigned', message: null},
				{userId: 'c', userPrincipalName: 'c@x', skuId: 's1', requested: 'remove', outcome: 'failed', reason: 'error', message: 'boom'},
			],
			'2026-11-25T10:00:00.000Z',
		);
		expect(changes).toEqual([{time: '2026-11-25T10:00:00.000Z', userId: 'a', add: [], remove: ['s1', 's2']}]);
	});

	it('records when each license was removed, for the 30-day mailbox window', () => {
		const tenant = demoTenant();
		const alex = userByName(tenant, 'Alex Wilber');
		const after = produce(tenant, draft => applyChanges(draft, [{time: '2026-11-25T10:00:00.000Z', userId: alex.id, add: [], remove: [sku.businessPremium]}]));
		expect(after['x-local']?.licenseRemovals?.[alex.id]?.[sku.businessPremium]).toBe('2026-11-25T10:00:00.000Z');
	});
});

describe('counts that add up: users and licenses apart', () => {
	const outcome = (userId: string, skuId: string, result: UserOutcome['outcome']): UserOutcome => ({
		userId,
		userPrincipalName: `${userId}@x`,
		skuId,
		requested: 'remove',
		outcome: result,
		reason: result === 'skipped' ? 'group-assigned' : null,
		message: null,
	});

	it('a user with something done is not skipped; licenses of add-ons are counted beside the product', () => {
		const counts = countOutcomes(
			[
				outcome('a', 's1', 'removed'),
				outcome('a', 'addon', 'removed'),
				outcome('b', 's1', 'skipped'),
				outcome('c', 's1', 'removed'),
				outcome('c', 's2', 'skipped'),
			],
			's1',
		);
		expect(counts).toEqual({removed: 2, assigned: 0, updated: 0, addOns: 1, users: 2, skipped: 1, failed: 0, notSent: 0, unknown: 0, asked: 'remove'});
		expect(strings.outcome.summary(counts, 'Exchange Online (Plan 1)')).toBe(
			'2 licenses of Exchange Online (Plan 1) unassigned, with 1 license of add-ons that depend on it, 1 user skipped.',
		);
		const all = countOutcomes([outcome('a', 's1', 'removed'), outcome('a', 's2', 'removed'), outcome('b', 's1', 'skipped')]);
		expect(strings.outcome.summary(all)).toBe('2 licenses unassigned (1 user), 1 user skipped.');
	});

	it('the question names the add-ons that go with the product, and counts users only', () => {
		const tenant = demoTenant();
		const plan = planUnassign(tenant, [userByName(tenant, 'Tomás Herrera').id], [sku.exchangePlan1]);
		expect(removalQuestion(plan)).toEqual({users: 1, addOns: [archive]});
		expect(strings.unassign.question(1, 'Exchange Online (Plan 1)', ['Exchange Online Archiving for Exchange Online'])).toBe(
			'Unassign Exchange Online (Plan 1) from 1 user (and Exchange Online Archiving for Exchange Online, which depends on it)?',
		);
	});

	it('licenses freed: a user still licensed through a group frees none', () => {
		const tenant = demoTenant();
		const lidia = userByName(tenant, 'Lidia Holloway');
		const adele = userByName(tenant, 'Adele Vance');
		const after = produce(tenant, draft =>
			applyChanges(draft, [
				{time: 't', userId: lidia.id, add: [], remove: [sku.visio]},
				{time: 't', userId: adele.id, add: [], remove: [sku.e3]},
			]),
		);
		const freed = freedLicenses(after, [outcome(lidia.id, sku.visio, 'removed'), outcome(adele.id, sku.e3, 'removed')]);
		expect(freed).toEqual(new Map([[sku.e3, 1]]));
	});
});
