// What a user loses, for realistic holdings of Microsoft's real products (their real skuIds and
// service plans, from the generated catalog): frontline, education, government, add-ons, group
// assignments with disabled plans, Kiosk, Essentials, OneDrive-only.
import {describe, expect, it} from 'vitest';
import {productNames, servicePlanCapabilities, servicePlanNames} from '../../source/domain/catalog.js';
import {capabilityCatalog} from '../../source/domain/capabilities.js';
import {consequencesOf, deletionConsequences, type UserConsequences} from '../../source/domain/consequences.js';
import {planChanges, planUnassign} from '../../source/domain/plan.js';
import {catalogTenant, skuOf, type Holding} from '../helpers/catalog-tenant.js';

const now = new Date('2026-11-25T12:00:00.000Z');

/** "mailbox lost", "onedrive → 2gb", "mailbox ~ undocumented-size": a user's changes in the order the panel shows them. */
const describeChanges = (c: UserConsequences) =>
	c.changes.map(x => (x.effect === 'lost' ? `${x.kind} lost` : x.effect === 'reduced' ? `${x.kind} → ${x.to}` : `${x.kind} ~ ${x.to}`));

function removing(holdings: readonly Holding[], remove: readonly string[]) {
	const tenant = catalogTenant({'Kim Akers': holdings});
	const [item] = planUnassign(tenant, ['user-1'], remove.map(skuOf)).items;
	return {tenant, item: item!, result: consequencesOf(tenant, item!, now)};
}

const everything = ['mailbox lost', 'archive lost', 'onedrive lost', 'office-apps lost', 'teams lost'];

