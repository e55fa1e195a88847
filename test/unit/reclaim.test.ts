// Reclaim: which licenses can go, against Microsoft's real products (the catalog from its CSV) and
// the demo tenant, with the hand-worked cases of the issue and the edges around them.
import {produce} from 'immer';
import {describe, expect, it} from 'vitest';
import type {Tenant} from '../../source/domain/model.js';
import {findReclaim, lastSignIn, reclaimPlan, reclaimTotals, signInUnavailable, type Candidate, type SectionId} from '../../source/domain/reclaim.js';
import {catalogTenant, skuOf, type Holding} from '../helpers/catalog-tenant.js';
import {demoTenant, sku, userByName} from '../helpers/tenant.js';

const now = new Date('2026-11-26T12:00:00.000Z');
const sections = (tenant: Tenant, inactiveDays = 90) => findReclaim(tenant, {now, inactiveDays});
const sectionOf = (tenant: Tenant, id: SectionId, inactiveDays = 90) => sections(tenant, inactiveDays).find(s => s.id === id)!;

/** The redundant products of one user holding these, by part number, with what covers them. */
function redundantFor(holdings: readonly Holding[]) {
	const tenant = catalogTenant({'Kim Akers': holdings});
	const part = (skuId: string) => tenant.subscribedSkus.find(s => s.skuId === skuId)!.skuPartNumber;
	return sectionOf(tenant, 'redundant').candidates.map(c => ({
		product: part(c.licenses[0]!.skuId),
		coveredBy: c.redundancy!.coveredBy.map(part),
		notOffered: c.licenses[0]!.notOffered,
		frees: c.licenses[0]!.frees,
		notCounted: c.redundancy!.notCounted,
		notWith: c.redundancy!.notWith,
	}));
}

describe('redundant: the hand-worked cases', () => {
	it('Office 365 E3 + Exchange Online (Plan 1): Plan 1 is redundant for mail, E3 is not', () => {
		const found = redundantFor([{sku: 'ENTERPRISEPACK'}, {sku: 'EXCHANGESTANDARD'}]);
		expect(found).toEqual([{product: 'EXCHANGESTANDARD', coveredBy: ['ENTERPRISEPACK'], notOffered: null, frees: true, notCounted: [], notWith: null}]);
	});

	it.each([
		['Office 365 E5 + Office 365 E3', 'ENTERPRISEPREMIUM', 'ENTERPRISEPACK'],
		['Microsoft 365 E5 + Microsoft 365 E3', 'SPE_E5', 'SPE_E3'],
		['Microsoft 365 E5 + Office 365 E3', 'SPE_E5', 'ENTERPRISEPACK'],
	])('%s: E3 is redundant, E5 is not', (_, e5, e3) => {
		const found = redundantFor([{sku: e5}, {sku: e3}]);
		expect(found.map(f => [f.product, f.coveredBy, f.notOffered])).toEqual([[e3, [e5], null]]);
	});

	it('E5 + E3: the plans Office 365 E3 lists and E5 does not are named, as not counted', () => {
		const [found] = redundantFor([{sku: 'ENTERPRISEPREMIUM'}, {sku: 'ENTERPRISEPACK'}]);
		expect(found!.notCounted).toEqual(expect.arrayContaining(['Avatars for Teams', 'Immersive spaces for Teams', 'Microsoft 365 Lighthouse (Plan 1)']));
	});

	it('a group assignment that disables the mailbox makes the direct Exchange Online (Plan 1) not redundant', () => {
		const disabled = [{sku: 'EXCHANGESTANDARD'}, {sku: 'ENTERPRISEPACK', group: 'Office', disabled: ['EXCHANGE_S_ENTERPRISE']}];
		expect(redundantFor(disabled)).toEqual([]);
		// The same group with every plan on: Plan 1 can go.
		expect(redundantFor([{sku: 'EXCHANGESTANDARD'}, {sku: 'ENTERPRISEPACK', group: 'Office'}]).map(f => f.product)).toEqual(['EXCHANGESTANDARD']);
	});

	it('E3 held directly and through a group: redundant only when the group enables what the direct one does, and it frees no license', () => {
		const whole = redundantFor([{sku: 'ENTERPRISEPACK'}, {sku: 'ENTERPRISEPACK', group: 'Office'}]);
		expect(whole).toEqual([{product: 'ENTERPRISEPACK', coveredBy: ['ENTERPRISEPACK'], notOffered: null, frees: false, notCounted: [], notWith: null}]);
		expect(redundantFor([{sku: 'ENTERPRISEPACK'}, {sku: 'ENTERPRISEPACK', group: 'Office', disabled: ['TEAMS1']}])).toEqual([]);
	});

	it('disabled plans of the product itself: what it does not enable, it cannot lose', () => {
		// E3 with its mailbox off, beside Exchange Online (Plan 1): Plan 1 gives the only mailbox.
		expect(redundantFor([{sku: 'ENTERPRISEPACK', disabled: ['EXCHANGE_S_ENTERPRISE']}, {sku: 'EXCHANGESTANDARD'}])).toEqual([]);
	});
});

