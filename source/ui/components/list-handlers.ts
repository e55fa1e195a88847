import type {Handlers} from '../chrome.js';
import type {List} from './use-list.js';

/** The movement keys every list shares. */
export function listHandlers(list: List): Handlers {
	return {
		up: () => list.move('up'),
		down: () => list.move('down'),
		pageUp: () => list.move('pageUp'),
		pageDown: () => list.move('pageDown'),
		first: () => list.move('first'),
		last: () => list.move('last'),
	};
}
