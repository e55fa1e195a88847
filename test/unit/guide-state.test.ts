// Guided unassign as a reducer (ui/screens/guide-state.ts): every step and the way between them,
// without rendering.
import {describe, expect, it} from 'vitest';
import type {LicensePlan, UserOutcome} from '../../source/domain/plan.js';
import {guide, initialGuide, type GuideEvent, type GuideState} from '../../source/ui/screens/guide-state.js';

const opened = new Date('2026-12-01T09:00:00Z');
const chosen = new Date('2026-12-01T09:05:00Z');
const plan: LicensePlan = {items: []};
const outcomes: UserOutcome[] = [
	{userId: 'u', userPrincipalName: 'u@contoso.com', skuId: 'sku', requested: 'remove', outcome: 'removed', reason: null, message: null},
];
const finished = {skuId: 'sku', outcomes, report: '/state/reports/guided-unassign.md', who: 'Nestor Wilke'};
const run = (...events: GuideEvent[]): GuideState => events.reduce(guide, initialGuide(opened));
const toConfirm: GuideEvent[] = [{type: 'product', skuId: 'sku', at: chosen}, {type: 'read', plan}, {type: 'confirm'}];

describe('Guided unassign, step by step', () => {
	it('starts on the first step; choosing a product starts the session then', () => {
		expect(run()).toEqual({step: {n: 1}, startedAt: opened, scroll: 0});
		expect(run({type: 'product', skuId: 'sku', at: chosen})).toEqual({step: {n: 2, skuId: 'sku'}, startedAt: chosen, scroll: 0});
	});

	it('product, users, what happens, confirm, the outcome', () => {
		expect(run(...toConfirm).step).toEqual({n: 4, skuId: 'sku', plan});
		expect(run(...toConfirm, {type: 'done', ...finished}).step).toEqual({n: 5, ...finished});
	});

	it('esc goes back a step at a time, the confirmation cancelled goes back to what happens', () => {
		const confirming = run(...toConfirm);
		const read = guide(confirming, {type: 'back'});
		expect(read.step).toEqual({n: 3, skuId: 'sku', plan});
		const users = guide(read, {type: 'back'});
		expect(users.step).toEqual({n: 2, skuId: 'sku'});
		expect(guide(users, {type: 'back'}).step).toEqual({n: 1});
		// Nothing before the first step.
		expect(guide(run(), {type: 'back'})).toEqual(run());
	});

	it('what happens is read from its top each time it is come to from the users, not when coming back from the confirmation', () => {
		const scrolled = run({type: 'product', skuId: 'sku', at: chosen}, {type: 'read', plan}, {type: 'scroll', offset: 7});
		expect(scrolled.scroll).toBe(7);
		expect(guide(guide(scrolled, {type: 'confirm'}), {type: 'back'}).scroll).toBe(7);
		expect(guide(guide(scrolled, {type: 'back'}), {type: 'read', plan}).scroll).toBe(0);
	});

	it('from the outcome: r reassigns what was freed and esc comes back; enter starts another session', () => {
		const done = run(...toConfirm, {type: 'done', ...finished});
		const reassigning = guide(done, {type: 'reassign'});
		expect(reassigning.step).toEqual({n: 6, ...finished});
		expect(guide(reassigning, {type: 'back'}).step).toEqual({n: 5, ...finished});
		// The outcome is not undone by esc.
		expect(guide(done, {type: 'back'})).toBe(done);
		expect(guide(done, {type: 'restart'}).step).toEqual({n: 1});
	});

	it('an event that does not belong to the step changes nothing', () => {
		const users = run({type: 'product', skuId: 'sku', at: chosen});
		expect(guide(users, {type: 'confirm'})).toBe(users);
		expect(guide(users, {type: 'done', ...finished})).toBe(users);
		expect(guide(users, {type: 'reassign'})).toBe(users);
		expect(guide(run(), {type: 'read', plan})).toEqual(run());
		expect(guide(users, {type: 'product', skuId: 'other', at: opened})).toBe(users);
	});
});
