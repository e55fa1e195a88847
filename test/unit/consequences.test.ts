import {produce} from 'immer';
import {describe, expect, it} from 'vitest';
import {applyChanges} from '../../source/domain/changes.js';
import {
	consequencesOf,
	lostKinds,
	mailboxWindow,
	planConsequences,
	restoresMailbox,
	sumConsequences,
	type UserConsequences,
} from '../../source/domain/consequences.js';
import {planAssign, planUnassign, planUnassignAll} from '../../source/domain/plan.js';
import {demoTenant, sku, userByName} from '../helpers/tenant.js';

const now = new Date('2026-11-25T12:00:00.000Z');
const basic = '3b555118-da6a-4418-894f-7df1e2096870';
const archive = 'ee02fd1b-340e-4a4b-b355-4a514e4c8943';

function consequences(name: string, skuIds: string[], tenant = demoTenant()) {
	const plan = planUnassign(tenant, [userByName(tenant, name).id], skuIds);
	return consequencesOf(tenant, plan.items[0]!, now);
}

const lost = (c: UserConsequences) => lostKinds(c);

describe('what each user of the demo loses', () => {
	it.each([
		['Office 365 E3 alone', 'Adele Vance', [sku.e3], ['mailbox', 'archive', 'onedrive', 'office-apps', 'teams'], {}],
		[
			'Business Premium: its Exchange Online Archiving too',
			'Alex Wilber',
			[sku.businessPremium],
			['mailbox', 'archive', 'onedrive', 'office-apps', 'teams'],
			{},
		],
		['Business Basic: its own archive, and Office for the web', 'Jamal Carter', [basic], ['mailbox', 'archive', 'onedrive', 'office-apps', 'teams'], {}],
		// Mailbox and archive are reduced to Plan 1's 50 GB each: neither is lost.
		['E3 beside Exchange Online (Plan 1): the mailbox and archive stay, smaller', 'Nestor Wilke', [sku.e3], ['onedrive', 'office-apps', 'teams'], {}],
		['Exchange Online (Plan 1) beside E3: nothing lost', 'Nestor Wilke', [sku.exchangePlan1], [], {}],
		['Visio held directly and through a group: nothing lost', 'Lidia Holloway', [sku.visio], [], {}],
		['Exchange Online (Plan 1), with the archive add-on that depends on it', 'Tomás Herrera', [sku.exchangePlan1], ['mailbox', 'archive'], {}],
		["only the archive add-on: Plan 1's own archive stays", 'Tomás Herrera', [archive], [], {}],
	])('%s', (_case, name, skuIds, expected, kept) => {
		const result = consequences(name, skuIds);
		expect(lost(result)).toEqual(expected);
		expect(result.kept).toEqual(kept);
	});

	it('a lost mailbox is deleted 30 days on, unless a license is assigned again', () => {
		expect(consequences('Adele Vance', [sku.e3]).mailboxDeletedOn).toBe('2026-12-25');
		expect(consequences('Nestor Wilke', [sku.e3]).mailboxDeletedOn).toBeNull();
	});

	it('marks users whose mailbox is on hold; the demo shows holds', () => {
		expect(consequences('Joni Sherman', [sku.e3]).hold).toBe('litigation-hold');
		expect(consequences('Miriam Graham', [sku.e3]).hold).toBe('retention-policy');
		expect(consequences('Adele Vance', [sku.e3])).toMatchObject({hold: null, holdsVisible: true});
	});

	it('does not count a plan the user had turned off', () => {
		const tenant = produce(demoTenant(), draft => {
			const adele = draft.users.find(u => u.displayName === 'Adele Vance')!;
			const teams = draft.subscribedSkus.find(s => s.skuId === sku.e3)!.servicePlans.find(p => p.servicePlanName === 'TEAMS1')!;
			adele.assignedLicenses[0]!.disabledPlans = [teams.servicePlanId];
			adele.licenseAssignmentStates[0]!.disabledPlans = [teams.servicePlanId];
		});
		expect(lost(consequences('Adele Vance', [sku.e3], tenant))).not.toContain('teams');
	});

	it('sums over users: "3 users lose their mailbox", and those who keep everything', () => {
		const tenant = demoTenant();
		const users = ['Adele Vance', 'Nestor Wilke', 'Alex Wilber', 'Lidia Holloway'].map(n => userByName(tenant, n).id);
		const plan = planUnassign(tenant, users, [sku.e3, sku.businessPremium, sku.visio]);
		const sums = sumConsequences(planConsequences(tenant, plan, now));
		// Nestor keeps a 50 GB mailbox and archive through Exchange Online (Plan 1).
		expect(sums.lost.mailbox).toBe(3);
		expect(sums.reduced.mailbox).toBe(1);
		expect(sums.lost.archive).toBe(3);
		expect(sums.reduced.archive).toBe(1);
		// Lidia keeps Visio Plan 2 through her group, and with it a basic OneDrive.
		expect(sums.lost.onedrive).toBe(3);
		expect(sums.reduced.onedrive).toBe(1);
		expect(sums.lost['office-apps']).toBe(4);
		expect(sums.none).toBe(0);
		const only = sumConsequences(planConsequences(tenant, planUnassign(tenant, [users[3]!], [sku.visio]), now));
		expect(only.none).toBe(1);
	});

	it('Unassign all: a user loses everything their licenses gave', () => {
		const tenant = demoTenant();
		const [result] = planConsequences(tenant, planUnassignAll(tenant, [userByName(tenant, 'Nestor Wilke').id]), now);
		expect(lost(result!)).toEqual(['mailbox', 'archive', 'onedrive', 'office-apps', 'teams']);
	});
});

describe('the 30-day mailbox window', () => {
	const tenant = demoTenant();
	const adele = userByName(tenant, 'Adele Vance');
	const removed = produce(tenant, draft => applyChanges(draft, [{time: '2026-11-20T09:00:00.000Z', userId: adele.id, add: [], remove: [sku.e3]}]));

	it('runs 30 days from the removal, and says when the mail goes', () => {
		expect(mailboxWindow(removed, userByName(removed, 'Adele Vance'), now)).toEqual({
			removedAt: '2026-11-20T09:00:00.000Z',
			deletedOn: '2026-12-20',
		});
		expect(mailboxWindow(removed, userByName(removed, 'Adele Vance'), new Date('2026-12-21T00:00:00Z'))).toBeNull();
	});

	it('assigning a mailbox license back within it brings the mailbox back', () => {
		const back = planAssign(removed, [adele.id], sku.exchangePlan1);
		expect(restoresMailbox(removed, back.items[0]!, now)).toBe(true);
		const visio = planAssign(removed, [adele.id], sku.visio);
		expect(restoresMailbox(removed, visio.items[0]!, now)).toBe(false);
	});
});
