// Talking to Microsoft Graph with undici's fetch, through the environment's proxy (network.ts). Not
// @microsoft/microsoft-graph-client: its retry handler retries whole requests only, while a $batch
// answers 429 per sub-request, each with its own Retry-After, and that is where license writes are
// throttled.
//
// The sign-in token goes to Graph's origin (scheme, host and port) and nowhere else: a next-page link
// or a redirect elsewhere is refused, and nothing taken from an answer is shown with a token in it.
// Every failure is a GraphError naming the request (method and path), never a stack trace.
import {Cancelled, UserError} from '../../errors.js';
import {strings} from '../../text/index.js';

import {proxyRoute, send} from './network.js';
import {batchSize, initialPacing, paced, ratePerSecond, retryAfterMs, sent, throttleWaitMs, type Pacing} from './pacing.js';
import {fileBatchAnswer, retryable, type Answer, type Method, type SubRequest, type SubResponse} from './batch-answer.js';
import type {Progress} from '../../domain/progress.js';

export type {Answer, Method, SubRequest, SubResponse};

/**
 * A valid access token for Graph; `extra`: permissions an action needs beyond the ones always asked
 * for. Aborting `signal` (the action's dialog was closed) drops a sign-in still waiting for a code.
 */
export type TokenSource = (extra?: readonly string[], signal?: AbortSignal) => Promise<string>;

/** A request that failed, as one line naming it. */
export class GraphError extends UserError {
	constructor(
		/** METHOD /path, without the query or any token. */
		readonly request: string,
		/** What went wrong, without the request. */
		readonly problem: string,
		/** The request may have reached Graph and been carried out: a write's outcome is unknown. */
		readonly maybeCarriedOut = false,
	) {
		super(strings.graph.failed(request, problem));
	}
}

/** The token was refused (expired or revoked): stop, and say what was done. */
export class TokenExpiredError extends GraphError {}

/** Answered 403: the admin or the app registration lacks a permission, or the tenant a license. */
export class ForbiddenError extends GraphError {
	constructor(
		request: string,
		/** Graph's own message, made safe to show. */
		readonly graphMessage: string,
	) {
		super(request, strings.graph.forbidden(graphMessage));
	}
}

export interface GraphHttpOptions {
	/** Graph's address: the cloud's or --graph-endpoint. The token goes to its origin only. */
	base: string;
	token: TokenSource;
	/** Each request's time limit. */
	timeoutMs?: number;
	/** Aborted: the app is leaving (the admin cancelled while the tenant was read): every request ends. */
	cancel?: AbortSignal;
}

export interface BatchRun {
	onProgress?: (progress: Progress) => void;
	/**
	 * Stops sending (esc, Ctrl-C): what is in flight is answered, the rest is not sent. The answers
	 * are waited for `graceMs` at most; those still missing then are unknown (Graph may have them).
	 */
	signal?: AbortSignal;
	graceMs?: number;
	/** Nothing is sent after this time (ms since the epoch): --max-duration. */
	deadline?: number;
	/** Why the run stops at the deadline, for the users not sent. */
	deadlineReason?: string;
	/** Requests in flight at the start: writes start with a few; reads are not paced as tightly. */
	initialWindow?: number;
	/** Permissions these requests need beyond the ones always asked for (asked for when first needed). */
	scopes?: readonly string[];
	/** The dialog that asked is still open: once it is closed, a sign-in for `scopes` is dropped, and nothing sent. */
	wanted?: AbortSignal;
}

export interface BatchResult {
	/** Graph's final answer to each request that got one. */
	responses: Map<string, SubResponse>;
	/** Requests that may or may not have been carried out, and why the answer is missing. */
	unknown: Map<string, string>;
	/** Why the rest were not sent; set when the run stopped early. */
	stopped?: string;
}

export const defaultTimeoutMs = 60_000;
/** After a stop: how long the answers to what was sent are waited for. */
export const stopGraceMs = 5000;
/** A page count no real directory reaches (100 million users at 999 a page): beyond it, links loop. */
const maxPages = 100_000;
const readRetries = 8;

