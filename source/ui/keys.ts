// The one key table. Input handling, the footer and the ? help screen are all drawn from it,
// so a key cannot work without being shown, or be shown without working.
import type {Key} from 'ink';

/** Where a key applies. A screen asks for the contexts it is in, most specific first. */
export type KeyContext =
	| 'global'
	| 'list'
	| 'checklist'
	| 'licenses'
	| 'product'
	| 'assign'
	| 'users'
	| 'user'
	| 'manage'
	| 'dialog'
	| 'result'
	| 'next'
	| 'guide'
	| 'deleted'
	| 'groups'
	| 'sending'
	| 'reclaim'
	| 'text'
	| 'choice';

export type ActionId =
	| 'quit'
	| 'help'
	| 'back'
	| 'screenLicenses'
	| 'screenUsers'
	| 'screenGuide'
	| 'screenReclaim'
	| 'refresh'
	| 'up'
	| 'down'
	| 'pageUp'
	| 'pageDown'
	| 'first'
	| 'last'
	| 'open'
	| 'tick'
	| 'tickAll'
	| 'filter'
	| 'unassign'
	| 'assign'
	| 'manage'
	| 'save'
	| 'expand'
	| 'collapse'
	| 'done'
	| 'reassign'
	| 'deleteUser'
	| 'deletedUsers'
	| 'restore'
	| 'removeFromGroup'
	| 'next'
	| 'previous'
	| 'commands'
	| 'scrollUp'
	| 'scrollDown'
	| 'focusNext'
	| 'press'
	| 'confirm'
	| 'cancel'
	| 'stop'
	| 'type'
	| 'finishTyping'
	| 'moveCursor'
	| 'choose'
	| 'filterUsers'
	| 'sortUsers';

export interface Binding {
	id: ActionId;
	context: KeyContext;
	/** As shown in the footer and help. */
	keys: string;
	/** The admin center's name for the action, where it has one. */
	label: string;
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
	// A text field being typed in takes every key but esc.
	{id: 'finishTyping', context: 'text', keys: 'enter', label: 'Done typing', footer: true, owner: 'component', match: (_i, k) => k.return},
	{id: 'cancel', context: 'text', keys: 'esc', label: 'Cancel', footer: true, match: (_i, k) => k.escape},
	{id: 'moveCursor', context: 'text', keys: '←/→', label: 'Move in the text', footer: true, owner: 'component', match: (_i, k) => k.leftArrow || k.rightArrow},
	{id: 'type', context: 'text', keys: 'letters', label: 'Type; backspace deletes', footer: false, owner: 'component', match: () => true},

	// A single-choice list: the list moves and chooses; the other keys keep their meaning.
	{id: 'up', context: 'choice', keys: '↑/k', label: 'Move up', footer: false, owner: 'component', match: (i, k) => k.upArrow || char('k')(i, k)},
	{id: 'down', context: 'choice', keys: '↓/j', label: 'Move down', footer: false, owner: 'component', match: (i, k) => k.downArrow || char('j')(i, k)},
	{id: 'choose', context: 'choice', keys: 'enter', label: 'Choose', footer: true, owner: 'component', match: (_i, k) => k.return},

	{id: 'up', context: 'list', keys: '↑/k', label: 'Move up', footer: false, match: (i, k) => k.upArrow || char('k')(i, k)},
	{id: 'down', context: 'list', keys: '↓/j', label: 'Move down', footer: false, match: (i, k) => k.downArrow || char('j')(i, k)},
	{id: 'pageUp', context: 'list', keys: 'PgUp', label: 'Page up', footer: false, match: (_i, k) => k.pageUp},
	{id: 'pageDown', context: 'list', keys: 'PgDn', label: 'Page down', footer: false, match: (_i, k) => k.pageDown},
	{id: 'first', context: 'list', keys: 'g', label: 'First', footer: false, match: (i, k) => char('g')(i, k) || k.home},
	{id: 'last', context: 'list', keys: 'G', label: 'Last', footer: false, match: (i, k) => char('G')(i, k) || k.end},
	{id: 'filter', context: 'list', keys: '/', label: 'Filter', footer: true, match: char('/')},

