import {useState} from 'react';

export interface Scroll {
	/** The first line shown. */
	offset: number;
	/** Lines below the window. */
	below: number;
	up: () => void;
	down: () => void;
	top: () => void;
}

/**
 * A window of `room` lines over `count`, moved a line at a time and never past either end, for a
 * scroll position kept in `scrolled` (a screen may keep it longer than the lines it covers).
 */
export function scrollWindow(scrolled: number, setScrolled: (line: number) => void, count: number, room: number): Scroll {
	const last = Math.max(0, count - room);
	const offset = Math.min(scrolled, last);
	return {
		offset,
		below: Math.max(0, count - offset - room),
		up: () => setScrolled(Math.max(0, offset - 1)),
		down: () => setScrolled(Math.min(last, offset + 1)),
		top: () => setScrolled(0),
	};
}

export function useScroll(count: number, room: number): Scroll {
	const [scrolled, setScrolled] = useState(0);
	return scrollWindow(scrolled, setScrolled, count, room);
}