describe('redundant: add-ons are judged by their service plans, not only by what the consequences panel speaks of', () => {
	it.each([
		['Power BI Pro', 'POWER_BI_PRO'],
		['Visio Plan 2', 'VISIOCLIENT'],
		['Teams Phone Standard', 'MCOEV'],
		['Microsoft 365 Copilot', 'Microsoft_365_Copilot'],
		['Project Plan 3', 'PROJECTPROFESSIONAL'],
	])('Office 365 E3 + %s: the add-on is not redundant', (_, addOn) => {
		expect(redundantFor([{sku: 'ENTERPRISEPACK'}, {sku: addOn}])).toEqual([]);
	});

	it.each([
		['Power BI Pro', 'POWER_BI_PRO'],
		['Teams Phone Standard', 'MCOEV'],
		['Audio Conferencing', 'MCOMEETADV'],
	])('Microsoft 365 E5 + %s: E5 includes it, so the add-on is redundant', (_, addOn) => {
		expect(redundantFor([{sku: 'SPE_E5'}, {sku: addOn}]).map(f => [f.product, f.coveredBy])).toEqual([[addOn, ['SPE_E5']]]);
	});

	it('higher editions of the same plan count (Forms, Stream, To Do, Power Apps: frontline below E3)', () => {
		expect(redundantFor([{sku: 'SPE_E3'}, {sku: 'SPE_F1'}]).map(f => f.product)).toEqual(['SPE_F1']);
		expect(redundantFor([{sku: 'SPB'}, {sku: 'O365_BUSINESS_ESSENTIALS'}]).map(f => f.product)).toEqual(['O365_BUSINESS_ESSENTIALS']);
	});

	it('a plan the other product lacks keeps a license: Exchange Online (Plan 1) beside Business Basic (no Intune for Office 365)', () => {
		expect(redundantFor([{sku: 'O365_BUSINESS_ESSENTIALS'}, {sku: 'EXCHANGESTANDARD'}])).toEqual([]);
	});

	it('the archive add-on beside E3, whose Exchange Online (Plan 2) has an archive: redundant', () => {
		expect(redundantFor([{sku: 'ENTERPRISEPACK'}, {sku: 'EXCHANGEARCHIVE_ADDON'}]).map(f => f.product)).toEqual(['EXCHANGEARCHIVE_ADDON']);
	});

	it('a mailbox kept at a size Microsoft does not document is no proof of redundancy', () => {
		// Exchange Essentials' size is not documented: Plan 1's 50 GB beside it may be more.
		expect(redundantFor([{sku: 'EXCHANGESTANDARD'}, {sku: 'EXCHANGE_S_ESSENTIALS'}]).map(f => f.product)).not.toContain('EXCHANGESTANDARD');
	});

	it('removing a product that an add-on needs is not redundant, even when the capability stays', () => {
		// Exchange Online (Plan 1) beside Business Premium (its own Plan 1) and the archive add-on: the
		// add-on's base stays in Business Premium, so Plan 1 can go.
		expect(redundantFor([{sku: 'SPB'}, {sku: 'EXCHANGESTANDARD'}, {sku: 'EXCHANGEARCHIVE_ADDON'}]).map(f => f.product)).toContain('EXCHANGESTANDARD');
	});
});

