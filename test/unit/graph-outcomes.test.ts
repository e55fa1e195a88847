// Graph's answers to assignLicense, as per-user outcomes.
import {describe, expect, it} from 'vitest';
import {outcomesOf} from '../../source/backends/graph/graph-tenant.js';
import type {SubResponse} from '../../source/backends/graph/http.js';
import type {User} from '../../source/domain/model.js';
import type {PlanItem} from '../../source/domain/plan.js';

const item: PlanItem = {
	userId: 'u1',
	userPrincipalName: 'alex@contoso.com',
	displayName: 'Alex',
	add: [],
	remove: ['sku-a'],
	skip: [],
	keptThroughGroups: {},
	dependents: {},
};
const answer = (status: number, message?: string) => ({id: '0', status, body: message ? {error: {code: 'Request_BadRequest', message}} : {}});
const answered = (response: SubResponse) => ({kind: 'answered' as const, response, message: response.body?.error?.message ?? null});
const holding = (skuIds: string[]): User => ({
	id: 'u1',
	displayName: 'Alex',
	userPrincipalName: 'alex@contoso.com',
	accountEnabled: true,
	assignedLicenses: skuIds.map(skuId => ({skuId, disabledPlans: []})),
	licenseAssignmentStates: skuIds.map(skuId => ({skuId, assignedByGroup: null, state: 'Active', error: 'None', disabledPlans: []})),
});

describe("Graph's answers as outcomes", () => {
	it.each([
		['2xx', answer(200), 'removed', null],
		[
			'inherited from a group',
			answer(400, 'User license is inherited from a group membership and it cannot be removed directly from the user.'),
			'skipped',
			'group-assigned',
		],
		['no such license', answer(400, 'User does not have a corresponding license.'), 'skipped', 'not-assigned'],
		['throttled to the end', {id: '0', status: 429, headers: {'Retry-After': '1'}, body: {error: {message: 'Too many requests.'}}}, 'failed', 'error'],
	])('%s', (_case, response, outcome, reason) => {
		const [result] = outcomesOf(item, answered(response));
		expect(result).toMatchObject({userPrincipalName: 'alex@contoso.com', skuId: 'sku-a', requested: 'remove', outcome, reason});
		if (outcome === 'failed') expect(result!.message).toBe(response.body.error!.message);
	});

	it('a request never sent (the sign-in expired first) is not sent, not failed, saying it changed nothing', () => {
		const [result] = outcomesOf(item, {kind: 'not-sent', why: 'answered 401: the sign-in has expired'});
		expect(result).toMatchObject({outcome: 'not-sent', reason: null});
		expect(result!.message).toBe('Not sent: answered 401: the sign-in has expired. Nothing was changed for this user.');
	});

	describe('an answer lost after sending (504, timeout, left out of the batch) is settled by reading the user back', () => {
		it.each([
			['the license is gone: removed', holding([]), 'removed', /read back: the license is gone/],
			['the license is still there: not removed', holding(['sku-a']), 'failed', /^Not removed: .*still has the license/],
			['the user is not found: unknown', null, 'unknown', /^Unknown: .*not found when read back/],
			['reading back fails: unknown', {error: 'answered 500.'}, 'unknown', /^Unknown: .*reading the user back failed too \(answered 500\.\)/],
			[
				'the run was stopped before reading back: unknown',
				'not-read',
				'unknown',
				/^Unknown: .*stopped before reading the user back; the next start reads them/,
			],
		] as const)('%s', (_case, now, outcome, message) => {
			const [result] = outcomesOf(item, {kind: 'unknown', why: 'answered 504.', now});
			expect(result).toMatchObject({skuId: 'sku-a', requested: 'remove', outcome});
			expect(result!.message).toMatch(message);
			expect(result!.message).toContain('answered 504.');
		});

		it('an addition found on the user is assigned', () => {
			const [result] = outcomesOf({...item, add: ['sku-b'], remove: []}, {kind: 'unknown', why: 'no answer', now: holding(['sku-b'])});
			expect(result).toMatchObject({outcome: 'assigned'});
		});
	});

	it('an addition that went through is assigned', () => {
		const [result] = outcomesOf({...item, add: ['sku-b'], remove: []}, answered(answer(200)));
		expect(result).toMatchObject({skuId: 'sku-b', requested: 'add', outcome: 'assigned'});
	});
});
