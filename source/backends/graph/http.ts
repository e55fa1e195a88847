// Talking to Microsoft Graph with Node's own fetch. Not @microsoft/microsoft-graph-client: its retry
// handler retries whole requests only, while a $batch answers 429 per sub-request, each with its own
// Retry-After, and that is where license writes are throttled.

export interface SubRequest {
	id: string;
	method: 'GET' | 'POST';
	url: string;
	body?: unknown;
}

export interface SubResponse {
	id: string;
	status: number;
	headers?: Record<string, string>;
	body?: {error?: {code?: string; message?: string}} & Record<string, unknown>;
}

export interface Progress {
	done: number;
	total: number;
	retries: number;
	/** Milliseconds the next try waits because Graph asked (Retry-After); 0 when not waiting. */
	waitingMs: number;
}

/** The token was refused (expired or revoked): stop, and say what was done. */
export class TokenExpiredError extends Error {}

export interface GraphHttpOptions {
	base: string;
	token: () => Promise<string>;
	maxRetries?: number;
	/** Batches in flight at once. */
	concurrency?: number;
	sleep?: (ms: number) => Promise<void>;
}

const retryable = (status: number) => status === 429 || status === 503;

/** Retry-After in seconds (Graph sends seconds), else an exponential backoff. */
function retryDelay(headers: Record<string, string | null | undefined> | Headers | undefined, attempt: number): number {
	const value = headers instanceof Headers ? headers.get('retry-after') : (headers?.['Retry-After'] ?? headers?.['retry-after']);
	const seconds = Number(value);
	return Number.isFinite(seconds) && seconds >= 0 && value !== null && value !== undefined ? seconds * 1000 : Math.min(30_000, 500 * 2 ** attempt);
}

export class GraphHttp {
	private readonly maxRetries: number;
	private readonly concurrency: number;
	private readonly sleep: (ms: number) => Promise<void>;

	constructor(private readonly options: GraphHttpOptions) {
		this.maxRetries = options.maxRetries ?? 6;
		this.concurrency = options.concurrency ?? 4;
		this.sleep = options.sleep ?? (ms => new Promise(resolve => setTimeout(resolve, ms)));
	}

	/** One request, retried on 429 and 503 as Graph asks. */
	async request<T>(method: 'GET' | 'POST', pathOrUrl: string, body?: unknown, onWait?: (ms: number) => void): Promise<T> {
		const url = pathOrUrl.startsWith('http') ? pathOrUrl : `${this.options.base}/v1.0${pathOrUrl}`;
		for (let attempt = 0; ; attempt++) {
			const response = await fetch(url, {
				method,
				headers: {Authorization: `Bearer ${await this.options.token()}`, 'Content-Type': 'application/json'},
				body: body === undefined ? undefined : JSON.stringify(body),
			});
			if (response.status === 401) throw new TokenExpiredError('The sign-in has expired or was revoked (Graph answered 401).');
			if (retryable(response.status) && attempt < this.maxRetries) {
				const wait = retryDelay(response.headers, attempt);
				onWait?.(wait);
				await this.sleep(wait);
				continue;
			}
			const text = await response.text();
			const data = text ? JSON.parse(text) : {};
			if (!response.ok) throw new Error(`Graph ${method} ${pathOrUrl}: ${response.status} ${data?.error?.message ?? text}`);
			return data as T;
		}
	}

	/** Every page of a collection, following @odata.nextLink. */
	async getAll<T>(path: string, onPage?: (count: number) => void): Promise<T[]> {
		const items: T[] = [];
		let next: string | undefined = path;
		while (next) {
			const page: {value: T[]; '@odata.nextLink'?: string} = await this.request('GET', next);
			items.push(...page.value);
			onPage?.(items.length);
			next = page['@odata.nextLink'];
		}
		return items;
	}

	/**
	 * Sends requests through $batch, 20 a batch and a few batches in flight. A sub-request that answers
	 * 429 or 503 is sent again after its Retry-After; every request gets exactly one final answer. A
	 * 401 stops everything: the answers so far are returned with the error, so callers know what was done.
	 */
	async batch(requests: readonly SubRequest[], onProgress?: (p: Progress) => void): Promise<{responses: Map<string, SubResponse>; error?: Error}> {
		const responses = new Map<string, SubResponse>();
		const progress: Progress = {done: 0, total: requests.length, retries: 0, waitingMs: 0};
		const report = () => onProgress?.({...progress});
		let failure: Error | undefined;

		const runOne = async (chunk: SubRequest[]) => {
			let pending = chunk;
			for (let attempt = 0; pending.length > 0 && !failure; attempt++) {
				let answer: {responses: SubResponse[]};
				try {
					answer = await this.request('POST', '/$batch', {requests: pending}, ms => {
						progress.retries++;
						progress.waitingMs = ms;
						report();
					});
				} catch (error) {
					failure = error as Error;
					return;
				}
				progress.waitingMs = 0;
				const again: SubRequest[] = [];
				let wait = 0;
				for (const sub of answer.responses) {
					const request = pending.find(r => r.id === sub.id);
					if (!request) continue;
					if (sub.status === 401) {
						failure = new TokenExpiredError('The sign-in has expired or was revoked (Graph answered 401).');
						return;
					}
					if (retryable(sub.status) && attempt < this.maxRetries) {
						again.push(request);
						wait = Math.max(wait, retryDelay(sub.headers, attempt));
						continue;
					}
					responses.set(sub.id, sub);
					progress.done++;
				}
				report();
				if (again.length > 0) {
					progress.retries += again.length;
					progress.waitingMs = wait;
					report();
					await this.sleep(wait);
					progress.waitingMs = 0;
				}
				pending = again;
			}
		};

		const chunks: SubRequest[][] = [];
		for (let i = 0; i < requests.length; i += 20) chunks.push(requests.slice(i, i + 20));
		let nextChunk = 0;
		const worker = async () => {
			while (nextChunk < chunks.length && !failure) await runOne(chunks[nextChunk++]!);
		};
		await Promise.all(Array.from({length: Math.min(this.concurrency, chunks.length)}, worker));
		return {responses, error: failure};
	}
}
