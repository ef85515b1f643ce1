import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseAuthorizationHeader } from '../../src/signer/authorizationHeader.js';
import { EMPTY_BODY_SHA256 } from '../../src/signer/payloadHash.js';
import { signRequest } from '../../src/signer/signRequest.js';
import type { SignableRequest, SignOptions } from '../../src/signer/types.js';

const OPTIONS: SignOptions = {
  credentials: { accessKeyId: 'AKLTexampleAccessKeyId', secretAccessKey: 'exampleSecretKey==' },
  region: 'cn-north-1',
  service: 'speech_saas_prod',
  now: new Date('2025-06-01T08:09:10Z'),
};
const BODY = '{"ProjectName":"default"}';
const BODY_SHA = '7e0a39e645f91c0fa13aea4108715f9f85a3f55f8d3e6af22c41b5b9d11fbde3';
const POST: SignableRequest = {
  method: 'POST',
  path: '/',
  query: { Action: 'ListAPIKeys', Version: '2025-05-20' },
  headers: { Host: 'open.volcengineapi.com', 'Content-Type': 'application/json; charset=utf-8' },
  body: BODY,
};

/** A deliberately naive re-implementation of spec §3.1, to check the default header choice the official SDK cannot produce. */
function referenceSignature(canonicalRequest: string, xDate: string, scope: string, secret: string): string {
  const h = (k: string | Buffer, d: string) => createHmac('sha256', k).update(d).digest();
  const [shortDate, region, service] = scope.split('/') as [string, string, string];
  const key = h(h(h(h(secret, shortDate), region), service), 'request');
  const stringToSign = ['HMAC-SHA256', xDate, scope, createHash('sha256').update(canonicalRequest).digest('hex')].join('\n');
  return createHmac('sha256', key).update(stringToSign).digest('hex');
}

