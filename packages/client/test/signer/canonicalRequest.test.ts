import { describe, expect, it } from 'vitest';
import { buildCanonicalRequest } from '../../src/signer/canonicalRequest.js';
import { EMPTY_BODY_SHA256 } from '../../src/signer/payloadHash.js';

describe('buildCanonicalRequest', () => {
  it('rebuilds spec V1 from the declared signed headers, leaving others out', () => {
    const hash = '7e0a39e645f91c0fa13aea4108715f9f85a3f55f8d3e6af22c41b5b9d11fbde3';
    expect(
      buildCanonicalRequest({
        method: 'POST',
        path: '/',
        canonicalQuery: 'Action=ListAPIKeys&Version=2025-05-20',
        // As Node's http server hands them to a verifier: lower case, extra headers present.
        headers: { 'content-type': 'application/json; charset=utf-8', 'x-date': '20250601T080910Z', 'x-content-sha256': hash, 'user-agent': 'x' },
        signedHeaders: ['x-content-sha256', 'x-date'],
        payloadHash: hash,
      }),
    ).toBe(`POST\n/\nAction=ListAPIKeys&Version=2025-05-20\nx-content-sha256:${hash}\nx-date:20250601T080910Z\n\nx-content-sha256;x-date\n${hash}`);
  });

  it('upper-cases the method, encodes the path and accepts the list in any case and order', () => {
    expect(
      buildCanonicalRequest({
        method: 'get',
        path: '/a b',
        canonicalQuery: '',
        headers: { Host: 'h', 'X-Date': 'd' },
        signedHeaders: ['X-Date', 'Host'],
        payloadHash: EMPTY_BODY_SHA256,
      }),
    ).toBe(`GET\n/a%20b\n\nhost:h\nx-date:d\n\nhost;x-date\n${EMPTY_BODY_SHA256}`);
  });

  it('throws when a declared header is missing', () => {
    expect(() =>
      buildCanonicalRequest({ method: 'GET', path: '/', canonicalQuery: '', headers: {}, signedHeaders: ['host'], payloadHash: EMPTY_BODY_SHA256 }),
    ).toThrow(/host/);
  });
});
