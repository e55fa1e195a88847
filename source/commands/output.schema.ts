// What each subcommand prints with --json: the public contract, and the one source of
// output.schema.json (published: scripts read it), of the validators the tests check the output with
// (output-validators.ts) and of the TypeScript types the commands build their output as.
// `npm run schemas` writes both files from here; a test fails while they are not up to date.
import {type Static, type TProperties, Type} from '@sinclair/typebox';
import {oneOf, orNull, ref} from '../json-schema.js';

/** An object with these properties and no others. */
const closed = <T extends TProperties>(properties: T, options: {description?: string} = {}) =>
	Type.Object(properties, {additionalProperties: false, ...options});
const text = (description?: string) => Type.String(description === undefined ? {} : {description});
const integer = (options: {minimum?: number; description?: string} = {}) => Type.Integer(options);
const flag = (description?: string) => Type.Boolean(description === undefined ? {} : {description});

const Level = oneOf(
	['none', 'kiosk', 'undocumented-size', '50gb', '100gb', 'not-documented', 'auto-expanding', 'basic', '2gb', 'full', 'web-read', 'web', 'desktop', 'teams'],
	{
		description:
			"a level of a kind, lowest first. mailbox: none, kiosk (2 GB, Exchange Online Kiosk), undocumented-size (a full mailbox whose size Microsoft does not document), 50gb (Exchange Online Plan 1), 100gb (Plan 2). archive: none, not-documented (whether there is one is not documented), undocumented-size, 50gb (Plan 1's own), auto-expanding (up to 1.5 TB: Plan 2, or Exchange Online Archiving beside a mailbox plan). onedrive: none, basic (OneDrive for Business (Basic), with add-ons such as Visio), 2gb (read-only while over it), full. office-apps: none, web-read, web, desktop. teams: none, teams. Later versions may add levels: a script must ignore levels it does not know.",
	},
);
const level = (description: string) => ref(Level, '#/definitions/level', {description});

const TenantName = closed({id: text(), displayName: text()});

const Licenses = closed({
	tenant: TenantName,
	products: Type.Array(
		closed({
			skuId: text(),
			skuPartNumber: text(),
			productName: text(),
			total: integer({
				minimum: 0,
				description: 'licenses of the subscriptions that still provide them (Enabled, and Warning: the grace period), summed; Suspended ones are not counted',
			}),
			assigned: integer({minimum: 0, description: 'users holding the product'}),
			available: integer({minimum: 0}),
			subscriptions: Type.Array(closed({id: text(), status: text(), totalLicenses: integer(), isTrial: flag(), selfService: flag()}), {
				description: 'every subscription with its status: Warning ones count in total, Suspended ones do not',
			}),
		}),
	),
});

const Users = closed({
	users: Type.Array(
		closed({
			id: text(),
			userPrincipalName: text(),
			displayName: text(),
			accountEnabled: flag(),
			licenses: Type.Array(
				closed({
					skuId: text(),
					skuPartNumber: orNull('string'),
					productName: text(),
					direct: flag(),
					viaGroups: Type.Array(Type.String(), {description: 'the ids of the groups that give it'}),
					viaGroupNames: Type.Array(Type.String(), {description: 'the same groups by name, in the same order'}),
				}),
			),
		}),
	),
});

const Product = closed({skuId: text(), skuPartNumber: text(), productName: text()});
const product = () => ref(Product, '#/definitions/unassign/properties/product');

const Outcome = oneOf(['removed', 'would-remove', 'skipped', 'failed', 'not-sent', 'unknown'], {
	description:
		'failed: Graph refused, or the user was read back and the change was not made; not-sent: never sent (stopped, --max-duration, the sign-in gone), nothing changed; unknown: sent, the answer lost and not read back: the next start reads the user back and records what was done in the audit log',
});
const UnassignReason = oneOf([null, 'not-assigned', 'group-assigned', 'self-service-subscription', 'user-not-found', 'error']);

