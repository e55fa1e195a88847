// Every word the app shows in English, in the Microsoft 365 admin center's own terms. Its shape is
// every language's (Strings): da.ts is typed with it, so a key missing there, or one too many, fails
// the type-check. Dates come in as ISO days (2026-12-25) and are said the language's way.
import type {Progress} from '../domain/progress.js';
import type {ReducedTo, ReducibleKind, SizedLevel} from '../domain/capabilities.js';
import type {Consequence, ConsequenceKind, UserConsequences} from '../domain/consequences.js';
import type {GroupRemovalReason} from '../domain/groups.js';
import type {JsonPlace} from '../domain/json-place.js';
import type {Outcome, OutcomeCounts, Requested} from '../domain/plan.js';
import type {SkipReason} from '../domain/rules.js';
import {outcomeSummary} from './outcome-summary.js';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "a, b and c" */
const listWords = (items: readonly string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

/** The kind and size of a reduced consequence: "mailbox/kiosk". */
export const reducedKey = (change: Consequence) => `${change.kind}/${change.to}` as ReducedTo;

/** A level's words in a language, or null where Microsoft documents no size for it. */
export const levelWordsOf =
	(words: {[K in ReducibleKind]: Record<SizedLevel<K>, string>}) =>
	(kind: ConsequenceKind, level: string): string | null =>
		(words as Partial<Record<ConsequenceKind, Record<string, string>>>)[kind]?.[level] ?? null;

/** Each documented level, as a reduction names its two ends: "from 100 GB to 50 GB". */
const levelWord = levelWordsOf({
	mailbox: {kiosk: '2 GB (Exchange Online Kiosk)', '50gb': '50 GB', '100gb': '100 GB'},
	archive: {'50gb': '50 GB', 'auto-expanding': 'auto-expanding (up to 1.5 TB)'},
	onedrive: {basic: 'OneDrive for Business (Basic)', '2gb': '2 GB', full: 'full size'},
	'office-apps': {'web-read': 'read-only, on the web and mobile', web: 'the web and mobile apps', desktop: 'the desktop apps'},
});

/** What happens to the mail of a user who loses their mailbox, with what is known of holds. */
function mailFate(user: UserConsequences): string {
	const date = user.mailboxDeletedOn ?? '';
	if (user.hold) return `mail deleted on ${date} except what the hold keeps, unless a license is assigned again`;
	if (!user.holdsVisible) return `mail deleted on ${date} unless a license is assigned again; holds are not visible from here and keep what they cover`;
	return `mail deleted on ${date} unless a license is assigned again`;
}

const lostPhrase: Record<ConsequenceKind, (user: UserConsequences, change: Consequence) => string> = {
	mailbox: user => `loses the mailbox: ${mailFate(user)}`,
	archive: () => 'loses the archive mailbox',
	onedrive: user =>
		`loses OneDrive: files kept, archived on ${user.oneDriveArchivedOn ?? ''} unless a license is assigned again (not in EDU, GCC or DoD tenants)`,
	'office-apps': (_, change) =>
		change.from === 'desktop' ? 'loses the Office apps ("Unlicensed Product", reduced functionality)' : 'loses Office for the web and mobile',
	teams: () => 'loses Teams',
};

const reducedName: Record<ReducibleKind, string> = {mailbox: 'mailbox', archive: 'archive', onedrive: 'OneDrive', 'office-apps': 'Office'};

/** What a reduction to this level also means. */
const reducedTail: Partial<Record<ReducedTo, string>> = {
	'archive/50gb': ': litigation hold and inactive-mailbox eligibility are lost',
	'onedrive/2gb': ', read-only while over it',
	'office-apps/web': ' (the desktop apps show "Unlicensed Product")',
};

/** "archive reduced from auto-expanding (up to 1.5 TB) to 50 GB: ..."; the start left out where its size is not documented. */
function reducedPhrase(change: Consequence): string {
	const from = levelWord(change.kind, change.from);
	return `${reducedName[change.kind as ReducibleKind]} reduced ${from ? `from ${from} ` : ''}to ${levelWord(change.kind, change.to)}${reducedTail[reducedKey(change)] ?? ''}`;
}

/** Each kind's word: "keeps mailbox", "less OneDrive". */
const kindWord: Record<ConsequenceKind, string> = {
	mailbox: 'mailbox',
	archive: 'archive mailbox',
	onedrive: 'OneDrive',
	'office-apps': 'Office apps',
	teams: 'Teams',
};

/** Each kind with its article, for what is not documented: "what stays of the mailbox". */
const theKind: Record<ConsequenceKind, string> = {
	mailbox: 'the mailbox',
	archive: 'the archive mailbox',
	onedrive: 'OneDrive',
	'office-apps': 'the Office apps',
	teams: 'Teams',
};

/** Each kind as the admin's own: "your mailbox". */
const ownKind: Record<ConsequenceKind, string> = {
	mailbox: 'your mailbox',
	archive: 'your archive mailbox',
	onedrive: 'your OneDrive',
	'office-apps': 'your Office apps',
	teams: 'Teams',
};

/** A change whose outcome Microsoft does not document: said so, with what the user has now where that is known. */
function undocumentedPhrase(change: Consequence): string {
	const now = levelWord(change.kind, change.from);
	return `what stays of ${theKind[change.kind]} is not documented${now ? ` (now ${now})` : ''}`;
}

const reducedAloud: Record<ReducedTo, (name: string, from: string | null) => string> = {
	'mailbox/kiosk': (name, from) => `${name}'s mailbox will shrink${from ? ` from ${from}` : ''} to 2 GB.`,
	'mailbox/50gb': (name, from) => `${name}'s mailbox will shrink from ${from} to 50 GB.`,
	'archive/50gb': (name, from) =>
		`${name}'s archive mailbox will shrink from ${from} to 50 GB, and can no longer be on litigation hold or be kept as an inactive mailbox.`,
	'onedrive/2gb': (name, from) => `${name}'s OneDrive will shrink from ${from} to 2 GB, and be read-only while it holds more.`,
	'onedrive/basic': (name, from) => `${name}'s OneDrive will shrink from ${from} to a basic one, the one that comes with another product.`,
	'office-apps/web': name => `${name} will lose the Office desktop apps, and keep Office on the web and on phones.`,
	'office-apps/web-read': (name, from) => `${name} will go from ${from} to only reading Office documents, on the web and on phones.`,
};

const outcomeWords: Record<Outcome, (n: number) => string> = {
	removed: n => `${plural(n, 'license', 'licenses')} unassigned`,
	assigned: n => `${plural(n, 'license', 'licenses')} assigned`,
	updated: n => `apps changed in ${plural(n, 'license', 'licenses')}`,
	skipped: n => `${plural(n, 'user', 'users')} skipped`,
	failed: n => `${plural(n, 'user', 'users')} failed`,
	'not-sent': n => `${plural(n, 'user', 'users')} not sent`,
	unknown: n => `${plural(n, 'user', 'users')} unknown (Graph's answer was lost)`,
};

/** What stands where the app keeps a file of its own, when it is not that file (fs/durable.ts refuses it). */
export type Stranger = 'link' | 'fifo' | 'device' | 'socket' | 'folder' | 'file';

/** A change's users, counted by outcome, as the command line sums them up. */
export interface ChangeCounts {
	removed: number;
	skipped: number;
	failed: number;
	notSent: number;
	unknown: number;
}

/** The users not sent, and those whose outcome is not known, when there are any. */
const notDone = (s: ChangeCounts) =>
	(s.notSent > 0 ? `, ${s.notSent} not sent` : '') + (s.unknown > 0 ? `, ${s.unknown} unknown (the next start reads them back)` : '');
/** The users not done, after the result ("; 1 user skipped, 0 failed"); nothing when every user was done. */
const notAll = (s: ChangeCounts) =>
	s.skipped + s.failed + s.notSent + s.unknown > 0 ? `; ${plural(s.skipped, 'user', 'users')} skipped, ${s.failed} failed${notDone(s)}` : '';

/** Each action's name in the key table (ui/keys.ts), by action id: the footer and help say these. */
const keyLabels = {
	quit: 'Quit',
	help: 'Help',
	back: 'Back',
	screenLicenses: 'Licenses',
	screenUsers: 'Active users',
	screenGuide: 'Guided unassign',
	screenReclaim: 'Reclaim',
	screenTenants: 'Tenants (once tenants are added)',
	refresh: 'Read the tenant again',
	up: 'Move up',
	down: 'Move down',
	pageUp: 'Page up',
	pageDown: 'Page down',
	first: 'First',
	last: 'Last',
	open: 'Open product',
	tick: 'Tick',
	tickAll: 'Tick all shown',
	filter: 'Filter',
	unassign: 'Unassign licenses',
	assign: 'Assign licenses',
	manage: 'Manage product licenses',
	save: 'Save changes',
	expand: 'Show apps',
	collapse: 'Hide apps',
	done: 'Done',
	reassign: 'Reassign the freed licenses',
	deleteUser: 'Delete user',
	deletedUsers: 'Deleted users',
	restore: 'Restore user',
	removeFromGroup: 'Remove from group',
	next: 'Next step',
	previous: 'Previous step',
	commands: 'Equivalent commands',
	scrollUp: 'Scroll up',
	scrollDown: 'Scroll down',
	focusNext: 'Switch button',
	press: 'Press button',
	confirm: 'Confirm',
	cancel: 'Cancel',
	stop: 'Stop sending',
	type: 'Type; backspace deletes',
	finishTyping: 'Done typing',
	moveCursor: 'Move in the text',
	choose: 'Choose',
	filterUsers: 'Filter users',
	sortUsers: 'Sort users',
	interrupt: 'Quit (stops and saves a change first)',
	cancelSignIn: 'Cancel the sign-in and its action',
};

/** Where keys apply (the key table's contexts), as help titles them. */
const keyContexts = {
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
	always: 'Always',
	signIn: 'While a sign-in code is shown',
};

type KeyContextId = keyof typeof keyContexts;

/** A sentence's end: a full stop, unless what it ends with (a name, a value given, a server's words) has one already. */
export const stop = (text: string) => (/[.!?…]$/.test(text) ? text : `${text}.`);
type ActionLabels = {readonly [A in keyof typeof keyLabels]?: string};

export const en = {
	/** "a, b and c" */
	list: listWords,
	/** A count as the language writes it. */
	number: (n: number) => String(n),
	/** An ISO day (2026-12-25) as the language writes it. */
	day: (iso: string) => iso,
	/** A moment (an ISO time, UTC) in a report or a saved file, as the language writes it. */
	time: (iso: string) => iso,
	/** "12–30 of 45": the rows a scrolled list shows. */
	window: (first: number, last: number, count: number) => `${first}–${last} of ${count}`,
	keys: {
		labels: keyLabels,
		/** The footer's end where keys are left out: "… ? more" (help lists them). */
		more: 'more',
		/** A key's name where the language has a word of its own for it; the rest (enter, esc, tab, PgUp) as printed on the key. */
		names: {} as {readonly [key: string]: string},
		/** Where one screen calls an action otherwise than keyLabels does. */
		inContext: {
			users: {open: 'Licenses and apps'},
			groups: {open: 'Choose group'},
			assign: {save: 'Assign'},
			user: {tick: 'Tick or untick'},
			manage: {tick: 'Tick a product'},
			reclaim: {focusNext: 'Next section', previous: 'Previous section'},
		} as {readonly [C in KeyContextId]?: ActionLabels},
		contexts: keyContexts,
		/** Said under a context's keys in help: what the keys alone cannot say. */
		notes: {
			text: 'Ctrl-A and Ctrl-E go to the start and the end, Alt-B and Alt-F a word back and on; Ctrl-U and Ctrl-K delete to the start and to the end, Ctrl-W the word before the cursor.',
			always:
				'Ctrl-C while a change is sent stops sending: the answers to what was sent are awaited (5 s at most) and every outcome is recorded before the app leaves. A second Ctrl-C leaves at once; the next start settles the change.',
			users:
				"/ also matches products; product:NAME. f shows licensed, unlicensed, sign-in blocked users or a product's; o sorts by display name, username or licenses.",
			user: "esc leaves without saving. → shows a product's apps: space turns one off or on.",
			sending: 'What was sent is answered; the users not sent yet are reported "Not sent".',
			reclaim: 'a ticks the whole section. [-]: listed, not offered (through a group, self-service, or not with another).',
		} as {readonly [C in KeyContextId]?: string},
	},
	screens: {licenses: 'Licenses', users: 'Active users', guide: 'Guided unassign', reclaim: 'Reclaim'},
	/** The tabs' names where the header is short of room. */
	tabShort: {licenses: 'Licenses', users: 'Users', guide: 'Guide', reclaim: 'Reclaim'},
	guide: {
		step: (n: number, title: string) => `Step ${n} of 4: ${title}`,
		titles: ['choose a product', 'choose users', 'read what happens', 'confirm'] as const,
		chooseProduct: 'Pick the product to take away from people. ↑ and ↓ move, enter chooses it.',
		chooseUsers: (product: string) => `Tick who should lose ${product}: space ticks, / searches.`,
		readIntro: 'Read this out to the person who asked before going on.',
		selfService: 'self-service purchase: cannot be unassigned here',
		assigned: (n: number) => `${n} assigned`,
		tickFirst: 'Tick at least one person first (space).',
		notAllowed: (upn: string, roles: readonly string[]) =>
			`${upn} ${roles.length > 0 ? `is ${roles.join(', ')}` : 'has no admin role'}: unassigning needs the Global, License or User Administrator role. Ask one of them to do it.`,
		aloud: {
			kind: {
				mailbox: 'their mailbox',
				archive: 'their archive mailbox',
				onedrive: 'OneDrive',
				'office-apps': 'Office apps',
				teams: 'Teams',
			} satisfies Record<ConsequenceKind, string>,
			intro: (product: string, names: string) => `You are about to remove ${product} from ${stop(names)}`,
			dependents: (addOns: readonly string[], product: string) =>
				`${listWords(addOns)} will be removed as well: ${addOns.length === 1 ? 'it depends' : 'they depend'} on ${product}.`,
			keptThroughGroup: (name: string, product: string, groups: string) =>
				`${name} keeps ${product} through the group ${groups}: only the license given to them directly goes.`,
			loses: (name: string, kinds: string) => `${name} will lose ${stop(kinds)}`,
			reduced: (name: string, change: Consequence) => reducedAloud[reducedKey(change)](name, levelWord(change.kind, change.from)),
			undocumented: (name: string, kind: string) => `What ${name} keeps of ${kind} is not documented.`,
			keeps: (name: string, kind: string, products: string) => `${name} keeps ${kind} through ${stop(products)}`,
			nothing: (name: string) => `${name} loses no mailbox, OneDrive, Office apps or Teams.`,
			hold: (name: string) => `${name}'s mailbox is on hold: what the hold covers is kept.`,
			unrecognised: (name: string, plans: string) => `${name} will also lose service plans this app does not recognise: ${stop(plans)}`,
			holdsHidden: 'This app cannot see whether a mailbox is on hold. A hold keeps what it covers.',
			mailbox: (date: string) =>
				`Email is kept for 30 days, until ${date}, and then deleted for good. Giving a license back within those 30 days brings it back.`,
			archive: 'The archive mailbox goes with the license that gave it.',
			onedrive: (date: string) =>
				`OneDrive files are not deleted. On ${date}, 93 days after the license goes, they are archived: the person gets them back with a license, and an administrator can reach them only through paid Microsoft 365 Archive. This does not happen in EDU, GCC or DoD tenants.`,
			'office-apps': 'Office apps on their computers will show "Unlicensed Product" and ask to be activated.',
			teams: 'Microsoft Teams will no longer be licensed for them.',
			skipped: (name: string, reason: string) => `${name} will be skipped: ${stop(reason)}`,
		},
		doneTitle: 'Finished',
		report: (path: string) => `Report saved: ${path}`,
		again: 'Enter starts another guided unassign.',
		reportTitle: 'Guided unassign report',
		reportFields: {tenant: 'Tenant', doneBy: 'Done by', started: 'Started', finished: 'Finished', product: 'Product', outcome: 'Outcome'},
		reportDone: 'What was done, per user',
		reportColumns: ['User', 'Product', 'Outcome', 'Reason'] as const,
		reportShown: 'What was shown before confirming',
		leaving: (path: string) => `Guided unassign report: ${path}`,
	},
	readOnly: {
		badge: 'read-only',
		banner: (upn: string, roles: readonly string[]) =>
			`Read-only: ${upn} ${roles.length > 0 ? `is ${roles.join(', ')}` : 'has no admin role'}; changing licenses needs the Global, License or User Administrator role.`,
		status: 'Read-only: that needs the Global, License or User Administrator role.',
	},
	licenses: {
		product: 'Product',
		assigned: 'Assigned',
		available: 'Available',
		total: 'Total',
		none: 'This tenant has no products.',
	},
	product: {
		subscription: 'Subscription ID',
		status: 'Status',
		licenses: 'Licenses',
		users: (n: number) => plural(n, 'user', 'users'),
		selected: (n: number) => `${n} selected`,
		noUsers: 'No users have this product.',
		noMatch: (query: string) => `No users match "${query}".`,
		selfService: (owner: string) =>
			`Self-service purchase by ${owner}: an admin must take over the subscription before its licenses can be assigned or unassigned.`,
		selfServiceShort: 'Self-service purchase: an admin must take over the subscription first.',
		selfServiceBeside: (owner: string) =>
			`Some licenses are ${owner}'s self-service purchase, which an admin must take over before changing; the company's can be changed. Microsoft decides per user.`,
		groupOnly: (groups: string) => `via ${groups}`,
		alsoGroup: (groups: string) => `also via ${groups}`,
		disabled: 'Sign-in blocked',
		/** A subscription's status as Graph gives it (capabilityStatus), in words; one not listed is shown as given. */
		statuses: {Enabled: 'Enabled', Warning: 'Warning', Suspended: 'Suspended', Deleted: 'Deleted', LockedOut: 'Locked out'} as Record<string, string>,
	},
	users: {
		name: 'Display name',
		upn: 'Username',
		licenses: 'Licenses',
		unlicensed: 'Unlicensed',
		count: (n: number) => plural(n, 'user', 'users'),
		countOf: (shown: number, all: number) => `${shown} of ${plural(all, 'user', 'users')}`,
		noneShown: 'No users are shown: f chooses another filter.',
		manageNeedsTwo: 'Manage product licenses: tick two or more users (for one user, press enter).',
		filterTitle: 'Filter: which users to show',
		sortTitle: 'Sort users by',
		filters: {all: 'All users', licensed: 'Licensed users', unlicensed: 'Unlicensed users', blocked: 'Sign-in blocked'},
		productFilter: (product: string) => `Holding ${product}`,
		sorts: {displayName: 'Display name', userPrincipalName: 'Username', licenses: 'Licenses'},
		sortedBy: (by: string) => `sorted by ${by.toLowerCase()}`,
	},
	user: {
		resultsTitle: (name: string) => `Licenses and apps of ${name}: results`,
		signInAllowed: 'Sign-in allowed',
		usageLocation: (code: string) => `Usage location ${code}`,
		licensesAndApps: 'Licenses and apps',
		available: (n: number) => `${n} available`,
		willAssign: 'will be assigned',
		willRemove: 'will be removed',
		appsNote: 'Apps: space turns one off or on; s saves.',
		appsChanged: 'apps will change',
		tickProductFirst: 'Tick the product first: its apps come with it.',
		appNeeded: (dependents: string) => `${dependents} depends on this app: turn that off (or unassign it) first.`,
		noChanges: 'No changes to save.',
		mailboxWindow: (date: string) => `Mailbox deleted on ${date} unless a license is assigned again.`,
		saveTitle: 'Save changes',
		saveQuestion: (name: string) => `Save these changes for ${name}?`,
		assignLine: (product: string) => `+ Assign ${product}`,
		removeLine: (product: string) => `− Unassign ${product}`,
		changeLine: (product: string, off: string, on: string) =>
			`~ Change the apps of ${product}: ${[off ? `turn off ${off}` : '', on ? `turn on ${on}` : ''].filter(Boolean).join('; ')}`,
		appsOff: (apps: string) => `apps off: ${apps}`,
		groupReason: (groups: string) => `licensed through ${groups}; remove them from the group instead`,
		dependent: (bases: string) => `depends on ${bases}: removed with it`,
		alsoRemoves: (addOns: string) => `also removes ${addOns}, which depends on it`,
		groupLocked: (groups: string) => `Assigned through ${groups}: x removes the user from the group, and the licenses it gives.`,
		notThroughGroup: 'This product is not assigned through a group: space unticks it.',
	},
	manage: {
		title: 'Manage product licenses',
		users: (n: number) => `${plural(n, 'user', 'users')} selected`,
		assignMore: 'Assign more products',
		replace: 'Replace existing products',
		unassignAll: 'Unassign all',
		explain: {
			assignMore: 'Adds the products you tick; what the users have stays.',
			replace: 'The users get the products you tick; every other product they hold directly is unassigned.',
			unassignAll: 'Removes every product from every selected user.',
		},
		pickProducts: (choice: string) => `${choice}: tick the products (space), then Save changes (s).`,
		productRow: (available: number) => `${available} available`,
		tickProduct: 'Tick at least one product first (space).',
		short: (product: string, needed: number, available: number) =>
			`Only ${plural(available, 'license', 'licenses')} of ${product} ${available === 1 ? 'is' : 'are'} available; ${plural(needed, 'user needs', 'users need')} one. Unassign some, or buy more.`,
		nothingToDo: 'Nothing to change: the selected users have these products already.',
		assignQuestion: (products: string, users: number) => `Assign ${products} to ${plural(users, 'user', 'users')}?`,
		replaceQuestion: (users: number, products: string) => `Replace the products of ${plural(users, 'user', 'users')} with ${products}?`,
		confirmQuestion: (users: number, licenses: number) =>
			`Unassign all products from ${plural(users, 'user', 'users')} (${plural(licenses, 'license', 'licenses')})?`,
		resultsTitle: 'Manage product licenses: results',
	},
	assign: {
		title: 'Assign licenses',
		heading: (product: string, available: number) => `Assign licenses › ${product} · ${available} available`,
		candidates: (n: number) => `${plural(n, 'user does', 'users do')} not have it`,
		noneAvailable: (product: string, total: number) => `No licenses available for ${product}: all ${total} are assigned. Unassign some, or buy more.`,
		tooMany: (ticked: number, available: number) =>
			`Only ${plural(available, 'license is', 'licenses are')} available; ${plural(ticked, 'user is', 'users are')} ticked.`,
		nothingTicked: 'Assign licenses: tick one or more users first (space, or a for all shown).',
		question: (product: string, n: number) => `Assign ${product} to ${plural(n, 'user', 'users')}?`,
		confirm: 'Assign',
		noCandidates: 'Every user has this product.',
		resultsTitle: 'Assign licenses: results',
	},
	unassign: {
		title: 'Unassign',
		/** Users and licenses counted apart: the add-ons that go with the product are named, not counted as users. */
		question: (users: number, product: string, addOns: readonly string[] = []) =>
			`Unassign ${product} from ${plural(users, 'user', 'users')}${addOns.length > 0 ? ` (and ${listWords(addOns)}, which ${addOns.length === 1 ? 'depends' : 'depend'} on it)` : ''}?`,
		nothingToRemove: (reasons: string) => `Nothing to unassign: ${stop(reasons)}`,
		resultsTitle: 'Unassign licenses: results',
		confirm: 'Unassign',
		nothingTicked: 'Unassign licenses: tick one or more users first (space, or a for all shown).',
		skippedCount: {
			'not-assigned': (n: number) => `${plural(n, 'user does', 'users do')} not have this license`,
			'already-assigned': (n: number) => `${plural(n, 'user has', 'users have')} it already`,
			'group-assigned': (n: number) => `${plural(n, 'user holds', 'users hold')} it only through a group`,
			'self-service-subscription': () => 'a self-service purchase, which an admin must take over first',
			'user-not-found': (n: number) => `${plural(n, 'user was', 'users were')} not found`,
		} satisfies Record<SkipReason, (n: number) => string>,
		willSkip: (n: number) => `${plural(n, 'user', 'users')} will be skipped:`,
		/** Without --yes and without a terminal to ask in; `see` is the flag that shows the plan. */
		refused: (what: 'unassign' | 'removeFromGroup', see: 'dryRun' | 'noApply') =>
			`refusing to ${what === 'unassign' ? 'unassign' : 'remove users from the group'} without confirmation: pass --yes (or ${see === 'dryRun' ? '--dry-run' : 'reclaim without --apply'} to see the plan). Nothing was changed.`,
		cancelled: 'cancelled. Nothing was changed.',
		/** The command line's last line: users counted, as in its results. */
		commandSummary: (dryRun: boolean, product: string, s: ChangeCounts & {wouldRemove: number}) =>
			`${dryRun ? `Dry run: ${product} would be unassigned from ${plural(s.wouldRemove, 'user', 'users')}` : `${product} unassigned from ${plural(s.removed, 'user', 'users')}`}${notAll(s)}.`,
	},
	consequences: {
		title: 'What happens',
		changes: 'Changes',
		sum: {
			lost: {
				mailbox: (n: number) => `${plural(n, 'user loses', 'users lose')} their mailbox`,
				archive: (n: number) => `${plural(n, 'user loses', 'users lose')} their archive mailbox`,
				onedrive: (n: number) => `${plural(n, 'user loses', 'users lose')} OneDrive`,
				'office-apps': (n: number) => `${plural(n, 'user loses', 'users lose')} Office apps`,
				teams: (n: number) => `${plural(n, 'user loses', 'users lose')} Teams`,
			} satisfies Record<ConsequenceKind, (n: number) => string>,
			reduced: {
				mailbox: (n: number) => `mailbox reduced for ${plural(n, 'user', 'users')}`,
				archive: (n: number) => `archive reduced for ${plural(n, 'user', 'users')}`,
				onedrive: (n: number) => `OneDrive reduced for ${plural(n, 'user', 'users')}`,
				'office-apps': (n: number) => `Office reduced for ${plural(n, 'user', 'users')}`,
			} satisfies Record<ReducibleKind, (n: number) => string> as Partial<Record<ConsequenceKind, (n: number) => string>>,
			undocumented: (kind: ConsequenceKind, n: number) => `what stays of ${theKind[kind]} is not documented for ${plural(n, 'user', 'users')}`,
			unrecognised: (n: number) => `${plural(n, 'user loses', 'users lose')} service plans this app does not recognise`,
			none: (n: number) => `${plural(n, 'user loses', 'users lose')} no mailbox, OneDrive, Office apps or Teams`,
		},
		kind: kindWord,
		/** One consequence for one user: the panel, the command line and --json say it the same way. */
		phrase: (user: UserConsequences, change: Consequence) =>
			change.effect === 'lost' ? lostPhrase[change.kind](user, change) : change.effect === 'reduced' ? reducedPhrase(change) : undocumentedPhrase(change),
		keeps: (kind: string, products: string) => `keeps ${kind} (${products})`,
		unrecognised: (plans: readonly string[]) => `also loses service plans this app does not recognise: ${plans.join(', ')}`,
		/** What is said where nothing the app tracks is lost: never "everything", as a license can still go. */
		nothing: 'loses no mailbox, OneDrive, Office apps or Teams',
		hold: (kind: string) =>
			({'litigation-hold': 'on litigation hold', 'retention-policy': 'under a retention policy', 'retention-label': 'under a retention label'})[kind] ??
			'on hold',
		/** What each loss means, once below the changes. */
		explain: {
			mailbox:
				'Mailbox: mail is kept for 30 days after the license is removed, then deleted for good; assigning a license again within the 30 days restores it. Retention policies, retention labels and holds keep what they cover. Meanwhile the mailbox cannot be searched with eDiscovery. To keep the mail without a license, convert it to a shared mailbox first: that works for a mailbox under 50 GB with no archive and no litigation hold; otherwise the shared mailbox still needs Exchange Online (Plan 2).',
			archive:
				'Archive mailbox: Exchange Online (Plan 1) gives one of 50 GB, Exchange Online (Plan 2) one that auto-expands up to 1.5 TB, and Exchange Online Archiving makes the archive of a mailbox plan auto-expand; Exchange Online Kiosk gives none. It goes with the last license that gave it.',
			onedrive:
				'OneDrive: files are not deleted when the license is removed; they stay until the user is deleted. Since 27 January 2025 a OneDrive left unlicensed is archived, 93 days after the license is removed: the user reaches it again once licensed, an admin only with Microsoft 365 Archive pay-as-you-go billing; retention policies and holds still apply. This does not apply to EDU, GCC or DoD tenants.',
			'office-apps': 'Office apps: the desktop apps go into reduced functionality, showing "Unlicensed Product" and activation prompts.',
			teams: 'Teams: no Microsoft Teams service plan stays licensed for the user.',
		} satisfies Record<ConsequenceKind, string>,
		explainReduced: {
			'mailbox/kiosk': 'Exchange Online Kiosk: a 2 GB mailbox, without an archive.',
			'mailbox/50gb': 'Exchange Online (Plan 1): a 50 GB mailbox, with an archive of its own of 50 GB.',
			'archive/50gb':
				'Archive of 50 GB (Exchange Online (Plan 1)): it does not expand. Without Exchange Online Archiving or Exchange Online (Plan 2), a mailbox can no longer be on litigation hold or be kept as an inactive mailbox.',
			'onedrive/2gb': 'OneDrive of 2 GB (SharePoint Kiosk, Microsoft 365 F1 and F3): read-only while it holds more.',
		} satisfies Partial<Record<ReducedTo, string>> as Partial<Record<ReducedTo, string>>,
		holdsHidden:
			'Holds: Microsoft Graph does not say whether a mailbox is on hold, so this app cannot. Check in Exchange Online (Get-Mailbox … LitigationHoldEnabled) before going on; a hold keeps what it covers.',
		unrecognisedNote: "Service plans this app does not recognise are not in Microsoft's product table it was built with: check what they give before going on.",
		source:
			'From Microsoft\'s documentation: "Unassign Microsoft 365 licenses from users", "Remove a former employee", "Remove a license from a shared mailbox", "Exchange Online limits", "Exchange Online Archiving service description", "Manage unlicensed OneDrive user accounts", "Changing from a Microsoft 365 E plan to a Microsoft 365 F plan".',
		mailboxBack: 'the mailbox comes back: assigned within its 30 days',
	},
	nextSteps: {
		title: 'Next steps',
		freed: (n: number, product: string, available: number) =>
			`${plural(n, 'license', 'licenses')} of ${product} ${n === 1 ? 'is' : 'are'} free now (${available} available).`,
		noneFreed: 'No license was freed: the users still hold it through a group.',
		reassign: 'Reassign the freed licenses to someone else (Assign licenses).',
		chooseProduct: 'Reassign the licenses of which product? ↑ and ↓ move, enter chooses, esc goes back.',
		freedChoice: (product: string, n: number) => `${product} (${plural(n, 'license', 'licenses')} freed)`,
		/** After reassigning is offered, an alternative ("Or remove…"); else the first step. */
		billing: (alternative: boolean) =>
			`${alternative ? 'Or remove' : 'Remove'} the unused licenses from the subscription, so they are not billed: a billing change, made in the Microsoft 365 admin center under Billing > Your products, on the subscription. Cancellation windows and recurring billing apply.`,
		formerEmployee: 'Someone leaving the organisation? Follow Microsoft\'s guidance "Remove a former employee":',
		formerEmployeeLink: 'learn.microsoft.com/microsoft-365/admin/add-users/remove-former-employee',
	},
	reclaim: {
		section: {
			redundant: 'Redundant',
			blocked: 'Sign-in blocked',
			inactive: (days: number) => `Not signed in for ${days} days`,
		},
		/** The section's tab at 80 columns: its name and how many users it lists. */
		tab: {
			redundant: (n: number) => `Redundant (${n})`,
			blocked: (n: number) => `Sign-in blocked (${n})`,
			inactive: (n: number | null, days: number) => `Not signed in ${days} d (${n ?? '–'})`,
		},
		/** "3 licenses from 3 users · frees 3 Exchange Online (Plan 1)" */
		summary: (licenses: number, users: number, freed: readonly string[]) =>
			`${plural(licenses, 'license', 'licenses')} from ${plural(users, 'user', 'users')} · ${freed.length > 0 ? `frees ${freed.join(', ')}` : 'frees no license'}`,
		freed: (n: number, product: string) => `${n} ${product}`,
		reason: {
			coveredBy: (products: string) => `comes with ${products}`,
			givesNothing: 'gives nothing the user does not have',
			alsoThrough: (groups: string) => `also through ${groups}: frees no license`,
			notCounted: (plans: string) => `not counting ${plans}`,
			notWith: (products: string, loss: string) => `not with ${products}: together they lose ${loss}`,
			blocked: 'sign-in blocked',
			lastSignIn: (day: string, days: number) => `last sign-in ${day} (${plural(days, 'day', 'days')} ago)`,
			neverSignedIn: (created: string) => `no sign-in recorded since it was created on ${created}`,
		},
		/** Why a listed license is not offered. */
		notOffered: {
			'group-assigned': (groups: string) => `through ${groups}: remove them from the group instead`,
			'self-service-subscription': () => 'self-service purchase: an admin must take over the subscription first',
			'not-together': (products: string) => `can go, but not with ${products}`,
		},
		/** What a loss of these licenses together takes of a kind that stays, made smaller or of a size not documented. */
		reduced: (kind: ConsequenceKind) => `less ${kindWord[kind]}`,
		undocumented: (kind: ConsequenceKind) => `${kindWord[kind]} of a size not documented`,
		mailbox: {
			shared:
				'Keep the mail by converting the mailbox to a shared one first: no license needed under 50 GB with no archive and no litigation hold; otherwise Exchange Online (Plan 2).',
			onHold: 'The mailbox is on litigation hold: as a shared mailbox it still needs Exchange Online (Plan 2).',
		},
		unavailable: {
			graph: (message: string) =>
				`Sign-in activity could not be read from Microsoft Graph: ${message.replace(/\.?$/, '.')} It needs the AuditLog.Read.All permission and Microsoft Entra ID P1 or P2.`,
			snapshot: 'This tenant file has no sign-in activity (signInActivity on its users).',
		},
		empty: {
			redundant: 'No user holds a license that their other licenses already give.',
			blocked: 'No sign-in blocked account holds a license.',
			inactive: (days: number) => `Everyone holding a license has signed in within ${days} days.`,
		},
		ticked: (licenses: number, users: number) => `${plural(licenses, 'license', 'licenses')} from ${plural(users, 'user', 'users')} ticked`,
		nothingTicked: 'Reclaim: tick one or more candidates first (space, or a for the whole section).',
		question: (licenses: number, users: number) => `Unassign ${plural(licenses, 'license', 'licenses')} from ${plural(users, 'user', 'users')}?`,
		resultsTitle: 'Reclaim: results',
		/** The command line's last line: users counted, as in its results. */
		commandSummary: (s: ChangeCounts & {licenses: number}) =>
			`${plural(s.licenses, 'license', 'licenses')} unassigned from ${plural(s.removed, 'user', 'users')}${notAll(s)}.`,
		yesNeedsApply: '--yes goes with --apply',
		applyNeedsSection: '--apply needs --section: say which candidates go (redundant, blocked, inactive, or several, comma-separated)',
		badSection: (given: string) => `--section ${given}: use redundant, blocked or inactive (several: comma-separated)`,
		badDays: (given: string) => `--inactive-days ${given}: give a whole number of days, 1 or more`,
	},
	deleteUser: {
		title: (name: string) => `Delete user: ${name}`,
		freed: (products: string) => `Their licenses are freed at once: ${stop(products)}`,
		noLicenses: 'They hold no licenses.',
		onedrive: 'OneDrive is deleted with the user, after the retention period.',
		inactive:
			'The mailbox is on hold and licensed for it (Exchange Online Plan 2, or Plan 1 with Exchange Online Archiving): it is kept as an inactive mailbox.',
		notInactive: 'The mailbox is not kept as an inactive mailbox: that needs a hold, and Exchange Online Plan 2 or Plan 1 with Exchange Online Archiving.',
		inactiveIfHeld:
			'The mailbox is licensed to be kept as an inactive mailbox (Exchange Online Plan 2, or Plan 1 with Exchange Online Archiving), which happens only if it is on hold: holds are not visible from here.',
		restorable: (date: string) => `The user can be restored from Deleted users (d) until ${stop(date)}`,
		type: (upn: string) => `To delete, type the username (${upn}) and press enter; esc cancels.`,
		prompt: 'Username: ',
		mismatch: (upn: string, at: number) =>
			`Not the username yet: it differs from ${upn} at character ${stop(String(at))} Correct it, or esc to cancel; nothing was deleted.`,
		done: (upn: string) => `Deleted ${stop(upn)} Their licenses are free.`,
		blocked: {
			'no-user-role': 'Deleting users needs the Global Administrator or User Administrator role.',
			self: 'You cannot delete the account you are signed in with.',
			privileged: 'This user holds an admin role: only a Global Administrator can delete them.',
		},
	},
	deleted: {
		title: 'Deleted users',
		none: 'No deleted users.',
		deletedOn: (date: string) => `deleted ${date}`,
		until: (date: string) => `until ${date}`,
		/** Under the list: the highlighted user, whole. */
		restorableUntil: (date: string) => `restorable until ${date}`,
		confirmTitle: 'Restore user',
		question: (name: string) => `Restore ${name}, with their licenses?`,
		restored: (upn: string) => `Restored ${upn}, with their licenses.`,
		expired: 'More than 30 days since it was deleted: it can no longer be restored.',
		noLicenses: (product: string) => `No ${product} license is available to restore with the user.`,
		readFailed: (message: string) => `Could not read the deleted users: ${message}`,
	},
	commands: {
		title: 'Equivalent commands',
		powershell: 'Microsoft Graph PowerShell (signed in with LicenseAssignment.ReadWrite.All):',
		rest: 'Microsoft Graph REST with curl, an access token in GRAPH_TOKEN (LicenseAssignment.ReadWrite.All):',
		back: 'c again shows the change itself.',
		saved: (ps1: string, sh: string) => `Saved as ${ps1} and ${sh}: one command a user, copied exactly.`,
		notSaved: (problem: string) => `Not saved to a file: ${problem}`,
		/** The first lines of the saved files, as comments. */
		fileHeader: (tenant: string, time: string) => [
			`The change confirmed in m365-licenses for ${tenant}, ${time}: one call a user.`,
			'Check it before you run it: it is the change the app would make, not a record of what was done.',
		],
		psNeeds: 'Needs Microsoft Graph PowerShell, signed in with the LicenseAssignment.ReadWrite.All permission.',
		shNeeds: 'Needs curl, and GRAPH_TOKEN set to a Microsoft Graph access token with LicenseAssignment.ReadWrite.All.',
		tokenMissing: 'set GRAPH_TOKEN to a Microsoft Graph access token',
	},
	dialog: {
		cancel: 'Cancel',
		/** First in a confirmation that changes the signed-in admin's own licenses. */
		self: (upn: string, kinds: readonly ConsequenceKind[]) =>
			`This changes your own licenses (${upn})${kinds.length > 0 ? `: you lose or keep less of ${listWords(kinds.map(kind => ownKind[kind]))}` : ''}.`,
		more: (n: number) => `… ${n} more (↓ to scroll)`,
		/** The same while the lines below are still being counted (a moment, for thousands of users). */
		moreCounting: '… more (↓ to scroll)',
		working: 'Saving…',
		/** One line, under 80 columns: a change being sent to Microsoft Graph. */
		progress: (p: Progress) =>
			`${p.done}/${p.total} done, ${p.remaining} left, ${p.throttled} throttled, ${p.perSecond.toFixed(1)}/s` +
			(p.waitingMs > 0 ? `, waiting ${Math.ceil(p.waitingMs / 1000)} s as Graph asked` : ''),
		bar: (p: Progress, width: number) => {
			const filled = Math.round((p.done / Math.max(1, p.total)) * width);
			return `[${'#'.repeat(filled).padEnd(width, '.')}] ${Math.floor((p.done / Math.max(1, p.total)) * 100)}%`;
		},
		finished: (p: Progress) =>
			`${p.done} of ${p.total} answered by Microsoft Graph in ${Math.round(p.elapsedMs / 1000)} s, ${p.throttled} throttled and sent again` +
			(p.remaining > 0 ? `, ${p.remaining} not sent.` : '.'),
		sending: 'Sending the change to Microsoft 365',
		stopHint: 'esc stops sending: what was sent is answered, the rest is not sent.',
		stopping: 'Stopping: waiting for the answers to what was sent; the rest will not be sent.',
		interrupted: 'stopping: waiting for the answers to what was sent; the rest will not be sent. Ctrl-C again quits at once.',
		error: (message: string) => `Not saved: ${message}`,
		leftMidChange: 'left while a change was being sent: the next start reads how each user stands and records what was done.',
		stoppingToQuit: 'Stopping, then quitting: waiting for the answers to what was sent (5 s at most); the rest will not be sent. Ctrl-C again quits at once.',
	},
	outcome: {
		/**
		 * "2 licenses unassigned from Office 365 E3, 1 user skipped.": licenses and users counted apart;
		 * users are named when their number differs from the licenses'.
		 */
		summary: (counts: OutcomeCounts, product?: string, who?: string) =>
			outcomeSummary(
				{
					counted: outcomeWords,
					license: /(licenses?)/,
					of: product => ` of ${product}`,
					toWhom: {removed: 'from', assigned: 'to', updated: 'of'},
					and: 'and',
					addOns: n => `, with ${plural(n, 'license', 'licenses')} of add-ons that depend on it`,
					users: n => ` (${plural(n, 'user', 'users')})`,
					start: sentence => sentence,
					notDone: {
						remove: product => `Not unassigned${product ? ` of ${product}` : ''}`,
						add: product => `Not assigned${product ? ` of ${product}` : ''}`,
						update: product => `Apps not changed${product ? ` of ${product}` : ''}`,
					},
				},
				counts,
				product,
				who,
			),
		notDoneVerb: {remove: 'Not unassigned', add: 'Not assigned', update: 'Apps not changed in'} satisfies Record<Requested, string>,
		/** A product's line under its user in the results: what was done, the product, and why. */
		line: (verb: string, product: string, why: string) => `${verb ? `${verb} ` : ''}${product}${why ? `: ${why}` : ''}`,
		verb: {
			removed: 'Unassigned',
			assigned: 'Assigned',
			updated: 'Apps changed in',
			skipped: 'Skipped',
			failed: 'Failed',
			'not-sent': 'Not sent',
			unknown: 'Unknown',
		} satisfies Record<Outcome, string>,
		reason: {
			'not-assigned': 'does not have this license',
			'already-assigned': 'has this license already',
			'group-assigned': 'licensed through a group; remove them from the group instead (x in their Licenses and apps, or remove-from-group)',
			'self-service-subscription': 'self-service purchase; an admin must take over the subscription first',
			'user-not-found': 'no such user',
			error: 'failed',
		} satisfies Record<SkipReason | 'error', string>,
		done: 'Done',
		/** Why a request failed: Graph's message, or what became of it. */
		failed: (message: string | null) => message ?? 'failed',
		/** Graph refused to leave an add-on without the product it needs: both named. */
		dependsOn: (addOns: readonly string[], bases: readonly string[]) =>
			`${listWords(addOns)} ${addOns.length === 1 ? 'depends' : 'depend'} on ${listWords(bases)}: remove ${listWords(addOns)} too, or keep ${listWords(bases)}`,
	},
	tooSmall: (needs: {columns: number; rows: number}, now: {columns: number; rows: number}) =>
		`Terminal too small: needs ${needs.columns}×${needs.rows}, now ${now.columns}×${now.rows}. Make the window larger (or q quits).`,
	recovered: (r: {time: string; done: number; notDone: number}) =>
		`A change cut off at ${r.time.slice(0, 16).replace('T', ' ')} was settled: ${r.done} done, ${r.notDone} not done (see the audit log).`,
	preferences: {
		/** config.json of the wrong shape: refused, never rewritten. */
		refused: (path: string, problem: string) => `Preferences ${path}: ${stop(problem)} It was left as it is; correct it or remove it.`,
	},
	state: {
		cannot: (action: 'read' | 'write', path: string, reason: string) => `Cannot ${action} ${path}: ${stop(reason)} Nothing saved was lost.`,
		reasons: {
			ENOSPC: 'the disk is full',
			EDQUOT: 'the disk quota is used up',
			EROFS: 'the file system is read-only',
			EACCES: 'permission denied',
			EPERM: 'not permitted',
			EIO: 'the disk reported an input/output error',
			ENOTDIR: 'part of the path is a file, not a folder',
			EISDIR: 'it is a folder, not a file',
			EMFILE: 'too many files are open',
			ENFILE: 'too many files are open',
			ENAMETOOLONG: 'the path is too long',
			ENOENT: 'a folder on the way there does not exist and cannot be made',
		} as Record<string, string>,
		otherReason: 'the system refused',
		/** doctor: the state directory's permissions; one the app did not make is left as it was. */
		mode: (mode: string) => (mode === '0700' ? mode : `${mode} (others can look into it; the app's files in it are 0600)`),
		refused: (path: string, problem: string) =>
			`State file ${path}: ${stop(problem)} It was left as it is; move it aside or pass --state-dir to use another directory.`,
		notJson: 'is not valid JSON',
		/** Moving what an earlier version kept in one folder to the config, state and cache homes. */
		home: {
			moved: (from: string, state: string, cache: string, names: readonly string[]) =>
				`Moved what m365-licenses kept in ${from} to ${state} (caches to ${cache}): ${names.join(', ')}.`,
			notMoved: (from: string, why: readonly string[]) => `Left in ${from}, nothing lost: ${why.join('; ')}. Move it by hand, or remove it.`,
			there: (name: string, to: string) => `${name} (${to} is there already)`,
			refused: (name: string, reason: string) => `${name} (${reason})`,
		},
		/** state.json of another format than this build's: refused, never rewritten. */
		otherFormat: (version: number, known: number) =>
			`is of format ${version}, and this m365-licenses reads format ${known} only: use the m365-licenses that wrote it`,
		line: (n: number, problem: string) => `line ${n}: ${problem}`,
		changedSince: (names: readonly string[]) =>
			`${listWords(names)} ${names.length === 1 ? 'was' : 'were'} changed by another m365-licenses since this was shown, so nothing was sent. What is shown now is how things stand; check, and make the change again.`,
		goneSince: (products: readonly string[]) =>
			`Another m365-licenses assigned ${listWords(products)} since this was shown and too few licenses are left, so nothing was sent. What is shown now is how things stand.`,
		notRecorded: (reason: string, dir: string) =>
			`Done in Microsoft 365, but not recorded in ${dir}: ${reason}; the next start reads how each user stands and records it.`,
		/** A record the journal could not read back: the change is refused before anything of it is sent. */
		unreadable: (path: string, problem: string) =>
			`Cannot write ${path}: the change would be saved in a form that cannot be read back (${problem}). Nothing was sent, and nothing saved was lost.`,
		/** A link, a FIFO, a device… where the app keeps a file or folder of its own: never read or written through. */
		notOurs: (path: string, what: string) =>
			`${path} is ${what}, not what m365-licenses keeps there: nothing is read or written through it. Remove it (or put back what it stands for) and run m365-licenses again.`,
		strangers: {
			link: 'a symbolic link',
			fifo: 'a FIFO (named pipe)',
			device: 'a device',
			socket: 'a socket',
			folder: 'a folder',
			file: 'a file where a folder belongs',
		} satisfies Record<Stranger, string>,
		tightened: (dir: string, names: readonly string[]) =>
			`Made readable by you alone (others could read ${names.length === 1 ? 'it' : 'them'}) in ${dir}: ${names.join(', ')}.`,
		notFolded: (problem: string) =>
			`Everything is saved (in journal.jsonl), but moving it into state.json and the audit log failed; it is tried again next time. ${problem}`,
		auditSkipped: (path: string, lines: readonly number[]) =>
			`Audit log ${path}: ${lines.length === 1 ? `line ${lines[0]} is` : `lines ${lines.join(', ')} are`} not a whole entry (cut off while being written) and ${lines.length === 1 ? 'was' : 'were'} skipped.`,
		reset: {
			discarded: (changes: number, users: number, tenant: string) =>
				`--reset discarded ${plural(changes, 'saved change', 'saved changes')} to ${plural(users, 'user', 'users')} of ${tenant}; the audit log lists them.`,
			nothing: (tenant: string) => `--reset: nothing was saved for ${tenant}; nothing was discarded.`,
			live: 'a live tenant keeps its changes in Microsoft 365 itself: --reset has nothing to discard',
			notWith: (what: string) => `--reset discards saved changes, so it does not go with ${what}`,
			/** What --reset does not go with: reclaim without --apply, or a command (by name). */
			noApply: 'reclaim without --apply',
			command: (command: string) => `the ${command} command`,
		},
	},
	signIn: {
		otherTenant: (asked: string, given: string) =>
			`the sign-in service gave a token for the tenant ${given} when one for ${asked} was asked for: it was not used`,
		title: 'Microsoft 365: signing in and reading the tenant',
		cancel: 'q, esc or ctrl+c cancels.',
		/** The device-code prompt: where to go and what to type, for how long, and why when an action needs more. */
		deviceCode: (url: string, code: string, permissions: readonly string[], minutes: number) =>
			(permissions.length > 0 ? `This needs a permission not granted yet (${permissions.join(', ')}). ` : '') +
			`To sign in, open ${url} in a browser on any device and enter the code ${code} (it works for ${plural(minutes, 'minute', 'minutes')})`,
		cancelled: 'Cancelled: nothing was sent, and nothing was changed.',
		notSignedIn: 'not signed in: run any command with --graph (such as m365-licenses licenses --graph) to sign in with a code; doctor never asks for one.',
		denied: 'Sign-in was refused (access_denied): nothing was read or changed. Run it again to sign in anew.',
		expired: 'The sign-in code expired before it was entered (expired_token): nothing was read or changed. Run it again for a new code.',
		failed: (detail: string) => `Sign-in failed${detail ? `: ${detail}` : '.'}`,
		network: (request: string, problem: string) => `Sign-in ${request}: ${problem}`,
		badService: (login: string, code: string) =>
			`Sign-in service ${login}: the sign-in library refuses this address (${code}); give an https:// address without a user name or password`,
		notJson: (status: number) => `answered ${status} with something that is not the sign-in service's JSON: is a proxy in the way?`,
	},
	group: {
		title: 'Remove from group',
		choose: (name: string) => `Remove ${name} from which group? Each takes the licenses it gives.`,
		question: (name: string, group: string) => `Remove ${name} from ${group}, and with it the licenses the group gives them?`,
		takes: (group: string) => `What leaving ${group} takes:`,
		lost: (product: string) => `− ${product}`,
		kept: (product: string) => `${product}: kept (also assigned directly or through another group)`,
		none: 'The group gives them no licenses.',
		dynamic: (group: string) =>
			`${group} has dynamic membership: a rule decides its members, so no one can be removed from it by hand. Change the rule, or the user's properties it reads.`,
		reason: {
			'dynamic-membership': 'the group has dynamic membership: a rule decides its members',
			'not-a-member': 'not a member of the group',
			'user-not-found': 'no such user',
			error: 'failed',
		} satisfies Record<GroupRemovalReason | 'error', string>,
		working: 'Removing from the group…',
		cliQuestion: (users: number, group: string) => `Remove ${plural(users, 'user', 'users')} from ${group}, with the licenses it gives them?`,
		commandSummary: (dryRun: boolean, group: string, s: ChangeCounts & {wouldRemove: number}) =>
			stop(
				`${dryRun ? `Dry run: ${plural(s.wouldRemove, 'user', 'users')} would be removed from ${group}` : `${plural(s.removed, 'user', 'users')} removed from ${group}`}${notAll(s)}`,
			),
		unknownGroup: (given: string) =>
			`unknown group "${given}": give the name or id of a group that licenses these users (m365-licenses users --json lists them under viaGroups)`,
		done: (name: string, group: string, licenses: number) =>
			licenses > 0
				? `${name} removed from ${group}: ${licenses === 1 ? '1 license goes' : `${licenses} licenses go`} with it.`
				: `${name} removed from ${stop(group)}`,
		failed: (name: string, message: string) => `${name} was not removed from the group: ${message}`,
		unknown: (why: string) => `Unknown: Graph's answer was lost (${why}). Check the group's members in the Microsoft 365 admin center.`,
	},
	proxy: {
		wantsCredentials: (proxy: string) =>
			`the proxy ${proxy} asks for credentials (407): give them in its address, as http://user:password@host:port (Basic authentication only).`,
		credentialsRefused: (proxy: string) =>
			`the proxy ${proxy} refused the credentials given in its address (407): check the user name and password; only Basic authentication is supported.`,
		notFound: (proxy: string) => `the proxy ${proxy} was not found (DNS): is HTTPS_PROXY (or HTTP_PROXY) right?`,
		invalid: (name: string, value: string) => `${name}=${value} is not a web address (such as http://proxy.example.com:3128).`,
		refused: (proxy: string, status: string) => `the proxy ${proxy} refused to connect to it (${status}).`,
		unreachable: (proxy: string) => `the proxy ${proxy} refused the connection: is it up, and are HTTPS_PROXY and HTTP_PROXY right?`,
	},
	loading: (users: number) => `Reading the tenant from Microsoft Graph… ${users} users`,
	/** Microsoft Graph's failures, each one line after the request it names (method and path, never a token). */
	graph: {
		failed: (request: string, problem: string) => `Microsoft Graph ${request}: ${problem}`,
		otherOrigin: (origin: string, graph: string) =>
			`refused: ${origin} is not Microsoft Graph (${graph}), and the sign-in is sent to Graph only. Nothing was sent there.`,
		redirect: (status: number, where: string, graph: string) =>
			`answered ${status}, a redirect to ${where || 'nowhere given'}; not followed (the sign-in is sent to ${graph} only).`,
		timeout: (seconds: number) => `no answer within ${seconds} s (--request-timeout).`,
		refused: (host: string) => `the connection to ${host} was refused: is the address right, and is it up?`,
		notFound: (host: string) => `${host} was not found (DNS): is the address right, and is this machine online?`,
		network: (detail: string) => `the connection failed (${detail}).`,
		notJson: (status: number, html: boolean) =>
			`answered ${status} with ${html ? 'a web page' : 'something that is not valid JSON'} instead of Graph's JSON: is a proxy in the way?`,
		notACollection: 'answered without the list of items ("value") a collection has.',
		noOrganization: 'no organization for this sign-in.',
		status: (status: number, message: string) => `answered ${status}${message ? `: ${message}` : '.'}`,
		unauthorized: 'answered 401: the sign-in has expired, was revoked, or is not for this tenant. Sign in again (m365-licenses logout, then run it again).',
		forbidden: (message: string) =>
			`answered 403${message ? ` (${message})` : ''}: the signed-in admin or the app registration lacks a permission; see docs/live-tenants.md, "The one-time app registration".`,
		loop: 'the next-page link leads back to a page already read; stopped reading.',
		notAUrl: 'the next-page link is not a web address; stopped reading.',
		tooManyPages: (pages: number) => `more than ${pages} pages; stopped reading.`,
		leftOut: "Graph's answer to the batch left this request out",
		noAnswerAfterStop: (seconds: number) => `no answer within ${seconds} s of the stop`,
		cancelled: 'stopped (esc or Ctrl-C)',
		maxDuration: (given: string) => `the run reached --max-duration ${given}`,
		notSent: (why: string) => `Not sent: ${why.replace(/\.?$/, '.')} Nothing was changed for this user.`,
		sendFailed: (why: string) =>
			`Unknown: sending stopped on an error (${why}); some users may have been changed. The next start reads each one back and records what was done.`,
		readBack: {
			removed: (why: string) => `Graph's answer was lost (${why}); read back: the license is gone.`,
			assigned: (why: string) => `Graph's answer was lost (${why}); read back: the license is assigned.`,
			notRemoved: (why: string) => `Not removed: Graph's answer was lost (${why}); read back, the user still has the license.`,
			notAssigned: (why: string) => `Not assigned: Graph's answer was lost (${why}); read back, the user does not have the license.`,
			updated: (why: string) => `Graph's answer was lost (${why}); read back: the apps are as asked.`,
			notUpdated: (why: string) => `Not changed: Graph's answer was lost (${why}); read back, the apps are not as asked.`,
			notRead: (why: string) =>
				`Unknown: Graph's answer was lost (${why}) and the run was stopped before reading the user back; the next start reads them and records what was done.`,
			gone: (why: string) =>
				`Unknown: Graph's answer was lost (${why}), and the user was not found when read back. Check them in the Microsoft 365 admin center.`,
			failed: (why: string, problem: string) =>
				`Unknown: Graph's answer was lost (${why}), and reading the user back failed too (${problem}). Check them in the Microsoft 365 admin center.`,
		},
	},
	refresh: {
		working: 'Reading the tenant again…',
		cached: 'Showing the copy from the last run; reading the tenant again…',
		done: 'Up to date.',
		failed: (message: string) => `Could not read the tenant again: ${message}`,
		afterChange: (message: string) => `Saved; reading the changed users again failed (${message}): they are shown as the change left them.`,
		copyFailed: (time: string, message: string) => `Showing the copy read at ${time}; reading Microsoft Graph failed: ${message}`,
		copyBadge: (time: string) => `copy of ${time}`,
	},
	filter: {
		prompt: 'Filter: ',
		hint: 'enter keep · esc clear',
		usersHint: 'name, username or product; product:NAME for one product',
		active: (query: string) => `filter: ${query}`,
	},
	unsaved: {
		/** A question about unsaved edits, with its answers. */
		ask: (question: string) => `${question} y/n`,
		user: (name: string) => `Discard the changes to ${name}'s licenses?`,
		ticked: (n: number, product: string) => `Discard the ${plural(n, 'user', 'users')} ticked in ${product}?`,
		products: (n: number) => `Discard the ${plural(n, 'product', 'products')} ticked?`,
		confirmation: 'Quit without making this change?',
	},
	help: {
		title: 'Keys',
		close: 'esc closes',
		thisScreen: (screen: string) => `This screen: ${screen}`,
		/** Under a key that would be refused now: why. */
		unavailable: (why: string) => `Not now: ${why}`,
		page: (page: number, pages: number) => (pages > 1 ? `page ${page} of ${pages}, ↓/↑ to turn` : ''),
	},
	files: {
		cannotRead: {
			missing: 'cannot read it: no such file',
			directory: 'cannot read it: it is a directory',
			denied: 'cannot read it: permission denied',
			other: (code: string) => `cannot read it (${code})`,
		},
		tooLarge: (bytes: number) => `is larger than ${Math.round(bytes / 1024 / 1024)} MB, the most it may be`,
		kind: {
			utf16: (order: 'LE' | 'BE') =>
				`is UTF-16 ${order} text, not UTF-8: save it as UTF-8 (Windows PowerShell writes UTF-16 unless told Out-File -Encoding utf8)`,
			utf32: 'is UTF-32 text, not UTF-8: save it as UTF-8',
			gzip: 'is gzip-compressed, not text: unpack it first',
			zip: 'is a ZIP archive (an Excel workbook is one), not text: save it as CSV UTF-8, or unpack it',
			pdf: 'is a PDF document, not text',
			binary: 'is a binary file (it holds NUL bytes), not text',
		},
		notUtf8: (line: number | null) => `is not UTF-8 text${line ? ` (line ${line})` : ''}, perhaps Windows-1252 ("ANSI"): save it as UTF-8`,
		empty: 'is empty',
		tooDeep: (levels: number) => `nests more than ${levels} levels deep, which no tenant does`,
		notATime: 'is not a date and time as Graph writes them (such as 2026-05-14T09:12:03Z)',
	},
	/** What is wrong in a tenant or state file, after the JSON path it is at. */
	schema: {
		topLevel: '(top level)',
		missing: 'is missing',
		notKnown: 'is not known to this version',
		mustBe: (value: string) => `must be ${value}`,
		oneOf: (values: string) => `must be one of ${values}`,
		notUpn: 'is not a user principal name',
		notGuid: 'is not a GUID',
		notValid: 'is not valid',
		duplicates: (value: string) => `duplicates an earlier one (${value})`,
		noSuch: (what: 'product' | 'group' | 'user', where: string) => `no such ${what} in ${where}`,
	},
	usersFile: {
		none: 'names no users',
		noColumn: (columns: readonly string[]) => `has no userPrincipalName column (its columns: ${columns.join(', ') || 'none'}); add one, or give one UPN a line`,
		noUpn: (line: number, column: number) => `line ${line} has no userPrincipalName (column ${column}): give it one, or take the line out`,
		/** csv-parse's problem in its words, and its code (CSV_QUOTE_NOT_CLOSED) for a language that says it in its own. */
		notCsv: (line: number | null, problem: string, _code?: string) => `is not a valid CSV${line === null ? '' : ` (line ${line})`}: ${problem}`,
	},
	cli: {
		/** --help. */
		help: {
			usage: (command: string, shape: string) => `Usage: m365-licenses ${command}${shape ? ` ${shape}` : ''}`,
			about: "Unassign Microsoft 365 licenses from users, in the admin center's own words, in a terminal. Opens on the bundled demo tenant (Contoso).",
			anyCommand: '[command]',
			commandsTitle: 'Commands:',
			optionsTitle: 'Options (every command):',
			commandOptionsTitle: 'Options:',
			alsoGlobal: 'Every command also takes the options m365-licenses --help lists (--tenant, --state-dir, --graph, --lang…).',
			examplesTitle: 'Examples:',
			exitCodes: {
				read: 'Exit codes: 0 done, 1 error, 2 usage error.',
				change: 'Exit codes: 0 done, 1 error, 2 usage error, 3 some users skipped, failed, not sent or unknown (the rest done).',
				tenants: 'Exit codes: 0 done, 1 error, 2 usage error, 3 some tenants could not be read (--all-tenants, tenants discover: the rest are shown).',
			},
			more: 'm365-licenses COMMAND --help: its options, two examples and exit codes. Keys: press ? in the app.',
			commands: {
				'': {
					name: '(none)',
					summary: 'the app: Licenses, Active users, Guided unassign, Reclaim',
					about: 'The app, on the demo tenant, a snapshot (--tenant) or a live tenant (--graph). Keys: press ? in the app.',
				},
				guide: {
					summary: 'the app on Guided unassign: four steps, for support staff',
					about:
						'The app, opened on Guided unassign: one unassignment in four steps, for support staff. It ends with a Markdown report in the state directory.',
				},
				licenses: {
					summary: 'every product: assigned, available and total',
					about: 'Every product of the tenant: licenses assigned, available and in total over its subscriptions (Suspended ones shown, not counted).',
				},
				users: {
					summary: 'every user and their licenses',
					about: 'Every user (or those holding one product) and their licenses, direct or through groups.',
				},
				unassign: {
					summary: 'unassign a product from users',
					about:
						'Unassign a product from users, showing first what each user loses, lost or reduced: mailbox, archive, onedrive, office-apps, teams (--json: kind, effect, from, to, text; more kinds may be added: ignore unknown ones). Without --yes it asks in a terminal, and refuses without one.',
				},
				'remove-from-group': {
					summary: 'remove users from a group, and the licenses it gives',
					about:
						'Remove users from a group that licenses them, and with it every license it gives them; shows first what each user loses. A group with dynamic membership cannot be changed by hand: its users are skipped.',
				},
				reclaim: {
					summary: 'licenses that can go: redundant, blocked, inactive',
					about:
						'The licenses that can go, by section: redundant (what a product gives comes with another license the user keeps), blocked (sign-in blocked accounts holding licenses), inactive (not signed in for N days: needs signInActivity). Licenses held only through a group are listed, not offered. --apply unassigns the offered licenses of the sections given.',
				},
				audit: {
					summary: 'every change applied, oldest first',
					about: 'Every change applied in this state directory, oldest first: who, when, which user and product, and what came of it.',
				},
				doctor: {
					summary: 'versions, folders, tenant and terminal: for a ticket',
					about:
						'Version, Node, language, the config, state and cache folders, the writer lock, backend, tenant, cloud and terminals: what a support ticket needs.',
				},
				logout: {
					summary: 'forget the Microsoft 365 sign-in',
					about: 'Forget the Microsoft 365 sign-in kept in the state directory, and the copy of the live tenant it read.',
				},
				tenants: {
					summary: 'the tenants added: add, list, remove, discover',
					about:
						"Many tenants (an IT partner's customers, a group's tenants). add NAME: a snapshot (read now) or a live tenant by its directory id, under a name of your own (letters, digits, . - _). list: the tenants added. remove NAME: forget a tenant, its copies and sign-in; its audit log stays unless --purge, which asks first. discover --graph: signed in to the partner's tenant, the customers it manages through GDAP (delegatedAdminCustomers), each offered to add. Then --profile NAME opens one (every command and the app; with one added it opens without), and licenses, reclaim and audit --all-tenants read them all in parallel.",
				},
			},
			shapes: {
				'': '[options]',
				guide: '[options]',
				licenses: '[--all-tenants] [--json]',
				users: '[--product P] [--json]',
				unassign: '--product P (--users UPN,… | --users-file FILE) [--dry-run] [--yes] [--json]',
				'remove-from-group': '--group G (--users UPN,… | --users-file FILE) [--dry-run] [--yes] [--json]',
				reclaim: '[--section S] [--inactive-days N] [--all-tenants] [--json] [--apply [--yes]]',
				audit: '[--all-tenants] [--json]',
				doctor: '[--json]',
				logout: '',
				tenants: 'add NAME (--snapshot FILE | --graph --tenant-id ID) | list [--json] | remove NAME [--purge] | discover --graph [--yes]',
			},
			examples: {
				'': ['m365-licenses', 'm365-licenses --tenant demo-data/contoso.json --as lee.gu@contoso.com'],
				guide: ['m365-licenses guide', 'm365-licenses guide --lang da'],
				licenses: ['m365-licenses licenses', "m365-licenses licenses --json | jq '.products[] | {productName, available}'"],
				users: ['m365-licenses users --product SPB', "m365-licenses users --json | jq -r '.users[].userPrincipalName'"],
				unassign: [
					'm365-licenses unassign --product SPB --users alex.wilber@contoso.com --dry-run',
					'm365-licenses unassign --product "Office 365 E3" --users-file demo-data/leavers.csv --yes --json',
				],
				'remove-from-group': [
					'm365-licenses remove-from-group --group "Visio Users" --users megan.bowen@contoso.com --dry-run',
					'm365-licenses remove-from-group --group "Visio Users" --users megan.bowen@contoso.com --yes',
				],
				reclaim: ['m365-licenses reclaim --section blocked', 'm365-licenses reclaim --section redundant --apply --yes --json'],
				audit: ['m365-licenses audit', "m365-licenses audit --json | jq '.entries[-1]'"],
				doctor: ['m365-licenses doctor', 'm365-licenses doctor --json'],
				logout: ['m365-licenses logout', 'm365-licenses logout --state-dir ~/tenants/fabrikam'],
				tenants: ['m365-licenses tenants add contoso --snapshot demo-data/contoso.json', 'm365-licenses licenses --all-tenants --json'],
			},
			flags: {
				json: ['', 'print JSON (the shapes are in source/commands/output.schema.json) instead of text'],
				product: ['P', 'a part number (SPB), a skuId, a product name, or a part of one only one product has ("business premium")'],
				users: ['UPN,…', 'users by UPN or id, comma-separated'],
				'users-file': ['FILE', 'users from a file: one a line, or a CSV with a userPrincipalName column'],
				group: ['G', "the group's name or id"],
				'dry-run': ['', 'show what would happen; change nothing'],
				yes: ['', 'do it without asking (needed without a terminal)'],
				section: ['S', 'redundant, blocked or inactive, or several, comma-separated (default: all)'],
				'inactive-days': ['N', 'inactive: not signed in for N days (default 90)'],
				apply: ['', 'unassign the licenses offered in the sections given (--section needed)'],
				tenant: ['FILE', 'a tenant snapshot (demo-data/tenant.schema.json) instead of the demo; never modified'],
				'state-dir': ['DIR', 'where changes are kept (also M365_LICENSES_STATE_DIR); default: the per-user state folder'],
				reset: ['', 'discard the changes saved for this tenant and start from its source'],
				as: ['UPN', 'act as this admin of the tenant (default: its signedInUser)'],
				graph: ['', 'a live tenant through Microsoft Graph: device-code sign-in (docs/live-tenants.md)'],
				'client-id': ['ID', 'the app registration to sign in with (also M365_LICENSES_CLIENT_ID)'],
				'tenant-id': ['ID', 'the directory to sign in to (also M365_LICENSES_TENANT_ID; default organizations)'],
				cloud: ['NAME', 'worldwide (default, and GCC), 21vianet, usgov (GCC High) or usgovdod (DoD)'],
				'graph-endpoint': ['URL', "Graph's address instead of the cloud's (tests, proxies)"],
				'login-endpoint': ['URL', "the sign-in service instead of the cloud's (also M365_LICENSES_LOGIN_ENDPOINT)"],
				'request-timeout': ['T', 'give up on a Graph request after T (default 60s; 90, 90s, 5m)'],
				'max-duration': ['T', 'stop sending a change after T (default 2h); the users not sent are reported'],
				profile: ['NAME', 'open a tenant added with tenants add (one added: opened without --profile)'],
				'all-tenants': ['', 'every tenant added, read in parallel; one that cannot be read is listed with why'],
				snapshot: ['FILE', 'tenants add: a tenant snapshot, read now'],
				purge: ['', 'tenants remove: its audit log and saved changes go too (asks first)'],
				lang: ['da|en', 'the language spoken (also M365_LICENSES_LANG; default: the locale)'],
				debug: ['', 'on an error, also show where it happened, for a bug report'],
				help: ['', 'show this help'],
				version: ['', 'show the version'],
			},
		},
		usageError: (message: string) => `${stop(message)} See m365-licenses --help.`,
		unknownCommand: (command: string) => `unknown command "${command}"`,
		unexpectedArgument: (argument: string) => `unexpected argument "${argument}"`,
		notWith: (flag: string, command: string) => `--${flag} does not go with ${command ? `the ${command} command` : 'the app'}`,
		needsValue: (flag: string) => `--${flag} needs a value`,
		/** What Node's parseArgs refuses, by the flag: said in each language (Node says it in English only). */
		unknownOption: (flag: string) => `Unknown option '${flag}'`,
		takesNoValue: (flag: string) => `--${flag} takes no value`,
		flagAsValue: (flag: string, value: string) =>
			`--${flag} needs a value, and ${value} looks like a flag; a value that starts with a dash is written --${flag}=${value}`,
		unreadable: 'the command line could not be read',
		badLanguage: (flag: string, value: string, languages: readonly string[]) => `${flag} ${value}: use ${languages.join(' or ')}`,
		needsProduct: 'unassign needs --product',
		needsGroup: 'remove-from-group needs --group',
		usersOrFile: (command: string) => `${command} needs --users or --users-file`,
		notBoth: 'give --users or --users-file, not both',
		noUsers: 'no users given',
		signedOut: 'signed out: the kept sign-in was removed.',
		noSignIn: 'no sign-in was kept.',
		locked: (holder: string, dir: string) => `${holder} is changing the state directory ${dir}; nothing was changed. Try again when it has finished.`,
		resetLocked: (holder: string | null) => `--reset: ${holder ?? 'another m365-licenses'} is changing this state directory; try again when it has finished.`,
		lockHolder: (command: string, pid: number, host: string, since: string) => `m365-licenses ${command} (pid ${pid} on ${host}, since ${since})`,
		mayNot: (admin: string, roles: readonly string[], what: 'unassign' | 'removeFromGroup', needed: readonly string[]) =>
			`${admin} (${roles.join(', ') || 'no admin role'}) may not ${what === 'unassign' ? 'unassign licenses' : 'remove users from groups that license them'}: that needs the ${needed.join(', ')} role.`,
		inactiveUnavailable: (why: string) => `--section inactive: ${why} Nothing was changed.`,
		plainHttpEndpoint: (flag: string, given: string) =>
			`${flag} ${given}: plain http:// is only for a server on this machine (127.0.0.1, localhost, ::1); anywhere else the sign-in token could be read on the way. Use https://`,
		endpointCredentials: (flag: string, without: string) =>
			`${flag}: an address with a user name or password in it (${without} without them) is not used: sign-in is the device code, and a password in an address ends up in logs`,
		badEndpoint: (flag: string, given: string) =>
			`${flag} ${given}: give a web address such as ${flag === '--graph-endpoint' ? 'https://graph.example.com' : 'https://login.example.com'}`,
		badCloud: (given: string) => `--cloud ${given}: use worldwide (also for GCC), 21vianet, usgov (GCC High) or usgovdod (DoD)`,
		badDuration: (flag: string, given: string) => `--${flag} ${given}: give a duration such as 90 (seconds), 90s, 5m or 2h`,
		graphAndTenant: '--graph and --tenant do not go together',
		needGraph: '--client-id, --tenant-id, --cloud, --graph-endpoint, --login-endpoint, --request-timeout and --max-duration go with --graph',
		asWithGraph: '--as works with the demo and snapshots; with --graph you act as who signed in.',
		noClientId:
			'--graph needs an app registration: pass --client-id ID or set M365_LICENSES_CLIENT_ID. See docs/live-tenants.md, "The one-time app registration".',
		noSuchAdmin: (admin: string, tenant: string, source: string) => `--as ${admin}: no such user in ${tenant} (${source}).`,
		tenantFile: (file: string, problem: string) => `Tenant file ${file}: ${problem}`,
		tenantFileLabel: (file: string) => `Tenant file ${file}`,
		notATenant: 'is not a tenant',
		signedInUserUnknown: (admin: string) => `"signedInUser" ${admin} is not one of its users.`,
		/** JSON.parse's problem in its words, and where it is, for a language that says it in its own. */
		notJson: (detail: string, _at: JsonPlace | null) => `is not valid JSON (${detail})`,
		/** doctor's rows: what each says, then its value. */
		doctor: {
			version: 'version',
			node: 'node',
			language: 'language',
			stateDirectory: 'state directory',
			stateDirectoryMode: 'state directory mode',
			backend: 'backend',
			tenant: 'tenant',
			tenantSource: 'tenant source',
			signedInAs: 'signed in as',
			signIn: 'sign-in',
			signInAs: (account: string, tenantId: string) => `${account}, tenant ${tenantId}`,
			notSignedIn: 'not signed in',
			cloud: 'cloud',
			localTenant: 'none (local tenant)',
			backends: {demo: 'demo', snapshot: 'snapshot', graph: 'graph'},
			graphEndpoint: 'graph endpoint',
			loginEndpoint: 'login endpoint',
			proxyGraph: 'proxy for graph',
			proxyLogin: 'proxy for sign-in',
			direct: 'none (direct)',
			stdin: 'stdin is a terminal',
			stdout: 'stdout is a terminal',
			yes: 'yes',
			no: 'no',
			lock: 'lock',
			noLock: 'none held',
			problem: 'problem',
			/** The language and why: "English (default)", "Danish (LANG=da_DK.UTF-8)". */
			languageName: {en: 'English', da: 'Danish'},
			languageSource: {flag: 'flag', env: 'environment variable', preference: 'preference', locale: 'locale', default: 'default'},
			configHome: 'preferences file',
			cacheHome: 'cache folder',
			languageWhy: (name: string, source: string, from: string | null) => `${name} (${source}${from ? `: ${from}` : ''})`,
		},
		unexpected: (message: string, debug: boolean) => `unexpected error: ${message}${debug ? '' : ' (--debug shows where it happened)'}`,
		licensesHeader: ['Product', 'Part number', 'Assigned', 'Available', 'Total'],
		usersHeader: ['User principal name', 'Display name', 'Sign-in', 'Licenses'],
		signIn: {allowed: 'allowed', blocked: 'blocked'},
		noLicenses: '-',
		/** An outcome or an audit entry's action as the command line's text says it: English says the --json id. */
		outcomeWord: (id: string): string => id,
		actionWord: (id: string): string => id,
		/** A license in the users list: "Visio Plan 2 (via Visio Users)". */
		license: (product: string, direct: boolean, groups: string): string =>
			groups ? `${product} (${(direct ? en.product.alsoGroup : en.product.groupOnly)(groups)})` : product,
		/** An audit entry as two lines: what happened, then to which product, by whom and why. */
		auditLine: (time: string, action: string, outcome: string, user: string) => `${time}  ${action}  ${outcome}  ${user}`,
		auditDetail: (product: string | null, actor: string, reason: string | null) => [product, `by ${actor}`, reason].filter(Boolean).join(' · '),
		noAudit: 'Nothing has been changed yet.',
		product: {
			unknown: (given: string, all: readonly string[]) =>
				`unknown product "${given}": no product's name, part number or skuId matches. The products: ${all.join('; ')}`,
			several: (given: string, matches: readonly string[]) =>
				`--product "${given}" matches ${matches.length} products: ${matches.join('; ')}. Give more of the name, or the part number`,
		},
	},
	/** The tenants the app knows (tenants add, --profile, --all-tenants): commands/tenants.ts, store/profiles.ts. */
	tenants: {
		profileWith: (flag: string) => `--profile names the tenant, and ${flag} does not go with it`,
		unknownProfile: (name: string, names: readonly string[]) => `--profile ${name}: no tenant of that name; the tenants added are ${names.join(', ')}`,
		noProfiles: (name: string) => `--profile ${name}: no tenants are added yet (m365-licenses tenants add NAME --snapshot FILE, or --graph --tenant-id ID)`,
		notLive: (name: string) => `--graph: the tenant ${name} is a snapshot, not a live tenant`,
		flagNeedsProfile: (flag: string, names: readonly string[]) =>
			`${flag} needs --profile NAME to say which tenant it is for (the tenants added: ${names.join(', ')})`,
		severalProfiles: (names: readonly string[]) =>
			`${names.length} tenants are added (${names.join(', ')}): choose one with --profile NAME, or read them all with --all-tenants`,
		otherTenant: (name: string, source: string, found: string, expected: string) =>
			`The tenant ${name} was added as ${expected}, but ${source} is now the tenant ${found}; nothing was shown or changed. Add it under a name of its own (m365-licenses tenants add).`,
		needsAction: 'tenants needs one of add, list, remove, discover',
		unknownAction: (action: string) => `tenants ${action}: use add, list, remove or discover`,
		flagNotWith: (flag: string, action: string) => `${flag} does not go with tenants ${action}`.trimEnd(),
		needsName: 'tenants add needs a name: tenants add NAME --snapshot FILE, or tenants add NAME --graph --tenant-id ID',
		needsNameToRemove: 'tenants remove needs the name of a tenant added (tenants list)',
		badName: (name: string) => `tenant name "${name}": use letters, digits, dots, dashes and underscores (up to 64), starting with a letter or a digit`,
		taken: (name: string) => `the name ${name} is taken: remove that tenant first (m365-licenses tenants remove ${name}), or choose another name`,
		sameTenant: (tenantId: string, other: string) => `the tenant ${tenantId} is added already, as ${other}`,
		snapshotOrGraph: 'tenants add needs --snapshot FILE or --graph --tenant-id ID, one of the two',
		graphOnly: (flag: string) => `${flag} goes with tenants add NAME --graph, not with --snapshot`,
		needsTenantId: 'tenants add --graph needs --tenant-id ID: the directory (tenant) id',
		badTenantId: (given: string) =>
			`--tenant-id ${given}: give the directory (tenant) id, such as 00000000-0000-0000-0000-000000000000 (Microsoft Entra admin center > Overview > Tenant ID)`,
		added: (name: string, displayName: string | null, tenantId: string) =>
			`added ${name}: ${stop(displayName ? `${displayName} (${tenantId})` : tenantId)} Open it with --profile ${stop(name)}`,
		listHeader: ['Name', 'Organization', 'Tenant ID', 'Source'],
		fromSnapshot: (file: string) => `snapshot ${file}`,
		fromGraph: (cloud: string) => `Microsoft Graph (${cloud})`,
		none: 'No tenants are added. Add one: m365-licenses tenants add NAME --snapshot FILE, or tenants add NAME --graph --tenant-id ID.',
		notAdded: (name: string, names: readonly string[]) =>
			`tenants remove ${name}: no tenant of that name${names.length > 0 ? `; the tenants added are ${names.join(', ')}` : ''}`,
		removed: (name: string, dir: string) =>
			`removed ${name}: its copies and sign-ins are gone; its audit log and saved changes stay in ${dir} (--purge removes them too).`,
		purged: (name: string) => `removed ${name} and everything kept for it, its audit log too.`,
		purgeQuestion: (name: string, dir: string) =>
			`Remove the audit log and saved changes of ${name} in ${dir} too? They cannot be brought back. Type yes to remove them: `,
		/** The answers that confirm --purge. */
		yesWords: ['yes', 'y'] as readonly string[],
		purgeNeedsYes: '--purge asks first; without a terminal to ask in, add --yes',
		notPurged: 'Nothing was removed.',
		allWithProfile: '--all-tenants reads every tenant added: --profile does not go with it',
		allWithTenant: (flag: string) => `--all-tenants reads the tenants added: ${flag} does not go with it`,
		allNone: '--all-tenants: no tenants are added yet (m365-licenses tenants add NAME --snapshot FILE, or --graph --tenant-id ID)',
		allApply: '--all-tenants only reads: a change is made within one tenant (reclaim --profile NAME --apply)',
		/** Progress on stderr, a line a tenant. */
		reading: (name: string) => `${name}: reading…`,
		read: (name: string, seconds: string) => `${name}: read (${seconds} s)`,
		failed: (name: string, problem: string) => `${name}: could not be read: ${problem}`,
		someFailed: (failed: number, all: number) => `${failed} of ${all} tenants could not be read; the others are shown.`,
		allHeader: ['Tenant', 'Product', 'Assigned', 'Available', 'Total'],
		totalRow: 'Total',
		notRead: (problem: string) => `not read: ${problem}`,
		tenantHeading: (name: string, displayName: string) => `${name} (${displayName})`,
		reclaimTotals: (licenses: number, users: number, tenants: number) =>
			`Over ${plural(tenants, 'tenant', 'tenants')}: ${plural(licenses, 'license', 'licenses')} of ${plural(users, 'user', 'users')} could be reclaimed.`,
		discoverNeedsGraph: "tenants discover reads the customers of a partner's tenant: add --graph (and --tenant-id ID for the partner's tenant)",
		offer: (displayName: string, tenantId: string, name: string) => `Add ${displayName} (${tenantId}) as ${name}? Type yes to add it: `,
		answeredAsOther: (asked: string, found: string) => `Microsoft Graph answered as the tenant ${found} to a token for ${asked}: not used`,
		noCustomers: 'No customers: this tenant manages no other tenant through GDAP (delegatedAdminCustomers is empty).',
		discoverHeader: ['Name', 'Organization', 'Tenant ID', 'State'],
		alreadyAs: (name: string) => `added before, as ${name}`,
		addedState: 'added',
		notAddedState: 'not added',
		screenTitle: (n: number) => `Tenants (${n})`,
		row: (who: string, assigned: number, available: number, frees: number) => `${who}: ${assigned} assigned, ${available} available · Reclaim frees ${frees}`,
		rowReading: (who: string) => `${who}: reading…`,
		rowFailed: (who: string, problem: string) => `${who}: not read: ${problem}`,
		/** The header's mark of the tenant open, beside its organization's name. */
		marker: (name: string) => `[${name}]`,
		/** A confirmation's question with the tenant it acts in: "Unassign Office 365 E3 from 3 users in Northwind Traders?" */
		inTenant: (question: string, tenant: string) => `${question.replace(/\?$/, '')} in ${tenant}?`,
		earlierChanges: (entries: number, dir: string, how: string) =>
			`${plural(entries, 'audit entry', 'audit entries')} for this tenant, saved before it was added, stay in ${dir}: m365-licenses audit ${how} shows them.`,
		auditTenant: (name: string) => `[${name}]`,
	},
	dumbTerminal:
		'm365-licenses cannot draw its screens on this terminal (TERM=dumb: it cannot move the cursor). The subcommands work on it: see m365-licenses --help.',
	notATerminal:
		'm365-licenses needs an interactive terminal (stdin and stdout must be a TTY). Without one, use the subcommands, e.g. `m365-licenses licenses --json` or `m365-licenses users --json`; m365-licenses --help lists them all.',
} as const;

/** A shape's strings as any string, its tuples as tuples of the same length, its functions as they are. */
type Widen<T> = T extends string
	? string
	: T extends (...args: infer A) => infer R
		? (...args: A) => Widen<R>
		: T extends object
			? {readonly [K in keyof T]: Widen<T[K]>}
			: T;

/** The shape every language's words have. */
export type Strings = Widen<typeof en>;
