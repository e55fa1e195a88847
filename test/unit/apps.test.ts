// Turning single apps (service plans) off and on, and Manage product licenses' assign more and
// replace: plans, consequences, the request sent, the replay of what was saved.
import {produce} from 'immer';
import {describe, expect, it} from 'vitest';
import {LocalTenant} from '../../source/backends/local-tenant.js';
import {outcomesOf} from '../../source/backends/graph/graph-tenant.js';
import {auditEntries} from '../../source/domain/audit.js';
import {assignmentsOf, withAdded, withoutDirect} from '../../source/domain/capabilities.js';
import {assignLicenseBody} from '../../source/domain/plan.js';
import {applyChanges, changesFromOutcomes} from '../../source/domain/changes.js';
import {planConsequences} from '../../source/domain/consequences.js';
import {countOutcomes, isEmptyPlan, planAssignMore, planChanges, planReplace, shortfalls} from '../../source/domain/plan.js';
import {unmetDependencies} from '../../source/domain/rules.js';
import {productBySku} from '../../source/domain/selectors.js';
import {strings} from '../../source/text/index.js';
import {demoTenant, sku, userByName} from '../helpers/tenant.js';

const plan2Mailbox = 'efb87545-963c-4e0d-99df-69c6916d9eb0';
const teams = '57ff2da0-773e-42df-b2af-ffb7a2317929';
const plan1Mailbox = '9aaf7827-d63c-4b61-89c3-182f06f82e5c';
const now = new Date('2026-11-25T12:00:00Z');

describe('turning apps off and on', () => {
	it('turning off Exchange in Office 365 E3 is losing the mailbox, through the same consequences', () => {
		const tenant = demoTenant();
		const adele = userByName(tenant, 'Adele Vance');
		const plan = planChanges(tenant, [{user: adele.id, add: [], remove: [], apps: {[sku.e3]: [plan2Mailbox]}}]);
		expect(plan.items[0]).toMatchObject({add: [], remove: [], update: [sku.e3], disabledPlans: {[sku.e3]: [plan2Mailbox]}});
		const [consequences] = planConsequences(tenant, plan, now);
		expect(consequences!.changes.map(c => `${c.kind} ${c.effect}`)).toEqual(['mailbox lost', 'archive lost']);
		expect(consequences!.mailboxDeletedOn).toBe('2026-12-25');
		// Sent as Graph takes it: the product in addLicenses with its disabledPlans.
		expect(assignLicenseBody(plan.items[0]!)).toEqual({addLicenses: [{skuId: sku.e3, disabledPlans: [plan2Mailbox]}], removeLicenses: []});
	});

	it('asking for the apps a product already has is no change; a group-only product is skipped, naming the group', () => {
		const tenant = demoTenant();
		const adele = userByName(tenant, 'Adele Vance');
		expect(isEmptyPlan(planChanges(tenant, [{user: adele.id, add: [], remove: [], apps: {[sku.e3]: []}}]))).toBe(true);
		const grady = userByName(tenant, 'Grady Archie');
		const group = tenant.groups.find(g => g.displayName === 'Visio Users')!;
		const plan = planChanges(tenant, [{user: grady.id, add: [], remove: [], apps: {[sku.visio]: []}}]);
		expect(plan.items[0]!.skip).toEqual([{skuId: sku.visio, requested: 'update', reason: 'group-assigned', groupIds: [group.id]}]);
	});

	it('carried out, saved and replayed: the apps change, no license is counted again, and turning them back on is saved too', async () => {
		const tenant = demoTenant();
		const adele = userByName(tenant, 'Adele Vance');
		const before = productBySku(tenant, sku.e3)!.assigned;
		const off = planChanges(tenant, [{user: adele.id, add: [], remove: [], apps: {[sku.e3]: [teams]}}]);
		const outcomes = await new LocalTenant('demo', 'demo').apply(tenant, off);
		expect(outcomes).toEqual([expect.objectContaining({requested: 'update', outcome: 'updated', disabledPlans: [teams]})]);
		expect(countOutcomes(outcomes)).toMatchObject({updated: 1, users: 1});
		expect(strings.outcome.summary(countOutcomes(outcomes), undefined, 'Adele Vance')).toBe('apps changed in 1 license of Adele Vance.');
		expect(auditEntries(tenant, 'megan', 't', outcomes)[0]).toMatchObject({action: 'change-apps', outcome: 'updated', disabledPlans: [teams]});

		const changes = changesFromOutcomes(outcomes, 't');
		expect(changes).toEqual([{time: 't', userId: adele.id, add: [sku.e3], remove: [], disabledPlans: {[sku.e3]: [teams]}}]);
		const after = produce(tenant, draft => applyChanges(draft, changes));
		const changed = userByName(after, 'Adele Vance');
		expect(changed.licenseAssignmentStates.find(s => s.skuId === sku.e3)!.disabledPlans).toEqual([teams]);
		expect(changed.assignedLicenses.find(l => l.skuId === sku.e3)!.disabledPlans).toEqual([teams]);
		expect(productBySku(after, sku.e3)!.assigned).toBe(before);

		const on = planChanges(after, [{user: adele.id, add: [], remove: [], apps: {[sku.e3]: []}}]);
		const back = changesFromOutcomes(await new LocalTenant('demo', 'demo').apply(after, on), 't2');
		expect(back[0]!.disabledPlans).toEqual({[sku.e3]: []});
		const restored = produce(after, draft => applyChanges(draft, back));
		expect(userByName(restored, 'Adele Vance').licenseAssignmentStates.find(s => s.skuId === sku.e3)!.disabledPlans).toEqual([]);
	});

	it('a product assigned with apps off keeps them off', () => {
		const tenant = demoTenant();
		const dmitri = userByName(tenant, 'Dmitri Volkov');
		const plan = planChanges(tenant, [{user: dmitri.id, add: [sku.e3], remove: [], apps: {[sku.e3]: [teams]}}]);
		expect(plan.items[0]).toMatchObject({add: [sku.e3], disabledPlans: {[sku.e3]: [teams]}});
		const after = produce(tenant, draft =>
			applyChanges(draft, [{time: 't', userId: dmitri.id, add: [sku.e3], remove: [], disabledPlans: {[sku.e3]: [teams]}}]),
		);
		expect(userByName(after, 'Dmitri Volkov').assignedLicenses).toEqual([{skuId: sku.e3, disabledPlans: [teams]}]);
	});

	it("Graph's answer to a change of apps is the product's outcome", () => {
		const tenant = demoTenant();
		const adele = userByName(tenant, 'Adele Vance');
		const [item] = planChanges(tenant, [{user: adele.id, add: [], remove: [], apps: {[sku.e3]: [teams]}}]).items;
		const [outcome] = outcomesOf(item!, {kind: 'answered', response: {id: '0', status: 200, body: {}}, message: null});
		expect(outcome).toMatchObject({requested: 'update', outcome: 'updated', disabledPlans: [teams]});
	});

	it('an app another one depends on cannot be left on alone: Exchange Online Archiving needs a mailbox plan', () => {
		const tenant = demoTenant();
		const tomas = userByName(tenant, 'Tomás Herrera');
		const now = assignmentsOf(tomas);
		expect(unmetDependencies(tenant, now)).toEqual([]);
		const withoutMailbox = withAdded(withoutDirect(now, [sku.exchangePlan1]), [sku.exchangePlan1], {[sku.exchangePlan1]: [plan1Mailbox]});
		expect(unmetDependencies(tenant, withoutMailbox)).toEqual([{skuId: expect.any(String), plan: 'EXCHANGE_S_ARCHIVE_ADDON'}]);
	});
});

