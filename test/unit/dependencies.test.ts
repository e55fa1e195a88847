// Add-ons that must go with their base: the table and its sources, what the plan, the panel and the
// guide's read-aloud text say of them, and the one request that removes both, against the local
// Graph test server (which refuses the base alone from the same table).
import {describe, expect, it} from 'vitest';
import {GraphTenant, outcomesOf} from '../../source/backends/graph/graph-tenant.js';
import {servicePlanNames} from '../../source/domain/catalog.js';
import {consequencesOf} from '../../source/domain/consequences.js';
import {dependencies} from '../../source/domain/dependencies.js';
import {roleTemplateIds} from '../../source/domain/model.js';
import {planUnassign} from '../../source/domain/plan.js';
import {namesOf} from '../../source/domain/selectors.js';
import {planLines} from '../../source/ui/components/plan-lines.js';
import {readAloud} from '../../source/ui/guide-text.js';
import {openStateFile} from '../../source/store/state-file.js';
import {openStore} from '../../source/store/store.js';
import {setLanguage} from '../../source/text/index.js';
import {startGraphServer} from '../fixtures/graph-server.js';
import {catalogTenant, skuOf, type Holding} from '../helpers/catalog-tenant.js';
import {tempStateDir} from '../helpers/tenant.js';

const now = new Date('2026-11-25T12:00:00.000Z');
const text = (lines: ReturnType<typeof planLines>) => lines.map(line => line.map(segment => segment.text).join('')).join('\n');

function removing(holdings: Holding[], remove: string) {
	const tenant = catalogTenant({'Kim Akers': holdings});
	const plan = planUnassign(tenant, ['user-1'], [skuOf(remove)]);
	return {tenant, plan, item: plan.items[0]!};
}

describe('the dependency table', () => {
	it("names only service plans of Microsoft's table, each line with its source", () => {
		const known = new Set(Object.values(servicePlanNames).map(([name]) => name));
		for (const dependency of dependencies) {
			expect([dependency.plan, ...dependency.needsOneOf].filter(plan => !known.has(plan))).toEqual([]);
			expect(dependency.source).toMatch(/learn\.microsoft\.com/);
		}
	});
});

describe('every dependent add-on goes with its base', () => {
	it.each([
		[
			'Exchange Online (Plan 1) from a Workplace Analytics user',
			[{sku: 'EXCHANGESTANDARD'}, {sku: 'WORKPLACE_ANALYTICS'}],
			'EXCHANGESTANDARD',
			'WORKPLACE_ANALYTICS',
		],
		['Office 365 E3 from an Audio Conferencing user', [{sku: 'ENTERPRISEPACK'}, {sku: 'MCOMEETADV'}], 'ENTERPRISEPACK', 'MCOMEETADV'],
		[
			'Office 365 G3 GCC from an Audio Conferencing for GCC user',
			[{sku: 'ENTERPRISEPACK_GOV'}, {sku: 'MCOMEETADV_GOV'}],
			'ENTERPRISEPACK_GOV',
			'MCOMEETADV_GOV',
		],
		[
			'Exchange Online (Plan 1) from an Exchange Online Archiving user',
			[{sku: 'EXCHANGESTANDARD'}, {sku: 'EXCHANGEARCHIVE_ADDON'}],
			'EXCHANGESTANDARD',
			'EXCHANGEARCHIVE_ADDON',
		],
	])('%s: in alsoRemoves, the request, the panel and the read-aloud text', (_case, holdings, base, addOn) => {
		const {tenant, plan, item} = removing(holdings, base);
		expect(item.dependents).toEqual({[skuOf(addOn)]: [skuOf(base)]});
		expect(item.remove).toEqual([skuOf(base), skuOf(addOn)]);
		const names = namesOf(tenant);
		expect(text(planLines(tenant, plan, names, true, 200))).toContain(`also removes ${names.product(skuOf(addOn))}, which depends on it`);
		const aloud = readAloud(names.product(skuOf(base)), plan, [consequencesOf(tenant, item, now)], names);
		expect(aloud).toContain(`${names.product(skuOf(addOn))} will be removed as well: it depends on ${names.product(skuOf(base))}.`);
	});

	it.each([
		[
			'E3 from an Audio Conferencing user who keeps Office 365 E1 (its Skype for Business Online plan)',
			[{sku: 'ENTERPRISEPACK'}, {sku: 'STANDARDPACK'}, {sku: 'MCOMEETADV'}],
			'ENTERPRISEPACK',
		],
		[
			'Plan 1 from a Workplace Analytics user who keeps Office 365 E3 (Plan 2)',
			[{sku: 'EXCHANGESTANDARD'}, {sku: 'ENTERPRISEPACK'}, {sku: 'WORKPLACE_ANALYTICS'}],
			'EXCHANGESTANDARD',
		],
		[
			'Business Basic beside Office 365 E5, which carries Audio Conferencing and its base itself',
			[{sku: 'ENTERPRISEPREMIUM'}, {sku: 'O365_BUSINESS_ESSENTIALS'}],
			'O365_BUSINESS_ESSENTIALS',
		],
	])('%s: nothing else goes', (_case, holdings, base) => {
		const {item} = removing(holdings, base);
		expect(item.dependents).toEqual({});
		expect(item.remove).toEqual([skuOf(base)]);
	});
});