describe('redundant: two licenses that cover each other', () => {
	it('both are redundant alone; one is offered, the other is listed as not going with it, with what both would cost', () => {
		const found = redundantFor([{sku: 'ENTERPRISEPACK'}, {sku: 'POWER_BI_PRO'}, {sku: 'POWER_BI_PRO_CE'}]);
		expect(found.map(f => f.product).sort()).toEqual(['POWER_BI_PRO', 'POWER_BI_PRO_CE']);
		const offered = found.filter(f => f.notOffered === null);
		const held = found.filter(f => f.notOffered === 'not-together');
		expect(offered).toHaveLength(1);
		expect(held).toHaveLength(1);
		expect(held[0]!.notWith!.skuIds.map(id => (id === skuOf('POWER_BI_PRO') ? 'POWER_BI_PRO' : 'POWER_BI_PRO_CE'))).toEqual([offered[0]!.product]);
		expect(held[0]!.notWith!.loss.plans).toContain('Power BI Pro');
	});

	it('the section counts only what can go together', () => {
		const tenant = catalogTenant({'Kim Akers': [{sku: 'ENTERPRISEPACK'}, {sku: 'POWER_BI_PRO'}, {sku: 'POWER_BI_PRO_CE'}]});
		const redundant = sectionOf(tenant, 'redundant');
		expect(redundant.offered).toBe(1);
		expect(redundant.users).toBe(1);
		expect([...redundant.freed.values()]).toEqual([1]);
	});

	it('redundant products that can all go together are all offered', () => {
		// Plan 1 and the archive add-on beside E3: E3 gives both a mailbox and an archive.
		const found = redundantFor([{sku: 'ENTERPRISEPACK'}, {sku: 'EXCHANGESTANDARD'}, {sku: 'EXCHANGEARCHIVE_ADDON'}]);
		expect(found.map(f => [f.product, f.notOffered]).sort()).toEqual([
			['EXCHANGEARCHIVE_ADDON', null],
			['EXCHANGESTANDARD', null],
		]);
	});
});

describe('listed, not offered', () => {
	it('a redundant license held only through a group is listed "through a group", and not counted as freed', () => {
		const tenant = catalogTenant({'Kim Akers': [{sku: 'ENTERPRISEPACK'}, {sku: 'EXCHANGESTANDARD', group: 'Mail users'}]});
		const redundant = sectionOf(tenant, 'redundant');
		expect(redundant.candidates).toHaveLength(1);
		expect(redundant.candidates[0]!.licenses[0]).toMatchObject({notOffered: 'group-assigned', direct: false, groupIds: ['group-1']});
		expect(redundant.offered).toBe(0);
		expect(redundant.freed.size).toBe(0);
		expect(reclaimPlan(tenant, redundant.candidates).items).toEqual([]);
	});

	it('a self-service purchase is listed, not offered', () => {
		const tenant = catalogTenant(
			{'Kim Akers': [{sku: 'ENTERPRISEPACK'}, {sku: 'EXCHANGESTANDARD'}]},
			{
				subscriptions: [
					{
						id: 'sub-1',
						skuId: skuOf('EXCHANGESTANDARD'),
						skuPartNumber: 'EXCHANGESTANDARD',
						status: 'Enabled',
						totalLicenses: 1,
						isTrial: false,
						ownerType: 'User',
						ownerId: 'user-1',
					},
				],
			},
		);
		expect(sectionOf(tenant, 'redundant').candidates[0]!.licenses[0]!.notOffered).toBe('self-service-subscription');
	});
});

describe('sign-in blocked', () => {
	it('the demo: every blocked account holding a license, with all it holds, and the licenses freed per product', () => {
		const tenant = demoTenant();
		const blocked = sectionOf(tenant, 'blocked');
		expect(blocked.candidates.map(c => c.user.displayName)).toEqual(['Allan Deyoung', 'Ben Walters', 'Rachel Kim', 'Tyler Brooks']);
		expect(blocked.offered).toBe(4);
		expect(Object.fromEntries(blocked.freed)).toEqual({[sku.e3]: 1, [sku.businessPremium]: 2, '3b555118-da6a-4418-894f-7df1e2096870': 1});
	});

	it('a blocked user with a group license: listed through the group, not offered, not freed', () => {
		const tenant = produce(
			catalogTenant({'Kim Akers': [{sku: 'ENTERPRISEPACK'}], 'Lee Gu': [{sku: 'ENTERPRISEPACK', group: 'Office'}, {sku: 'VISIOCLIENT'}]}),
			draft => {
				draft.users[1]!.accountEnabled = false;
			},
		);
		const [candidate] = sectionOf(tenant, 'blocked').candidates;
		expect(candidate!.licenses.map(l => l.notOffered)).toEqual(['group-assigned', null]);
		expect(sectionOf(tenant, 'blocked').offered).toBe(1);
	});

	it('blocked accounts without licenses are not listed', () => {
		const tenant = produce(demoTenant(), draft => {
			for (const user of draft.users) user.accountEnabled = user.assignedLicenses.length > 0;
		});
		expect(sectionOf(tenant, 'blocked').candidates).toEqual([]);
	});
});

