/**
 * Request types derived from the field schema in actionTable.ts, so the schema
 * stays the only place a request field is declared.
 */
import type { ACTIONS, ActionName } from './actionTable.js';
import type { FieldSchema, FieldSpec } from './fieldSpec.js';

type EnumOf<F extends FieldSpec> = F['enum'] extends ReadonlyArray<infer V extends string> ? V : string;

type FieldValue<F extends FieldSpec> = F['type'] extends 'string'
  ? EnumOf<F>
  : F['type'] extends 'int32' | 'int64' | 'float'
    ? number
    : F['type'] extends 'boolean'
      ? boolean
      : F['type'] extends 'string[]'
        ? Array<EnumOf<F>>
        : F['type'] extends 'object'
          ? F['fields'] extends FieldSchema
            ? RequestShape<F['fields']>
            : Record<string, unknown>
          : F['type'] extends 'object[]'
            ? F['fields'] extends FieldSchema
              ? Array<RequestShape<F['fields']>>
              : Array<Record<string, unknown>>
            : never;

/** Required on the wire and without a default the client fills in. */
type RequiredKeys<S extends FieldSchema> = {
  [K in keyof S]: S[K]['required'] extends true ? (S[K] extends { readonly default: unknown } ? never : K) : never;
}[keyof S];
type OptionalKeys<S extends FieldSchema> = Exclude<keyof S, RequiredKeys<S>>;

type Simplify<T> = { [K in keyof T]: T[K] } & {};

export type RequestShape<S extends FieldSchema> = Simplify<
  { [K in RequiredKeys<S>]: FieldValue<S[K]> } & { [K in OptionalKeys<S>]?: FieldValue<S[K]> }
>;

/** The request body of an action, e.g. `ActionRequest<'ListAPIKeys'>` = `{ ProjectName: string; OnlyAvailable?: boolean }`. */
export type ActionRequest<A extends ActionName> = RequestShape<(typeof ACTIONS)[A]['fields']>;
