// Ticked rows of a checklist, as immutable sets.

export function toggleTick(ticked: ReadonlySet<string>, id: string): ReadonlySet<string> {
	const next = new Set(ticked);
	if (next.has(id)) next.delete(id);
	else next.add(id);
	return next;
}

/** Ticks every shown row; when all shown are ticked already, unticks them (like a header checkbox). */
export function tickAll(ticked: ReadonlySet<string>, shown: readonly string[]): ReadonlySet<string> {
	const next = new Set(ticked);
	const allTicked = shown.every(id => next.has(id));
	for (const id of shown) {
		if (allTicked) next.delete(id);
		else next.add(id);
	}
	return next;
}
