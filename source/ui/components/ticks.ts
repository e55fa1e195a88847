// Ticked rows of a checklist, by position in its items: a byte per row, so ticking, ticking all of
// 100,000 rows and reading them back each take one pass over a small array, not a Set rebuilt.

export interface Ticks {
	/** 1 where the row at that position of the items is ticked. */
	readonly bits: Uint8Array;
	readonly count: number;
}

export function noTicks(rows: number): Ticks {
	return {bits: new Uint8Array(rows), count: 0};
}

export function toggleTick(ticks: Ticks, position: number): Ticks {
	if (position < 0 || position >= ticks.bits.length) return ticks;
	const bits = ticks.bits.slice();
	const value = bits[position] ? 0 : 1;
	bits[position] = value;
	return {bits, count: ticks.count + (value ? 1 : -1)};
}

/** Ticks every shown row; when all shown are ticked already, unticks them (like a header checkbox). */
export function tickAll(ticks: Ticks, shown: ArrayLike<number>): Ticks {
	const bits = ticks.bits.slice();
	let allTicked = true;
	for (let i = 0; i < shown.length && allTicked; i++) allTicked = bits[shown[i]!] === 1;
	const value = allTicked ? 0 : 1;
	let count = ticks.count;
	for (let i = 0; i < shown.length; i++) {
		const position = shown[i]!;
		if (bits[position] !== value) {
			bits[position] = value;
			count += value ? 1 : -1;
		}
	}
	return {bits, count};
}

/** The ticked items, in the items' order. */
export function tickedOf<T>(ticks: Ticks, items: readonly T[]): T[] {
	const out: T[] = [];
	if (ticks.count === 0) return out;
	for (let i = 0; i < items.length; i++) if (ticks.bits[i]) out.push(items[i]!);
	return out;
}

/**
 * The same ticks over a new list of items (after a change, the list is rebuilt): a row stays ticked
 * when an item with its id is still there.
 */
export function carryTicks<T>(ticks: Ticks, from: readonly T[], to: readonly T[], idOf: (item: T) => string): Ticks {
	if (ticks.count === 0) return noTicks(to.length);
	const ids = new Set(tickedOf(ticks, from).map(idOf));
	const bits = new Uint8Array(to.length);
	let count = 0;
	for (let i = 0; i < to.length; i++) {
		if (ids.has(idOf(to[i]!))) {
			bits[i] = 1;
			count++;
		}
	}
	return {bits, count};
}
