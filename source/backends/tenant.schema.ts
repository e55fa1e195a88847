// A tenant snapshot's shape, the one source of demo-data/tenant.schema.json (published: scripts and
// users read it), of the validator that checks a snapshot (tenant-validator.ts) and of its TypeScript
// type. `npm run schemas` writes both files from here; a test fails while they are not up to date.
import {type Static, Type} from '@sinclair/typebox';
import {oneOf, orNull, recordOf, ref} from '../json-schema.js';

/** An id or a user principal name: the limits of what the state directory keeps of a tenant. */
export const Name = Type.String({
	description:
		"An id or a user principal name: what the app keeps of a tenant in its state directory. The state directory's schema (source/store/state.schema.ts) takes its limits from here, so that whatever a snapshot may hold can be saved and read back. Lengths count UTF-16 code units.",
	minLength: 1,
	maxLength: 1000,
});
const DateTime = Type.String({pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$'});
const DateTimeOrNull = Type.Unsafe<string | null>({anyOf: [{$ref: '#/definitions/dateTime'}, {type: 'null'}]});
const Guid = Type.String({pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'});

const name = (options: {description?: string} = {}) => ref(Name, '#/definitions/name', options);
const guid = () => ref(Guid, '#/definitions/guid');
const dateTime = () => ref(DateTime, '#/definitions/dateTime');
const dateTimeOrNull = () => ref(DateTimeOrNull, '#/definitions/dateTimeOrNull');
const count = () => Type.Integer({minimum: 0});
const strings = (options: {description?: string} = {}) => Type.Array(Type.String(), options);

const SubscribedSku = Type.Object({
	skuId: guid(),
	skuPartNumber: Type.String({minLength: 1}),
	appliesTo: Type.Optional(Type.String()),
	capabilityStatus: Type.Optional(Type.String()),
	consumedUnits: count(),
	prepaidUnits: Type.Object({
		enabled: count(),
		suspended: Type.Optional(count()),
		warning: Type.Optional(count()),
		lockedOut: Type.Optional(count()),
	}),
	servicePlans: Type.Array(Type.Object({servicePlanId: guid(), servicePlanName: Type.String()})),
	subscriptionIds: Type.Optional(strings()),
});

const Subscription = Type.Object({
	id: Type.String({minLength: 1}),
	skuId: guid(),
	skuPartNumber: Type.Optional(Type.String()),
	status: oneOf(['Enabled', 'Warning', 'Suspended', 'Deleted', 'LockedOut']),
	totalLicenses: count(),
	isTrial: Type.Optional(Type.Boolean()),
	ownerType: Type.Optional(orNull('string')),
	ownerId: Type.Optional(orNull('string')),
});

const disabledPlans = () => Type.Optional(Type.Array(name()));

const User = Type.Object({
	id: name(),
	displayName: Type.String(),
	userPrincipalName: Type.Unsafe<string>({allOf: [{$ref: '#/definitions/name'}], pattern: '^[^@\\s]+@[^@\\s]+$'}),
	accountEnabled: Type.Boolean(),
	usageLocation: Type.Optional(orNull('string')),
	assignedLicenses: Type.Array(Type.Object({skuId: guid(), disabledPlans: disabledPlans()})),
	licenseAssignmentStates: Type.Optional(
		Type.Array(
			Type.Object({
				skuId: guid(),
				assignedByGroup: orNull('string'),
				state: Type.Optional(Type.String()),
				error: Type.Optional(Type.String()),
				disabledPlans: disabledPlans(),
			}),
		),
	),
	signInActivity: Type.Optional(
		Type.Unsafe<{lastSignInDateTime?: string | null; lastNonInteractiveSignInDateTime?: string | null; lastSuccessfulSignInDateTime?: string | null} | null>({
			description:
				"As Graph's GET /users?$select=signInActivity gives it (it needs AuditLog.Read.All and Microsoft Entra ID P1 or P2): null for a user who never signed in. A snapshot where no user has it (and no x-local.lastSignIn) does not know sign-ins: the Reclaim view says so.",
			type: ['object', 'null'],
			properties: {lastSignInDateTime: dateTimeOrNull(), lastNonInteractiveSignInDateTime: dateTimeOrNull(), lastSuccessfulSignInDateTime: dateTimeOrNull()},
		}),
	),
	createdDateTime: Type.Optional(dateTimeOrNull()),
});

const Group = Type.Object({
	id: name(),
	displayName: Type.String(),
	groupTypes: Type.Optional(strings({description: "Graph's groupTypes: DynamicMembership when a rule decides the members (they cannot be removed by hand)"})),
	members: Type.Optional(strings()),
});

const DirectoryRole = Type.Object({roleTemplateId: guid(), displayName: Type.String(), members: strings()});

const LocalExtras = Type.Object({
	mailboxHolds: Type.Optional(
		recordOf(oneOf(['litigation-hold', 'retention-policy', 'retention-label']), {
			description:
				'user id → the hold on their mailbox. Present (even empty: no one on hold) when the snapshot knows holds; absent, the app says holds are not visible, as for a live tenant.',
		}),
	),
	lastSignIn: Type.Optional(recordOf(dateTime(), {description: 'user id → ISO time of their last sign-in: read when the user has no signInActivity.'})),
	licenseRemovals: Type.Optional(recordOf(recordOf(Type.String()))),
});

export const TenantSnapshot = Type.Object(
	{
		organization: Type.Object({id: name(), displayName: Type.String()}),
		subscribedSkus: Type.Array(SubscribedSku),
		subscriptions: Type.Array(Subscription),
		users: Type.Array(User),
		groups: Type.Array(Group),
		directoryRoles: Type.Array(DirectoryRole),
		signedInUser: name(),
		'x-local': Type.Optional(LocalExtras),
	},
	{
		$schema: 'http://json-schema.org/draft-07/schema#',
		$id: 'https://m365-licenses.local/tenant.schema.json',
		title: 'm365-licenses tenant snapshot',
		description:
			'A Microsoft 365 tenant as Microsoft Graph v1.0 returns it (organization, subscribedSkus, directory/subscriptions, users, groups, directoryRoles), plus the admin the app acts as and local-only extras. demo-data/contoso.json is one. Fields not listed are allowed and kept.',
		definitions: {name: Name, dateTime: DateTime, dateTimeOrNull: DateTimeOrNull, guid: Guid},
	},
);

/** A snapshot as it passed its schema: what Graph may leave out is still left out. */
export type TenantSnapshot = Static<typeof TenantSnapshot>;