describe('not signed in for N days', () => {
	it('the demo on 26 November 2026: the longest first; one who never signed in since being created in February', () => {
		const inactive = sectionOf(demoTenant(), 'inactive');
		expect(inactive.unavailable).toBeNull();
		expect(inactive.candidates.map(c => [c.user.displayName, c.lastSignIn])).toEqual([
			['Viktor Petrov', null],
			['Emeka Okafor', '2026-01-09T23:01:37Z'],
			['Wanda Reyes', '2026-05-19T17:40:22Z'],
		]);
	});

	it('--inactive-days moves the cut-off; blocked accounts are in their own section, not here', () => {
		const names = (days: number) => sectionOf(demoTenant(), 'inactive', days).candidates.map(c => c.user.displayName);
		expect(names(300)).toEqual(['Emeka Okafor']);
		expect(names(7).length).toBeGreaterThan(3);
		expect(names(7)).not.toContain('Allan Deyoung');
	});

	it('the last sign-in is the latest of interactive, non-interactive and successful: attempts count', () => {
		const tenant = demoTenant();
		const user = {
			...userByName(tenant, 'Wanda Reyes'),
			signInActivity: {
				lastSignInDateTime: '2026-01-01T00:00:00Z',
				lastNonInteractiveSignInDateTime: '2026-11-20T00:00:00Z',
				lastSuccessfulSignInDateTime: null,
			},
		};
		expect(lastSignIn(tenant, user)).toBe('2026-11-20T00:00:00Z');
	});

	it('a snapshot with x-local.lastSignIn and no signInActivity uses it', () => {
		const tenant = produce(demoTenant(), draft => {
			for (const user of draft.users) delete user.signInActivity;
			draft['x-local']!.lastSignIn = {[userByName(draft as Tenant, 'Alex Wilber').id]: '2025-01-01T00:00:00Z'};
		});
		expect(signInUnavailable(tenant)).toBeNull();
		expect(sectionOf(tenant, 'inactive').candidates.map(c => c.user.displayName)).toContain('Alex Wilber');
	});

	it('an account that never signed in and whose creation is not known may be new: not listed', () => {
		const tenant = produce(demoTenant(), draft => {
			delete userByName(draft as Tenant, 'Viktor Petrov').createdDateTime;
		});
		expect(sectionOf(tenant, 'inactive').candidates.map(c => c.user.displayName)).not.toContain('Viktor Petrov');
	});

	it('no sign-in activity: a snapshot without it, or a live tenant Graph refused it for; the other sections stay', () => {
		const without = produce(demoTenant(), draft => {
			for (const user of draft.users) delete user.signInActivity;
		});
		expect(sectionOf(without, 'inactive')).toMatchObject({unavailable: {source: 'snapshot'}, candidates: []});
		expect(sectionOf(without, 'blocked').candidates.length).toBe(4);
		const refused = produce(demoTenant(), draft => {
			draft.signInActivityUnavailable = "Neither tenant is B2C or tenant doesn't have premium license";
		});
		expect(sectionOf(refused, 'inactive').unavailable).toEqual({source: 'graph', message: "Neither tenant is B2C or tenant doesn't have premium license"});
	});
});

describe('the demo tenant', () => {
	it("redundant: Exchange Online (Plan 1) beside Office 365 E3 (Nestor, Miriam, Lynne), and Lidia's direct Visio beside her group's", () => {
		const redundant = sectionOf(demoTenant(), 'redundant');
		expect(redundant.candidates.map(c => c.user.displayName)).toEqual(['Nestor Wilke', 'Lidia Holloway', 'Miriam Graham', 'Lynne Robbins']);
		expect(Object.fromEntries(redundant.freed)).toEqual({[sku.exchangePlan1]: 3});
		const lidia = redundant.candidates[1]!;
		expect(lidia.licenses[0]).toMatchObject({skuId: sku.visio, frees: false, notOffered: null});
	});
});

describe('a plan from ticked candidates', () => {
	it('a user ticked in two sections is one request, each product once', () => {
		const tenant = produce(demoTenant(), draft => {
			userByName(draft as Tenant, 'Nestor Wilke').accountEnabled = false;
		});
		const all = sections(tenant).flatMap(s => s.candidates);
		const nestor = all.filter((c: Candidate) => c.user.displayName === 'Nestor Wilke');
		expect(nestor.map(c => c.section)).toEqual(['redundant', 'blocked']);
		const plan = reclaimPlan(tenant, nestor);
		expect(plan.items).toHaveLength(1);
		expect(plan.items[0]!.remove.sort()).toEqual([sku.exchangePlan1, sku.e3].sort());
		expect(reclaimTotals(nestor)).toMatchObject({licenses: 2, users: 1});
	});
});
