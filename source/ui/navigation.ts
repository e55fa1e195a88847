// Which screen is on top, as a pure reducer. Screens below stay mounted, so going back finds the
// cursor, ticks and filter where they were.

export type Tab = 'licenses' | 'users' | 'guide' | 'reclaim';

export interface Navigation {
	tab: Tab;
	/** The product opened from Licenses, if any. */
	product: string | null;
	help: boolean;
}

export type NavAction = {type: 'tab'; tab: Tab} | {type: 'openProduct'; skuId: string} | {type: 'back'} | {type: 'toggleHelp'};

export const initialNavigation: Navigation = {tab: 'licenses', product: null, help: false};

/** Whether esc (Back) leads anywhere: out of help, or from a product to Licenses. */
export function canGoBack(state: Navigation): boolean {
	return state.help || (state.tab === 'licenses' && state.product !== null);
}

export function navigate(state: Navigation, action: NavAction): Navigation {
	switch (action.type) {
		case 'tab':
			return {...state, tab: action.tab, help: false};
		case 'openProduct':
			return {...state, tab: 'licenses', product: action.skuId};
		case 'back':
			if (state.help) return {...state, help: false};
			if (state.tab === 'licenses' && state.product) return {...state, product: null};
			return state;
		case 'toggleHelp':
			return {...state, help: !state.help};
	}
}