describe('what a user loses, product by product', () => {
	it.each<[string, Holding[], string[], string[]]>([
		['Office 365 E3 alone: everything', [{sku: 'ENTERPRISEPACK'}], ['ENTERPRISEPACK'], everything],
		['Microsoft 365 E3 alone: everything', [{sku: 'SPE_E3'}], ['SPE_E3'], everything],
		[
			'E3 beside Microsoft 365 F1: F1 has no mailbox rights, its OneDrive is 2 GB, its Office read-only',
			[{sku: 'ENTERPRISEPACK'}, {sku: 'M365_F1_COMM'}],
			['ENTERPRISEPACK'],
			['mailbox lost', 'archive lost', 'onedrive → 2gb', 'office-apps → web-read'],
		],
		[
			'E3 beside Microsoft 365 F1 EEA (no Teams): Teams goes too',
			[{sku: 'ENTERPRISEPACK'}, {sku: 'Microsoft_365_F1_EEA_(no_Teams)'}],
			['ENTERPRISEPACK'],
			['mailbox lost', 'archive lost', 'onedrive → 2gb', 'office-apps → web-read', 'teams lost'],
		],
		[
			'E3 beside the older Microsoft 365 F1 (no Kiosk plan at all)',
			[{sku: 'ENTERPRISEPACK'}, {sku: 'M365_F1'}],
			['ENTERPRISEPACK'],
			['mailbox lost', 'archive lost', 'onedrive → 2gb', 'office-apps → web-read'],
		],
		[
			'E3 beside Microsoft 365 F3: a 2 GB mailbox, 2 GB OneDrive, Office on the web',
			[{sku: 'ENTERPRISEPACK'}, {sku: 'SPE_F1'}],
			['ENTERPRISEPACK'],
			['mailbox → kiosk', 'archive lost', 'onedrive → 2gb', 'office-apps → web'],
		],
		['Microsoft 365 F1 alone: no mailbox to lose', [{sku: 'M365_F1_COMM'}], ['M365_F1_COMM'], ['onedrive lost', 'office-apps lost', 'teams lost']],
		[
			'Microsoft 365 F3 GCC (part number M365_F1_GOV) is F3: its Kiosk mailbox goes',
			[{sku: 'M365_F1_GOV'}],
			['M365_F1_GOV'],
			['mailbox lost', 'onedrive lost', 'office-apps lost', 'teams lost'],
		],
		[
			'E3 beside Exchange Online Kiosk: the mailbox shrinks to 2 GB',
			[{sku: 'ENTERPRISEPACK'}, {sku: 'EXCHANGEDESKLESS'}],
			['ENTERPRISEPACK'],
			['mailbox → kiosk', 'archive lost', 'onedrive lost', 'office-apps lost', 'teams lost'],
		],
		['Exchange Online Kiosk alone', [{sku: 'EXCHANGEDESKLESS'}], ['EXCHANGEDESKLESS'], ['mailbox lost']],
		[
			'E3 beside OneDrive for Business (Plan 2): OneDrive stays, Office keeps the web apps',
			[{sku: 'ENTERPRISEPACK'}, {sku: 'WACONEDRIVEENTERPRISE'}],
			['ENTERPRISEPACK'],
			['mailbox lost', 'archive lost', 'office-apps → web', 'teams lost'],
		],
		['OneDrive for Business (Plan 1) alone', [{sku: 'WACONEDRIVESTANDARD'}], ['WACONEDRIVESTANDARD'], ['onedrive lost', 'office-apps lost']],
		[
			'E3 held directly and through a group that disables Exchange: the mailbox goes with the direct one',
			[{sku: 'ENTERPRISEPACK'}, {sku: 'ENTERPRISEPACK', group: 'Sales', disabled: ['EXCHANGE_S_ENTERPRISE']}],
			['ENTERPRISEPACK'],
			['mailbox lost', 'archive lost'],
		],
		[
			'E3 held directly and through a group with everything on: nothing goes',
			[{sku: 'ENTERPRISEPACK'}, {sku: 'ENTERPRISEPACK', group: 'Sales'}],
			['ENTERPRISEPACK'],
			[],
		],
		[
			'Microsoft 365 E3 directly, and through a group without the Office apps: web only',
			[{sku: 'SPE_E3'}, {sku: 'SPE_E3', group: 'Kiosk staff', disabled: ['OFFICESUBSCRIPTION']}],
			['SPE_E3'],
			['office-apps → web'],
		],
		[
			"E3 with Teams turned off, beside Teams Essentials: Teams was never E3's to take",
			[{sku: 'ENTERPRISEPACK', disabled: ['TEAMS1']}, {sku: 'Teams_Ess'}],
			['ENTERPRISEPACK'],
			['mailbox lost', 'archive lost', 'onedrive lost', 'office-apps lost'],
		],
		['Exchange Online Essentials alone', [{sku: 'EXCHANGE_S_ESSENTIALS'}], ['EXCHANGE_S_ESSENTIALS'], ['mailbox lost']],
		['Microsoft Teams Essentials alone', [{sku: 'Teams_Ess'}], ['Teams_Ess'], ['teams lost']],
		['Office 365 G3 GCC: every government plan is recognised', [{sku: 'ENTERPRISEPACK_GOV'}], ['ENTERPRISEPACK_GOV'], everything],
		[
			'Exchange Online (Plan 1) with Exchange Online Archiving: the add-on goes with it',
			[{sku: 'EXCHANGESTANDARD'}, {sku: 'EXCHANGEARCHIVE_ADDON'}],
			['EXCHANGESTANDARD'],
			['mailbox lost', 'archive lost'],
		],
		[
			"Exchange Online Archiving goes from a Plan 1 user: the archive is reduced to Plan 1's own 50 GB, not lost",
			[{sku: 'EXCHANGESTANDARD'}, {sku: 'EXCHANGEARCHIVE_ADDON'}],
			['EXCHANGEARCHIVE_ADDON'],
			['archive → 50gb'],
		],
		[
			'Exchange Online Archiving goes from a Business Basic user: the archive is reduced to 50 GB',
			[{sku: 'O365_BUSINESS_ESSENTIALS'}, {sku: 'EXCHANGEARCHIVE_ADDON'}],
			['EXCHANGEARCHIVE_ADDON'],
			['archive → 50gb'],
		],
		[
			'Exchange Online Archiving goes from a Kiosk user: Kiosk has no archive of its own',
			[{sku: 'EXCHANGEDESKLESS'}, {sku: 'EXCHANGEARCHIVE_ADDON'}],
			['EXCHANGEARCHIVE_ADDON'],
			['archive lost'],
		],
		[
			'Exchange Online Kiosk with Exchange Online Archiving',
			[{sku: 'EXCHANGEDESKLESS'}, {sku: 'EXCHANGEARCHIVE_ADDON'}],
			['EXCHANGEDESKLESS'],
			['mailbox lost', 'archive lost'],
		],
		[
			"Exchange Online (Plan 2) beside Plan 1: mailbox and archive reduced to Plan 1's",
			[{sku: 'EXCHANGEENTERPRISE'}, {sku: 'EXCHANGESTANDARD'}],
			['EXCHANGEENTERPRISE'],
			['mailbox → 50gb', 'archive → 50gb'],
		],
		[
			'Office 365 E3 beside E1: the mailbox 100 → 50 GB, the archive auto-expanding → 50 GB',
			[{sku: 'ENTERPRISEPACK'}, {sku: 'STANDARDPACK'}],
			['ENTERPRISEPACK'],
			['mailbox → 50gb', 'archive → 50gb', 'office-apps → web'],
		],
		[
			'Office 365 E3 beside E1 and Exchange Online Archiving: the archive still auto-expands',
			[{sku: 'ENTERPRISEPACK'}, {sku: 'STANDARDPACK'}, {sku: 'EXCHANGEARCHIVE_ADDON'}],
			['ENTERPRISEPACK'],
			['mailbox → 50gb', 'office-apps → web'],
		],
		[
			'Business Premium beside Business Basic: the archive is reduced to 50 GB, the mailbox stays 50 GB',
			[{sku: 'SPB'}, {sku: 'O365_BUSINESS_ESSENTIALS'}],
			['SPB'],
			['archive → 50gb', 'office-apps → web'],
		],
		[
			'E3 beside a mailbox of undocumented size (Exchange Essentials): neither size is guessed',
			[{sku: 'ENTERPRISEPACK'}, {sku: 'EXCHANGE_S_ESSENTIALS'}],
			['ENTERPRISEPACK'],
			['mailbox ~ undocumented-size', 'archive ~ not-documented', 'onedrive lost', 'office-apps lost', 'teams lost'],
		],
		[
			"A mailbox of undocumented size beside Kiosk: reduced to Kiosk's 2 GB",
			[{sku: 'EXCHANGE_S_ESSENTIALS'}, {sku: 'EXCHANGEDESKLESS'}],
			['EXCHANGE_S_ESSENTIALS'],
			['mailbox → kiosk'],
		],
		['Exchange Online Archiving for Exchange Server: an archive of undocumented size, lost', [{sku: 'EXCHANGEARCHIVE'}], ['EXCHANGEARCHIVE'], ['archive lost']],
		[
			'Business Premium beside Exchange Online (Plan 1): the mailbox stays, the archive is reduced to 50 GB',
			[{sku: 'SPB'}, {sku: 'EXCHANGESTANDARD'}],
			['SPB'],
			['archive → 50gb', 'onedrive lost', 'office-apps lost', 'teams lost'],
		],
		[
			'Business Basic: its own archive and Office for the web go',
			[{sku: 'O365_BUSINESS_ESSENTIALS'}],
			['O365_BUSINESS_ESSENTIALS'],
			['mailbox lost', 'archive lost', 'onedrive lost', 'office-apps lost', 'teams lost'],
		],
		[
			'Business Standard beside Business Basic: desktop apps go, web stays',
			[{sku: 'O365_BUSINESS_PREMIUM'}, {sku: 'O365_BUSINESS_ESSENTIALS'}],
			['O365_BUSINESS_PREMIUM'],
			['office-apps → web'],
		],
		[
			'Business Basic beside Apps for business: OneDrive and Office stay',
			[{sku: 'O365_BUSINESS_ESSENTIALS'}, {sku: 'O365_BUSINESS'}],
			['O365_BUSINESS_ESSENTIALS'],
			['mailbox lost', 'archive lost', 'teams lost'],
		],
		[
			'Office 365 E1 beside Apps for enterprise: the apps go, Office on the web stays',
			[{sku: 'STANDARDPACK'}, {sku: 'OFFICESUBSCRIPTION'}],
			['OFFICESUBSCRIPTION'],
			['office-apps → web'],
		],
		['Visio Plan 2 alone: its basic OneDrive', [{sku: 'VISIOCLIENT'}], ['VISIOCLIENT'], ['onedrive lost']],
		[
			'E3 beside Visio Plan 2: OneDrive shrinks to the basic one',
			[{sku: 'ENTERPRISEPACK'}, {sku: 'VISIOCLIENT'}],
			['ENTERPRISEPACK'],
			['mailbox lost', 'archive lost', 'onedrive → basic', 'office-apps lost', 'teams lost'],
		],
		['Office 365 A1 for faculty (education plans)', [{sku: 'STANDARDWOFFPACK_FACULTY'}], ['STANDARDWOFFPACK_FACULTY'], everything],
		[
			'Microsoft 365 A3 beside A1 for faculty: Plan 2 → Plan 1, and the desktop apps go',
			[{sku: 'M365EDU_A3_FACULTY'}, {sku: 'STANDARDWOFFPACK_FACULTY'}],
			['M365EDU_A3_FACULTY'],
			['mailbox → 50gb', 'archive → 50gb', 'office-apps → web'],
		],
		['Power BI Pro: nothing the panel speaks of', [{sku: 'ENTERPRISEPACK'}, {sku: 'POWER_BI_PRO'}], ['POWER_BI_PRO'], []],
	])('%s', (_case, holdings, remove, expected) => {
		expect(describeChanges(removing(holdings, remove).result)).toEqual(expected);
	});

	it('names the products that keep what a removed license also gave', () => {
		const {result} = removing([{sku: 'ENTERPRISEPACK'}, {sku: 'SPE_F1'}], ['ENTERPRISEPACK']);
		expect(result.kept).toEqual({teams: [skuOf('SPE_F1')]});
		const group = removing([{sku: 'ENTERPRISEPACK'}, {sku: 'ENTERPRISEPACK', group: 'Sales', disabled: ['EXCHANGE_S_ENTERPRISE']}], ['ENTERPRISEPACK']);
		expect(group.item.keptThroughGroups).toEqual({[skuOf('ENTERPRISEPACK')]: ['group-1']});
		expect(Object.keys(group.result.kept)).toEqual(['onedrive', 'office-apps', 'teams']);
	});

	it('a change that assigns one product while it removes another counts what the new one gives', () => {
		const tenant = catalogTenant({'Kim Akers': [{sku: 'ENTERPRISEPACK'}], 'Lee Gu': [{sku: 'SPB'}]});
		const [item] = planChanges(tenant, [{user: 'user-1', add: [skuOf('SPB')], remove: [skuOf('ENTERPRISEPACK')]}]).items;
		// Business Premium's Exchange Online (Plan 1) has Exchange Online Archiving beside it: the archive
		// still auto-expands; the mailbox is Plan 1's 50 GB, no longer Plan 2's 100 GB.
		expect(describeChanges(consequencesOf(tenant, item!, now))).toEqual(['mailbox → 50gb']);
	});

	it('dates: mail deleted 30 days on, OneDrive archived 93 days on', () => {
		const {result} = removing([{sku: 'ENTERPRISEPACK'}], ['ENTERPRISEPACK']);
		expect(result.mailboxDeletedOn).toBe('2026-12-25');
		expect(result.oneDriveArchivedOn).toBe('2027-02-26');
		const reduced = removing([{sku: 'ENTERPRISEPACK'}, {sku: 'SPE_F1'}], ['ENTERPRISEPACK']).result;
		expect([reduced.mailboxDeletedOn, reduced.oneDriveArchivedOn]).toEqual([null, null]);
	});

	it('holds: a live tenant cannot see them, a snapshot says', () => {
		expect(removing([{sku: 'ENTERPRISEPACK'}], ['ENTERPRISEPACK']).result).toMatchObject({hold: null, holdsVisible: false});
		const tenant = catalogTenant({'Kim Akers': [{sku: 'ENTERPRISEPACK'}]}, {'x-local': {mailboxHolds: {'user-1': 'litigation-hold'}}});
		const [item] = planUnassign(tenant, ['user-1'], [skuOf('ENTERPRISEPACK')]).items;
		expect(consequencesOf(tenant, item!, now)).toMatchObject({hold: 'litigation-hold', holdsVisible: true});
	});

	it('a plan neither the catalog nor its name knows is reported, not taken for nothing', () => {
		const tenant = catalogTenant({'Kim Akers': [{sku: 'EXCHANGESTANDARD'}]});
		tenant.subscribedSkus[0]!.servicePlans.push({servicePlanId: '00000000-0000-0000-0000-00000000abcd', servicePlanName: 'CONTOSO_NEW_THING'});
		const [item] = planUnassign(tenant, ['user-1'], [skuOf('EXCHANGESTANDARD')]).items;
		expect(consequencesOf(tenant, item!, now).unrecognised).toEqual(['CONTOSO_NEW_THING']);
	});

	it('a plan under an id the catalog lacks is known by its name', () => {
		const tenant = catalogTenant({'Kim Akers': [{sku: 'EXCHANGESTANDARD'}]});
		tenant.subscribedSkus[0]!.servicePlans = [{servicePlanId: '00000000-0000-0000-0000-00000000abcd', servicePlanName: 'EXCHANGE_S_STANDARD'}];
		const [item] = planUnassign(tenant, ['user-1'], [skuOf('EXCHANGESTANDARD')]).items;
		expect(describeChanges(consequencesOf(tenant, item!, now))).toEqual(['mailbox lost', 'archive lost']);
	});

	it('what each product gives is worked out once per tenant, not per user', () => {
		const tenant = catalogTenant({'Kim Akers': [{sku: 'ENTERPRISEPACK'}], 'Lee Gu': [{sku: 'ENTERPRISEPACK'}]});
		expect(capabilityCatalog(tenant)).toBe(capabilityCatalog({...tenant, users: []}));
	});
});