describe('Manage product licenses: assign more products, replace existing products', () => {
	it('assign more adds only what each user lacks', () => {
		const tenant = demoTenant();
		const [megan, dmitri] = [userByName(tenant, 'Megan Bowen'), userByName(tenant, 'Dmitri Volkov')];
		const plan = planAssignMore(tenant, [megan.id, dmitri.id], [sku.e3, sku.visio]);
		// Megan holds E3 directly and Visio only through a group: she is given Visio directly.
		expect(plan.items.map(i => [i.add, i.remove])).toEqual([
			[[sku.visio], []],
			[[sku.e3, sku.visio], []],
		]);
	});

	it('replace takes every other direct product away, skips what a group gives, and keeps what is asked for', () => {
		const tenant = demoTenant();
		const [nestor, grady] = [userByName(tenant, 'Nestor Wilke'), userByName(tenant, 'Grady Archie')];
		const plan = planReplace(tenant, [nestor.id, grady.id], [sku.exchangePlan1]);
		expect(plan.items[0]).toMatchObject({add: [], remove: [sku.e3]});
		expect(plan.items[1]).toMatchObject({add: [sku.exchangePlan1], remove: [sku.e3]});
		expect(plan.items[1]!.skip).toEqual([expect.objectContaining({skuId: sku.visio, requested: 'remove', reason: 'group-assigned'})]);
	});

	it('the available counts are checked first', () => {
		const tenant = demoTenant();
		const users = tenant.users.filter(u => u.assignedLicenses.length === 0).map(u => u.id);
		expect(shortfalls(tenant, planAssignMore(tenant, users, [sku.businessPremium]))).toEqual(new Map([[sku.businessPremium, [3, 2]]]));
	});
});