const levels = (kind: string, from: readonly string[], to: readonly string[]) => ({
	if: {properties: {kind: {const: kind}}},
	then: {properties: {from: {enum: from}, to: {enum: to}}},
});
const Consequence = closed(
	{
		kind: oneOf(['mailbox', 'archive', 'onedrive', 'office-apps', 'teams', 'unrecognised', 'none'], {
			description:
				'the kinds this version reports (unrecognised: service plans this app cannot describe; none: loses no mailbox, archive, OneDrive, Office apps or Teams). Later versions may add kinds: a script must ignore kinds it does not know.',
		}),
		effect: Type.Optional(
			oneOf(['lost', 'reduced', 'undocumented'], {
				description:
					'lost: the user no longer has it; reduced: they keep less, both sizes documented (mailbox 100 GB → 50 GB or 2 GB, archive auto-expanding → 50 GB, a 2 GB or basic OneDrive, Office on the web only or read-only); undocumented: they keep something whose size Microsoft does not document, so whether it is less is not said. Absent for kind none.',
			}),
		),
		from: Type.Optional(level('the level the user has now (with effect; absent for unrecognised and none)')),
		to: Type.Optional(level('the level the user keeps: none when lost (with effect; absent for unrecognised and none)')),
		text: text('the sentence the TUI shows for it, with dates'),
	},
	{
		allOf: [
			{if: {properties: {kind: {enum: ['mailbox', 'archive', 'onedrive', 'office-apps', 'teams']}}}, then: {required: ['effect', 'from', 'to']}},
			levels('mailbox', ['kiosk', 'undocumented-size', '50gb', '100gb'], ['none', 'kiosk', 'undocumented-size', '50gb']),
			levels('archive', ['undocumented-size', '50gb', 'auto-expanding'], ['none', 'not-documented', 'undocumented-size', '50gb']),
			levels('onedrive', ['basic', '2gb', 'full'], ['none', 'basic', '2gb']),
			levels('office-apps', ['web-read', 'web', 'desktop'], ['none', 'web-read', 'web']),
			{if: {properties: {kind: {const: 'teams'}}}, then: {properties: {from: {const: 'teams'}, to: {const: 'none'}}}},
		],
	} as {description?: string},
);
/** One thing a user loses or keeps less of, as --json says it. */
export type Consequence = Static<typeof Consequence>;

const Consequences = Type.Array(Consequence, {
	description:
		'what the user loses or keeps less of; [{kind: none}] when they keep everything. Kinds may be added: a script must ignore kinds it does not know.',
});
const consequences = () => ref(Consequences, '#/definitions/unassign/properties/results/items/properties/consequences');
const AlsoRemoves = Type.Array(Product, {
	description: 'add-ons removed with the product in the same request, because they depend on it (Exchange Online Archiving on an Exchange Online mailbox plan)',
});

const Summary = closed({removed: integer(), wouldRemove: integer(), skipped: integer(), failed: integer(), notSent: integer(), unknown: integer()});

const Unassign = closed({
	product: Product,
	dryRun: flag(),
	results: Type.Array(
		closed({
			userPrincipalName: text(),
			id: orNull('string'),
			outcome: Outcome,
			reason: UnassignReason,
			message: orNull('string', {
				description:
					"the add-ons removed with the product and the groups that keep the user licensed, in words; for a user skipped, why, in words (the groups named); for a failure, Graph's message",
			}),
			consequences: Consequences,
			alsoRemoves: AlsoRemoves,
		}),
	),
	summary: Summary,
});

const RemoveFromGroup = closed({
	group: closed({id: text(), displayName: text(), dynamicMembership: flag('a rule decides the members: no one can be removed by hand')}),
	dryRun: flag(),
	results: Type.Array(
		closed({
			userPrincipalName: text(),
			id: orNull('string'),
			outcome: ref(Outcome, '#/definitions/unassign/properties/results/items/properties/outcome'),
			reason: oneOf([null, 'dynamic-membership', 'not-a-member', 'user-not-found', 'error']),
			message: orNull('string', {description: "for a user skipped, why, in words; for a failure, Graph's message"}),
			products: Type.Array(closed({skuId: text(), skuPartNumber: text(), productName: text(), kept: flag()}), {
				description: 'every product the group gives the user; kept: they still hold it (directly or through another group)',
			}),
			consequences: consequences(),
		}),
	),
	summary: ref(Summary, '#/definitions/unassign/properties/summary'),
});

const Section = oneOf(['redundant', 'blocked', 'inactive']);