describe('sizes: what a reduction names at both ends', () => {
	const changes = (holdings: Holding[], remove: string[]) => removing(holdings, remove).result.changes;

	it('E3 → E1: mailbox 100 GB → 50 GB, archive auto-expanding → 50 GB', () => {
		expect(changes([{sku: 'ENTERPRISEPACK'}, {sku: 'STANDARDPACK'}], ['ENTERPRISEPACK']).slice(0, 2)).toEqual([
			{kind: 'mailbox', effect: 'reduced', from: '100gb', to: '50gb'},
			{kind: 'archive', effect: 'reduced', from: 'auto-expanding', to: '50gb'},
		]);
	});

	it('Exchange Online Archiving from a Plan 1 user: auto-expanding → 50 GB', () => {
		expect(changes([{sku: 'EXCHANGESTANDARD'}, {sku: 'EXCHANGEARCHIVE_ADDON'}], ['EXCHANGEARCHIVE_ADDON'])).toEqual([
			{kind: 'archive', effect: 'reduced', from: 'auto-expanding', to: '50gb'},
		]);
	});

	it('a size not documented is never compared: the mailbox kept is named, its size not guessed', () => {
		const {result} = removing([{sku: 'ENTERPRISEPACK'}, {sku: 'EXCHANGE_S_ESSENTIALS'}], ['ENTERPRISEPACK']);
		expect(result.changes.slice(0, 2)).toEqual([
			{kind: 'mailbox', effect: 'undocumented', from: '100gb', to: 'undocumented-size'},
			{kind: 'archive', effect: 'undocumented', from: 'auto-expanding', to: 'not-documented'},
		]);
		// A mailbox stays, and who gives it is said; whether an archive does is not documented, so nothing is claimed.
		expect(result.kept).toEqual({mailbox: [skuOf('EXCHANGE_S_ESSENTIALS')]});
	});

	it('an archive nobody documents is never said to be lost with the mailbox', () => {
		expect(changes([{sku: 'EXCHANGE_S_ESSENTIALS'}], ['EXCHANGE_S_ESSENTIALS'])).toEqual([
			{kind: 'mailbox', effect: 'lost', from: 'undocumented-size', to: 'none'},
		]);
	});

	it('deleting a user: inactive-mailbox eligibility needs Plan 2, or Plan 1 with Exchange Online Archiving', () => {
		const eligible = (holdings: Holding[]) => {
			const tenant = catalogTenant({'Kim Akers': holdings});
			return deletionConsequences(tenant, tenant.users[0]!, now).inactiveEligible;
		};
		expect(eligible([{sku: 'ENTERPRISEPACK'}])).toBe(true);
		expect(eligible([{sku: 'EXCHANGESTANDARD'}, {sku: 'EXCHANGEARCHIVE_ADDON'}])).toBe(true);
		expect(eligible([{sku: 'SPB'}])).toBe(true);
		// Plan 1's own 50 GB archive is not enough.
		expect(eligible([{sku: 'EXCHANGESTANDARD'}])).toBe(false);
		expect(eligible([{sku: 'O365_BUSINESS_ESSENTIALS'}])).toBe(false);
	});
});

describe('the catalog', () => {
	it("classifies every service plan in Microsoft's table", () => {
		const unclassified = Object.keys(servicePlanNames)
			.filter(planId => !servicePlanCapabilities[planId])
			.map(planId => `${servicePlanNames[planId]![0]} (${planId})`);
		expect(unclassified).toEqual([]);
		expect(Object.keys(servicePlanCapabilities).sort()).toEqual(Object.keys(servicePlanNames).sort());
	});

	it('gives every Microsoft 365 F1 product its exceptions, and only those', () => {
		const f1 = Object.entries(productNames).filter(([, [, name]]) => /^Microsoft 365 F1\b/.test(name));
		expect(f1.length).toBeGreaterThanOrEqual(3);
		for (const [skuId] of f1) {
			const tenant = catalogTenant({'Kim Akers': [{sku: productNames[skuId]![0]}]});
			const [item] = planUnassign(tenant, ['user-1'], [skuId]).items;
			expect(consequencesOf(tenant, item!, now).changes.map(c => c.kind)).not.toContain('mailbox');
		}
	});
});
