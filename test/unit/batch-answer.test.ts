import {describe, expect, it} from 'vitest';
import {fileBatchAnswer} from '../../source/backends/graph/batch-answer.js';
import type {Answer, SubRequest, SubResponse} from '../../source/backends/graph/http.js';

const chunk: SubRequest[] = ['1', '2', '3'].map(id => ({id, method: 'POST', url: `/users/${id}/assignLicense`}));
const words = {
	errorText: (answer: Answer) => String((answer.data as {error?: {message?: string}} | undefined)?.error?.message ?? ''),
	safeMessage: (response: SubResponse) => response.body?.error?.message ?? null,
};
const ids = (requests: readonly {id: string}[]) => requests.map(r => r.id);

describe('filing the answer to one $batch', () => {
	it('holds every request back when the whole batch is throttled, for the Retry-After Graph named', () => {
		const filed = fileBatchAnswer(chunk, {status: 429, headers: {'retry-after': '7'}, data: undefined}, words, 0);
		expect(ids(filed.heldBack)).toEqual(['1', '2', '3']);
		expect(filed.waitMs).toBe(7000);
		expect(filed.answered).toEqual([]);
	});

	it('counts a gateway error as unknown (it may have been carried out) and a 4xx as refused', () => {
		const gateway = fileBatchAnswer(chunk, {status: 504, headers: {}, data: undefined}, words, 0);
		expect(ids(gateway.lost)).toEqual(['1', '2', '3']);
		const refused = fileBatchAnswer(chunk, {status: 400, headers: {}, data: {error: {message: 'Bad batch'}}}, words, 0);
		expect(refused.answered.map(r => [r.id, r.status])).toEqual([
			['1', 400],
			['2', 400],
			['3', 400],
		]);
		expect(refused.answered[0]!.body?.error?.message).toContain('Bad batch');
	});

	it('files a partial answer request by request: answered, throttled with the longest wait, left out, signed out, failed', () => {
		const answer: Answer = {
			status: 200,
			headers: {},
			data: {
				responses: [
					{id: '1', status: 200, body: {}},
					{id: '2', status: 503, headers: {'Retry-After': '3'}},
					{id: '3', status: 401, body: {error: {message: 'expired'}}},
					{id: 'stranger', status: 200},
				],
			},
		};
		const filed = fileBatchAnswer(
			[...chunk, {id: '4', method: 'POST', url: '/x'}, {id: '5', method: 'POST', url: '/y'}],
			{...answer, data: {responses: [...(answer.data as {responses: unknown[]}).responses, {id: '5', status: 502, body: {error: {message: 'gateway'}}}]}},
			words,
			0,
		);
		expect(ids(filed.answered)).toEqual(['1']);
		expect(ids(filed.heldBack)).toEqual(['2']);
		expect(filed.waitMs).toBe(3000);
		expect(ids(filed.unauthorized)).toEqual(['3']);
		expect(filed.lost.map(l => l.id)).toEqual(['4', '5']);
		expect(filed.lost[1]!.why).toContain('gateway');
	});
});
