// How fast writes go to Graph: the window that grows while Graph answers 2xx and halves when it
// pushes back, the pause for the longest Retry-After, and what is sent when the pause is over.
import {describe, expect, it} from 'vitest';
import {redact} from '../../source/backends/graph/http.js';
import {
	backoffMs,
	batchSize,
	initialPacing,
	maxWindow,
	minThrottleWaitMs,
	paced,
	ratePerSecond,
	retryAfterMs,
	sent,
	throttleWaitMs,
} from '../../source/backends/graph/pacing.js';
import {parseDuration} from '../../source/open-tenant.js';

const ok = (answered: number, sentEpoch = 0) => ({sentEpoch, answered, throttled: 0, retryAfterMs: null});
const throttled = (count: number, retryAfter: number | null, sentEpoch = 0, answered = 0) => ({
	sentEpoch,
	answered,
	throttled: count,
	retryAfterMs: retryAfter,
});

describe('pacing', () => {
	it('starts with a few in flight and doubles while Graph answers 2xx, up to four batches of 20', () => {
		let pacing = initialPacing();
		expect(batchSize(pacing, 0, 1000, 0)).toBe(5);
		pacing = paced(pacing, ok(5), 0);
		expect(pacing.window).toBe(10);
		pacing = paced(pacing, ok(10), 0);
		expect(batchSize(pacing, 0, 1000, 0)).toBe(20);
		for (let i = 0; i < 10; i++) pacing = paced(pacing, ok(20), 0);
		expect(pacing.window).toBe(maxWindow);
		// Never more than 20 in one batch, nor more than are waiting, nor more than the window leaves.
		expect(batchSize(pacing, 0, 1000, 0)).toBe(20);
		expect(batchSize(pacing, 0, 3, 0)).toBe(3);
		expect(batchSize(pacing, 75, 1000, 0)).toBe(5);
	});

	it('a 429 halves the window and pauses everything for the longest Retry-After', () => {
		let pacing = {...initialPacing(), window: 40};
		pacing = paced(pacing, throttled(3, 2000), 1000);
		expect(pacing.window).toBe(20);
		expect(pacing.pauseUntil).toBe(3000);
		expect(batchSize(pacing, 0, 100, 2999)).toBe(0);
		expect(batchSize(pacing, 0, 100, 3000)).toBeGreaterThan(0);
		// A longer wait asked by another answer wins; a shorter one does not shorten it.
		pacing = paced(pacing, throttled(1, 5000, pacing.epoch), 1000);
		expect(pacing.pauseUntil).toBe(6000);
		pacing = paced(pacing, throttled(1, 1000, pacing.epoch), 1000);
		expect(pacing.pauseUntil).toBe(6000);
	});

	it('halves once for requests that were in flight together, again for those sent after', () => {
		let pacing = {...initialPacing(), window: 64};
		pacing = paced(pacing, throttled(1, 0, 0), 0);
		expect(pacing.window).toBe(32);
		// Sent before the first 429 was known: no second halving.
		pacing = paced(pacing, throttled(1, 0, 0), 0);
		expect(pacing.window).toBe(32);
		pacing = paced(pacing, throttled(1, 0, pacing.epoch), 0);
		expect(pacing.window).toBe(16);
		expect(paced({...initialPacing(), window: 1}, throttled(1, 0), 0).window).toBe(1);
	});

	it('grows by at most one an answer once Graph has pushed back', () => {
		let pacing = paced({...initialPacing(), window: 8}, throttled(1, 0), 0);
		expect(pacing.window).toBe(4);
		pacing = paced(pacing, ok(20, pacing.epoch), 0);
		expect(pacing.window).toBe(5);
		pacing = paced(pacing, ok(1, pacing.epoch), 0);
		expect(pacing.window).toBeCloseTo(5.2);
	});

	it('after the pause, as many as Graph took since the last one go at once, then the window', () => {
		let pacing = paced({...initialPacing(), window: 4}, throttled(1, 1000), 0);
		pacing = paced(pacing, ok(2, pacing.epoch), 1000);
		pacing = paced(pacing, ok(3, pacing.epoch), 1000);
		pacing = paced(pacing, throttled(4, 1000, pacing.epoch, 15), 1100);
		// 2 + 3 + 15 taken before Graph pushed back again.
		expect(pacing.burst).toBe(20);
		expect(batchSize(pacing, 0, 1000, 2099)).toBe(0);
		expect(batchSize(pacing, 0, 1000, 2100)).toBe(20);
		pacing = sent(pacing, 20);
		expect(pacing.burst).toBe(0);
		expect(batchSize(pacing, 20, 1000, 2100)).toBe(0);
		expect(batchSize(pacing, 0, 1000, 2100)).toBe(Math.floor(pacing.window));
	});

	it('without a Retry-After, waits 1, 2, 4 … seconds, at most 30, each between half and all of it', () => {
		expect([0, 1, 2, 5, 9].map(n => backoffMs(n, 1))).toEqual([1000, 2000, 4000, 30_000, 30_000]);
		expect([0, 1, 2, 5, 9].map(n => backoffMs(n, 0))).toEqual([500, 1000, 2000, 15_000, 15_000]);
		let pacing = initialPacing();
		pacing = paced(pacing, {...throttled(1, null), jitter: 1}, 0);
		expect(pacing.pauseUntil).toBe(1000);
		pacing = paced(pacing, {...throttled(1, null, pacing.epoch), jitter: 1}, 1000);
		expect(pacing.pauseUntil).toBe(3000);
		expect(paced(pacing, ok(1, pacing.epoch), 3000).throttledInARow).toBe(0);
	});

	it('requests in flight together count as one push back: the backoff grows once a pause, not once an answer', () => {
		let pacing = paced({...initialPacing(), window: 80}, {...throttled(20, null), jitter: 1}, 0);
		// Four more batches of the same flight answer 429 too: still the first pause's backoff.
		for (let i = 0; i < 4; i++) pacing = paced(pacing, {...throttled(20, null, 0), jitter: 1}, 0);
		expect(pacing.throttledInARow).toBe(1);
		expect(pacing.pauseUntil).toBe(1000);
	});

	it('a push back in which Graph took some of the requests starts the backoff again: it is letting them through', () => {
		let pacing = initialPacing();
		// Three pushes back with nothing taken: 1, 2, 4 s.
		for (let i = 0; i < 3; i++) pacing = paced(pacing, {...throttled(5, null, pacing.epoch), jitter: 1}, 0);
		expect(pacing.pauseUntil).toBe(4000);
		// Then a batch half taken, half throttled: a second again, not eight.
		pacing = paced(pacing, {...throttled(5, null, pacing.epoch, 5), jitter: 1}, 10_000);
		expect(pacing.pauseUntil).toBe(11_000);
		expect(pacing.throttledInARow).toBe(1);
	});

	it('never less than a second after a 429 or 503, whatever Retry-After says', () => {
		expect(throttleWaitMs(0, 0)).toBe(minThrottleWaitMs);
		expect(throttleWaitMs(200, 3)).toBe(1000);
		expect(throttleWaitMs(null, 0, 0)).toBe(1000);
		expect(throttleWaitMs(7000, 0)).toBe(7000);
		expect(paced(initialPacing(), throttled(1, 0), 5000).pauseUntil).toBe(6000);
	});

	it('reads Retry-After in seconds or as a date, from either kind of headers', () => {
		expect(retryAfterMs(new Headers({'Retry-After': '3'}), 0)).toBe(3000);
		expect(retryAfterMs({'retry-after': '0'}, 0)).toBe(0);
		expect(retryAfterMs({'Retry-After': 'Wed, 21 Oct 2015 07:28:10 GMT'}, Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(10_000);
		expect(retryAfterMs({}, 0)).toBeNull();
		expect(retryAfterMs({'Retry-After': 'soon'}, 0)).toBeNull();
		expect(retryAfterMs(undefined, 0)).toBeNull();
	});

	it('the rate: answers a second over the last ten seconds', () => {
		expect(ratePerSecond([], 0, 0)).toBe(0);
		expect(ratePerSecond([100, 200, 300, 400], 0, 2000)).toBe(2);
		expect(ratePerSecond([1000, 11_000, 12_000], 0, 20_000)).toBeCloseTo(0.2);
	});
});

describe('text taken from an answer', () => {
	it('loses anything that looks like a credential, and stays one short line', () => {
		const jwt = 'eyJ0eXAiOiJKV1QifQ.eyJhdWQiOiJncmFwaCJ9.c2lnbmF0dXJl';
		expect(redact(`Header Authorization: Bearer ${jwt} was bad`)).toBe('Header Authorization: Bearer [token removed] was bad');
		expect(redact(`token=${jwt};`)).toBe('token=[token removed];');
		expect(redact('echo: opaque-token-123 here', 'opaque-token-123')).toBe('echo: [token removed] here');
		expect(redact('bearer abc\r\nnext line')).toBe('Bearer [token removed] next line');
		expect(redact('x'.repeat(1000))).toHaveLength(300);
	});
});

describe('--request-timeout and --max-duration', () => {
	it.each([
		['90', 90_000],
		['90s', 90_000],
		['1.5m', 90_000],
		['2h', 7_200_000],
		['500ms', 500],
	])('%s', (given, ms) => expect(parseDuration('max-duration', given)).toBe(ms));

	it.each(['0', '-1', 'soon', '2d', ''])('refuses %j', given => {
		expect(() => parseDuration('max-duration', given)).toThrow(/^--max-duration .*: give a duration such as 90 \(seconds\), 90s, 5m or 2h/);
	});
});
