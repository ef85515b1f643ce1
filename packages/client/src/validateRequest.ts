/**
 * Checks a request against the action's field schema before anything is signed or sent,
 * so a missing ProjectName costs no round trip and the message names the exact field.
 *
 * Mirrors the official GO SDK's `Validate()` (required fields, ranges) plus the types,
 * because JavaScript callers (the CLI, n8n) can pass a string where a number belongs.
 * Fields the schema does not know pass through: real services accept extra fields, and
 * the schema may lag behind the service.
 */
import type { ActionSpec } from './actions/actionTable.js';
import type { FieldSchema, FieldSpec } from './actions/fieldSpec.js';
import { VolcSpeechError } from './errors.js';

export interface ValidationIssue {
  /** Path such as `Configurations[0].Quantity`. */
  field: string;
  code: 'MissingParameter' | 'InvalidParameter';
  problem: string;
}

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  return `a ${typeof value}`;
}

function checkNumberRange(path: string, value: number, spec: FieldSpec, issues: ValidationIssue[]): void {
  if (spec.min !== undefined && value < spec.min) issues.push({ field: path, code: 'InvalidParameter', problem: `must be ≥ ${spec.min}, got ${value}` });
  if (spec.max !== undefined && value > spec.max) issues.push({ field: path, code: 'InvalidParameter', problem: `must be ≤ ${spec.max}, got ${value}` });
}

function checkStringLength(path: string, value: string, spec: FieldSpec, issues: ValidationIssue[]): void {
  // Counted in characters (code points), as a person reading "at most 128 characters" would.
  if (spec.maxLength !== undefined && [...value].length > spec.maxLength) {
    issues.push({ field: path, code: 'InvalidParameter', problem: `must be at most ${spec.maxLength} characters, got ${[...value].length}` });
  }
}

function checkEnum(path: string, value: string, spec: FieldSpec, issues: ValidationIssue[]): void {
  if (spec.enum && !spec.enum.includes(value)) {
    issues.push({ field: path, code: 'InvalidParameter', problem: `must be one of ${spec.enum.join(', ')}, got ${describe(value)}` });
  }
}

function checkValue(path: string, value: unknown, spec: FieldSpec, issues: ValidationIssue[]): void {
  const wrongType = (expected: string) => issues.push({ field: path, code: 'InvalidParameter', problem: `must be ${expected}, got ${describe(value)}` });
  switch (spec.type) {
    case 'string':
      if (typeof value !== 'string') return void wrongType('a string');
      checkStringLength(path, value, spec, issues);
      checkEnum(path, value, spec, issues);
      return;
    case 'int32':
      if (typeof value !== 'number' || !Number.isInteger(value)) return void wrongType('an integer');
      if (value < INT32_MIN || value > INT32_MAX) return void issues.push({ field: path, code: 'InvalidParameter', problem: `must fit in 32 bits, got ${value}` });
      checkNumberRange(path, value, spec, issues);
      return;
    case 'int64':
      // Larger values would lose precision as JavaScript numbers before they reach JSON.
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) return void wrongType('an integer (at most 2^53 − 1)');
      checkNumberRange(path, value, spec, issues);
      return;
    case 'float':
      if (typeof value !== 'number' || !Number.isFinite(value)) return void wrongType('a finite number');
      checkNumberRange(path, value, spec, issues);
      return;
    case 'boolean':
      if (typeof value !== 'boolean') return void wrongType('true or false');
      return;
    case 'string[]':
      if (!Array.isArray(value)) return void wrongType('an array of strings');
      value.forEach((item, i) => {
        if (typeof item !== 'string') issues.push({ field: `${path}[${i}]`, code: 'InvalidParameter', problem: `must be a string, got ${describe(item)}` });
        else {
          checkStringLength(`${path}[${i}]`, item, spec, issues);
          checkEnum(`${path}[${i}]`, item, spec, issues);
        }
      });
      return;
    case 'object':
      if (!isPlainObject(value)) return void wrongType('an object');
      if (spec.fields) checkFields(`${path}.`, value, spec.fields, issues);
      return;
    case 'object[]':
      if (!Array.isArray(value)) return void wrongType('an array of objects');
      value.forEach((item, i) => {
        if (!isPlainObject(item)) issues.push({ field: `${path}[${i}]`, code: 'InvalidParameter', problem: `must be an object, got ${describe(item)}` });
        else if (spec.fields) checkFields(`${path}[${i}].`, item, spec.fields, issues);
      });
      return;
  }
}

function checkFields(prefix: string, request: Record<string, unknown>, schema: FieldSchema, issues: ValidationIssue[]): void {
  for (const [name, spec] of Object.entries(schema)) {
    const value = Object.hasOwn(request, name) ? request[name] : undefined;
    // Absent and null are the same to the service: the SDKs omit empty fields. A required list must hold something.
    if (value === undefined || value === null || (spec.required && Array.isArray(value) && value.length === 0)) {
      // A field with a default is filled in by the client (withFieldDefaults) when the caller gives none.
      if (spec.required && spec.default === undefined) {
        const by = spec.requiredBy ? `, ${spec.requiredBy}` : '';
        issues.push({ field: `${prefix}${name}`, code: 'MissingParameter', problem: Array.isArray(value) ? `must not be empty (required${by})` : `is required (${spec.type}${by})` });
      }
      continue;
    }
    checkValue(`${prefix}${name}`, value, spec, issues);
  }
}

/** Every problem with the request, in schema order; empty when it is valid. */
export function findRequestIssues(spec: ActionSpec, request: unknown): ValidationIssue[] {
  if (!isPlainObject(request)) {
    return [{ field: '(request)', code: 'InvalidParameter', problem: `must be an object, got ${describe(request)}` }];
  }
  const issues: ValidationIssue[] = [];
  checkFields('', request, spec.fields, issues);
  if (spec.atLeastOneOf && !spec.atLeastOneOf.some((name) => isGiven(request[name]))) {
    issues.push({ field: spec.atLeastOneOf.join(' or '), code: 'MissingParameter', problem: 'is required: give one of them' });
  }
  return issues;
}

function isGiven(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);
}

/**
 * The request as it goes on the wire: fields with a `default` (sent because the live service
 * misbehaves without them, e.g. ResourcePacksStatus Types) filled in where the caller gave none.
 * Returns the same object when nothing was filled.
 */
export function withFieldDefaults(spec: ActionSpec, request: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
  let out: Record<string, unknown> | undefined;
  for (const [name, field] of Object.entries(spec.fields)) {
    if (field.default === undefined) continue;
    const value = Object.hasOwn(request, name) ? request[name] : undefined;
    if (value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0)) continue;
    out ??= { ...request };
    out[name] = Array.isArray(field.default) ? [...(field.default as unknown[])] : field.default;
  }
  return out ?? request;
}

/** Throws a `validation` VolcSpeechError naming the action and the first bad field (and counting the rest). */
export function validateRequest(spec: ActionSpec, request: unknown): void {
  const issues = findRequestIssues(spec, request);
  const first = issues[0];
  if (!first) return;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more: ${issues.slice(1, 4).map((i) => i.field).join(', ')}${issues.length > 4 ? ', …' : ''})` : '';
  throw new VolcSpeechError({
    action: spec.name,
    kind: 'validation',
    code: first.code,
    field: first.field,
    serviceMessage: `${first.field} ${first.problem}${more}`,
  });
}
