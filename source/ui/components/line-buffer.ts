// Lines made as they are needed: a confirmation for a thousand users has thousands of lines, and
// shows a dozen. The ones on screen are made at once; the rest, to count them, a slice at a time
// after the frame, so that the dialog opens as fast as for one user and keys are never held long.
import {useEffect, useMemo, useState} from 'react';

export class LineBuffer<T> {
	readonly lines: T[] = [];
	private source: Iterator<T> | null;

	constructor(lines: Iterable<T>) {
		if (Array.isArray(lines)) {
			this.lines = lines as T[];
			this.source = null;
		} else this.source = lines[Symbol.iterator]();
	}

	/** Every line is made. */
	get done(): boolean {
		return this.source === null;
	}

	/** Makes lines until there are `count` (or no more). */
	fill(count: number): void {
		while (this.source && this.lines.length < count) this.next();
	}

	/** Makes lines for about `ms` milliseconds. */
	fillFor(ms: number): void {
		const until = performance.now() + ms;
		while (this.source) {
			for (let i = 0; i < 50 && this.source; i++) this.next();
			if (performance.now() >= until) return;
		}
	}

	private next(): void {
		const step = this.source!.next();
		if (step.done) this.source = null;
		else this.lines.push(step.value);
	}
}

/** The lines, made as `fill` asks and, after the frame, the rest in slices of a few ms; renders again once all are made. */
export function useLineBuffer<T>(make: () => Iterable<T>, deps: readonly unknown[]): LineBuffer<T> {
	// The caller names what the lines are made of (deps), as useMemo's own callers do.
	// eslint-disable-next-line react-hooks/exhaustive-deps -- the caller's deps stand for `make`
	const lines = useMemo(() => new LineBuffer(make()), deps);
	const [, setCounted] = useState(0);
	useEffect(() => {
		if (lines.done) return;
		let timer: NodeJS.Timeout;
		const slice = () => {
			lines.fillFor(8);
			if (lines.done) setCounted(n => n + 1);
			else timer = setTimeout(slice, 0);
		};
		timer = setTimeout(slice, 0);
		return () => clearTimeout(timer);
	}, [lines]);
	return lines;
}
