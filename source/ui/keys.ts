// The one key table, as data. Input handling, the footer and the ? help screen are all drawn from it:
// what a key matches and how it is shown both come from its binding's keys, so a key cannot work
// without being shown, or be shown without working.
import type {Key} from 'ink';
import {strings, type Strings} from '../text/index.js';

/**
 * Where a key applies. A screen asks for the contexts it is in, most specific first. The text module
 * names every context and every action, so a key cannot be added without its words.
 */
export type KeyContext = keyof Strings['keys']['contexts'];

export type ActionId = keyof Strings['keys']['labels'];

/**
 * The keys the terminal names (and Ink reports as such), as they are shown: as printed on the key, the
 * same in every language, unless the language has a word of its own for it (Danish "mellemrum").
 */
const namedKeys = {
	up: {shown: '↑', pressed: key => key.upArrow},
	down: {shown: '↓', pressed: key => key.downArrow},
	left: {shown: '←', pressed: key => key.leftArrow},
	right: {shown: '→', pressed: key => key.rightArrow},
	pageUp: {shown: 'PgUp', pressed: key => key.pageUp},
	pageDown: {shown: 'PgDn', pressed: key => key.pageDown},
	home: {shown: 'Home', pressed: key => key.home},
	end: {shown: 'End', pressed: key => key.end},
	return: {shown: 'enter', pressed: key => key.return},
	// Ink reports esc with meta (alt) held, always.
	escape: {shown: 'esc', pressed: key => key.escape, meta: 'any'},
	tab: {shown: 'tab', pressed: key => key.tab},
	space: {shown: 'space', pressed: (_key, input) => input === ' '},
	/** Whatever a text field is typed with: it takes every key it is given, modifiers and all. */
	typed: {shown: 'abc…', pressed: () => true, meta: 'any', shift: 'any', ctrl: 'any'},
} satisfies Record<string, {shown: string; pressed: (key: Key, input: string) => boolean; meta?: 'any'; shift?: 'any'; ctrl?: 'any'}>;

export type NamedKey = keyof typeof namedKeys;

/** A key: one the terminal names, or a character (as typed: g and G are two keys); with ctrl held, or not. */
export interface KeySpec {
	key: NamedKey | (string & {});
	ctrl?: boolean;
}

export type Priority = 'keep' | 1 | 2 | false;

export interface Binding {
	id: ActionId;
	context: KeyContext;
	/** What it is pressed with; shown in this order, joined by "/". */
	keys: readonly KeySpec[];
	/**
	 * How the footer shows it: 'keep' is never left out (the screen's main action, esc, ?); 1 and 2 are
	 * shown while there is room, 1 first; false, only in help. What is left out, help lists ("… ? more").
	 */
	footer: Priority;
	/**
	 * 'component': the focused text field or choice list (components/TextField, ink-select-input) takes the
	 * key itself; the router leaves it alone, so it is acted on once.
	 */
	owner?: 'component';
}

const named = (spec: KeySpec) => (Object.hasOwn(namedKeys, spec.key) ? namedKeys[spec.key as NamedKey] : undefined);

/**
 * Whether the keypress Ink reports is this key: with the modifiers it names and no others (shift+tab
 * or alt+↓ is not tab or ↓). A character's shift is in the character itself (G, ?).
 */
export function isPressed(spec: KeySpec, input: string, key: Key): boolean {
	const name: {pressed: (key: Key, input: string) => boolean; meta?: 'any'; shift?: 'any'; ctrl?: 'any'} | undefined = named(spec);
	const ctrl = name?.ctrl === 'any' || key.ctrl === Boolean(spec.ctrl);
	if (!name) return ctrl && !key.meta && input === spec.key;
	return ctrl && (name.meta === 'any' || !key.meta) && (name.shift === 'any' || !key.shift) && name.pressed(key, input);
}

/** A key as the footer and help show it, in the language in use: "↑", "enter", "ctrl+c", "g", "mellemrum". */
export const keyText = (spec: KeySpec): string => `${spec.ctrl ? 'ctrl+' : ''}${named(spec) ? (strings.keys.names[spec.key] ?? named(spec)!.shown) : spec.key}`;

/** A binding's keys as shown: "↑/k". */
export const keysText = (binding: Binding): string => binding.keys.map(keyText).join('/');

export const matches = (binding: Binding, input: string, key: Key): boolean => binding.keys.some(spec => isPressed(spec, input, key));