	{id: 'open', context: 'licenses', keys: 'enter', label: 'Open product', footer: true, match: (_i, k) => k.return},

	{id: 'tick', context: 'checklist', keys: 'space', label: 'Tick', footer: true, match: char(' ')},
	{id: 'tickAll', context: 'checklist', keys: 'a', label: 'Tick all shown', footer: true, match: char('a')},
	{id: 'unassign', context: 'product', keys: 'u', label: 'Unassign licenses', footer: true, match: char('u')},
	{id: 'assign', context: 'product', keys: '+', label: 'Assign licenses', footer: true, match: char('+')},

	{id: 'save', context: 'assign', keys: 's', label: 'Assign', footer: true, match: char('s')},

	{id: 'open', context: 'users', keys: 'enter', label: 'Licenses and apps', footer: true, match: (_i, k) => k.return},
	{id: 'manage', context: 'users', keys: 'm', label: 'Manage product licenses', footer: true, match: char('m')},
	{id: 'deleteUser', context: 'users', keys: 'D', label: 'Delete user', footer: false, match: char('D')},
	{id: 'deletedUsers', context: 'users', keys: 'd', label: 'Deleted users', footer: false, match: char('d')},
	{id: 'filterUsers', context: 'users', keys: 'f', label: 'Filter users', footer: true, match: char('f')},
	{id: 'sortUsers', context: 'users', keys: 'o', label: 'Sort users', footer: true, match: char('o')},
	// Read again only where a whole tenant is shown: elsewhere r is Reassign.
	{id: 'refresh', context: 'licenses', keys: 'r', label: 'Read the tenant again', footer: false, match: char('r')},
	{id: 'refresh', context: 'users', keys: 'r', label: 'Read the tenant again', footer: false, match: char('r')},

	{id: 'restore', context: 'deleted', keys: 'enter', label: 'Restore user', footer: true, match: (_i, k) => k.return},

	{id: 'tick', context: 'user', keys: 'space', label: 'Tick or untick', footer: true, match: char(' ')},
	{id: 'expand', context: 'user', keys: '→/enter', label: 'Show apps', footer: true, match: (_i, k) => k.rightArrow || k.return},
	{id: 'collapse', context: 'user', keys: '←', label: 'Hide apps', footer: false, match: (_i, k) => k.leftArrow},
	{id: 'save', context: 'user', keys: 's', label: 'Save changes', footer: true, match: char('s')},
	{id: 'removeFromGroup', context: 'user', keys: 'x', label: 'Remove from group', footer: false, match: char('x')},

	{id: 'open', context: 'groups', keys: 'enter', label: 'Choose group', footer: true, match: (_i, k) => k.return},

	{id: 'tick', context: 'manage', keys: 'space', label: 'Tick a product', footer: true, match: char(' ')},
	{id: 'save', context: 'manage', keys: 's', label: 'Save changes', footer: true, match: char('s')},

	{id: 'done', context: 'result', keys: 'enter', label: 'Done', footer: true, match: (_i, k) => k.return},

	{id: 'next', context: 'guide', keys: 'enter', label: 'Next step', footer: true, match: (_i, k) => k.return},
	{id: 'previous', context: 'guide', keys: 'esc', label: 'Previous step', footer: true, match: (_i, k) => k.escape},
	{id: 'screenGuide', context: 'global', keys: '3', label: 'Guided unassign', footer: false, match: char('3')},

	{id: 'focusNext', context: 'reclaim', keys: 'tab/→', label: 'Next section', footer: true, match: (_i, k) => k.tab || k.rightArrow},
	{id: 'previous', context: 'reclaim', keys: '←', label: 'Previous section', footer: false, match: (_i, k) => k.leftArrow},
	{id: 'unassign', context: 'reclaim', keys: 'u', label: 'Unassign licenses', footer: true, match: char('u')},
	{id: 'screenReclaim', context: 'global', keys: '4', label: 'Reclaim', footer: false, match: char('4')},

