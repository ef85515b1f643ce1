import { createHmac } from 'node:crypto';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { deriveSigningKey, getSigningKey, SigningKeyCache, signingKeyCache } from '../../src/signer/signingKey.js';

const SECRET = 'exampleSecretKey==';

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data).digest();
}

describe('deriveSigningKey', () => {
  it('chains HMAC over date, region, service and "request" with the raw secret', () => {
    const expected = hmac(hmac(hmac(hmac(SECRET, '20250601'), 'cn-north-1'), 'speech_saas_prod'), 'request');
    expect(deriveSigningKey(SECRET, '20250601', 'cn-north-1', 'speech_saas_prod')).toEqual(expected);
  });
});

describe('SigningKeyCache', () => {
  it('returns the same key object for the same scope, equal to a fresh derivation', () => {
    const cache = new SigningKeyCache();
    const first = cache.get(SECRET, '20250601', 'cn-north-1', 'speech_saas_prod');
    const second = cache.get(SECRET, '20250601', 'cn-north-1', 'speech_saas_prod');
    expect(second).toBe(first);
    expect(first.export()).toEqual(deriveSigningKey(SECRET, '20250601', 'cn-north-1', 'speech_saas_prod'));
    expect(cache.size).toBe(1);
  });

  it('keeps one key per secret, date, region and service', () => {
    const cache = new SigningKeyCache();
    const keys = [
      cache.get(SECRET, '20250601', 'cn-north-1', 'svc'),
      cache.get('otherSecret', '20250601', 'cn-north-1', 'svc'),
      cache.get(SECRET, '20250602', 'cn-north-1', 'svc'),
      cache.get(SECRET, '20250601', 'cn-beijing', 'svc'),
      cache.get(SECRET, '20250601', 'cn-north-1', 'svc2'),
    ];
    expect(cache.size).toBe(5);
    expect(new Set(keys.map((k) => k.export().toString('hex'))).size).toBe(5);
  });

  it('never stores the raw secret, only its sha256', () => {
    const secret = 'Very-Recognisable-Secret-7f3a';
    const cache = new SigningKeyCache();
    cache.get(secret, '20250601', 'cn-north-1', 'speech_saas_prod');
    const [cacheKey] = cache.keys();
    expect(cacheKey).toMatch(/^[0-9a-f]{64}\/20250601\/cn-north-1\/speech_saas_prod$/);
    expect(cache.keys().join('\n')).not.toContain(secret);
    expect(inspect(cache, { depth: 10, showHidden: true })).not.toContain(secret);
    const stored = cache.get(secret, '20250601', 'cn-north-1', 'speech_saas_prod').export();
    expect(stored.includes(Buffer.from(secret))).toBe(false);
  });

  it('evicts the least recently used scope when full', () => {
    const cache = new SigningKeyCache(2);
    cache.get(SECRET, '20250601', 'r1', 's');
    cache.get(SECRET, '20250601', 'r2', 's');
    cache.get(SECRET, '20250601', 'r1', 's'); // r1 is now the most recent
    cache.get(SECRET, '20250601', 'r3', 's'); // evicts r2
    expect(cache.size).toBe(2);
    expect(cache.keys().map((k) => k.split('/')[2])).toEqual(['r1', 'r3']);
  });

  it('stays bounded under many scopes', () => {
    const cache = new SigningKeyCache(8);
    for (let i = 0; i < 100; i++) cache.get(`secret${i}`, '20250601', 'cn-north-1', 'svc');
    expect(cache.size).toBe(8);
  });

  it('clears', () => {
    const cache = new SigningKeyCache();
    cache.get(SECRET, '20250601', 'cn-north-1', 'svc');
    cache.clear();
    expect(cache.size).toBe(0);
  });

  it('refuses a capacity below 1 and ambiguous scope parts', () => {
    expect(() => new SigningKeyCache(0)).toThrow(RangeError);
    expect(() => new SigningKeyCache(1.5)).toThrow(RangeError);
    // Without this check 'a/b'+'c' and 'a'+'b/c' would share one cache entry.
    expect(() => new SigningKeyCache().get(SECRET, '20250601', 'a/b', 'c')).toThrow(TypeError);
  });
});

describe('getSigningKey', () => {
  it('uses the process-wide cache', () => {
    const args = { secretAccessKey: SECRET, shortDate: '20250601', region: 'cn-north-1', service: 'speech_saas_prod' };
    const key = getSigningKey(args);
    expect(getSigningKey(args)).toBe(key);
    expect(signingKeyCache.get(SECRET, '20250601', 'cn-north-1', 'speech_saas_prod')).toBe(key);
  });
});
