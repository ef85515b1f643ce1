/**
 * Request field schema: the one description of what each action accepts.
 * It drives the request types (see requestTypes.ts), the emulator's validation,
 * the CLI's `--param Key=Value` coercion and the n8n operation fields.
 */
export type FieldType = 'string' | 'int32' | 'int64' | 'float' | 'boolean' | 'string[]' | 'object' | 'object[]';

export interface FieldSpec {
  readonly type: FieldType;
  /**
   * Required on the wire: by the official SDK's validator (GO `Validate()`) or by the API
   * Explorer (EXPL, shared/api §6.1; `requiredBy` says which). A required list must not be empty.
   */
  readonly required?: boolean;
  /** Source tag of the required flag where it is not the SDK's, e.g. 'EXPL'. */
  readonly requiredBy?: string;
  /**
   * The documented values (a string field, or each item of a `string[]`); anything else is
   * refused before sending. `enumSource` is its source tag.
   */
  readonly enum?: readonly string[];
  readonly enumSource?: string;
  /**
   * Sent when the caller gives no value (absent, null or an empty list), because the live
   * service misbehaves without it. A required field with a default is optional to callers.
   */
  readonly default?: unknown;
  readonly min?: number;
  readonly max?: number;
  readonly maxLength?: number;
  readonly fields?: FieldSchema;
  readonly doc: string;
  /** Set where the contract (../shared/api) is not sure of this field; says why. */
  readonly unsure?: string;
  /** Example value shown in docs, CLI help and n8n placeholders. */
  readonly example?: unknown;
}

export type FieldSchema = { readonly [name: string]: FieldSpec };

// Reused sub-shapes, named as the SDK models name them.
export const TAG_FIELDS = {
  Key: { type: 'string', doc: 'Tag key.' },
  Value: { type: 'string', doc: 'Tag value.' },
} as const satisfies FieldSchema;

export const TAG_FILTER_FIELDS = {
  Key: { type: 'string', maxLength: 128, doc: 'Tag key to match (at most 128 characters).' },
  Values: { type: 'string[]', doc: 'Tag values to match.' },
} as const satisfies FieldSchema;
