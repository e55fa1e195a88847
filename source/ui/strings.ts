// Every word the UI shows, in the Microsoft 365 admin center's English terms.
// A translation is a copy of this object, not a hunt through components.

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const strings = {
	screens: {licenses: 'Licenses', users: 'Active users'},
	readOnlyBadge: 'read-only',
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
		groupOnly: (groups: string) => `via ${groups}`,
		alsoGroup: (groups: string) => `also via ${groups}`,
		disabled: 'Sign-in blocked',
	},
	users: {
		name: 'Display name',
		upn: 'Username',
		licenses: 'Licenses',
		unlicensed: 'Unlicensed',
		count: (n: number) => plural(n, 'user', 'users'),
		placeholder: 'Managing licenses from this list comes next; use Licenses (1) meanwhile.',
	},
	filter: {
		prompt: 'Filter: ',
		hint: 'name or username · enter keep · esc clear',
		active: (query: string) => `filter: ${query}`,
	},
	unassign: {
		title: 'Unassign',
		question: (n: number, product: string) =>
			`Unassign ${product} from ${plural(n, 'user', 'users')}?`,
		more: (n: number) => `… and ${n} more`,
		nothingToRemove: (reasons: string) => `Nothing to unassign: ${reasons}.`,
		cancel: 'Cancel',
		confirm: 'Unassign',
		working: 'Unassigning licenses…',
		nothingTicked: 'Unassign licenses: tick one or more users first (space, or a for all shown).',
		skippedReason: {
			'not-assigned': 'does not have this license',
			'group-assigned': 'licensed through a group; remove them from the group instead',
			'self-service-subscription': 'self-service purchase; an admin must take over the subscription first',
			'user-not-found': 'no such user',
			error: 'failed',
		},
		skippedCount: {
			'not-assigned': (n: number) => `${plural(n, 'user does', 'users do')} not have this license`,
			'group-assigned': (n: number) => `${plural(n, 'user holds', 'users hold')} it only through a group`,
			'self-service-subscription': () => 'a self-service purchase, which an admin must take over first',
			'user-not-found': (n: number) => `${plural(n, 'user was', 'users were')} not found`,
		},
		willSkip: (n: number) => `${plural(n, 'user', 'users')} will be skipped:`,
		done: (removed: number, product: string) =>
			`${plural(removed, 'license', 'licenses')} unassigned from ${product}.`,
		skipped: (n: number) => ` ${n} skipped.`,
		failed: (n: number) => ` ${n} failed.`,
		error: (message: string) => `Unassign failed: ${message}`,
	},
	help: {
		title: 'Keys',
		close: 'Press ? or esc to close.',
	},
	notATerminal:
		'm365-licenses needs an interactive terminal (stdin and stdout must be a TTY). Scriptable subcommands with --json are coming; see m365-licenses --help.',
} as const;