const Reclaim = closed(
	{
		tenant: ref(TenantName, '#/definitions/licenses/properties/tenant'),
		inactiveDays: integer({minimum: 1}),
		sections: Type.Array(
			closed({
				id: Section,
				title: text(),
				users: integer({minimum: 0, description: 'users with a license offered'}),
				licenses: integer({minimum: 0, description: 'licenses offered for unassigning (what --apply would send)'}),
				freed: Type.Array(closed({skuId: text(), skuPartNumber: text(), productName: text(), licenses: integer({minimum: 1})}), {
					description: 'per product, the licenses that unassigning every offered one would free (a license also held through a group is not freed)',
				}),
				unavailable: Type.Unsafe<{source: 'graph' | 'snapshot'; text: string} | null>({
					description:
						'inactive only: why there is nothing to go on (source graph: Graph refused signInActivity, which needs AuditLog.Read.All and Microsoft Entra ID P1 or P2; snapshot: the file has none); else null',
					oneOf: [{type: 'null'}, closed({source: oneOf(['graph', 'snapshot']), text: text()})],
				}),
				candidates: Type.Array(
					closed({
						userPrincipalName: text(),
						id: text(),
						displayName: text(),
						accountEnabled: flag(),
						lastSignIn: orNull('string', {
							description:
								'the latest of the interactive, non-interactive and successful sign-ins recorded; null when none is, or the source has no sign-in activity',
						}),
						licenses: Type.Array(
							closed({
								skuId: text(),
								skuPartNumber: text(),
								productName: text(),
								direct: flag(),
								viaGroups: Type.Array(Type.String()),
								offered: flag('unassigned by --apply and offered in the TUI'),
								notOffered: oneOf([null, 'group-assigned', 'self-service-subscription', 'not-together'], {
									description:
										'group-assigned: held only through a group (remove the user from the group instead); self-service-subscription: bought by a user, an admin must take it over; not-together: redundant alone, but not beside the licenses offered in its place',
								}),
								notOfferedText: orNull('string'),
								frees: flag('unassigning it frees a license (false when the user also holds it through a group)'),
							}),
						),
						reason: text("why it is listed, in the TUI's words"),
						coveredBy: Type.Array(product(), {
							description:
								'redundant: the products the user keeps that give what it gives (its own product: held through a group too); [] for the other sections',
						}),
						notCounted: Type.Array(Type.String(), {
							description: 'redundant: its service plans that were not counted because they give no user anything of their own (see docs/app.md, Reclaim)',
						}),
						consequences: consequences(),
						mailbox: orNull('string', {
							description: 'for a user who would lose their mailbox: keeping the mail as a shared mailbox, and when that still needs Exchange Online (Plan 2)',
						}),
					}),
					{description: 'redundant: one per user and product; blocked and inactive: one per user, with every product they hold'},
				),
			}),
			{description: 'the sections asked (--section), in this order: redundant, blocked, inactive'},
		),
	},
	{description: 'reclaim --json: the licenses that can go, by section, with the reasons and the consequences of unassigning what each candidate offers.'},
);

const AppliedOutcome = (description?: string) => oneOf(['removed', 'skipped', 'failed', 'not-sent', 'unknown'], description === undefined ? {} : {description});
const unassignReason = () => ref(UnassignReason, '#/definitions/unassign/properties/results/items/properties/reason');

const ReclaimApply = closed(
	{
		inactiveDays: integer({minimum: 1}),
		sections: Type.Array(Section),
		results: Type.Array(
			closed({
				userPrincipalName: text(),
				id: text(),
				outcome: AppliedOutcome("the least known of the user's products: unknown, else failed, else not-sent; skipped when any was skipped; else removed"),
				reason: unassignReason(),
				message: orNull('string'),
				consequences: consequences(),
				alsoRemoves: ref(AlsoRemoves, '#/definitions/unassign/properties/results/items/properties/alsoRemoves'),
				products: Type.Array(
					closed({skuId: text(), skuPartNumber: text(), productName: text(), outcome: AppliedOutcome(), reason: unassignReason(), message: orNull('string')}),
				),
			}),
		),
		summary: closed({
			removed: integer({description: 'users all of whose products were unassigned'}),
			skipped: integer(),
			failed: integer(),
			notSent: integer(),
			unknown: integer(),
			licenses: integer({description: 'licenses unassigned, add-ons included'}),
		}),
	},
	{description: 'reclaim --apply --json: per user, the outcome as unassign reports it, and per product.'},
);

