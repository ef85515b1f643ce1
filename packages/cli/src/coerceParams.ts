/**
 * `--param Key=Value` text → typed request values, by the action's field schema, so that
 * `--param ID=7` sends the number 7 and `--param ResourceIDs=a,b` sends ["a","b"].
 * Keys the schema does not know are sent as strings (the service tolerates extra fields)
 * with a warning, because a typo there is the likeliest cause of a later "X is required".
 */
import type { ActionSpec, FieldSpec } from '@volc-speech/client';
import { closestNames, didYouMean } from './suggest.js';
import { UsageError } from './usageError.js';

const TRUE_WORDS = new Set(['true', '1', 'yes', 'y', 'on']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'n', 'off']);

function parseJson(key: string, text: string, expected: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new UsageError(`--param ${key}: expected ${expected} as JSON, got ${JSON.stringify(text)}`);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One `--param` value as its field type says. Lists (string[], object[]) come back as arrays to append. */
export function coerceValue(key: string, text: string, field: FieldSpec): unknown {
  switch (field.type) {
    case 'string':
      return text;
    case 'int32':
    case 'int64':
    case 'float': {
      const value = text.trim() === '' ? NaN : Number(text);
      if (!Number.isFinite(value)) throw new UsageError(`--param ${key}: ${key} is a number (${field.type}), got ${JSON.stringify(text)}`);
      if (field.type !== 'float' && !Number.isInteger(value)) throw new UsageError(`--param ${key}: ${key} is a whole number (${field.type}), got ${JSON.stringify(text)}`);
      return value;
    }
    case 'boolean': {
      const word = text.trim().toLowerCase();
      if (TRUE_WORDS.has(word)) return true;
      if (FALSE_WORDS.has(word)) return false;
      throw new UsageError(`--param ${key}: ${key} is true or false, got ${JSON.stringify(text)}`);
    }
    case 'string[]': {
      if (text.trim().startsWith('[')) {
        const list = parseJson(key, text, 'a list of strings');
        if (!Array.isArray(list) || list.some((item) => typeof item !== 'string')) throw new UsageError(`--param ${key}: expected a JSON list of strings`);
        return list;
      }
      // Comma-separated; repeat the flag for values that contain a comma.
      return text
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '');
    }
    case 'object': {
      const value = parseJson(key, text, 'an object');
      if (!isPlainObject(value)) throw new UsageError(`--param ${key}: expected a JSON object such as {"Name":"x"}`);
      return value;
    }
    case 'object[]': {
      const value = parseJson(key, text, 'an object or a list of objects');
      const list = Array.isArray(value) ? value : [value];
      if (!list.every(isPlainObject)) throw new UsageError(`--param ${key}: expected a JSON object or a list of objects`);
      return list;
    }
  }
}

/** An own data property whatever the name (`__proto__` included): names typed by a person are not trusted. */
function setField(request: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(request, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * Applies `--param` pairs on top of `base` (from --json). Repeating a list field appends
 * (`--param K=a --param K=b`); repeating any other field is an error rather than a silent overwrite.
 */
export function coerceParams(
  spec: ActionSpec,
  pairs: ReadonlyArray<readonly [string, string]>,
  base: Readonly<Record<string, unknown>> = {},
  warn: (message: string) => void = () => undefined,
): Record<string, unknown> {
  const request: Record<string, unknown> = { ...base };
  const seen = new Set<string>();
  for (const [key, text] of pairs) {
    const field = Object.hasOwn(spec.fields, key) ? spec.fields[key] : undefined;
    if (!field) {
      const known = Object.keys(spec.fields);
      const sameButCase = known.find((name) => name.toLowerCase() === key.toLowerCase());
      if (sameButCase) throw new UsageError(`--param ${key}: the field is spelled ${sameButCase} (names are case-sensitive)`);
      const close = closestNames(key, known);
      if (close.length) throw new UsageError(`--param ${key}: ${spec.name} has no field ${key}${didYouMean(key, known)} (volc-speech help ${spec.name} lists them)`);
      warn(`${key} is not a field of ${spec.name} in the action table; sending it as the string ${JSON.stringify(text)}`);
      if (seen.has(key)) throw new UsageError(`--param ${key} given twice`);
      seen.add(key);
      setField(request, key, text);
      continue;
    }
    const value = coerceValue(key, text, field);
    const isList = field.type === 'string[]' || field.type === 'object[]';
    if (seen.has(key)) {
      if (!isList) throw new UsageError(`--param ${key} given twice (only list fields may repeat)`);
      setField(request, key, [...(request[key] as unknown[]), ...(value as unknown[])]);
    } else {
      setField(request, key, value);
    }
    seen.add(key);
  }
  return request;
}
