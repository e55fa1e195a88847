// How fast to send to Microsoft Graph. License writes are throttled per app and tenant (about 3,000
// per 150 s), and a tenant can hold a client at that rate for minutes, so a fixed number of retries
// gives up on users Graph would have taken a moment later. Instead the number of requests in flight
// adapts, as TCP's congestion window does: it doubles from a few while Graph answers 2xx, then grows
// slowly; every 429 or 503 halves it and pauses all sending for the longest Retry-After asked.
// When the pause is over, as many as Graph took between the last two pauses go at once (what its
// budget allowed for that long), so a long run spends its time waiting as asked, not ramping up.
// Pure: the caller passes the time in.

export interface Pacing {
	/** Requests allowed in flight (fractional: it grows by less than one per answer). */
	window: number;
	/** Bumped on every decrease: throttled answers to requests sent before it do not halve again. */
	epoch: number;
	/** Nothing is sent before this time (ms since the epoch). */
	pauseUntil: number;
	/** Doubling, until Graph first pushes back. */
	slowStart: boolean;
	/** Pushes back in a row with nothing taken between them: the backoff when Graph gives no Retry-After. */
	throttledInARow: number;
	/** Answered for good since Graph last pushed back. */
	accepted: number;
	/** May be sent at once when the pause is over, beyond the window: what Graph took last time. */
	burst: number;
}

/** Four batches of 20: the most worth keeping in flight. */
export const maxWindow = 80;

export function initialPacing(window = 5): Pacing {
	return {window: Math.min(window, maxWindow), epoch: 0, pauseUntil: 0, slowStart: true, throttledInARow: 0, accepted: 0, burst: 0};
}

export interface Answer {
	/** The pacing epoch when the request was sent. */
	sentEpoch: number;
	/** Sub-requests answered for good (any status but 429 and 503). */
	answered: number;
	/** Sub-requests (or a whole request) answered 429 or 503. */
	throttled: number;
	/** The longest Retry-After among the throttled ones, in ms; null when none gave one. */
	retryAfterMs: number | null;
	/** A number in [0, 1): where in its range a wait without Retry-After falls (Math.random()). */
	jitter?: number;
}

/** The shortest wait after a 429 or 503, whatever Retry-After says: "0" would make a hot loop. */
export const minThrottleWaitMs = 1000;

/**
 * Without a Retry-After: 1, 2, 4 … seconds, at most 30, each somewhere between half of that and all
 * of it (`jitter`), so clients throttled together do not come back together.
 */
export const backoffMs = (throttledInARow: number, jitter = 1) => {
	const ceiling = Math.min(30_000, 1000 * 2 ** Math.min(throttledInARow, 5));
	return ceiling / 2 + (ceiling / 2) * jitter;
};

/** How long to wait after a 429 or 503: Graph's Retry-After, or the backoff without one; never under a second. */
export const throttleWaitMs = (retryAfter: number | null, throttledInARow: number, jitter?: number) =>
	Math.max(minThrottleWaitMs, retryAfter ?? backoffMs(throttledInARow, jitter));

export function paced(pacing: Pacing, answer: Answer, now: number): Pacing {
	const accepted = pacing.accepted + answer.answered;
	if (answer.throttled > 0) {
		const decrease = answer.sentEpoch === pacing.epoch;
		// Graph took some of these: it is letting requests through, so the backoff starts again. An
		// answer to a request sent before the last push back is part of it: the same backoff.
		const inARow = answer.answered > 0 ? 0 : decrease ? pacing.throttledInARow : Math.max(0, pacing.throttledInARow - 1);
		const wait = throttleWaitMs(answer.retryAfterMs, inARow, answer.jitter);
		return {
			window: decrease ? Math.max(1, Math.floor(pacing.window / 2)) : pacing.window,
			epoch: decrease ? pacing.epoch + 1 : pacing.epoch,
			pauseUntil: Math.max(pacing.pauseUntil, now + wait),
			slowStart: false,
			// Counted once a pause: answers to requests that were in flight together are one push back.
			throttledInARow: decrease ? inARow + 1 : answer.answered > 0 ? inARow : pacing.throttledInARow,
			accepted: 0,
			burst: decrease ? accepted : Math.max(pacing.burst, accepted),
		};
	}
	if (answer.answered === 0) return pacing;
	// Slow start doubles (one more per answer); after that, at most one more per answer.
	const growth = pacing.slowStart ? answer.answered : Math.min(1, answer.answered / pacing.window);
	return {...pacing, window: Math.min(maxWindow, pacing.window + growth), throttledInARow: 0, accepted};
}

/** How many of the queued requests may be sent now, in one batch of at most 20. */
export function batchSize(pacing: Pacing, inFlight: number, queued: number, now: number): number {
	if (now < pacing.pauseUntil) return 0;
	const allowed = Math.floor(pacing.window) + pacing.burst;
	return Math.max(0, Math.min(20, allowed - inFlight, queued));
}

/** After sending: what was sent comes out of the burst allowed after a pause. */
export function sent(pacing: Pacing, count: number): Pacing {
	return pacing.burst > 0 ? {...pacing, burst: Math.max(0, pacing.burst - count)} : pacing;
}

/**
 * Retry-After in ms: Graph sends seconds; HTTP also allows a date. Null when absent or unreadable.
 * Headers may come as a Headers object (a whole request) or a plain object (a $batch sub-response).
 */
export function retryAfterMs(headers: Headers | Record<string, string> | undefined, now: number): number | null {
	const value =
		headers instanceof Headers ? headers.get('retry-after') : Object.entries(headers ?? {}).find(([name]) => name.toLowerCase() === 'retry-after')?.[1];
	if (value === null || value === undefined || value.trim() === '') return null;
	const seconds = Number(value);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(value);
	return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** Answers a second over the last ten seconds (or since the start, when sooner). */
export function ratePerSecond(answerTimes: readonly number[], start: number, now: number): number {
	const since = Math.max(start, now - 10_000);
	const seconds = (now - since) / 1000;
	if (seconds <= 0) return 0;
	return answerTimes.filter(t => t >= since).length / seconds;
}
