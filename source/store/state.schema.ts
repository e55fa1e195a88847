// The shapes of the state directory's files, in one place: the TypeScript types below and the
// validators in state-validators.ts (compiled ahead of time by source/tools/generate-state-validators.mjs,
// `npm run validators`) both come from these schemas. docs/state.md says what each file is for.
//
// The app reads and writes format 1 only: a state.json of any other version is refused and left
// as it is, byte for byte.
import {Type, type Static, type TSchema} from '@sinclair/typebox';
import {Name} from '../backends/tenant.schema.js';
import type {AuditEntry} from '../domain/audit.js';
import type {Change, FoldedUser as DomainFoldedUser} from '../domain/changes.js';

/** The format of state.json this build reads and writes. */
export const stateFormat = 1;

/** An id, a name or a time: the limits of the tenant's ids and names, so whatever a snapshot holds can be saved here and read back. */
const Text = Type.String({minLength: Name.minLength, maxLength: Name.maxLength});
/** A journal record's number: whole, and never past what a number holds exactly. */
const Counter = Type.Integer({minimum: 0, maximum: Number.MAX_SAFE_INTEGER});
const Seq = Type.Integer({minimum: 1, maximum: Number.MAX_SAFE_INTEGER});
const Ids = Type.Array(Text);
/** An object of any keys whose values are all `value` (additionalProperties: a TypeBox Record's pattern costs a regular expression per key). */
const Dict = <T extends TSchema>(value: T, description?: string) =>
	Type.Unsafe<Record<string, Static<T>>>({type: 'object', additionalProperties: value, ...(description ? {description} : {})});
const Times = (description: string) => Dict(Text, description);
const AppsOff = (description: string) => Dict(Ids, description);

const LicenseChange = Type.Object(
	{
		type: Type.Optional(Type.Literal('licenses')),
		time: Text,
		userId: Text,
		add: Ids,
		remove: Ids,
		disabledPlans: Type.Optional(AppsOff('skuId → the apps (servicePlanIds) turned off, for a product in add')),
	},
	{additionalProperties: false},
);
const UserChange = Type.Object({type: Type.Union([Type.Literal('delete'), Type.Literal('restore')]), time: Text, userId: Text}, {additionalProperties: false});
const GroupLeave = Type.Object({type: Type.Literal('leave-group'), time: Text, userId: Text, groupId: Text}, {additionalProperties: false});

/**
 * One change the app made to a user. Checked by its type (if/then/else), so that a wrong field is
 * named as such rather than as a failed match of every kind of change.
 */
const ChangeSchema = Type.Unsafe<Static<typeof LicenseChange> | Static<typeof UserChange> | Static<typeof GroupLeave>>({
	description: 'One change the app made to a user: products assigned and unassigned, the user deleted or restored, or removed from a group.',
	type: 'object',
	required: ['time', 'userId'],
	properties: {type: {enum: ['licenses', 'delete', 'restore', 'leave-group']}},
	if: {required: ['type'], properties: {type: {enum: ['delete', 'restore']}}},
	then: UserChange,
	else: {if: {required: ['type'], properties: {type: {const: 'leave-group'}}}, then: GroupLeave, else: LicenseChange},
});

const Dependency = Type.Object(
	{servicePlan: Text, dependsOn: Type.Array(Text)},
	{
		additionalProperties: false,
		description: 'refused because a dependent service plan would lose its base: the plans Graph named',
	},
);
const AuditAction = Type.Union(
	['unassign', 'assign', 'change-apps', 'delete-user', 'restore-user', 'reset', 'remove-from-group'].map(action => Type.Literal(action)),
);

/** One entry of the audit log, as the audit command prints it. */
export const AuditEntrySchema = Type.Object(
	{
		time: Text,
		actor: Text,
		tenantId: Text,
		action: Type.Unsafe<AuditEntry['action']>(AuditAction),
		userPrincipalName: Type.String(),
		skuId: Type.Union([Type.String(), Type.Null()]),
		skuPartNumber: Type.Union([Type.String(), Type.Null()]),
		outcome: Text,
		reason: Type.Union([Type.String(), Type.Null()]),
		changeId: Type.Optional(Text),
		groupId: Type.Optional(Text),
		disabledPlans: Type.Optional(Ids),
		dependency: Type.Optional(Dependency),
	},
	{additionalProperties: false, description: 'One line of audit.jsonl; in the journal, the same without changeId (the record says it).'},
);

