/**
 * Request field schema: the one description of what each action accepts.
 * It drives the request types (see requestTypes.ts), the emulator's validation,
 * the CLI's `--param Key=Value` coercion and the n8n operation fields.
 */
export type FieldType = 'string' | 'int32' | 'int64' | 'float' | 'boolean' | 'string[]' | 'object' | 'object[]';

export interface FieldSpec {
  readonly type: FieldType;
  /** Required by the official SDK's client-side validator (GO `Validate()`), unless `unsure` says otherwise. */
  readonly required?: boolean;
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
