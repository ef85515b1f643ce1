import { describe, expect, it } from 'vitest';
import { parseAuthorizationHeader, signRequest } from '../../src/signer/index.js';
import { SIGNING_SERVICE, SIGNING_VECTORS } from './vectors.fixture.js';

// Copied from shared/api/README.md §3.4 so a regenerated fixture cannot silently move them.
const SPEC_SIGNATURES: Record<string, string> = {
  V1: '7987fe01b7fd3246155b5a21d4b755cbf4d2596ec6034b2bf839e9a140ee0c3b',
  V2: 'dba80b84789a28c61c00e5dfa64d9f9539ffa6dc70d0ae3167996ca88708f7de',
  V3: '14e46d5945200f51f60f8d14e229cb6fb6e0d72795392126d308f43ea384da3f',
  V4: '798f8eab19a4a81656abdcc366a4b211888ed28be73277a95a588ea9e6092aad',
};

describe('signing vectors from the official Signer', () => {
  it('include the four spec vectors and at least ten more', () => {
    for (const [name, signature] of Object.entries(SPEC_SIGNATURES)) {
      expect(SIGNING_VECTORS.find((v) => v.name === name)?.expected.signature).toBe(signature);
    }
    expect(SIGNING_VECTORS.filter((v) => !(v.name in SPEC_SIGNATURES)).length).toBeGreaterThanOrEqual(10);
  });

  describe.each(SIGNING_VECTORS.map((v) => [`${v.name}: ${v.description}`, v] as const))('%s', (_title, vector) => {
    const sign = () =>
      signRequest(vector.request, {
        credentials: vector.credentials,
        region: vector.region,
        service: SIGNING_SERVICE,
        now: new Date(vector.now),
        signedHeaders: vector.signedHeaders,
      });

    it('has the same canonical request, string to sign and signature', () => {
      const signed = sign();
      expect(signed.canonicalRequest).toBe(vector.expected.canonicalRequest);
      expect(signed.stringToSign).toBe(vector.expected.stringToSign);
      expect(signed.signedHeaders).toBe(vector.expected.signedHeaders);
      expect(signed.signature).toBe(vector.expected.signature);
    });

    it('has the same Authorization, X-Date, X-Content-Sha256 and token headers', () => {
      const signed = sign();
      expect(signed.headers.Authorization).toBe(vector.expected.authorization);
      expect(signed.headers['X-Date']).toBe(vector.expected.xDate);
      if (vector.expected.xContentSha256 !== null) expect(signed.headers['X-Content-Sha256']).toBe(vector.expected.xContentSha256);
      expect(signed.headers['X-Security-Token']).toBe(vector.credentials.sessionToken);
    });

    it('has an Authorization header the strict parser accepts', () => {
      expect(parseAuthorizationHeader(vector.expected.authorization).ok).toBe(true);
    });
  });
});