describe('against the Graph test server, from the same table', () => {
	async function send(holdings: Holding[], base: string, keepAddOn: boolean) {
		const {tenant, plan} = removing(holdings, base);
		const server = await startGraphServer(tenant);
		try {
			const backend = new GraphTenant({base: server.url, token: async () => server.token, source: server.url});
			// keepAddOn: the request a plan without the add-on would send.
			const sent = keepAddOn ? {...plan, items: plan.items.map(item => ({...item, remove: [skuOf(base)], dependents: {}}))} : plan;
			const outcomes = await backend.apply(tenant, sent);
			return {
				outcomes,
				writes: server.stats.writes,
				log: server.stats.log.filter(line => line.includes('assignLicense')),
				held: server.tenant.users[0]!.assignedLicenses.map(l => l.skuId),
			};
		} finally {
			await server.close();
		}
	}

	it.each([
		['Workplace Analytics', [{sku: 'EXCHANGESTANDARD'}, {sku: 'WORKPLACE_ANALYTICS'}], 'EXCHANGESTANDARD', 'WORKPLACE_ANALYTICS'],
		['Audio Conferencing', [{sku: 'ENTERPRISEPACK'}, {sku: 'MCOMEETADV'}], 'ENTERPRISEPACK', 'MCOMEETADV'],
	])('%s: base and add-on in one request, both removed; the base alone is refused', async (_case, holdings, base, addOn) => {
		const both = await send(holdings, base, false);
		expect(both.log).toEqual(['POST /users/user-1/assignLicense']);
		expect(both.outcomes.map(o => [o.skuId, o.outcome])).toEqual([
			[skuOf(base), 'removed'],
			[skuOf(addOn), 'removed'],
		]);
		expect(both.held).toEqual([]);
		const alone = await send(holdings, base, true);
		expect(alone.outcomes.map(o => o.outcome)).toEqual(['failed']);
		expect(alone.writes).toBe(0);
		expect(alone.held).toEqual([skuOf(base), skuOf(addOn)]);
	});
});

