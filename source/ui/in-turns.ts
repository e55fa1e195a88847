// Work done while no one looks (after the first frame), a step per turn of the event loop: a key
// typed meanwhile waits for the step under way, not for all of them.

/** Runs `steps` one per timer turn, the first after `delayMs`; the returned function stops the rest. */
export function inTurns(steps: ReadonlyArray<() => void>, delayMs = 0): () => void {
	let timer: NodeJS.Timeout | undefined;
	const run = (i: number) => {
		if (i >= steps.length) return;
		timer = setTimeout(
			() => {
				steps[i]!();
				run(i + 1);
			},
			i === 0 ? delayMs : 0,
		);
	};
	run(0);
	return () => clearTimeout(timer);
}
