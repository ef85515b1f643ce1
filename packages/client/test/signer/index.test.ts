import { describe, expect, expectTypeOf, it } from 'vitest';
import * as signer from '../../src/signer/index.js';

describe('public API of the signer', () => {
  it('exports the names the client and the emulator import', () => {
    for (const name of [
      'signRequest',
      'formatXDate',
      'parseXDate',
      'canonicalQueryString',
      'parseAuthorizationHeader',
      'formatAuthorizationHeader',
      'computeSignature',
      'buildCanonicalRequest',
      'buildStringToSign',
      'sha256Hex',
    ] as const) {
      expect(typeof signer[name], name).toBe('function');
    }
    expect(signer.EMPTY_BODY_SHA256).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('keeps the agreed signatures', () => {
    expectTypeOf(signer.signRequest).toEqualTypeOf<(req: signer.SignableRequest, opts: signer.SignOptions) => signer.SignedRequestParts>();
    expectTypeOf(signer.formatXDate).toEqualTypeOf<(d: Date) => string>();
    expectTypeOf(signer.parseXDate).toEqualTypeOf<(s: string) => Date | undefined>();
    expectTypeOf(signer.canonicalQueryString).toEqualTypeOf<(query: Record<string, signer.QueryValue>) => string>();
    expectTypeOf(signer.buildStringToSign).toEqualTypeOf<(xDate: string, credentialScope: string, canonicalRequest: string) => string>();
    expectTypeOf(signer.sha256Hex).toEqualTypeOf<(data: string | Uint8Array) => string>();
    expectTypeOf(signer.parseAuthorizationHeader).returns.toExtend<
      | {
          ok: true;
          value: { accessKeyId: string; shortDate: string; region: string; service: string; terminator: string; signedHeaders: string[]; signature: string };
        }
      | { ok: false; reason: string }
    >();
    expectTypeOf(signer.computeSignature).parameter(0).toEqualTypeOf<{
      secretAccessKey: string;
      shortDate: string;
      region: string;
      service: string;
      stringToSign: string;
    }>();
    expectTypeOf(signer.buildCanonicalRequest).parameter(0).toEqualTypeOf<{
      method: string;
      path: string;
      canonicalQuery: string;
      headers: Record<string, string>;
      signedHeaders: string[];
      payloadHash: string;
    }>();
  });
});
