import {strings} from '../../text/index.js';
import {retryAfterMs} from './pacing.js';

// The shapes of Graph's JSON $batch (requests and their answers), and how its answer is read.

export type Method = 'GET' | 'POST' | 'DELETE';

export interface SubRequest {
	id: string;
	method: Method;
	/** Relative to /v1.0, as $batch takes it: /users/{id}/assignLicense. */
	url: string;
	body?: unknown;
}

export interface SubResponse {
	id: string;
	status: number;
	headers?: Record<string, string>;
	body?: {error?: {code?: string; message?: string}} & Record<string, unknown>;
}

/** An HTTP answer as read: the status, the headers as a plain record, the JSON body. */
export interface Answer {
	status: number;
	headers: Record<string, string>;
	data: unknown;
}

/** 429 and 503 are Graph holding a request back: it was not carried out and may be sent again. */
export const retryable = (status: number) => status === 429 || status === 503;

/** Where each request of one $batch went, read from Graph's answer. */
export interface FiledBatch {
	answered: SubResponse[];
	/** Sent, but the answer says nothing sure: it may have been carried out. */
	lost: Array<{id: string; why: string}>;
	/** Throttled: to be sent again, after `waitMs` when Graph named a wait. */
	heldBack: SubRequest[];
	waitMs: number | null;
	/** Refused for the sign-in (401): not carried out; the run stops. */
	unauthorized: SubRequest[];
}

export interface AnswerWords {
	/** Graph's message of the whole answer, made safe to show. */
	errorText: (answer: Answer) => string;
	/** Graph's message of one sub-response, made safe to show. */
	safeMessage: (response: SubResponse) => string | null;
}

/** Files every request of a sent $batch by its answer; pure, so each of Graph's shapes can be tested. */
export function fileBatchAnswer(chunk: readonly SubRequest[], answer: Answer, words: AnswerWords, now: number): FiledBatch {
	const filed: FiledBatch = {answered: [], lost: [], heldBack: [], waitMs: null, unauthorized: []};
	const holdBack = (request: SubRequest, after: number | null) => {
		filed.heldBack.push(request);
		if (after !== null) filed.waitMs = Math.max(filed.waitMs ?? 0, after);
	};
	if (retryable(answer.status)) {
		for (const request of chunk) holdBack(request, retryAfterMs(answer.headers, now));
		return filed;
	}
	if (answer.status < 200 || answer.status >= 300) {
		const message = strings.graph.status(answer.status, words.errorText(answer));
		for (const request of chunk) {
			// A 5xx (a 504 from a gateway) may come after Graph carried the requests out; a 4xx refused them.
			if (answer.status >= 500) filed.lost.push({id: request.id, why: message});
			else filed.answered.push({id: request.id, status: answer.status, body: {error: {message}}});
		}
		return filed;
	}
	const list = (answer.data as {responses?: unknown} | undefined)?.responses;
	const subs = (Array.isArray(list) ? list : []).filter((r): r is SubResponse => typeof r === 'object' && r !== null);
	const byId = new Map(subs.map(r => [String(r.id), r]));
	for (const request of chunk) {
		const sub = byId.get(request.id);
		if (!sub || typeof sub.status !== 'number') filed.lost.push({id: request.id, why: strings.graph.leftOut});
		else if (retryable(sub.status)) holdBack(request, retryAfterMs(sub.headers, now));
		else if (sub.status === 401) filed.unauthorized.push(request);
		else if (sub.status >= 500) filed.lost.push({id: request.id, why: strings.graph.status(sub.status, words.safeMessage(sub) ?? '')});
		else filed.answered.push(sub);
	}
	return filed;
}