/** Whether two bindings share a key (a more specific context's takes it: shown once). */
export const sharesKey = (a: Binding, b: Binding): boolean => a.keys.some(x => b.keys.some(y => x.key === y.key && Boolean(x.ctrl) === Boolean(y.ctrl)));

export const keyTable: readonly Binding[] = [
	// Taken before any screen's keys, whatever has the focus (a text field too): the router's own.
	{id: 'interrupt', context: 'always', keys: [{key: 'c', ctrl: true}], footer: false},

	// A sign-in code shown above the screen (a permission an action needs): esc drops it, and the action.
	{id: 'cancelSignIn', context: 'signIn', keys: [{key: 'escape'}, {key: 'q'}], footer: 'keep'},

	// A text field being typed in takes every key but esc.
	{id: 'finishTyping', context: 'text', keys: [{key: 'return'}], footer: 'keep', owner: 'component'},
	{id: 'cancel', context: 'text', keys: [{key: 'escape'}], footer: 'keep'},
	{id: 'moveCursor', context: 'text', keys: [{key: 'left'}, {key: 'right'}], footer: 2, owner: 'component'},
	{id: 'type', context: 'text', keys: [{key: 'typed'}], footer: false, owner: 'component'},

	// A single-choice list: the list moves and chooses; the other keys keep their meaning.
	{id: 'up', context: 'choice', keys: [{key: 'up'}, {key: 'k'}], footer: false, owner: 'component'},
	{id: 'down', context: 'choice', keys: [{key: 'down'}, {key: 'j'}], footer: false, owner: 'component'},
	{id: 'choose', context: 'choice', keys: [{key: 'return'}], footer: 'keep', owner: 'component'},

	{id: 'up', context: 'list', keys: [{key: 'up'}, {key: 'k'}], footer: false},
	{id: 'down', context: 'list', keys: [{key: 'down'}, {key: 'j'}], footer: false},
	{id: 'pageUp', context: 'list', keys: [{key: 'pageUp'}], footer: false},
	{id: 'pageDown', context: 'list', keys: [{key: 'pageDown'}], footer: false},
	{id: 'first', context: 'list', keys: [{key: 'g'}, {key: 'home'}], footer: false},
	{id: 'last', context: 'list', keys: [{key: 'G'}, {key: 'end'}], footer: false},
	{id: 'filter', context: 'list', keys: [{key: '/'}], footer: 1},

	{id: 'open', context: 'licenses', keys: [{key: 'return'}], footer: 'keep'},

	{id: 'tick', context: 'checklist', keys: [{key: 'space'}], footer: 1},
	{id: 'tickAll', context: 'checklist', keys: [{key: 'a'}], footer: 2},
	{id: 'unassign', context: 'product', keys: [{key: 'u'}], footer: 'keep'},
	{id: 'assign', context: 'product', keys: [{key: '+'}], footer: 2},

	{id: 'save', context: 'assign', keys: [{key: 's'}], footer: 'keep'},

	{id: 'open', context: 'users', keys: [{key: 'return'}], footer: 'keep'},
	{id: 'manage', context: 'users', keys: [{key: 'm'}], footer: 2},
	{id: 'deleteUser', context: 'users', keys: [{key: 'D'}], footer: 2},
	{id: 'deletedUsers', context: 'users', keys: [{key: 'd'}], footer: 2},
	{id: 'filterUsers', context: 'users', keys: [{key: 'f'}], footer: 2},
	{id: 'sortUsers', context: 'users', keys: [{key: 'o'}], footer: 2},
	// Read again only where a whole tenant is shown: elsewhere r is Reassign.
	{id: 'refresh', context: 'licenses', keys: [{key: 'r'}], footer: 2},
	{id: 'refresh', context: 'users', keys: [{key: 'r'}], footer: 2},

	{id: 'restore', context: 'deleted', keys: [{key: 'return'}], footer: 'keep'},

	{id: 'tick', context: 'user', keys: [{key: 'space'}], footer: 1},
	{id: 'expand', context: 'user', keys: [{key: 'right'}, {key: 'return'}], footer: 1},
	{id: 'collapse', context: 'user', keys: [{key: 'left'}], footer: false},
	{id: 'save', context: 'user', keys: [{key: 's'}], footer: 'keep'},
	{id: 'removeFromGroup', context: 'user', keys: [{key: 'x'}], footer: 2},

	{id: 'open', context: 'groups', keys: [{key: 'return'}], footer: 'keep'},

	{id: 'tick', context: 'manage', keys: [{key: 'space'}], footer: 1},
	{id: 'save', context: 'manage', keys: [{key: 's'}], footer: 'keep'},

	{id: 'done', context: 'result', keys: [{key: 'return'}], footer: 'keep'},

	{id: 'next', context: 'guide', keys: [{key: 'return'}], footer: 'keep'},
	{id: 'previous', context: 'guide', keys: [{key: 'escape'}], footer: 'keep'},
	{id: 'screenGuide', context: 'global', keys: [{key: '3'}], footer: false},

	{id: 'focusNext', context: 'reclaim', keys: [{key: 'tab'}, {key: 'right'}], footer: 1},
	{id: 'previous', context: 'reclaim', keys: [{key: 'left'}], footer: false},
	{id: 'unassign', context: 'reclaim', keys: [{key: 'u'}], footer: 'keep'},
	{id: 'screenReclaim', context: 'global', keys: [{key: '4'}], footer: false},
	// Only with tenants added (tenants add): the app hands them out to handle.
	{id: 'screenTenants', context: 'global', keys: [{key: '0'}, {key: 't'}], footer: false},

	{id: 'reassign', context: 'next', keys: [{key: 'r'}], footer: 1},
	{id: 'done', context: 'next', keys: [{key: 'return'}], footer: 'keep'},
	{id: 'scrollUp', context: 'next', keys: [{key: 'up'}, {key: 'k'}], footer: false},
	{id: 'scrollDown', context: 'next', keys: [{key: 'down'}, {key: 'j'}], footer: false},
	{id: 'scrollUp', context: 'result', keys: [{key: 'up'}, {key: 'k'}], footer: false},
	{id: 'scrollDown', context: 'result', keys: [{key: 'down'}, {key: 'j'}], footer: false},

	{id: 'confirm', context: 'dialog', keys: [{key: 'y'}, {key: 'Y'}], footer: 'keep'},
	{id: 'cancel', context: 'dialog', keys: [{key: 'n'}, {key: 'N'}, {key: 'escape'}], footer: 'keep'},
	{id: 'focusNext', context: 'dialog', keys: [{key: 'tab'}, {key: 'left'}, {key: 'right'}], footer: 2},
	{id: 'press', context: 'dialog', keys: [{key: 'return'}], footer: 1},
	{id: 'commands', context: 'dialog', keys: [{key: 'c'}], footer: 1},
	{id: 'scrollUp', context: 'dialog', keys: [{key: 'up'}, {key: 'k'}], footer: false},
	{id: 'scrollDown', context: 'dialog', keys: [{key: 'down'}, {key: 'j'}], footer: false},

	// q too: quitting half-way would leave the change to be settled on the next start.
	{id: 'stop', context: 'sending', keys: [{key: 'escape'}, {key: 'q'}], footer: 'keep'},

	{id: 'back', context: 'global', keys: [{key: 'escape'}], footer: 'keep'},
	{id: 'screenLicenses', context: 'global', keys: [{key: '1'}], footer: false},
	{id: 'screenUsers', context: 'global', keys: [{key: '2'}], footer: false},
	{id: 'help', context: 'global', keys: [{key: '?'}], footer: 'keep'},
	{id: 'quit', context: 'global', keys: [{key: 'q'}], footer: 2},
];

/** Actions that change licenses: refused, with the reason, when the admin may not change them. */
export const changeActions: ReadonlySet<ActionId> = new Set<ActionId>([
	'unassign',
	'assign',
	'save',
	'manage',
	'deleteUser',
	'restore',
	'removeFromGroup',
	'reassign',
]);

/** The first binding of the given contexts (in the order given) that the keypress matches. */
export function findBinding(contexts: readonly KeyContext[], input: string, key: Key): Binding | undefined {
	for (const context of contexts) {
		const binding = keyTable.find(b => b.context === context && matches(b, input, key));
		if (binding) return binding;
	}
	return undefined;
}

export function bindingsFor(contexts: readonly KeyContext[]): Binding[] {
	return contexts.flatMap(context => keyTable.filter(binding => binding.context === context));
}

/** The action's name (the admin center's, where it has one), in the language in use: the screen's own, else the action's. */
export const labelOf = (binding: Binding): string => strings.keys.inContext[binding.context]?.[binding.id] ?? strings.keys.labels[binding.id];