const AuditEntry = {
	time: text(),
	actor: text(),
	tenantId: text(),
	action: oneOf(['unassign', 'assign', 'change-apps', 'delete-user', 'restore-user', 'reset', 'remove-from-group'], {
		description: 'reset: a saved change discarded by --reset; reason says what it had done (assigned, removed, deleted, restored, left-group)',
	}),
	userPrincipalName: text(),
	skuId: orNull('string'),
	skuPartNumber: orNull('string'),
	outcome: text(),
	reason: orNull('string'),
	changeId: Type.Optional(text('the change the entry belongs to (absent in entries written before it was recorded)')),
	groupId: Type.Optional(text('remove-from-group: the group the user was removed from')),
	disabledPlans: Type.Optional(
		Type.Array(Type.String(), {description: 'for change-apps, and an assign with apps turned off: the service plans (apps) turned off'}),
	),
	dependency: Type.Optional(
		closed(
			{servicePlan: text(), dependsOn: Type.Array(Type.String())},
			{
				description:
					"refused by Graph because a dependent service plan would be left without its base: the plan and the plans it needs, as Graph named them (a dependency the app's table did not foresee)",
			},
		),
	),
};

const Audit = closed({entries: Type.Array(closed(AuditEntry))});

const nullableString = () => orNull('string');
const Doctor = Type.Object({
	version: text(),
	node: text(),
	stateDirectory: nullableString(),
	homes: Type.Optional(
		Type.Unsafe<{config: string; state: string; cache: string; preferences: string} | null>({
			description:
				'where the app keeps preferences (the config home, with the preferences file), its state (journal, audit log, sign-ins, reports) and its caches; one folder for all three when --state-dir or M365_LICENSES_STATE_DIR gives it',
			type: ['object', 'null'],
			required: ['config', 'state', 'cache', 'preferences'],
			additionalProperties: false,
			properties: {config: text(), state: text(), cache: text(), preferences: text()},
		}),
	),
	stateDirectoryMode: Type.Optional(orNull('string', {description: 'its permissions, as 0700; null when it does not exist yet'})),
	backend: oneOf(['demo', 'snapshot', 'graph']),
	tenant: Type.Unsafe<{id: string; displayName: string; source: string} | null>({type: ['object', 'null'], required: ['id', 'displayName', 'source']}),
	error: orNull('string', {description: 'why the tenant could not be opened (sign-in, snapshot, state), else null'}),
	signIn: Type.Optional(
		Type.Unsafe<{account: string | null; tenantId: string | null} | null>({
			type: ['object', 'null'],
			description:
				'a live tenant: the account and the tenant (directory id) the kept sign-in is for; null when not signed in or not live. doctor never signs in.',
			required: ['account', 'tenantId'],
			properties: {account: nullableString(), tenantId: nullableString()},
		}),
	),
	cloud: nullableString(),
	endpoints: Type.Unsafe<{graph: string | null; login: string | null}>({type: 'object', required: ['graph', 'login']}),
	stdinIsTTY: flag(),
	stdoutIsTTY: flag(),
	language: Type.Object(
		{id: oneOf(['en', 'da']), source: oneOf(['flag', 'env', 'preference', 'locale', 'default']), from: nullableString()},
		{
			description:
				'the language the app speaks and why: --lang (flag), M365_LICENSES_LANG (env), the language in the preferences file (preference), LC_ALL/LC_MESSAGES/LANG (locale), else English (default); from: what decided it, as given',
		},
	),
	lock: Type.Unsafe<object | string | null>({type: ['object', 'string', 'null']}),
	proxy: Type.Optional(
		Type.Object(
			{graph: nullableString(), login: nullableString(), noProxy: Type.Optional(nullableString())},
			{description: 'the proxy each endpoint is reached through (HTTPS_PROXY, HTTP_PROXY, NO_PROXY), without credentials; null: straight to it'},
		),
	),
});

const TenantsList = closed(
	{
		tenants: Type.Array(
			closed({
				name: text('what --profile takes'),
				tenantId: text(),
				displayName: orNull('string'),
				source: oneOf(['snapshot', 'graph']),
				file: orNull('string', {description: 'a snapshot: its file'}),
				cloud: orNull('string', {description: 'a live tenant: its cloud'}),
				partnerTenantId: orNull('string', {description: 'found by tenants discover: the partner tenant whose sign-in reaches it (GDAP)'}),
			}),
		),
	},
	{description: 'tenants list --json: the tenants added, by name.'},
);