const PendingItem = Type.Object(
	{
		userId: Text,
		userPrincipalName: Text,
		add: Ids,
		remove: Ids,
		update: Type.Optional(Type.Array(Text, {description: 'products whose apps change'})),
		disabledPlans: Type.Optional(AppsOff('skuId → the apps turned off, for a product added or updated')),
	},
	{additionalProperties: false},
);

const Begin = Type.Object(
	{seq: Seq, type: Type.Literal('begin'), id: Text, time: Text, actor: Text, tenantId: Text, items: Type.Array(PendingItem)},
	{additionalProperties: false, description: 'A change about to be sent: written (fsynced) before anything is sent.'},
);
const Commit = Type.Object(
	{
		seq: Seq,
		type: Type.Literal('commit'),
		id: Text,
		time: Text,
		tenantId: Text,
		reset: Type.Optional(Type.Boolean({description: 'discards everything saved for the tenant before it (--reset)'})),
		changes: Type.Array(ChangeSchema),
		audit: Type.Array(AuditEntrySchema),
	},
	{
		additionalProperties: false,
		description: "A change's outcome: the state changes to replay, and its audit entries (moved to audit.jsonl when the journal is folded).",
	},
);

/** One line of journal.jsonl: a change begun, or committed. */
export const JournalRecordSchema = Type.Unsafe<Static<typeof Begin> | Static<typeof Commit>>({
	description: 'One line of journal.jsonl: a change begun (before it is sent) or committed (its outcome).',
	type: 'object',
	required: ['type'],
	discriminator: {propertyName: 'type'},
	oneOf: [Begin, Commit],
});

/** What the changes saved for one user amount to, applied in this order: restore, products, delete. */
const FoldedUserSchema = Type.Object(
	{
		restore: Type.Optional(Text),
		deleted: Type.Optional(Text),
		add: Type.Optional(Times('skuId → time: products whose last change assigned them')),
		apps: Type.Optional(AppsOff('skuId → the apps (servicePlanIds) that assignment turned off, where it turned any off')),
		remove: Type.Optional(Times('skuId → time: products whose last change unassigned them')),
		leftGroups: Type.Optional(Times('groupId → time: groups the user was removed from')),
	},
	{additionalProperties: false},
);

/** state.json: every change saved up to journal record `through`, folded per tenant and user. */
export const StateSchema = Type.Object(
	{
		version: Type.Literal(stateFormat),
		through: Counter,
		tenants: Dict(
			Type.Object(
				{
					users: Type.Array(Type.Tuple([Text, FoldedUserSchema]), {
						description:
							'[userId, what their changes amount to], one pair per user: an array, because at 100,000 users it reads several times faster than the keys of one object do',
					}),
				},
				{additionalProperties: false},
			),
		),
	},
	{additionalProperties: false},
);

export type StateShape = Static<typeof StateSchema>;
export type JournalRecord = Static<typeof JournalRecordSchema>;
export type BeginRecord = Extract<JournalRecord, {type: 'begin'}>;
export type CommitRecordShape = Extract<JournalRecord, {type: 'commit'}>;
export type FoldedUser = Static<typeof FoldedUserSchema>;

/** The validators made from these schemas, by name (what generate-state-validators.mjs compiles). */
export const schemas = {state: StateSchema, journalRecord: JournalRecordSchema, auditEntry: AuditEntrySchema} satisfies Record<string, TSchema>;

// The domain keeps its own types (it imports nothing of the store); the files' shapes must say the same.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const agree: [Same<FoldedUser, DomainFoldedUser>, Same<Static<typeof ChangeSchema>, Change>, Same<Static<typeof AuditEntrySchema>, AuditEntry>] = [
	true,
	true,
	true,
];
void agree;
