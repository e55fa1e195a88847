// The few JSON Schema forms the app's TypeBox schemas (<area>/<name>.schema.ts) write the way the
// published schema files have always said them: a list of values as `enum`, "a string or null" as
// one `type`, a `$ref` to a definition with the TypeScript type of what it points at.
import {type Static, type TSchema, Type, type TUnsafe} from '@sinclair/typebox';

/** One of these values: `{"enum": [...]}`. */
export const oneOf = <const T extends readonly (string | null)[]>(values: T, options: {description?: string} = {}): TUnsafe<T[number]> =>
	Type.Unsafe<T[number]>({enum: [...values], ...options});

type Types = {string: string; integer: number; object: Record<string, unknown>; boolean: boolean};
/** A value of the type, or null: `{"type": [type, "null"]}`. */
export const orNull = <K extends keyof Types>(type: K, options: Record<string, unknown> = {}): TUnsafe<Types[K] | null> =>
	Type.Unsafe<Types[K] | null>({type: [type, 'null'], ...options});

/** `{"$ref": pointer}`, typed as the schema it points at. */
export const ref = <T extends TSchema>(_target: T, pointer: string, options: {description?: string} = {}): TUnsafe<Static<T>> =>
	Type.Unsafe<Static<T>>({$ref: pointer, ...options});

/** A schema as JSON: TypeBox's own marks (symbols) are not part of it. */
export const plainSchema = (schema: object): Record<string, unknown> => JSON.parse(JSON.stringify(schema)) as Record<string, unknown>;

/** An object whose every value has the schema: `{"type": "object", "additionalProperties": schema}`. */
export const recordOf = <T extends TSchema>(values: T, options: {description?: string} = {}): TUnsafe<Record<string, Static<T>>> =>
	Type.Unsafe<Record<string, Static<T>>>({type: 'object', additionalProperties: values, ...options});
