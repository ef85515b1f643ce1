import { compareByteOrder } from './byteOrder.js';
import { UNSIGNABLE_HEADERS } from './constants.js';

const WHITESPACE_RUN = /\s+/g;

/** Collapses whitespace runs (JavaScript `\s`, as the official SDK does) to one space and trims. */
export function normalizeHeaderValue(value: string): string {
  return value.replace(WHITESPACE_RUN, ' ').trim();
}

/**
 * Header names lower-cased. Two names differing only in case would be sent as two headers while
 * the canonical form has room for one value, so that is a caller error rather than a guess.
 */
export function lowerCaseHeaders(headers: Record<string, string>): Map<string, string> {
  const byLowerName = new Map<string, string>();
  for (const name of Object.keys(headers)) {
    const lower = name.toLowerCase();
    if (byLowerName.has(lower)) throw new Error(`Header "${name}" is given more than once (names differ only in case)`);
    byLowerName.set(lower, String(headers[name]));
  }
  return byLowerName;
}

/** The default choice: every present header except the unsignable ones, sorted. */
export function defaultSignedHeaderNames(lowerNames: Iterable<string>): string[] {
  const names: string[] = [];
  for (const name of lowerNames) if (!UNSIGNABLE_HEADERS.has(name)) names.push(name);
  return names.sort(compareByteOrder);
}

/** A caller's list made canonical: lower case, no duplicates, sorted. */
export function normalizeSignedHeaderNames(names: readonly string[]): string[] {
  return [...new Set(names.map((n) => n.toLowerCase()))].sort(compareByteOrder);
}

/**
 * `name:value\n` for each signed header, in the order given (which must already be sorted).
 * A signed header that is absent cannot be signed honestly, and a verifier must not treat it as
 * empty, so absence throws.
 */
export function canonicalHeaderBlock(headersByLowerName: ReadonlyMap<string, string>, sortedSignedNames: readonly string[]): string {
  let block = '';
  for (const name of sortedSignedNames) {
    const value = headersByLowerName.get(name);
    if (value === undefined) throw new Error(`Signed header "${name}" is not present in the request`);
    block += `${name}:${normalizeHeaderValue(value)}\n`;
  }
  return block;
}

export interface CanonicalHeaders {
  /** One `name:value\n` line per signed header; the canonical request adds one more `\n` after it. */
  canonicalHeaders: string;
  /** The `;`-joined sorted names, as in the Authorization header. */
  signedHeaders: string;
  signedHeaderNames: string[];
}

/** Canonical headers of `headers`; signs `signedHeaders` when given, otherwise the default choice. */
export function getCanonicalHeaders(headers: Record<string, string>, signedHeaders?: readonly string[]): CanonicalHeaders {
  const byLowerName = lowerCaseHeaders(headers);
  const signedHeaderNames =
    signedHeaders === undefined ? defaultSignedHeaderNames(byLowerName.keys()) : normalizeSignedHeaderNames(signedHeaders);
  return {
    canonicalHeaders: canonicalHeaderBlock(byLowerName, signedHeaderNames),
    signedHeaders: signedHeaderNames.join(';'),
    signedHeaderNames,
  };
}
