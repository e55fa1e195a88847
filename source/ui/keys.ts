// The one key table. Input handling, the footer and the ? help screen are all drawn from it,
// so a key cannot work without being shown, or be shown without working.
import type {Key} from 'ink';
import {strings, type Strings} from '../text/index.js';

/**
 * Where a key applies. A screen asks for the contexts it is in, most specific first. The text module
 * names every context and every action, so a key cannot be added without its words.
 */
export type KeyContext = keyof Strings['keys']['contexts'];

export type ActionId = keyof Strings['keys']['labels'];

export interface Binding {
	id: ActionId;
	context: KeyContext;
	/** As typed: the footer and help show them through keysOf, in the language's words where it has its own. */
	keys: string;
	/** Shown in the footer (the rest only in help). */
	footer: boolean;
	/**
	 * 'component': the focused text field or choice list (ink-text-input, ink-select-input) takes the
	 * key itself; the router only makes sure it gets it once.
	 */
	owner?: 'component';
	match: (input: string, key: Key) => boolean;
}

const char = (...chars: string[]) => (input: string, key: Key) => !key.ctrl && !key.meta && chars.includes(input);

export const keyTable: readonly Binding[] = [
	// Taken before any screen's keys, whatever has the focus (a text field too): the router's own.
	{id: 'interrupt', context: 'always', keys: 'ctrl+c', footer: false, match: (i, k) => k.ctrl && i === 'c'},

	// A sign-in code shown above the screen (a permission an action needs): esc drops it, and the action.
	{id: 'cancelSignIn', context: 'signIn', keys: 'esc/q', footer: true, match: (i, k) => k.escape || char('q')(i, k)},

	// A text field being typed in takes every key but esc.
	{id: 'finishTyping', context: 'text', keys: 'enter', footer: true, owner: 'component', match: (_i, k) => k.return},
	{id: 'cancel', context: 'text', keys: 'esc', footer: true, match: (_i, k) => k.escape},
	{id: 'moveCursor', context: 'text', keys: '←/→', footer: true, owner: 'component', match: (_i, k) => k.leftArrow || k.rightArrow},
	{id: 'type', context: 'text', keys: 'abc…', footer: false, owner: 'component', match: () => true},

	// A single-choice list: the list moves and chooses; the other keys keep their meaning.
	{id: 'up', context: 'choice', keys: '↑/k', footer: false, owner: 'component', match: (i, k) => k.upArrow || char('k')(i, k)},
	{id: 'down', context: 'choice', keys: '↓/j', footer: false, owner: 'component', match: (i, k) => k.downArrow || char('j')(i, k)},
	{id: 'choose', context: 'choice', keys: 'enter', footer: true, owner: 'component', match: (_i, k) => k.return},

	{id: 'up', context: 'list', keys: '↑/k', footer: false, match: (i, k) => k.upArrow || char('k')(i, k)},
	{id: 'down', context: 'list', keys: '↓/j', footer: false, match: (i, k) => k.downArrow || char('j')(i, k)},
	{id: 'pageUp', context: 'list', keys: 'PgUp', footer: false, match: (_i, k) => k.pageUp},
	{id: 'pageDown', context: 'list', keys: 'PgDn', footer: false, match: (_i, k) => k.pageDown},
	{id: 'first', context: 'list', keys: 'g', footer: false, match: (i, k) => char('g')(i, k) || k.home},
	{id: 'last', context: 'list', keys: 'G', footer: false, match: (i, k) => char('G')(i, k) || k.end},
	{id: 'filter', context: 'list', keys: '/', footer: true, match: char('/')},

	{id: 'open', context: 'licenses', keys: 'enter', footer: true, match: (_i, k) => k.return},

	{id: 'tick', context: 'checklist', keys: 'space', footer: true, match: char(' ')},
	{id: 'tickAll', context: 'checklist', keys: 'a', footer: true, match: char('a')},
	{id: 'unassign', context: 'product', keys: 'u', footer: true, match: char('u')},
	{id: 'assign', context: 'product', keys: '+', footer: true, match: char('+')},

	{id: 'save', context: 'assign', keys: 's', footer: true, match: char('s')},

	{id: 'open', context: 'users', keys: 'enter', footer: true, match: (_i, k) => k.return},
	{id: 'manage', context: 'users', keys: 'm', footer: true, match: char('m')},
	{id: 'deleteUser', context: 'users', keys: 'D', footer: false, match: char('D')},
	{id: 'deletedUsers', context: 'users', keys: 'd', footer: false, match: char('d')},
	{id: 'filterUsers', context: 'users', keys: 'f', footer: true, match: char('f')},
	{id: 'sortUsers', context: 'users', keys: 'o', footer: true, match: char('o')},
	// Read again only where a whole tenant is shown: elsewhere r is Reassign.
	{id: 'refresh', context: 'licenses', keys: 'r', footer: false, match: char('r')},
	{id: 'refresh', context: 'users', keys: 'r', footer: false, match: char('r')},

	{id: 'restore', context: 'deleted', keys: 'enter', footer: true, match: (_i, k) => k.return},

	{id: 'tick', context: 'user', keys: 'space', footer: true, match: char(' ')},
	{id: 'expand', context: 'user', keys: '→/enter', footer: true, match: (_i, k) => k.rightArrow || k.return},
	{id: 'collapse', context: 'user', keys: '←', footer: false, match: (_i, k) => k.leftArrow},
	{id: 'save', context: 'user', keys: 's', footer: true, match: char('s')},
	{id: 'removeFromGroup', context: 'user', keys: 'x', footer: false, match: char('x')},

	{id: 'open', context: 'groups', keys: 'enter', footer: true, match: (_i, k) => k.return},

	{id: 'tick', context: 'manage', keys: 'space', footer: true, match: char(' ')},
	{id: 'save', context: 'manage', keys: 's', footer: true, match: char('s')},

	{id: 'done', context: 'result', keys: 'enter', footer: true, match: (_i, k) => k.return},

	{id: 'next', context: 'guide', keys: 'enter', footer: true, match: (_i, k) => k.return},
	{id: 'previous', context: 'guide', keys: 'esc', footer: true, match: (_i, k) => k.escape},
	{id: 'screenGuide', context: 'global', keys: '3', footer: false, match: char('3')},

	{id: 'focusNext', context: 'reclaim', keys: 'tab/→', footer: true, match: (_i, k) => k.tab || k.rightArrow},
	{id: 'previous', context: 'reclaim', keys: '←', footer: false, match: (_i, k) => k.leftArrow},
	{id: 'unassign', context: 'reclaim', keys: 'u', footer: true, match: char('u')},
	{id: 'screenReclaim', context: 'global', keys: '4', footer: false, match: char('4')},

	{id: 'reassign', context: 'next', keys: 'r', footer: true, match: char('r')},
	{id: 'done', context: 'next', keys: 'enter', footer: true, match: (_i, k) => k.return},
	{id: 'scrollUp', context: 'result', keys: '↑/k', footer: false, match: (i, k) => k.upArrow || char('k')(i, k)},
	{id: 'scrollDown', context: 'result', keys: '↓/j', footer: false, match: (i, k) => k.downArrow || char('j')(i, k)},

	{id: 'confirm', context: 'dialog', keys: 'y', footer: true, match: char('y', 'Y')},
	{id: 'cancel', context: 'dialog', keys: 'n/esc', footer: true, match: (i, k) => k.escape || char('n', 'N')(i, k)},
	{id: 'focusNext', context: 'dialog', keys: 'tab/←/→', footer: true, match: (_i, k) => k.tab || k.leftArrow || k.rightArrow},
	{id: 'press', context: 'dialog', keys: 'enter', footer: true, match: (_i, k) => k.return},
	{id: 'commands', context: 'dialog', keys: 'c', footer: true, match: char('c')},
	{id: 'scrollUp', context: 'dialog', keys: '↑/k', footer: false, match: (i, k) => k.upArrow || char('k')(i, k)},
	{id: 'scrollDown', context: 'dialog', keys: '↓/j', footer: false, match: (i, k) => k.downArrow || char('j')(i, k)},

	// q too: quitting half-way would leave the change to be settled on the next start.
	{id: 'stop', context: 'sending', keys: 'esc/q', footer: true, match: (i, k) => k.escape || char('q')(i, k)},

	{id: 'back', context: 'global', keys: 'esc', footer: true, match: (_i, k) => k.escape},
	{id: 'screenLicenses', context: 'global', keys: '1', footer: false, match: char('1')},
	{id: 'screenUsers', context: 'global', keys: '2', footer: false, match: char('2')},
	{id: 'help', context: 'global', keys: '?', footer: true, match: char('?')},
	{id: 'quit', context: 'global', keys: 'q', footer: true, match: char('q')},
];

/** Actions that change licenses: refused, with the reason, when the admin may not change them. */
export const changeActions: ReadonlySet<ActionId> = new Set<ActionId>(['unassign', 'assign', 'save', 'manage', 'deleteUser', 'restore', 'removeFromGroup', 'reassign']);

/** The first binding of the given contexts (in the order given) that the keypress matches. */
export function findBinding(contexts: readonly KeyContext[], input: string, key: Key): Binding | undefined {
	for (const context of contexts) {
		const binding = keyTable.find(b => b.context === context && b.match(input, key));
		if (binding) return binding;
	}
	return undefined;
}

export function bindingsFor(contexts: readonly KeyContext[]): Binding[] {
	return contexts.flatMap(context => keyTable.filter(binding => binding.context === context));
}

/** The binding's keys as the footer and help show them, in the language in use: "mellemrum" for space in Danish. */
export const keysOf = (binding: Binding): string =>
	binding.keys
		.split('/')
		.map(key => strings.keys.names[key] ?? key)
		.join('/');

/** The action's name (the admin center's, where it has one), in the language in use: the screen's own, else the action's. */
export const labelOf = (binding: Binding): string => strings.keys.inContext[binding.context]?.[binding.id] ?? strings.keys.labels[binding.id];
