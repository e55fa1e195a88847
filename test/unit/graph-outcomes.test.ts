// Graph's answers to assignLicense, as per-user outcomes.
import {describe, expect, it} from 'vitest';
import {outcomesOf} from '../../source/backends/graph/graph-tenant.js';
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

describe("Graph's answers as outcomes", () => {
	it.each([
		['2xx', answer(200), 'removed', null],
		['inherited from a group', answer(400, 'User license is inherited from a group membership and it cannot be removed directly from the user.'), 'skipped', 'group-assigned'],
		['no such license', answer(400, 'User does not have a corresponding license.'), 'skipped', 'not-assigned'],
		['a dependent service plan', answer(400, 'License assignment failed because service plan X depends on the service plan(s) Y'), 'failed', 'error'],
		['throttled to the end', {id: '0', status: 429, headers: {'Retry-After': '1'}, body: {error: {message: 'Too many requests.'}}}, 'failed', 'error'],
	])('%s', (_case, response, outcome, reason) => {
		const [result] = outcomesOf(item, response, undefined);
		expect(result).toMatchObject({userPrincipalName: 'alex@contoso.com', skuId: 'sku-a', requested: 'remove', outcome, reason});
		if (outcome === 'failed') expect(result!.message).toBe(response.body.error!.message);
	});

	it('a request never sent (the sign-in expired first) fails, saying so, and changed nothing', () => {
		const [result] = outcomesOf(item, undefined, new Error('The sign-in has expired or was revoked (Graph answered 401).'));
		expect(result).toMatchObject({outcome: 'failed', reason: 'error'});
		expect(result!.message).toContain('Not sent: The sign-in has expired');
	});

	it('an addition that went through is assigned', () => {
		const [result] = outcomesOf({...item, add: ['sku-b'], remove: []}, answer(200), undefined);
		expect(result).toMatchObject({skuId: 'sku-b', requested: 'add', outcome: 'assigned'});
	});
});