const TenantsDiscover = closed(
	{
		partnerTenantId: orNull('string', {description: "the partner's tenant signed in to"}),
		customers: Type.Array(
			closed({
				name: text('the name it is added under (or would be)'),
				tenantId: text(),
				displayName: text(),
				added: flag('added by this run'),
				alreadyAs: orNull('string', {description: 'added before, under this name'}),
				error: orNull('string', {
					description:
						"why it could not be read with its own token (a GDAP relationship without a role that reads licenses: Graph's 403); null when it could, or was not added",
				}),
			}),
		),
	},
	{description: "tenants discover --json: the partner's GDAP customers (delegatedAdminCustomers), each with whether it was added and could be read."},
);

/** One tenant of an --all-tenants answer: its name and id, and its own answer, or why it could not be read. */
const OfTenant = {
	name: text('the tenant as added (tenants add)'),
	tenantId: text(),
	error: orNull('string', {description: 'why this tenant could not be read (the others still are); null when it was'}),
};
const counts = {
	tenants: integer({minimum: 0}),
	failed: integer({minimum: 0, description: 'tenants that could not be read'}),
};

const LicensesAll = closed(
	{
		tenants: Type.Array(
			closed({
				...OfTenant,
				tenant: Type.Optional(ref(TenantName, '#/definitions/licenses/properties/tenant')),
				products: Type.Optional(ref(Licenses.properties.products, '#/definitions/licenses/properties/products')),
			}),
		),
		totals: closed({
			...counts,
			assigned: integer({minimum: 0}),
			available: integer({minimum: 0}),
			total: integer({minimum: 0}),
			products: Type.Array(
				closed({
					skuId: text(),
					skuPartNumber: text(),
					productName: text(),
					tenants: integer({minimum: 1}),
					assigned: integer({minimum: 0}),
					available: integer({minimum: 0}),
					total: integer({minimum: 0}),
				}),
				{description: 'each product over the tenants that have it'},
			),
		}),
	},
	{description: 'licenses --all-tenants --json: each tenant as licenses --json gives it, with totals over those read.'},
);

const ReclaimAll = closed(
	{
		tenants: Type.Array(
			closed({
				...OfTenant,
				tenant: Type.Optional(ref(TenantName, '#/definitions/licenses/properties/tenant')),
				inactiveDays: Type.Optional(integer({minimum: 1})),
				sections: Type.Optional(ref(Reclaim.properties.sections, '#/definitions/reclaim/properties/sections')),
			}),
		),
		totals: closed({
			...counts,
			sections: Type.Array(
				closed({id: Section, users: integer({minimum: 0}), licenses: integer({minimum: 0, description: 'licenses offered, over every tenant read'})}),
			),
		}),
	},
	{description: 'reclaim --all-tenants --json: each tenant as reclaim --json gives it, with what each section would free over all of them.'},
);

const AuditAll = closed(
	{
		tenants: Type.Array(closed(OfTenant)),
		entries: Type.Array(closed({...AuditEntry, tenant: text('the tenant as added (tenants add)')}), {description: "every tenant's entries, oldest first"}),
	},
	{description: "audit --all-tenants --json: the tenants' audit logs merged by time, each entry naming its tenant."},
);

const definitions = {
	level: Level,
	licenses: Licenses,
	users: Users,
	unassign: Unassign,
	'remove-from-group': RemoveFromGroup,
	reclaim: Reclaim,
	'reclaim-apply': ReclaimApply,
	audit: Audit,
	doctor: Doctor,
	'tenants-list': TenantsList,
	'tenants-discover': TenantsDiscover,
	'licenses-all': LicensesAll,
	'reclaim-all': ReclaimAll,
	'audit-all': AuditAll,
};

/** The whole contract, as output.schema.json publishes it. */
export const Output = {
	$schema: 'http://json-schema.org/draft-07/schema#',
	$id: 'https://m365-licenses.local/output.schema.json',
	title: 'm365-licenses --json output',
	description: 'What each subcommand prints with --json. A public contract: fields are added, never renamed or removed.',
	definitions,
};

/** What each subcommand prints with --json, by its name in output.schema.json. */
export type Output = {[K in keyof typeof definitions]: Static<(typeof definitions)[K]>};
