// The app's screens, as a pure reducer: which is on top (navigation.ts), the keys help lists first,
// the status line and the key it was said after, and the screens made so far (kept mounted, hidden,
// so their cursor, ticks and filter survive).
import type {KeyRoute} from './input-router.js';
import {initialNavigation, navigate, type NavAction, type Navigation, type Tab} from './navigation.js';

export interface Status {
	text: string | null;
	/** How many keys had been taken when it was said: a screen that a later key opens starts without it. */
	key: number;
}

export interface AppView {
	nav: Navigation;
	/** The keys of the screen help was opened on: listed first. */
	helpFor: KeyRoute;
	status: Status;
	/** The screen shown last (ScreenFrame's id for it). */
	shown: string | null;
	/** The tab opened first, each tab once opened, and Reclaim once made ahead of its first visit. */
	made: ReadonlySet<Tab>;
}

export type AppEvent =
	/** A tab, a product, back: the status said before goes. */
	| {type: 'go'; action: NavAction; key: number}
	/** ? (from: the keys of the screen it is opened on), or help closed. */
	| {type: 'toggleHelp'; from?: KeyRoute | null}
	| {type: 'say'; text: string | null; key: number}
	/** A screen is on top now: a status said on another, before the key that brought this one, goes. */
	| {type: 'shown'; screen: string; key: number}
	| {type: 'make'; tab: Tab};

const noRoute: KeyRoute = {contexts: [], handlers: {}};

export function initialAppView(tab: Tab, status: string | null): AppView {
	return {nav: {...initialNavigation, tab}, helpFor: noRoute, status: {text: status, key: 0}, shown: null, made: new Set([tab])};
}

export function appView(state: AppView, event: AppEvent): AppView {
	switch (event.type) {
		case 'go': {
			const nav = navigate(state.nav, event.action);
			const made = state.made.has(nav.tab) ? state.made : new Set(state.made).add(nav.tab);
			return {...state, nav, made, status: {text: null, key: event.key}};
		}
		case 'toggleHelp': {
			const helpFor = state.nav.help ? state.helpFor : (event.from ?? noRoute);
			return {...state, helpFor, nav: navigate(state.nav, {type: 'toggleHelp'})};
		}
		case 'say':
			return {...state, status: {text: event.text, key: event.key}};
		case 'shown': {
			if (state.shown === event.screen) return state;
			const said = state.status;
			const stale = said.text !== null && said.key < event.key;
			return {...state, shown: event.screen, status: stale ? {text: null, key: said.key} : said};
		}
		case 'make':
			return state.made.has(event.tab) ? state : {...state, made: new Set(state.made).add(event.tab)};
	}
}

export type Layer = Tab | 'product' | 'help' | 'sending' | 'tooSmall';

/** The layer on top: a terminal too small, help, a change being sent, the tab (on Licenses, the product opened). */
export function topLayer(nav: Navigation, {tooSmall, sending}: {tooSmall: boolean; sending: boolean}): Layer {
	if (tooSmall) return 'tooSmall';
	if (nav.help) return 'help';
	if (sending) return 'sending';
	if (nav.tab !== 'licenses') return nav.tab;
	return nav.product ? 'product' : 'licenses';
}
