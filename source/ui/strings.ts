// Every word the UI shows, in the Microsoft 365 admin center's English terms.
// A translation is a copy of this object, not a hunt through components.
import type {ConsequenceKind} from '../domain/consequences.js';
import type {Outcome, SkipReason} from '../domain/plan.js';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const outcomeWords: Record<Outcome, (n: number) => string> = {
	removed: n => `${plural(n, 'license', 'licenses')} unassigned`,
	assigned: n => `${plural(n, 'license', 'licenses')} assigned`,
	skipped: n => `${n} skipped`,
	failed: n => `${n} failed`,
};

export const strings = {
	screens: {licenses: 'Licenses', users: 'Active users', guide: 'Guided unassign'},
	guide: {
		step: (n: number, title: string) => `Step ${n} of 4: ${title}`,
		titles: ['choose a product', 'choose users', 'read what happens', 'confirm'] as const,
		chooseProduct: 'Pick the product to take away from people. ↑ and ↓ move, enter chooses it.',
		chooseUsers: (product: string) => `Tick who should lose ${product}: space ticks, / searches.`,
		readIntro: 'Read this out to the person who asked before going on.',
		selfService: 'self-service purchase: cannot be unassigned here',
		assigned: (n: number) => `${n} assigned`,
		tickFirst: 'Tick at least one person first (space).',
		aloud: {
			kind: {mailbox: 'their mailbox', onedrive: 'OneDrive', 'office-apps': 'Office apps', teams: 'Teams'} satisfies Record<ConsequenceKind, string>,
			intro: (product: string, names: string) => `You are about to remove ${product} from ${names}.`,
			loses: (name: string, kinds: string) => `${name} will lose ${kinds}.`,
			keeps: (name: string, kind: string, products: string) => `${name} keeps ${kind} through ${products}.`,
			nothing: (name: string) => `${name} keeps everything they use today.`,
			hold: (name: string) => `${name}'s mailbox is on hold: what the hold covers is kept.`,
			mailbox: (date: string) =>
				`Email is kept for 30 days, until ${date}, and then deleted for good. Giving a license back within those 30 days brings it back.`,
			onedrive: 'OneDrive files are not deleted, but after 90 days without a license they are archived.',
			'office-apps': 'Office apps on their computers will show "Unlicensed Product" and ask to be activated.',
			teams: 'Microsoft Teams will no longer be licensed for them.',
			skipped: (name: string, reason: string) => `${name} will be skipped: ${reason}.`,
		},
		doneTitle: 'Finished',
		report: (path: string) => `Report saved: ${path}`,
		again: 'Enter starts another guided unassign.',
		reportTitle: 'Guided unassign report',
		leaving: (path: string) => `Guided unassign report: ${path}`,
	},
	readOnly: {
		badge: 'read-only',
		banner: (upn: string, roles: readonly string[]) =>
			`Read-only: ${upn} ${roles.length > 0 ? `is ${roles.join(', ')}` : 'has no admin role'}; changing licenses needs the Global, License or User Administrator role.`,
		status: 'Read-only: that needs the Global, License or User Administrator role.',
		locked: (holder: string) => `Read-only: ${holder} is changing this state directory. Quit it first to make changes here.`,
		lockedStatus: 'Read-only: another m365-licenses is changing this state directory.',
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
		manageNeedsTwo: 'Manage product licenses: tick two or more users (for one user, press enter).',
	},
	user: {
		signInAllowed: 'Sign-in allowed',
		usageLocation: (code: string) => `Usage location ${code}`,
		licensesAndApps: 'Licenses and apps',
		available: (n: number) => `${n} available`,
		willAssign: 'will be assigned',
		willRemove: 'will be removed',
		appsNote: 'Turning off a single app is not available here yet.',
		appOnly: 'Apps follow their product here: tick or untick the product instead.',
		noChanges: 'No changes to save.',
		mailboxWindow: (date: string) => `Mailbox deleted on ${date} unless a license is assigned again.`,
		discarded: 'Changes not saved.',
		saveTitle: 'Save changes',
		saveQuestion: (name: string) => `Save these changes for ${name}?`,
		assignLine: (product: string) => `+ Assign ${product}`,
		removeLine: (product: string) => `− Unassign ${product}`,
		dependent: (bases: string) => `depends on ${bases}: removed with it`,
		alsoRemoves: (addOns: string) => `also ${addOns}, which depends on it`,
		groupLocked: (groups: string) => `Assigned through ${groups}: change the group's membership instead.`,
	},
	manage: {
		title: 'Manage product licenses',
		users: (n: number) => `${plural(n, 'user', 'users')} selected`,
		assignMore: 'Assign more products',
		replace: 'Replace existing products',
		unassignAll: 'Unassign all',
		notYet: 'not available yet',
		notYetStatus: (choice: string) =>
			`${choice} is not available yet: assign from Licenses (1), a product, Assign licenses (+).`,
		unassignAllHint: 'Removes every product from every selected user.',
		chooseFirst: 'Choose Unassign all first (space), then Save changes (s).',
		confirmQuestion: (users: number, licenses: number) =>
			`Unassign all products from ${plural(users, 'user', 'users')} (${plural(licenses, 'license', 'licenses')})?`,
		resultsTitle: 'Manage product licenses: results',
	},
	assign: {
		title: 'Assign licenses',
		heading: (product: string, available: number) => `Assign licenses › ${product} · ${available} available`,
		candidates: (n: number) => `${plural(n, 'user does', 'users do')} not have it`,
		noneAvailable: (product: string, total: number) =>
			`No licenses available for ${product}: all ${total} are assigned. Unassign some, or buy more.`,
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
		question: (n: number, product: string) => `Unassign ${product} from ${plural(n, 'user', 'users')}?`,
		nothingToRemove: (reasons: string) => `Nothing to unassign: ${reasons}.`,
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
	},
	consequences: {
		title: 'What happens',
		changes: 'Changes',
		sum: {
			mailbox: (n: number) => `${plural(n, 'user loses', 'users lose')} their mailbox`,
			onedrive: (n: number) => `${plural(n, 'user loses', 'users lose')} OneDrive`,
			'office-apps': (n: number) => `${plural(n, 'user loses', 'users lose')} Office apps`,
			teams: (n: number) => `${plural(n, 'user loses', 'users lose')} Teams`,
			none: (n: number) => `${plural(n, 'user keeps', 'users keep')} everything`,
		} satisfies Record<ConsequenceKind | 'none', (n: number) => string>,
		kind: {mailbox: 'mailbox', onedrive: 'OneDrive', 'office-apps': 'Office apps', teams: 'Teams'} satisfies Record<ConsequenceKind, string>,
		loses: (kinds: string) => `loses ${kinds}`,
		keeps: (kind: string, products: string) => `keeps ${kind} (${products})`,
		nothing: 'keeps everything',
		deletedOn: (date: string) => `mail deleted on ${date} unless a license is assigned again`,
		hold: (kind: string) =>
			({'litigation-hold': 'on litigation hold', 'retention-policy': 'under a retention policy', 'retention-label': 'under a retention label'})[kind] ??
			'on hold',
		explain: {
			mailbox:
				'Mailbox: mail is kept for 30 days after the license is removed, then deleted for good; assigning a license again within the 30 days restores it. Retention policies, retention labels and holds keep what they cover. Meanwhile the mailbox cannot be searched with eDiscovery. To keep the mail without a license, convert it to a shared mailbox first.',
			onedrive:
				'OneDrive: files are not deleted when the license is removed; they stay until the user is deleted. Since 27 January 2025, a OneDrive unlicensed for more than 90 days is archived and can be reached again only with pay-as-you-go Microsoft 365 Archive billing.',
			'office-apps': 'Office apps: they go into reduced functionality, showing "Unlicensed Product" and activation prompts.',
			teams: 'Teams: the Microsoft Teams service plan (TEAMS1) is no longer licensed for the user.',
		} satisfies Record<ConsequenceKind, string>,
		source: 'From Microsoft\'s admin documentation: "Unassign Microsoft 365 licenses from users", "Remove a former employee", OneDrive retention.',
		mailboxBack: 'the mailbox comes back: assigned within its 30 days',
	},
	nextSteps: {
		title: 'Next steps',
		freed: (n: number, product: string, available: number) =>
			`${plural(n, 'license', 'licenses')} of ${product} ${n === 1 ? 'is' : 'are'} free now (${available} available).`,
		reassign: 'Reassign the freed licenses to someone else (Assign licenses).',
		reassignElsewhere: 'Reassign the freed licenses from Licenses (1): open the product, Assign licenses (+).',
		billing:
			'Or remove the unused licenses from the subscription, so they are not billed: a billing change, made in the Microsoft 365 admin center under Billing > Your products, on the subscription. Cancellation windows and recurring billing apply.',
		formerEmployee: 'Someone leaving the organisation? Follow Microsoft\'s guidance "Remove a former employee":',
		formerEmployeeLink: 'learn.microsoft.com/microsoft-365/admin/add-users/remove-former-employee',
	},
	deleteUser: {
		title: (name: string) => `Delete user: ${name}`,
		freed: (products: string) => `Their licenses are freed at once: ${products}.`,
		noLicenses: 'They hold no licenses.',
		onedrive: 'OneDrive is deleted with the user, after the retention period.',
		inactive: 'The mailbox is on hold and licensed for it (Exchange Online Plan 2, or Plan 1 with Exchange Online Archiving): it is kept as an inactive mailbox.',
		notInactive: 'The mailbox is not kept as an inactive mailbox: that needs a hold, and Exchange Online Plan 2 or Plan 1 with Exchange Online Archiving.',
		restorable: (date: string) => `The user can be restored from Deleted users (d) until ${date}.`,
		type: (upn: string) => `To delete, type the username (${upn}) and press enter; esc cancels.`,
		prompt: 'Username: ',
		mismatch: 'That is not the username: nothing was deleted.',
		done: (upn: string) => `${upn} deleted. Their licenses are free.`,
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
		confirmTitle: 'Restore user',
		question: (name: string) => `Restore ${name}, with their licenses?`,
		restored: (upn: string) => `${upn} restored, with their licenses.`,
		expired: 'More than 30 days since it was deleted: it can no longer be restored.',
		noLicenses: (product: string) => `No ${product} license is available to restore with the user.`,
	},
	commands: {
		powershell: 'Microsoft Graph PowerShell',
		rest: 'Microsoft Graph REST',
		back: 'c again shows the change itself.',
	},
	dialog: {
		cancel: 'Cancel',
		more: (n: number) => `… ${n} more (↓ to scroll)`,
		working: 'Saving…',
		progress: (p: {done: number; total: number; retries: number; waitingMs: number}) =>
			`[${'#'.repeat(Math.round((p.done / Math.max(1, p.total)) * 10)).padEnd(10, '.')}] ${p.done}/${p.total}` +
			(p.retries > 0 ? `, ${plural(p.retries, 'retry', 'retries')}` : '') +
			(p.waitingMs > 0 ? `, waiting ${Math.ceil(p.waitingMs / 1000)} s (Microsoft Graph asked to slow down)` : ''),
		error: (message: string) => `Not saved: ${message}`,
	},
	outcome: {
		/** "2 licenses unassigned from Office 365 E3, 1 skipped." — the product when there is one. */
		summary: (counts: Record<Outcome, number>, product?: string) =>
			(['removed', 'assigned', 'skipped', 'failed'] as const)
				.filter(kind => counts[kind] > 0 || (kind === 'removed' && counts.assigned === 0))
				.map(kind => outcomeWords[kind](counts[kind]) + (product && (kind === 'removed' || kind === 'assigned') ? ` ${kind === 'removed' ? 'from' : 'to'} ${product}` : ''))
				.join(', ') + '.',
		verb: {removed: 'Unassigned', assigned: 'Assigned', skipped: 'Skipped', failed: 'Failed'} satisfies Record<Outcome, string>,
		reason: {
			'not-assigned': 'does not have this license',
			'already-assigned': 'has this license already',
			'group-assigned': 'licensed through a group; remove them from the group instead',
			'self-service-subscription': 'self-service purchase; an admin must take over the subscription first',
			'user-not-found': 'no such user',
			error: 'failed',
		} satisfies Record<SkipReason | 'error', string>,
		done: 'Done',
	},
	typing: 'Typing: enter to finish, esc to cancel.',
	recovered: (r: {time: string; done: number; notDone: number}) =>
		`A change cut off at ${r.time.slice(0, 16).replace('T', ' ')} was settled: ${r.done} done, ${r.notDone} not done (see the audit log).`,
	state: {
		cannot: (action: 'read' | 'write', path: string, reason: string) => `Cannot ${action} ${path}: ${reason}. Nothing saved was lost.`,
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
			`State file ${path}: ${problem}. It was left as it is; move it aside or pass --state-dir to use another directory.`,
		notJson: 'is not valid JSON',
		newer: (version: number, known: number) =>
			`was written by a newer m365-licenses (format ${version}; this one reads formats up to ${known}): use that version`,
		line: (n: number, problem: string) => `line ${n}: ${problem}`,
		auditNotWritten: (reason: string, path: string) =>
			`Saved, but not written to the audit log: ${reason} (${path}); it is written the next time m365-licenses starts here.`,
		notRecorded: (reason: string, dir: string) =>
			`Done in Microsoft 365, but not recorded in ${dir}: ${reason}; the next start reads how each user stands and records it.`,
		auditSkipped: (path: string, lines: readonly number[]) =>
			`Audit log ${path}: ${lines.length === 1 ? `line ${lines[0]} is` : `lines ${lines.join(', ')} are`} not a whole entry (cut off while being written) and ${lines.length === 1 ? 'was' : 'were'} skipped.`,
		reset: {
			discarded: (changes: number, users: number, tenant: string) =>
				`--reset discarded ${plural(changes, 'saved change', 'saved changes')} to ${plural(users, 'user', 'users')} of ${tenant}; the audit log lists them.`,
			nothing: (tenant: string) => `--reset: nothing was saved for ${tenant}; nothing was discarded.`,
			live: 'a live tenant keeps its changes in Microsoft 365 itself: --reset has nothing to discard',
			notWith: (what: string) => `--reset discards saved changes, so it does not go with ${what}`,
		},
	},
	signIn: {
		title: 'Microsoft 365: signing in and reading the tenant',
		cancel: 'ctrl+c cancels.',
	},
	loading: (users: number) => `Reading the tenant from Microsoft Graph… ${users} users`,
	refresh: {
		working: 'Reading the tenant again…',
		cached: 'Showing the copy from the last run; reading the tenant again…',
		done: 'Up to date.',
		failed: (message: string) => `Could not read the tenant again: ${message}`,
	},
	filter: {
		prompt: 'Filter: ',
		hint: 'enter keep · esc clear',
		usersHint: 'name, username or product; product:NAME for one product',
		active: (query: string) => `filter: ${query}`,
	},
	help: {
		title: 'Keys',
		close: 'esc closes',
		page: (page: number, pages: number) => (pages > 1 ? `page ${page} of ${pages}, ↓/↑ to turn` : ''),
	},
	notATerminal:
		'm365-licenses needs an interactive terminal (stdin and stdout must be a TTY). Scriptable subcommands with --json are coming; see m365-licenses --help.',
} as const;