describe('a dependency the table did not foresee, on a live tenant', () => {
	const refused = (plan: string, needs: string) => `License assignment failed because service plan ${plan} depends on the service plan(s) ${needs}.`;
	const answer = (message: string) => ({
		kind: 'answered' as const,
		response: {id: '0', status: 400, body: {error: {code: 'Request_BadRequest', message}}},
		message,
	});

	it("Graph's refusal becomes both products in words, never its raw text, with the plans kept for the table", () => {
		const {tenant, item} = removing([{sku: 'SPE_E3_USGOV_GCCHIGH'}, {sku: 'MCOMEETADV_USGOV_GCCHIGH'}], 'SPE_E3_USGOV_GCCHIGH');
		const outcomes = outcomesOf(item, answer(refused('MCOMEETADV_AR_GCCHigh', 'MCOSTANDARD')), tenant);
		expect(outcomes).toEqual([
			expect.objectContaining({
				outcome: 'failed',
				message:
					'Microsoft 365 Audio Conferencing_USGOV_GCCHIGH depends on Microsoft 365 E3_USGOV_GCCHIGH: remove Microsoft 365 Audio Conferencing_USGOV_GCCHIGH too, or keep Microsoft 365 E3_USGOV_GCCHIGH',
				dependency: {servicePlan: 'MCOMEETADV_AR_GCCHigh', dependsOn: ['MCOSTANDARD']},
			}),
		]);
		expect(outcomes[0]!.message).not.toContain('License assignment failed');
	});

	it("named by plan id, several bases, in Danish; without the tenant, by the plans' names", () => {
		const {tenant, item} = removing([{sku: 'ENTERPRISEPACK'}, {sku: 'MCOMEETADV'}], 'ENTERPRISEPACK');
		const [plan] = tenant.subscribedSkus.find(sku => sku.skuId === skuOf('MCOMEETADV'))!.servicePlans;
		setLanguage('da');
		try {
			const [outcome] = outcomesOf(item, answer(refused(plan!.servicePlanId, 'MCOSTANDARD,EXCHANGE_S_ENTERPRISE')), tenant);
			expect(outcome!.message).toBe(
				'Microsoft 365 Audio Conferencing afhænger af Office 365 E3: fjern også Microsoft 365 Audio Conferencing, eller behold Office 365 E3',
			);
		} finally {
			setLanguage('en');
		}
		const [bare] = outcomesOf(item, answer(refused('MCOMEETADV', 'MCOSTANDARD')));
		expect(bare!.message).toMatch(/^Microsoft 365 Audio Conferencing depends on Skype for Business Online \(Plan 2\): remove/);
		const [other] = outcomesOf(item, answer('License assignment failed because there are not enough licenses available.'), tenant);
		expect(other).toMatchObject({message: 'License assignment failed because there are not enough licenses available.'});
		expect(other!.dependency).toBeUndefined();
	});

	it('from the Graph test server, through the store: said in words, and the plans kept in the audit log', async () => {
		const tenant = catalogTenant(
			{'Kim Akers': [{sku: 'SPE_E3_USGOV_GCCHIGH'}, {sku: 'MCOMEETADV_USGOV_GCCHIGH'}]},
			{directoryRoles: [{id: 'role-1', roleTemplateId: roleTemplateIds.licenseAdministrator, displayName: 'License Administrator', members: ['user-1']}]},
		);
		const server = await startGraphServer(tenant, {faults: {unforeseenDependencies: {MCOMEETADV_AR_GCCHigh: ['MCOSTANDARD']}}});
		try {
			const stateDir = tempStateDir();
			const backend = new GraphTenant({base: server.url, token: async () => server.token, source: server.url});
			const store = await openStore({backend, stateFile: openStateFile(stateDir)});
			const plan = planUnassign(store.getState().tenant, ['user-1'], [skuOf('SPE_E3_USGOV_GCCHIGH')]);
			// The table does not know this one: the plan sends E3 alone.
			expect(plan.items[0]!.dependents).toEqual({});
			const [outcome] = await store.apply(plan);
			expect(outcome!.message).toBe(
				'Microsoft 365 Audio Conferencing_USGOV_GCCHIGH depends on Microsoft 365 E3_USGOV_GCCHIGH: remove Microsoft 365 Audio Conferencing_USGOV_GCCHIGH too, or keep Microsoft 365 E3_USGOV_GCCHIGH',
			);
			const audit = openStateFile(stateDir).audit().entries;
			expect(audit).toEqual([
				expect.objectContaining({action: 'unassign', outcome: 'failed', dependency: {servicePlan: 'MCOMEETADV_AR_GCCHigh', dependsOn: ['MCOSTANDARD']}}),
			]);
		} finally {
			await server.close();
		}
	});
});
