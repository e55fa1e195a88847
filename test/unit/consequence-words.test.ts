// The sentences a consequence becomes: the same in the panel, the command line and --json.
import {describe, expect, it} from 'vitest';
import {consequencesOf, type UserConsequences} from '../../source/domain/consequences.js';
import {planUnassign} from '../../source/domain/plan.js';
import {consequenceNotes, consequencePhrases, consequenceSummary, failureWords, setLanguage, strings} from '../../source/text/index.js';
import {catalogTenant, skuOf, type Holding} from '../helpers/catalog-tenant.js';

const now = new Date('2026-11-25T12:00:00.000Z');

function consequences(holdings: Holding[], remove: string, holds?: Record<string, 'litigation-hold'>): UserConsequences {
	const tenant = catalogTenant({'Kim Akers': holdings}, holds ? {'x-local': {mailboxHolds: holds}} : {});
	const [item] = planUnassign(tenant, ['user-1'], [skuOf(remove)]).items;
	return consequencesOf(tenant, item!, now);
}

const phrases = (c: UserConsequences) => consequencePhrases(c, skuId => (skuId === skuOf('SPE_F1') ? 'Microsoft 365 F3' : skuId));

describe('what the panel and the command line say', () => {
	it('a live tenant: the mail goes on a date, and holds are not visible from here', () => {
		const c = consequences([{sku: 'ENTERPRISEPACK'}], 'ENTERPRISEPACK');
		expect(phrases(c)).toEqual([
			'loses the mailbox: mail deleted on 2026-12-25 unless a license is assigned again; holds are not visible from here and keep what they cover',
			'loses the archive mailbox',
			'loses OneDrive: files kept, archived on 2027-02-26 unless a license is assigned again (not in EDU, GCC or DoD tenants)',
			'loses the Office apps ("Unlicensed Product", reduced functionality)',
			'loses Teams',
		]);
		expect(consequenceNotes([c])).toContain(strings.consequences.holdsHidden);
	});

	it('a mailbox known to be on hold is never told its mail is deleted without what the hold keeps', () => {
		const held = consequences([{sku: 'ENTERPRISEPACK'}], 'ENTERPRISEPACK', {'user-1': 'litigation-hold'});
		expect(phrases(held)[0]).toBe('loses the mailbox: mail deleted on 2026-12-25 except what the hold keeps, unless a license is assigned again');
		const none = consequences([{sku: 'ENTERPRISEPACK'}], 'ENTERPRISEPACK', {});
		expect(phrases(none)[0]).toBe('loses the mailbox: mail deleted on 2026-12-25 unless a license is assigned again');
		expect(consequenceNotes([none])).not.toContain(strings.consequences.holdsHidden);
	});

	it('what shrinks, and what stays through another license', () => {
		const c = consequences([{sku: 'ENTERPRISEPACK'}, {sku: 'SPE_F1'}], 'ENTERPRISEPACK', {});
		expect(phrases(c)).toEqual([
			'keeps Teams (Microsoft 365 F3)',
			'mailbox reduced from 100 GB to 2 GB (Exchange Online Kiosk)',
			'loses the archive mailbox',
			'OneDrive reduced from full size to 2 GB, read-only while over it',
			'Office reduced from the desktop apps to the web and mobile apps (the desktop apps show "Unlicensed Product")',
		]);
		expect(consequenceSummary([c])).toBe(
			'mailbox reduced for 1 user · 1 user loses their archive mailbox · OneDrive reduced for 1 user · Office reduced for 1 user',
		);
		expect(consequenceNotes([c])).toEqual(
			expect.arrayContaining([strings.consequences.explainReduced['mailbox/kiosk'], strings.consequences.explainReduced['onedrive/2gb']]),
		);
	});

	it('a reduction names both ends: E3 → E1, and the archive add-on from a Plan 1 user', () => {
		const e1 = consequences([{sku: 'ENTERPRISEPACK'}, {sku: 'STANDARDPACK'}], 'ENTERPRISEPACK', {});
		expect(phrases(e1)).toEqual(
			expect.arrayContaining([
				'mailbox reduced from 100 GB to 50 GB',
				'archive reduced from auto-expanding (up to 1.5 TB) to 50 GB: litigation hold and inactive-mailbox eligibility are lost',
			]),
		);
		expect(consequenceSummary([e1])).toContain('mailbox reduced for 1 user · archive reduced for 1 user');
		expect(consequenceNotes([e1])).toEqual(
			expect.arrayContaining([strings.consequences.explainReduced['mailbox/50gb'], strings.consequences.explainReduced['archive/50gb']]),
		);
		const addOn = consequences([{sku: 'EXCHANGESTANDARD'}, {sku: 'EXCHANGEARCHIVE_ADDON'}], 'EXCHANGEARCHIVE_ADDON', {});
		expect(phrases(addOn)).toEqual(['archive reduced from auto-expanding (up to 1.5 TB) to 50 GB: litigation hold and inactive-mailbox eligibility are lost']);
	});

	it('in Danish, the same ends', () => {
		const e1 = consequences([{sku: 'ENTERPRISEPACK'}, {sku: 'STANDARDPACK'}], 'ENTERPRISEPACK', {});
		setLanguage('da');
		try {
			expect(phrases(e1)).toEqual(
				expect.arrayContaining([
					'postkassen reduceres fra 100 GB til 50 GB',
					'arkivet reduceres fra automatisk udvidende (op til 1,5 TB) til 50 GB: muligheden for procesmæssig tilbageholdelse og inaktiv postkasse mistes',
				]),
			);
		} finally {
			setLanguage('en');
		}
	});

	it('a size not documented is said to be so, never guessed, and is not "keeps everything"', () => {
		const c = consequences([{sku: 'EXCHANGESTANDARD'}, {sku: 'EXCHANGE_S_ESSENTIALS'}], 'EXCHANGESTANDARD', {});
		expect(phrases(c)).toEqual([
			`keeps mailbox (${skuOf('EXCHANGE_S_ESSENTIALS')})`,
			'what stays of the mailbox is not documented (now 50 GB)',
			'what stays of the archive mailbox is not documented (now 50 GB)',
		]);
		expect(consequenceSummary([c])).toBe(
			'what stays of the mailbox is not documented for 1 user · what stays of the archive mailbox is not documented for 1 user',
		);
	});

	it('nothing lost: keeps everything, and no notes', () => {
		const c = consequences([{sku: 'ENTERPRISEPACK'}, {sku: 'POWER_BI_PRO'}], 'POWER_BI_PRO');
		expect(phrases(c)).toEqual(['loses no mailbox, OneDrive, Office apps or Teams']);
		expect(consequenceSummary([c])).toBe('1 user loses no mailbox, OneDrive, Office apps or Teams');
		expect(consequenceNotes([c])).toEqual([]);
	});
});

describe('notes say only what applies', () => {
	it('a user who had Office on the web only is not told about desktop apps', () => {
		const web = consequences([{sku: 'O365_BUSINESS_ESSENTIALS'}], 'O365_BUSINESS_ESSENTIALS', {});
		expect(phrases(web)).toContain('loses Office for the web and mobile');
		expect(consequenceNotes([web])).not.toContain(strings.consequences.explain['office-apps']);
		const desktop = consequences([{sku: 'O365_BUSINESS_PREMIUM'}, {sku: 'O365_BUSINESS_ESSENTIALS'}], 'O365_BUSINESS_PREMIUM', {});
		expect(consequenceNotes([desktop])).toContain(strings.consequences.explain['office-apps']);
	});
});

describe('a failure in words', () => {
	it('is the message the backend gave it, or "failed"', () => {
		expect(failureWords({message: 'Too many requests.'})).toBe('Too many requests.');
		expect(failureWords({message: null})).toBe('failed');
	});
});
