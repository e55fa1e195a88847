import type {Handlers} from '../chrome.js';
import type {Filter} from './use-filter.js';
import type {List} from './use-list.js';

/** The keys every list shares: movement, and for a filtered one / to filter and esc clearing it first. */
export function listHandlers(list: List, filter?: Filter): Handlers {
	return {
		up: () => list.move('up'),
		down: () => list.move('down'),
		pageUp: () => list.move('pageUp'),
		pageDown: () => list.move('pageDown'),
		first: () => list.move('first'),
		last: () => list.move('last'),
		filter: filter?.start,
		// Without a filter, esc falls through to the global Back.
		back: filter?.query ? filter.clear : undefined,
	};
}
