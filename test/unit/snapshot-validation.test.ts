// Malformed snapshots: each is refused before anything is shown, naming the file, the JSON path and
// what is wrong.
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {LocalTenant} from '../../source/backends/local-tenant.js';
import {validateTenant} from '../../source/backends/validate-tenant.js';
import {demoTenantPath} from '../../source/paths.js';
import {tempStateDir} from '../helpers/tenant.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const demo = (): Json => JSON.parse(readFileSync(demoTenantPath, 'utf8'));

async function refusal(change: (tenant: Json) => unknown): Promise<string> {
	const file = join(tempStateDir(), 'tenant.json');
	const tenant = demo();
	const replaced = change(tenant);
	writeFileSync(file, typeof replaced === 'string' ? replaced : JSON.stringify(replaced ?? tenant));
	try {
		await new LocalTenant(file, 'snapshot').load();
	} catch (error) {
		const message = (error as Error).message;
		expect(message.startsWith(`Tenant file ${file}: `)).toBe(true);
		return message.slice(`Tenant file ${file}: `.length);
	}
	throw new Error('the snapshot was accepted');
}

describe('malformed snapshots', () => {
	it.each<[string, (t: Json) => unknown, string | RegExp]>([
		['not JSON', () => '{"organization": ', /^is not valid JSON/],
		['an array, not an object', () => [], '(top level): must be object'],
		['no users', t => ({...t, users: undefined}), 'users: is missing'],
		['organization without an id', t => void delete t['organization'].id, 'organization.id: is missing'],
		['accountEnabled a string', t => void (t['users'][3].accountEnabled = 'yes'), 'users[3].accountEnabled: must be boolean'],
		['a skuId that is not a GUID', t => void (t['subscribedSkus'][0].skuId = 'SPB'), 'subscribedSkus[0].skuId: is not a GUID'],
		['a negative license count', t => void (t['subscriptions'][1].totalLicenses = -5), 'subscriptions[1].totalLicenses: must be >= 0'],
		['an unknown subscription status', t => void (t['subscriptions'][0].status = 'Paused'), /^subscriptions\[0\]\.status: must be one of Enabled, Warning/],
		['a UPN without @', t => void (t['users'][2].userPrincipalName = 'lee.gu'), 'users[2].userPrincipalName: is not a user principal name'],
		[
			'a user license of no product',
			t => void (t['users'][0].assignedLicenses[0].skuId = '00000000-0000-0000-0000-000000000000'),
			'users[0].assignedLicenses[0].skuId: no such product in subscribedSkus',
		],
		[
			'an assignment state of no product',
			t => void (t['users'][0].licenseAssignmentStates[0].skuId = '00000000-0000-0000-0000-000000000001'),
			'users[0].licenseAssignmentStates[0].skuId: no such product in subscribedSkus',
		],
		[
			'a license from a group that does not exist',
			t => {
				const i = t['users'].findIndex((u: Json) => u.licenseAssignmentStates.some((s: Json) => s.assignedByGroup));
				const j = t['users'][i].licenseAssignmentStates.findIndex((s: Json) => s.assignedByGroup);
				t['users'][i].licenseAssignmentStates[j].assignedByGroup = 'no-such-group';
				return t;
			},
			/^users\[\d+\]\.licenseAssignmentStates\[\d+\]\.assignedByGroup: no such group in groups$/,
		],
		[
			'a subscription of no product',
			t => void (t['subscriptions'][0].skuId = '00000000-0000-0000-0000-000000000002'),
			'subscriptions[0].skuId: no such product in subscribedSkus',
		],
		['duplicate user ids', t => void (t['users'][5].id = t['users'][4].id), /^users\[5\]\.id: duplicates an earlier one/],
		[
			'duplicate UPNs, in another case',
			t => void (t['users'][6].userPrincipalName = t['users'][1].userPrincipalName.toUpperCase()),
			/^users\[6\]\.userPrincipalName: duplicates an earlier one/,
		],
		['duplicate products', t => void t['subscribedSkus'].push(t['subscribedSkus'][0]), /^subscribedSkus\[\d+\]\.skuId: duplicates an earlier one/],
		['a role member who is not a user', t => void t['directoryRoles'][0].members.push('ghost'), /^directoryRoles\[0\]\.members\[\d+\]: no such user in users$/],
		['a signed-in user who is not a user', t => void (t['signedInUser'] = 'ghost@contoso.com'), 'signedInUser: no such user in users (ghost@contoso.com)'],
		[
			'an unknown kind of mailbox hold',
			t => {
				const holds = t['x-local'].mailboxHolds;
				holds[Object.keys(holds)[0]!] = 'forever';
				return t;
			},
			/^x-local\.mailboxHolds\.[0-9a-f-]+: must be one of litigation-hold, retention-policy, retention-label$/,
		],
	])('%s', async (_case, change, expected) => {
		const message = await refusal(change);
		if (typeof expected === 'string') expect(message).toBe(expected);
		else expect(message).toMatch(expected);
	});

	it('the demo itself is valid (the app trusts it at start-up)', () => {
		expect(validateTenant(demo(), demoTenantPath)).toMatchObject({signedInUser: 'megan.bowen@contoso.com'});
	});
});

describe('a snapshot without what Graph always sends, and the schema lets it leave out', () => {
	/** The demo with every optional field the model reads taken out of every product, subscription, license and assignment. */
	function bare(): Json {
		const tenant = demo();
		for (const sku of tenant['subscribedSkus']) {
			delete sku.capabilityStatus;
			delete sku.prepaidUnits.suspended;
			delete sku.prepaidUnits.warning;
		}
		for (const subscription of tenant['subscriptions']) {
			delete subscription.skuPartNumber;
			delete subscription.isTrial;
		}
		for (const user of tenant['users']) {
			for (const license of user.assignedLicenses) delete license.disabledPlans;
			for (const state of user.licenseAssignmentStates) {
				delete state.state;
				delete state.error;
				delete state.disabledPlans;
			}
		}
		delete tenant['users'][0].licenseAssignmentStates;
		return tenant;
	}

	it("is read with what each absence means: no units suspended, not a trial, no plans turned off, its product's part number", () => {
		const tenant = validateTenant(bare(), 'bare.json');
		const full = validateTenant(demo(), demoTenantPath);
		for (const [i, sku] of tenant.subscribedSkus.entries()) {
			expect(sku.prepaidUnits).toMatchObject({suspended: 0, warning: 0, enabled: full.subscribedSkus[i]!.prepaidUnits.enabled});
		}
		for (const [i, subscription] of tenant.subscriptions.entries()) {
			expect(subscription.isTrial).toBe(false);
			expect(subscription.skuPartNumber).toBe(tenant.subscribedSkus.find(sku => sku.skuId === subscription.skuId)!.skuPartNumber);
			expect(subscription.skuPartNumber).toBe(full.subscriptions[i]!.skuPartNumber);
		}
		expect(tenant.users[0]!.licenseAssignmentStates).toEqual([]);
		for (const user of tenant.users) {
			for (const license of user.assignedLicenses) expect(license.disabledPlans).toEqual([]);
			for (const state of user.licenseAssignmentStates) expect(state.disabledPlans).toEqual([]);
		}
	});
});