	{id: 'reassign', context: 'next', keys: 'r', label: 'Reassign the freed licenses', footer: true, match: char('r')},
	{id: 'done', context: 'next', keys: 'enter', label: 'Done', footer: true, match: (_i, k) => k.return},
	{id: 'scrollUp', context: 'result', keys: '↑/k', label: 'Scroll up', footer: false, match: (i, k) => k.upArrow || char('k')(i, k)},
	{id: 'scrollDown', context: 'result', keys: '↓/j', label: 'Scroll down', footer: false, match: (i, k) => k.downArrow || char('j')(i, k)},

	{id: 'confirm', context: 'dialog', keys: 'y', label: 'Confirm', footer: true, match: char('y', 'Y')},
	{id: 'cancel', context: 'dialog', keys: 'n/esc', label: 'Cancel', footer: true, match: (i, k) => k.escape || char('n', 'N')(i, k)},
	{id: 'focusNext', context: 'dialog', keys: 'tab/←/→', label: 'Switch button', footer: true, match: (_i, k) => k.tab || k.leftArrow || k.rightArrow},
	{id: 'press', context: 'dialog', keys: 'enter', label: 'Press button', footer: true, match: (_i, k) => k.return},
	{id: 'commands', context: 'dialog', keys: 'c', label: 'Equivalent commands', footer: true, match: char('c')},
	{id: 'scrollUp', context: 'dialog', keys: '↑/k', label: 'Scroll up', footer: false, match: (i, k) => k.upArrow || char('k')(i, k)},
	{id: 'scrollDown', context: 'dialog', keys: '↓/j', label: 'Scroll down', footer: false, match: (i, k) => k.downArrow || char('j')(i, k)},

	// q too: quitting half-way would leave the change to be settled on the next start.
	{id: 'stop', context: 'sending', keys: 'esc/q', label: 'Stop sending', footer: true, match: (i, k) => k.escape || char('q')(i, k)},

	{id: 'back', context: 'global', keys: 'esc', label: 'Back', footer: true, match: (_i, k) => k.escape},
	{id: 'screenLicenses', context: 'global', keys: '1', label: 'Licenses', footer: false, match: char('1')},
	{id: 'screenUsers', context: 'global', keys: '2', label: 'Active users', footer: false, match: char('2')},
	{id: 'help', context: 'global', keys: '?', label: 'Help', footer: true, match: char('?')},
	{id: 'quit', context: 'global', keys: 'q', label: 'Quit', footer: true, match: char('q')},
];

export const contextTitles: Record<KeyContext, string> = {
	global: 'Everywhere',
	list: 'Lists',
	checklist: 'Lists with checkboxes',
	licenses: 'Licenses',
	product: 'A product',
	assign: 'Assign licenses',
	users: 'Active users',
	user: 'A user: Licenses and apps',
	manage: 'Manage product licenses',
	dialog: 'Confirmation',
	result: 'Results',
	next: 'Next steps',
	guide: 'Guided unassign',
	deleted: 'Deleted users',
	groups: 'Remove from group: which group',
	sending: 'While a change is sent',
	reclaim: 'Reclaim',
	text: 'Typing in a field',
	choice: 'Choosing from a list',
};

/** Said under a context's keys in help: what the keys alone cannot say. */
export const contextNotes: Partial<Record<KeyContext, string>> = {
	users: '/ also matches products; product:NAME. f shows licensed, unlicensed, sign-in blocked users or a product\'s; o sorts by display name, username or licenses.',
	user: 'esc leaves without saving. → shows a product\'s apps: space turns one off or on.',
	sending: 'What was sent is answered; the users not sent yet are reported "Not sent".',
	reclaim: 'a ticks the whole section. [-]: listed, not offered (through a group, self-service, or not with another).',
};

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
