/**
 * Request validation driven by the action table's field schema, in the spirit of the Go SDK's
 * generated `Validate()`: required fields first, then types and ranges, each error naming the
 * field (nested ones as `Configurations[0].Quantity`).
 *
 * Lenient where the contract asks for it: unknown extra fields pass through untouched, null
 * counts as absent, and scalars are coerced where callers disagree on the wire type (numbers
 * for string fields such as ListSpeakers `Limit`, booleans for UpdateAPIKey `Disable`, numeric
 * strings for integers, "true"/"false" for booleans).
 */
import type { FieldSchema, FieldSpec } from '@volc-speech/client';
import { invalidParameter, missingParameter } from './errors.js';
import { dict, ownEntry } from './state/dict.js';

export type Params = Record<string, unknown>;

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;
const INTEGER_TEXT = /^-?\d+$/;
const NUMBER_TEXT = /^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Top-level fields whose usual check the live service does not make (liveBehaviour.ts):
 * `optional` ones may be absent although required, `anyValue` ones skip the enumeration.
 */
export interface Relaxations {
  optional?: ReadonlySet<string>;
  anyValue?: ReadonlySet<string>;
}

function isGiven(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/**
 * Returns a copy of `input` with every declared field checked and coerced; throws ApiError on
 * the first problem. A required list must not be empty (the fields EXPL marks required are
 * lists the service cannot act without). Values outside a field's documented enumeration are
 * InvalidParameter naming the field and the values.
 */
export function validateParams(schema: FieldSchema, input: Params, path = '', relax: Relaxations = {}): Params {
  // A copy without a prototype: a body's own "__proto__" key stays a key, and only fields the
  // caller sent are read (never inherited ones).
  const out: Params = dict(Object.entries(input));
  const given = (name: string) => (Object.hasOwn(input, name) ? input[name] : undefined);
  // Required fields are reported before type errors, as Validate() collects ErrParamRequired first.
  for (const [name, spec] of Object.entries(schema)) {
    if (!spec.required || (path === '' && relax.optional?.has(name))) continue;
    const value = given(name);
    if (!isGiven(value) || (Array.isArray(value) && value.length === 0)) throw missingParameter(path + name);
  }
  for (const [name, spec] of Object.entries(schema)) {
    const value = given(name);
    if (!isGiven(value)) {
      delete out[name];
      continue;
    }
    const checked = path === '' && relax.anyValue?.has(name) ? { ...spec, enum: undefined } : spec;
    out[name] = coerceField(checked, value, path + name);
  }
  return out;
}

function checkEnum(spec: FieldSpec, text: string, field: string): string {
  if (spec.enum && !spec.enum.includes(text)) {
    throw invalidParameter(field, `must be one of ${spec.enum.join(', ')}, got ${JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text)}`);
  }
  return text;
}

function coerceField(spec: FieldSpec, value: unknown, field: string): unknown {
  switch (spec.type) {
    case 'string':
      return checkEnum(spec, checkLength(spec, toText(value, field), field), field);
    case 'int32':
    case 'int64':
      return checkRange(spec, toInteger(value, field, spec.type === 'int32'), field);
    case 'float':
      return checkRange(spec, toFloat(value, field), field);
    case 'boolean':
      return toBoolean(value, field);
    case 'string[]': {
      const list = Array.isArray(value) ? value : [value];
      return list.map((item, i) => checkEnum(spec, checkLength(spec, toText(item, `${field}[${i}]`), `${field}[${i}]`), `${field}[${i}]`));
    }
    case 'object':
      if (!isPlainObject(value)) throw invalidParameter(field, 'must be an object');
      return spec.fields ? validateParams(spec.fields, value, `${field}.`) : value;
    case 'object[]': {
      if (!Array.isArray(value)) throw invalidParameter(field, 'must be an array of objects');
      return value.map((item, i) => {
        if (!isPlainObject(item)) throw invalidParameter(`${field}[${i}]`, 'must be an object');
        return spec.fields ? validateParams(spec.fields, item, `${field}[${i}].`) : item;
      });
    }
  }
}

function toText(value: unknown, field: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  throw invalidParameter(field, `must be a string, got ${describe(value)}`);
}

function toInteger(value: unknown, field: string, int32: boolean): number {
  let n: number;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string' && INTEGER_TEXT.test(value.trim())) n = Number(value.trim());
  else throw invalidParameter(field, `must be an integer, got ${describe(value)}`);
  if (!Number.isInteger(n)) throw invalidParameter(field, `must be an integer, got ${n}`);
  if (int32 ? n < INT32_MIN || n > INT32_MAX : !Number.isSafeInteger(n)) {
    throw invalidParameter(field, `${n} is out of the ${int32 ? 'int32' : 'int64'} range`);
  }
  return n;
}

function toFloat(value: unknown, field: string): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && NUMBER_TEXT.test(value.trim())) return Number(value.trim());
  throw invalidParameter(field, `must be a number, got ${describe(value)}`);
}

/** Accepts booleans and "true"/"false" in any case: UpdateAPIKey `Disable` is a string in the SDK, a bool in the list. */
export function toBoolean(value: unknown, field: string): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const text = value.trim().toLowerCase();
    if (text === 'true') return true;
    if (text === 'false') return false;
  }
  throw invalidParameter(field, `must be true or false, got ${describe(value)}`);
}

function checkRange(spec: FieldSpec, n: number, field: string): number {
  if (spec.min !== undefined && n < spec.min) throw invalidParameter(field, `must be at least ${spec.min}, got ${n}`);
  if (spec.max !== undefined && n > spec.max) throw invalidParameter(field, `must be at most ${spec.max}, got ${n}`);
  return n;
}

function checkLength(spec: FieldSpec, text: string, field: string): string {
  if (spec.maxLength !== undefined && [...text].length > spec.maxLength) {
    throw invalidParameter(field, `must be at most ${spec.maxLength} characters`);
  }
  return text;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return `${typeof value} ${String(value)}`;
}

/**
 * Parameters that arrived in a query string (GET, or a POST without a body): every value is
 * text, so declared numbers and booleans are converted before validation, and a declared
 * list keeps all repeated values.
 */
export function paramsFromQuery(schema: FieldSchema, query: Record<string, string[]>, skip: ReadonlySet<string>): Params {
  const out: Params = dict();
  for (const [name, values] of Object.entries(query)) {
    if (skip.has(name) || values.length === 0) continue;
    const spec = ownEntry(schema, name);
    if (spec?.type === 'string[]') out[name] = values;
    else out[name] = values[0];
  }
  return out;
}
