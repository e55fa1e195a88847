// Fault injection for the reliability suite: the disk fails at the nth call of one file-system
// operation (through the store's fs seam), and a tally of what was injected and what was lost.
import {afterAll, expect} from 'vitest';
import {UserError} from '../../source/errors.js';
import {fsSeam} from '../../source/fs/durable.js';

export type SeamCall = keyof typeof fsSeam;
const real = {...fsSeam};

export interface Fault {
	call: SeamCall;
	/** Fails the nth call (1-based) of `call` from the time it is injected. */
	nth: number;
	code: string;
	/** A write that gets half its bytes onto the disk first (a disk filling up mid-write). */
	partial?: boolean;
	/** Counts only the calls whose first argument (a path) matches. */
	only?: RegExp;
}

const errno = (code: string) => Object.assign(new Error(`${code}: injected`), {code});

/** Runs `body` with the fault in place; says whether it fired. */
export async function withFault<T>(fault: Fault, body: () => Promise<T>): Promise<{fired: boolean; result: PromiseSettledResult<T>}> {
	let calls = 0;
	let fired = false;
	const fail = (...args: unknown[]) => {
		if (fault.only && !(typeof args[0] === 'string' && fault.only.test(args[0]))) return (real[fault.call] as (...a: unknown[]) => unknown)(...args);
		calls++;
		if (calls !== fault.nth) return (real[fault.call] as (...a: unknown[]) => unknown)(...args);
		fired = true;
		if (fault.partial && fault.call === 'writeSync') {
			const [fd, data, offset, length] = args as [number, Uint8Array, number, number];
			return real.writeSync(fd, data, offset, Math.max(1, Math.floor(length / 2)), null);
		}
		throw errno(fault.code);
	};
	Object.assign(fsSeam, {[fault.call]: fail});
	// A short write is followed by the disk refusing the rest.
	if (fault.partial && fault.call === 'writeSync') {
		Object.assign(fsSeam, {
			writeSync: (...args: unknown[]) => {
				if (fired) throw errno(fault.code);
				return fail(...args);
			},
		});
	}
	try {
		const [result] = await Promise.allSettled([body()]);
		return {fired, result: result!};
	} finally {
		Object.assign(fsSeam, real);
	}
}

/** How many times each seam call is made while `body` runs, with no fault. */
export async function countCalls(body: () => Promise<unknown>): Promise<Record<SeamCall, number>> {
	const counts = Object.fromEntries(Object.keys(real).map(name => [name, 0])) as Record<SeamCall, number>;
	for (const name of Object.keys(real) as SeamCall[]) {
		Object.assign(fsSeam, {
			[name]: (...args: unknown[]) => {
				counts[name]++;
				return (real[name] as (...a: unknown[]) => unknown)(...args);
			},
		});
	}
	try {
		await body();
	} finally {
		Object.assign(fsSeam, real);
	}
	return counts;
}

/** A refusal the user sees: one line, naming the file; never a stack trace. */
export function expectOneLine(error: unknown, code: string): void {
	expect(error).toBeInstanceOf(UserError);
	const message = (error as Error).message;
	expect(message).not.toContain('\n');
	expect(message).toContain(`(${code})`);
	expect(message).toMatch(/Cannot (write|read) \/\S+/);
}

/** Faults injected and changes lost, per suite, printed when it ends. */
export function tally(suite: string) {
	const counts = {faults: 0, changesLost: 0};
	afterAll(() => {
		console.log(`reliability: ${suite}: ${counts.faults} faults injected, ${counts.changesLost} changes lost`);
		expect(counts.changesLost).toBe(0);
	});
	return counts;
}