describe('signRequest', () => {
  it('signs content-type;host;x-content-sha256;x-date by default', () => {
    const signed = signRequest(POST, OPTIONS);
    expect(signed.signedHeaders).toBe('content-type;host;x-content-sha256;x-date');
    expect(signed.canonicalRequest).toBe(
      [
        'POST',
        '/',
        'Action=ListAPIKeys&Version=2025-05-20',
        `content-type:application/json; charset=utf-8\nhost:open.volcengineapi.com\nx-content-sha256:${BODY_SHA}\nx-date:20250601T080910Z\n`,
        'content-type;host;x-content-sha256;x-date',
        BODY_SHA,
      ].join('\n'),
    );
    expect(signed.credentialScope).toBe('20250601/cn-north-1/speech_saas_prod/request');
    expect(signed.signature).toBe(referenceSignature(signed.canonicalRequest, '20250601T080910Z', signed.credentialScope, 'exampleSecretKey=='));
  });

  it('returns the input headers plus X-Date, X-Content-Sha256 and Authorization', () => {
    const signed = signRequest(POST, OPTIONS);
    expect(signed.headers).toEqual({
      Host: 'open.volcengineapi.com',
      'Content-Type': 'application/json; charset=utf-8',
      'X-Date': '20250601T080910Z',
      'X-Content-Sha256': BODY_SHA,
      Authorization: `HMAC-SHA256 Credential=AKLTexampleAccessKeyId/20250601/cn-north-1/speech_saas_prod/request, SignedHeaders=content-type;host;x-content-sha256;x-date, Signature=${signed.signature}`,
    });
    expect(POST.headers).toEqual({ Host: 'open.volcengineapi.com', 'Content-Type': 'application/json; charset=utf-8' });
  });

  it('adds X-Content-Sha256 of the empty string for a request without body', () => {
    const signed = signRequest({ method: 'GET', path: '/', query: { Action: 'X' }, headers: {}, body: '' }, OPTIONS);
    expect(signed.headers['X-Content-Sha256']).toBe(EMPTY_BODY_SHA256);
    expect(signed.signedHeaders).toBe('x-content-sha256;x-date');
    expect(signed.canonicalRequest.endsWith(`\n${EMPTY_BODY_SHA256}`)).toBe(true);
  });

  it('adds and signs X-Security-Token for STS credentials', () => {
    const signed = signRequest(POST, { ...OPTIONS, credentials: { ...OPTIONS.credentials, sessionToken: 'sts-token' } });
    expect(signed.headers['X-Security-Token']).toBe('sts-token');
    expect(signed.signedHeaders).toBe('content-type;host;x-content-sha256;x-date;x-security-token');
  });

  it('leaves unsignable headers unsigned but passes them through', () => {
    const signed = signRequest({ ...POST, headers: { ...POST.headers, 'User-Agent': 'ua', 'Content-Length': '25', Expect: '100-continue' } }, OPTIONS);
    expect(signed.signedHeaders).toBe('content-type;host;x-content-sha256;x-date');
    expect(signed.headers['User-Agent']).toBe('ua');
  });

  it('replaces caller-supplied signer headers in any case instead of duplicating them', () => {
    const signed = signRequest(
      { ...POST, headers: { ...POST.headers, 'x-date': '19990101T000000Z', AUTHORIZATION: 'stale', 'x-content-sha256': 'bogus' } },
      OPTIONS,
    );
    expect(Object.keys(signed.headers).filter((k) => /^(x-date|authorization|x-content-sha256)$/i.test(k))).toEqual([
      'X-Date',
      'X-Content-Sha256',
      'Authorization',
    ]);
    expect(signed.headers['X-Date']).toBe('20250601T080910Z');
  });

  it('keeps a caller X-Security-Token when the credentials have none', () => {
    const signed = signRequest({ ...POST, headers: { ...POST.headers, 'X-Security-Token': 'from-caller' } }, OPTIONS);
    expect(signed.headers['X-Security-Token']).toBe('from-caller');
    expect(signed.signedHeaders).toContain('x-security-token');
  });

  it('signs exactly an explicit list, always with x-date', () => {
    expect(signRequest(POST, { ...OPTIONS, signedHeaders: ['X-Content-Sha256', 'x-date'] }).signedHeaders).toBe('x-content-sha256;x-date');
    expect(signRequest(POST, { ...OPTIONS, signedHeaders: ['host'] }).signedHeaders).toBe('host;x-date');
    expect(() => signRequest(POST, { ...OPTIONS, signedHeaders: ['x-missing'] })).toThrow(/x-missing/);
  });

  it('produces a header the strict parser accepts, with the same parts', () => {
    const signed = signRequest(POST, OPTIONS);
    const parsed = parseAuthorizationHeader(signed.headers.Authorization as string);
    expect(parsed).toEqual({
      ok: true,
      value: {
        accessKeyId: 'AKLTexampleAccessKeyId',
        shortDate: '20250601',
        region: 'cn-north-1',
        service: 'speech_saas_prod',
        terminator: 'request',
        signedHeaders: ['content-type', 'host', 'x-content-sha256', 'x-date'],
        signature: signed.signature,
      },
    });
  });

  it('depends only on its inputs', () => {
    expect(signRequest(POST, OPTIONS)).toEqual(signRequest(structuredClone(POST), { ...OPTIONS, now: new Date(OPTIONS.now) }));
    expect(signRequest(POST, { ...OPTIONS, now: new Date('2025-06-01T08:09:11Z') }).signature).not.toBe(signRequest(POST, OPTIONS).signature);
  });

  it('throws on input that cannot form an unambiguous scope or header', () => {
    expect(() => signRequest(POST, { ...OPTIONS, region: 'cn/north' })).toThrow(TypeError);
    expect(() => signRequest(POST, { ...OPTIONS, service: '' })).toThrow(TypeError);
    expect(() => signRequest(POST, { ...OPTIONS, credentials: { accessKeyId: 'AK/LT', secretAccessKey: 's' } })).toThrow(TypeError);
    expect(() => signRequest(POST, { ...OPTIONS, credentials: { accessKeyId: 'AKLT', secretAccessKey: '' } })).toThrow(TypeError);
    expect(() => signRequest(POST, { ...OPTIONS, now: new Date(Number.NaN) })).toThrow(RangeError);
    expect(() => signRequest({ ...POST, headers: { Host: 'a', host: 'b' } }, OPTIONS)).toThrow(/more than once/);
  });
});
