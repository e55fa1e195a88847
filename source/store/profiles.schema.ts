// The tenants the app knows (tenants add): kept in the preferences (config.json, conf) under
// `tenants`, by the name the admin gave each. The one source of the type and of the schema conf
// checks the file against when it reads it.
import {type Static, Type} from '@sinclair/typebox';
import {oneOf, recordOf} from '../json-schema.js';
import {clouds} from '../backends/graph/clouds.js';

/** A tenant's name here: what --profile takes, so one a shell need not quote. */
export const profileNamePattern = '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$';
/** A directory (tenant) id: what Graph, GDAP and the admin center give. */
export const tenantIdPattern = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

const text = Type.String({minLength: 1});

export const SnapshotProfile = Type.Object(
	{
		source: Type.Literal('snapshot'),
		/** The snapshot file, absolute. */
		file: text,
		/** The snapshot's organization id, read when it was added: its state sub-folder. */
		tenantId: text,
		displayName: Type.Optional(Type.String()),
	},
	{additionalProperties: false},
);

export const GraphProfile = Type.Object(
	{
		source: Type.Literal('graph'),
		tenantId: Type.String({pattern: tenantIdPattern}),
		displayName: Type.Optional(Type.String()),
		cloud: Type.Optional(oneOf(Object.keys(clouds) as Array<keyof typeof clouds>)),
		clientId: Type.Optional(text),
		/** Found by tenants discover: the partner's tenant whose sign-in reaches this one (GDAP). */
		partnerTenantId: Type.Optional(Type.String({pattern: tenantIdPattern})),
	},
	{additionalProperties: false},
);

export const TenantProfile = Type.Union([SnapshotProfile, GraphProfile]);
export const TenantProfiles = recordOf(TenantProfile);

export type SnapshotProfile = Static<typeof SnapshotProfile>;
export type GraphProfile = Static<typeof GraphProfile>;
export type TenantProfile = Static<typeof TenantProfile>;
export type TenantProfiles = Record<string, TenantProfile>;