/** Anything that looks like a credential, out of text taken from an answer: one line, cut short. */
export function redact(text: string, token?: string): string {
	let safe = text;
	if (token) safe = safe.split(token).join('[token removed]');
	safe = safe
		.replace(/\bBearer\s+[^\s"',;]+/gi, 'Bearer [token removed]')
		.replace(/\beyJ[\w-]*\.[\w-]+\.[\w-]*/g, '[token removed]')
		.replace(/\s+/g, ' ')
		.trim();
	return safe.length > 300 ? `${safe.slice(0, 299)}…` : safe;
}

/** The proxy's answer to a CONNECT it refused, as undici words it somewhere down the error's causes. */
function tunnelRefused(error: unknown): string | undefined {
	for (let cause = error, depth = 0; cause && depth < 5; cause = (cause as {cause?: unknown}).cause, depth++) {
		const status = /Proxy response \((\d+)\)/.exec((cause as {message?: string}).message ?? '')?.[1];
		if (status) return status;
	}
	return undefined;
}

/** Why a request got no answer, in words: naming the proxy when the request went through one. */
export function networkProblem(error: unknown, url: URL, timeoutMs: number): GraphError['problem'] {
	if (error instanceof UserError) return error.message;
	const cause = (error as {cause?: {code?: string; message?: string}}).cause;
	const name = (error as Error).name;
	if (name === 'TimeoutError') return strings.graph.timeout(Math.round(timeoutMs / 1000));
	const {proxy, credentials} = proxyRoute(url.href, process.env);
	const refusedBy = tunnelRefused(error);
	if (proxy && refusedBy === '407') return credentials ? strings.proxy.credentialsRefused(proxy) : strings.proxy.wantsCredentials(proxy);
	if (proxy && refusedBy) return strings.proxy.refused(proxy, refusedBy);
	const code = cause?.code ?? (error as NodeJS.ErrnoException).code;
	if (code === 'ECONNREFUSED') return proxy ? strings.proxy.unreachable(proxy) : strings.graph.refused(url.host);
	if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return proxy ? strings.proxy.notFound(proxy) : strings.graph.notFound(url.hostname);
	return strings.graph.network(code ?? cause?.message ?? (error as Error).message);
}

/** The failures that say the request never reached Graph: nothing can have been carried out. */
const neverSent = (error: unknown) => {
	const code = (error as {cause?: {code?: string}}).cause?.code;
	return error instanceof UserError || code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN' || tunnelRefused(error) !== undefined;
};

export class GraphHttp {
	readonly origin: string;
	private readonly timeoutMs: number;
	private lastToken: string | undefined;

	constructor(private readonly options: GraphHttpOptions) {
		this.origin = new URL(options.base).origin;
		this.timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
	}

	/** A path under /v1.0, or a whole URL (a next-page link): refused unless it is on Graph's origin. */
	private resolve(method: string, pathOrUrl: string): URL {
		let url: URL;
		try {
			url = pathOrUrl.startsWith('/') ? new URL(`${this.options.base}/v1.0${pathOrUrl}`) : new URL(pathOrUrl);
		} catch {
			throw new GraphError(`${method} ${redact(pathOrUrl.split('?')[0]!, this.lastToken)}`, strings.graph.notAUrl);
		}
		if (url.origin !== this.origin) {
			throw new GraphError(`${method} ${url.origin}${url.pathname}`, strings.graph.otherOrigin(url.origin, this.origin));
		}
		return url;
	}

	private describe(method: string, url: URL) {
		return `${method} ${url.pathname}`;
	}

	/** One HTTP exchange: the answer parsed, or a GraphError saying what went wrong. */
	/**
	 * `wanted`: the action's dialog is still open; closed, a sign-in waiting for a code is dropped and
	 * nothing is sent. `cut`: gives up on the answer (after a stop); the request may have reached Graph.
	 */
	private async exchange(
		method: Method,
		url: URL,
		body?: unknown,
		{scopes, wanted, cut}: {scopes?: readonly string[]; wanted?: AbortSignal; cut?: AbortSignal} = {},
	): Promise<Answer> {
		const request = this.describe(method, url);
		const token = await this.options.token(scopes, wanted);
		// The permission came, but the dialog that asked for it is gone: nothing is sent.
		if (wanted?.aborted) throw new Cancelled();
		this.lastToken = token;
		const leaving = this.options.cancel;
		const signal = AbortSignal.any([AbortSignal.timeout(this.timeoutMs), ...(cut ? [cut] : []), ...(leaving ? [leaving] : [])]);
		/** Why there is no answer: the run was stopped and waited long enough, or the network. */
		const problem = (error: unknown) => (cut?.aborted ? String(cut.reason) : networkProblem(error, url, this.timeoutMs));
		const failed = (error: unknown, maybeCarriedOut: boolean) =>
			leaving?.aborted ? new Cancelled() : new GraphError(request, problem(error), maybeCarriedOut);
		let response: Awaited<ReturnType<typeof send>>;
		try {
			response = await send(url, {
				method,
				headers: {Authorization: `Bearer ${token}`, 'Content-Type': 'application/json'},
				body: body === undefined ? undefined : JSON.stringify(body),
				// A redirect would carry the token wherever it points: refused below instead.
				redirect: 'manual',
				signal,
			});
		} catch (error) {
			throw failed(error, !neverSent(error));
		}
		let text: string;
		try {
			text = await response.text();
		} catch (error) {
			throw failed(error, true);
		}
		if (response.status >= 300 && response.status < 400) {
			const location = response.headers.get('location') ?? '';
			let where = location;
			try {
				where = new URL(location, url).origin;
			} catch {
				// An unreadable Location is named as it is.
			}
			throw new GraphError(request, strings.graph.redirect(response.status, redact(where, token), this.origin));
		}
		if (response.status === 401) throw new TokenExpiredError(request, strings.graph.unauthorized);
		let data: unknown = undefined;
		if (text.trim() !== '') {
			try {
				data = JSON.parse(text);
			} catch {
				// Throttled is throttled, whatever the body; otherwise Graph's JSON is needed to go on.
				if (!retryable(response.status)) {
					const html = /html/i.test(response.headers.get('content-type') ?? '') || /^\s*</.test(text);
					// A write may have gone through even when its answer is unreadable.
					throw new GraphError(request, strings.graph.notJson(response.status, html), method === 'POST');
				}
			}
		}
		// A plain record: undici's Headers are not the global class Retry-After is read from.
		return {status: response.status, headers: Object.fromEntries(response.headers), data};
	}

	errorText(answer: Answer): string {
		const message = (answer.data as {error?: {message?: unknown}} | undefined)?.error?.message;
		return typeof message === 'string' ? redact(message, this.lastToken) : '';
	}

	/** Graph's message from a sub-response, made safe to show. */
	safeMessage(response: SubResponse): string | null {
		const message = response.body?.error?.message;
		return typeof message === 'string' ? redact(message, this.lastToken) : null;
	}

	/** One read, sent again after Graph's Retry-After on 429 and 503 (a few times: reads are not paced). */
	async get<T>(pathOrUrl: string): Promise<T> {
		const answer = await this.one('GET', pathOrUrl);
		if (typeof answer.data !== 'object' || answer.data === null)
			throw new GraphError(this.describe('GET', this.resolve('GET', pathOrUrl)), strings.graph.notJson(answer.status, false));
		return answer.data as T;
	}

	/**
	 * One request (a read, or a single change such as deleting a user): sent again after Graph's
	 * Retry-After on 429 and 503, a few times. Anything but 2xx is a GraphError with Graph's message.
	 */
	async one(method: Method, path: string, body?: unknown, scopes?: readonly string[], wanted?: AbortSignal): Promise<Answer> {
		const url = this.resolve(method, path);
		const request = this.describe(method, url);
		for (let attempt = 0; ; attempt++) {
			const answer = await this.exchange(method, url, body, {scopes, wanted});
			if (retryable(answer.status) && attempt < readRetries) {
				await new Promise(resolve => setTimeout(resolve, throttleWaitMs(retryAfterMs(answer.headers, Date.now()), attempt, Math.random())));
				continue;
			}
			if (answer.status === 403) throw new ForbiddenError(request, this.errorText(answer));
			if (answer.status < 200 || answer.status >= 300)
				throw new GraphError(request, strings.graph.status(answer.status, this.errorText(answer)), answer.status >= 500);
			return answer;
		}
	}

	/** Every page of a collection, following @odata.nextLink on Graph's origin, once each. */
	async getAll<T>(path: string, onPage?: (count: number) => void): Promise<T[]> {
		const items: T[] = [];
		const seen = new Set<string>();
		let next: string | undefined = path;
		for (let pages = 0; next; pages++) {
			const url = this.resolve('GET', next);
			if (seen.has(url.href)) throw new GraphError(this.describe('GET', url), strings.graph.loop);
			if (pages >= maxPages) throw new GraphError(this.describe('GET', url), strings.graph.tooManyPages(maxPages));
			seen.add(url.href);
			const page: {value?: unknown; '@odata.nextLink'?: unknown} = await this.get(next);
			if (!Array.isArray(page.value)) throw new GraphError(this.describe('GET', url), strings.graph.notACollection);
			items.push(...(page.value as T[]));
			onPage?.(items.length);
			const link = page['@odata.nextLink'];
			next = typeof link === 'string' && link !== '' ? link : undefined;
		}
		return items;
	}

	/**
	 * Sends requests through $batch, paced to what Graph accepts (see pacing.ts). A request answered
	 * 429 or 503 is sent again after the longest Retry-After, for as long as it takes, unless the run
	 * is stopped (signal) or reaches its deadline. Every request ends answered, unknown (sent, but the
	 * answer was lost: it may have been carried out) or not sent (the rest after a stop).
	 */
	async batch(requests: readonly SubRequest[], run: BatchRun = {}): Promise<BatchResult> {
		const responses = new Map<string, SubResponse>();
		const unknown = new Map<string, string>();
		const queue = [...requests];
		const start = Date.now();
		const answerTimes: number[] = [];
		let pacing: Pacing = initialPacing(run.initialWindow);
		let inFlight = 0;
		let throttled = 0;
		let stopped: string | undefined;
		let crash: unknown;
		let wake: () => void = () => {};
		const batches = new Set<Promise<void>>();
		// Cuts the requests in flight once a stop has waited long enough for their answers.
		const cut = new AbortController();
		let cutTimer: NodeJS.Timeout | undefined;

		const progress = (finished = false): void => {
			const now = Date.now();
			while (answerTimes.length > 0 && answerTimes[0]! < now - 10_000) answerTimes.shift();
			const done = responses.size + unknown.size;
			run.onProgress?.({
				total: requests.length,
				done,
				throttled,
				remaining: requests.length - done,
				perSecond: ratePerSecond(answerTimes, start, now),
				waitingMs: finished ? 0 : Math.max(0, pacing.pauseUntil - now),
				elapsedMs: now - start,
				finished,
			});
		};
		const settle = (id: string, response: SubResponse) => {
			responses.set(id, response);
			answerTimes.push(Date.now());
		};
		const lost = (id: string, why: string) => {
			unknown.set(id, why);
			answerTimes.push(Date.now());
		};

		/** Sends one batch and files each answer; what Graph held back goes to the front of the queue. */
		const send = async (chunk: SubRequest[], sentEpoch: number) => {
			let answer: Answer;
			try {
				answer = await this.exchange('POST', this.resolve('POST', '/$batch'), {requests: chunk}, {scopes: run.scopes, wanted: run.wanted, cut: cut.signal});
			} catch (error) {
				if (!(error instanceof GraphError)) throw error;
				if (error.maybeCarriedOut) for (const request of chunk) lost(request.id, error.problem);
				else {
					// Refused before reaching Graph (the sign-in, the connection): stop; these were not sent.
					stopped ??= error.problem;
					queue.unshift(...chunk);
				}
				return;
			}
			const filed = fileBatchAnswer(chunk, answer, this, Date.now());
			for (const response of filed.answered) settle(response.id, response);
			for (const {id, why} of filed.lost) lost(id, why);
			if (filed.unauthorized.length > 0) stopped ??= strings.graph.unauthorized;
			const {heldBack, unauthorized: notSent} = filed;
			throttled += heldBack.length;
			queue.unshift(...heldBack, ...notSent);
			const answered = chunk.length - heldBack.length - notSent.length;
			pacing = paced(pacing, {sentEpoch, answered, throttled: heldBack.length, retryAfterMs: filed.waitMs, jitter: Math.random()}, Date.now());
		};

		const onAbort = () => {
			const grace = run.graceMs ?? stopGraceMs;
			cutTimer = setTimeout(() => cut.abort(strings.graph.noAnswerAfterStop(Math.round(grace / 1000))), grace);
			wake();
		};
		if (run.signal?.aborted) onAbort();
		else run.signal?.addEventListener('abort', onAbort);
		try {
			for (;;) {
				const now = Date.now();
				if (!stopped && run.signal?.aborted) stopped = strings.graph.cancelled;
				if (!stopped && run.deadline !== undefined && now >= run.deadline) stopped = run.deadlineReason ?? strings.graph.cancelled;
				for (let size = stopped ? 0 : batchSize(pacing, inFlight, queue.length, now); size > 0; size = batchSize(pacing, inFlight, queue.length, now)) {
					const chunk = queue.splice(0, size);
					inFlight += size;
					pacing = sent(pacing, size);
					const sending: Promise<void> = send(chunk, pacing.epoch)
						.catch(error => {
							crash ??= error;
							stopped ??= String(error);
						})
						.finally(() => {
							inFlight -= size;
							batches.delete(sending);
							progress();
							wake();
						});
					batches.add(sending);
				}
				if (batches.size === 0 && (queue.length === 0 || stopped)) break;
				// Wait for an answer, the end of a pause (counting it down each second), a stop or the deadline;
				// once stopped, for the answers alone.
				const paused = !stopped && queue.length > 0 && now < pacing.pauseUntil;
				const until = stopped ? Infinity : Math.min(paused ? Math.min(pacing.pauseUntil, now + 1000) : Infinity, run.deadline ?? Infinity);
				await new Promise<void>(resolve => {
					const timer = until === Infinity ? undefined : setTimeout(resolve, Math.max(0, until - now));
					wake = () => {
						clearTimeout(timer);
						resolve();
					};
				});
				if (paused) progress();
			}
		} finally {
			run.signal?.removeEventListener('abort', onAbort);
			clearTimeout(cutTimer);
		}
		if (crash) throw crash;
		progress(true);
		return {responses, unknown, ...(stopped && queue.length > 0 ? {stopped} : {})};
	}
}
