// Where a change stands (ui/components/change-steps.ts), and the two screens built on it: Reclaim's
// sections (reclaim-state.ts) and one user's Licenses and apps (user-panel-state.ts), without rendering.
import {describe, expect, it} from 'vitest';
import type {LicensePlan, Outcome, UserOutcome} from '../../source/domain/plan.js';
import {changeStep, listStep, type ChangeStep} from '../../source/ui/components/change-steps.js';
import {initialReclaimView, reclaimView} from '../../source/ui/screens/reclaim-state.js';
import {
	appsOff,
	changesOf,
	hasEdits,
	initialUserPanel,
	isTicked,
	userPanel,
	type UserPanelEvent,
	type UserPanelState,
} from '../../source/ui/screens/user-panel-state.js';
import {demoTenant, sku} from '../helpers/tenant.js';

const plan: LicensePlan = {items: []};
const outcome = (value: Outcome): UserOutcome => ({
	userId: 'u',
	userPrincipalName: 'u@contoso.com',
	skuId: sku.e3,
	requested: 'remove',
	outcome: value,
	reason: null,
	message: null,
});
const removed = [outcome('removed')];
const refused = [outcome('removed'), outcome('failed')];
const updated = [outcome('updated')];

describe('a change, step by step', () => {
	it('list → confirm → sending; cancel goes back to the list', () => {
		const confirm = changeStep(listStep, {type: 'confirm', plan});
		expect(confirm).toEqual({kind: 'confirm', plan});
		expect(changeStep(confirm, {type: 'cancel'})).toEqual(listStep);
		expect(changeStep(confirm, {type: 'sending'})).toEqual({kind: 'sending'});
	});

	it('after sending: the results when not all went through, else the next steps when licenses were freed, else the list', () => {
		const sending: ChangeStep = {kind: 'sending'};
		expect(changeStep(sending, {type: 'applied', outcomes: refused})).toEqual({kind: 'results', outcomes: refused});
		expect(changeStep(sending, {type: 'applied', outcomes: removed})).toEqual({kind: 'next', outcomes: removed});
		expect(changeStep(sending, {type: 'applied', outcomes: updated})).toEqual(listStep);
		// Nothing saved (the status line says why): back to the list.
		expect(changeStep(sending, {type: 'applied', outcomes: null})).toEqual(listStep);
	});

	it('done with the results: the next steps when some licenses were freed; done with the next steps: the list', () => {
		expect(changeStep({kind: 'results', outcomes: refused}, {type: 'done'})).toEqual({kind: 'next', outcomes: refused});
		expect(changeStep({kind: 'results', outcomes: [outcome('failed')]}, {type: 'done'})).toEqual(listStep);
		expect(changeStep({kind: 'next', outcomes: removed}, {type: 'done'})).toEqual(listStep);
	});
});

describe('Reclaim', () => {
	it('tab and ← turn through the sections, round', () => {
		const next = reclaimView(initialReclaimView, {type: 'section', by: 1});
		expect(next.section).toBe('blocked');
		expect(reclaimView(initialReclaimView, {type: 'section', by: -1}).section).toBe('inactive');
		expect(reclaimView(reclaimView(next, {type: 'section', by: 1}), {type: 'section', by: 1}).section).toBe('redundant');
	});

	it('keeps its section through a change', () => {
		const view = reclaimView(reclaimView(initialReclaimView, {type: 'section', by: 1}), {type: 'confirm', plan});
		expect(view).toEqual({section: 'blocked', step: {kind: 'confirm', plan}});
	});
});

describe("one user's Licenses and apps", () => {
	const tenant = demoTenant();
	const user = tenant.users.find(u => u.assignedLicenses.some(l => l.skuId === sku.e3))!;
	const run = (...events: UserPanelEvent[]): UserPanelState => events.reduce(userPanel, initialUserPanel);

	it('a product unticked is an edit; ticked back, it is not', () => {
		const unticked = run({type: 'tickProduct', user, skuId: sku.e3});
		expect(isTicked(unticked, user, sku.e3)).toBe(false);
		expect(changesOf(unticked, user)).toMatchObject({user: user.id, add: [], remove: [sku.e3]});
		const back = userPanel(unticked, {type: 'tickProduct', user, skuId: sku.e3});
		expect(isTicked(back, user, sku.e3)).toBe(true);
		expect(hasEdits(back)).toBe(false);
	});

	it('a product the user does not hold, ticked, is added', () => {
		const held = new Set(user.assignedLicenses.map(l => l.skuId));
		const other = Object.values(sku).find(id => !held.has(id))!;
		expect(changesOf(run({type: 'tickProduct', user, skuId: other}), user)).toMatchObject({add: [other], remove: []});
	});

	it("apps turned off are kept per product; set back to the user's own, they are no edit", () => {
		const now = appsOff(initialUserPanel, user, sku.e3);
		const off = new Set([...now, 'some-plan']);
		const edited = run({type: 'setApps', user, skuId: sku.e3, off});
		expect(appsOff(edited, user, sku.e3)).toEqual(off);
		expect(changesOf(edited, user).apps).toEqual({[sku.e3]: [...off]});
		expect(hasEdits(userPanel(edited, {type: 'setApps', user, skuId: sku.e3, off: new Set(now)}))).toBe(false);
	});

	it('a product unticked sends no apps for it', () => {
		const state = run({type: 'setApps', user, skuId: sku.e3, off: new Set(['some-plan'])}, {type: 'tickProduct', user, skuId: sku.e3});
		expect(changesOf(state, user).apps).toEqual({});
	});

	it('→ opens a product to its apps, ← closes it', () => {
		const open = run({type: 'expand', skuId: sku.e3});
		expect(open.expanded.has(sku.e3)).toBe(true);
		expect(userPanel(open, {type: 'collapse', skuId: sku.e3}).expanded.size).toBe(0);
	});

	it('Remove from group comes on top of the list, and goes', () => {
		const leaving = run({type: 'leaveGroups', groupIds: ['g1']});
		expect(leaving.step).toEqual({kind: 'groups', groupIds: ['g1']});
		expect(userPanel(leaving, {type: 'groupsClosed'}).step).toEqual(listStep);
	});

	it('saved, the edits are what the user has now; not saved, they stay to be saved again', () => {
		const confirming = run({type: 'tickProduct', user, skuId: sku.e3}, {type: 'confirm', plan}, {type: 'sending'});
		expect(confirming.step).toEqual({kind: 'sending'});
		const saved = userPanel(confirming, {type: 'applied', outcomes: removed});
		expect(saved.step).toEqual({kind: 'next', outcomes: removed});
		expect(hasEdits(saved)).toBe(false);
		const failed = userPanel(confirming, {type: 'applied', outcomes: null});
		expect(failed.step).toEqual(listStep);
		expect(hasEdits(failed)).toBe(true);
	});
});
