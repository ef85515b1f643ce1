/**
 * Secrets in results: ListAPIKeys returns each key's usable `APIKey` (shared/api §6.2). The CLI
 * masks them by default wherever it prints (every format, --query included, since masking
 * happens before the query); `--show-secrets` prints them in full.
 */
import { maskSecret } from '@volc-speech/client';

/** Field names whose string values are secrets, wherever they appear in a result. */
export const SECRET_FIELDS: ReadonlySet<string> = new Set(['APIKey', 'SecretAccessKey', 'SecretKey', 'SessionToken']);

/** A copy of `value` with every secret field masked; other values are shared, not copied. */
export function maskSecretFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskSecretFields);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    // defineProperty: a hostile key such as "__proto__" stays a plain own property.
    Object.defineProperty(out, key, {
      value: SECRET_FIELDS.has(key) && typeof inner === 'string' ? maskSecret(inner) : maskSecretFields(inner),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}
