import { createHmac, createSecretKey, hash, type KeyObject } from 'node:crypto';
import { SCOPE_TERMINATOR } from './constants.js';
import { assertScopeParts } from './credentialScope.js';

/**
 * kSigning = HMAC(HMAC(HMAC(HMAC(SK, ShortDate), Region), Service), 'request'), with the raw
 * secret (no prefix) as the first key. Uncached: four HMACs per call.
 */
export function deriveSigningKey(secretAccessKey: string, shortDate: string, region: string, service: string): Buffer {
  const kDate = createHmac('sha256', secretAccessKey).update(shortDate).digest();
  const kRegion = createHmac('sha256', kDate).update(region).digest();
  const kService = createHmac('sha256', kRegion).update(service).digest();
  return createHmac('sha256', kService).update(SCOPE_TERMINATOR).digest();
}

export const DEFAULT_SIGNING_KEY_CACHE_CAPACITY = 50;

/**
 * Signing keys by (sha256 of secret, short date, region, service), least recently used evicted.
 *
 * A signing key changes once a day per scope, so a small cache removes the four derivation HMACs
 * from nearly every request. Keys are held as KeyObjects: immutable, and HMAC with a KeyObject
 * skips the key import Node otherwise repeats on every createHmac(Buffer), which costs more than
 * the HMAC itself. The raw secret is never stored: cache keys carry only its SHA-256.
 */
export class SigningKeyCache {
  readonly #entries = new Map<string, KeyObject>();
  #mostRecent: string | undefined;

  constructor(readonly capacity: number = DEFAULT_SIGNING_KEY_CACHE_CAPACITY) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`SigningKeyCache capacity must be a positive integer, got ${capacity}`);
  }

  get(secretAccessKey: string, shortDate: string, region: string, service: string): KeyObject {
    assertScopeParts(shortDate, region, service);
    const cacheKey = `${hash('sha256', secretAccessKey, 'hex')}/${shortDate}/${region}/${service}`;
    const cached = this.#entries.get(cacheKey);
    if (cached !== undefined) {
      // Re-inserting moves the entry to the young end; skip it in the common single-scope case.
      if (this.#mostRecent !== cacheKey) {
        this.#entries.delete(cacheKey);
        this.#entries.set(cacheKey, cached);
        this.#mostRecent = cacheKey;
      }
      return cached;
    }
    const signingKey = createSecretKey(deriveSigningKey(secretAccessKey, shortDate, region, service));
    if (this.#entries.size >= this.capacity) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    this.#entries.set(cacheKey, signingKey);
    this.#mostRecent = cacheKey;
    return signingKey;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The cache keys, oldest first; for audits and tests (they hold the secret's digest only). */
  keys(): string[] {
    return [...this.#entries.keys()];
  }

  clear(): void {
    this.#entries.clear();
    this.#mostRecent = undefined;
  }
}

/** The process-wide cache computeSignature and signRequest use. */
export const signingKeyCache = new SigningKeyCache();

/** The signing key for a scope, from the process-wide cache. */
export function getSigningKey(args: { secretAccessKey: string; shortDate: string; region: string; service: string }): KeyObject {
  return signingKeyCache.get(args.secretAccessKey, args.shortDate, args.region, args.service);
}
