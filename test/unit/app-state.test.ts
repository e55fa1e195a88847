// The app's screens as a reducer (ui/app-state.ts): which is on top, what help lists first, the status
// line and when it goes, and the screens kept made, without rendering.
import {describe, expect, it} from 'vitest';
import {appView, initialAppView, topLayer, type AppEvent, type AppView} from '../../source/ui/app-state.js';
import type {KeyRoute} from '../../source/ui/input-router.js';

const run = (...events: AppEvent[]): AppView => events.reduce(appView, initialAppView('licenses', null));
const productRoute: KeyRoute = {contexts: ['product', 'checklist', 'list'], handlers: {}};
const plain = {tooSmall: false, sending: false};

describe('the screens', () => {
	it('open on the tab asked for, with what the start has to say, and only that tab made', () => {
		const view = initialAppView('guide', 'Settled on start.');
		expect(view.nav).toEqual({tab: 'guide', product: null, help: false});
		expect(view.status).toEqual({text: 'Settled on start.', key: 0});
		expect([...view.made]).toEqual(['guide']);
	});

	it('a product opened from Licenses is on top; back returns to Licenses; a tab once opened stays made', () => {
		const product = run({type: 'go', action: {type: 'openProduct', skuId: 'sku'}, key: 1});
		expect(topLayer(product.nav, plain)).toBe('product');
		expect(topLayer(appView(product, {type: 'go', action: {type: 'back'}, key: 2}).nav, plain)).toBe('licenses');
		const reclaim = appView(product, {type: 'go', action: {type: 'tab', tab: 'reclaim'}, key: 2});
		expect(topLayer(reclaim.nav, plain)).toBe('reclaim');
		const back = appView(reclaim, {type: 'go', action: {type: 'tab', tab: 'licenses'}, key: 3});
		expect(topLayer(back.nav, plain)).toBe('product');
		expect([...back.made].sort()).toEqual(['licenses', 'reclaim']);
	});

	it('Reclaim is made ahead of its first visit once, and stays', () => {
		const made = run({type: 'make', tab: 'reclaim'});
		expect(made.made.has('reclaim')).toBe(true);
		expect(appView(made, {type: 'make', tab: 'reclaim'})).toBe(made);
	});

	it('help lists first the keys of the screen it was opened on, and keeps them while open', () => {
		const help = run({type: 'toggleHelp', from: productRoute});
		expect(help.nav.help).toBe(true);
		expect(help.helpFor).toBe(productRoute);
		expect(topLayer(help.nav, plain)).toBe('help');
		const closed = appView(help, {type: 'toggleHelp'});
		expect(closed.nav.help).toBe(false);
		expect(closed.helpFor).toBe(productRoute);
		// esc leaves help too.
		expect(appView(help, {type: 'go', action: {type: 'back'}, key: 1}).nav.help).toBe(false);
	});

	it('what is on top: a terminal too small, then help, then a change being sent, then the tab', () => {
		const help = run({type: 'toggleHelp', from: productRoute});
		expect(topLayer(help.nav, {tooSmall: true, sending: true})).toBe('tooSmall');
		expect(topLayer(help.nav, {tooSmall: false, sending: true})).toBe('help');
		expect(topLayer(run().nav, {tooSmall: false, sending: true})).toBe('sending');
	});

	it('a status stays on the screen it was said on; a screen a later key brings starts without it', () => {
		const said = run({type: 'shown', screen: 'licenses', key: 0}, {type: 'say', text: 'Up to date.', key: 3});
		// The same screen shown again keeps it.
		expect(appView(said, {type: 'shown', screen: 'licenses', key: 4})).toBe(said);
		// Another screen, brought by key 3 itself (the status was said after that key): kept.
		expect(appView(said, {type: 'shown', screen: 'product', key: 3}).status.text).toBe('Up to date.');
		// Another screen, brought by a later key: gone.
		expect(appView(said, {type: 'shown', screen: 'product', key: 4}).status.text).toBeNull();
	});

	it('going to a tab or a product clears the status said before', () => {
		const said = run({type: 'say', text: 'Refused.', key: 1});
		expect(appView(said, {type: 'go', action: {type: 'tab', tab: 'users'}, key: 2}).status).toEqual({text: null, key: 2});
	});
});
