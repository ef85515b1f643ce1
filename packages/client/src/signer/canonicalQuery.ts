import { compareByteOrder } from './byteOrder.js';
import type { QueryValue } from './types.js';
import { uriEscape } from './uriEscape.js';

/**
 * The canonical query string, which is also a valid wire query string.
 *
 * - Keys are sorted before encoding, by code point (= UTF-8 byte order); the official Node SDK also
 *   sorts raw keys (by UTF-16 unit, which differs only between astral and U+E000–U+FFFF characters).
 * - Keys and values are RFC 3986-encoded; an empty value gives `k=`, and so does an empty key (`=v`).
 * - undefined and null are dropped.
 * - An array gives one `k=v` per element, sorted by encoded value. An empty array gives nothing,
 *   because nothing goes on the wire for it (URLSearchParams, querystring). The official SDK signs
 *   `k=` there, which no server can reproduce, so this is a deliberate difference.
 */
export function canonicalQueryString(query: Record<string, QueryValue>): string {
  const keys = Object.keys(query).sort(compareByteOrder);
  let out = '';
  for (const key of keys) {
    const value = query[key];
    if (value === undefined || value === null) continue;
    const encodedKey = uriEscape(key);
    if (Array.isArray(value)) {
      if (value.length === 0) continue;
      // Encoded values are pure ASCII, so the default sort is already byte order.
      const encodedValues = value.map((v) => uriEscape(String(v))).sort();
      for (const encodedValue of encodedValues) {
        out += out === '' ? `${encodedKey}=${encodedValue}` : `&${encodedKey}=${encodedValue}`;
      }
    } else {
      const encodedValue = uriEscape(String(value));
      out += out === '' ? `${encodedKey}=${encodedValue}` : `&${encodedKey}=${encodedValue}`;
    }
  }
  return out;
}
