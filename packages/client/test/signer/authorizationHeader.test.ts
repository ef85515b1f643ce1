import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  formatAuthorizationHeader,
  MAX_AUTHORIZATION_HEADER_LENGTH,
  parseAuthorizationHeader,
  type AuthorizationHeaderError,
} from '../../src/signer/authorizationHeader.js';

const SIG = '7987fe01b7fd3246155b5a21d4b755cbf4d2596ec6034b2bf839e9a140ee0c3b';
const CRED = 'AKLTexampleAccessKeyId/20250601/cn-north-1/speech_saas_prod/request';
const VALID = `HMAC-SHA256 Credential=${CRED}, SignedHeaders=content-type;host;x-content-sha256;x-date, Signature=${SIG}`;

describe('formatAuthorizationHeader', () => {
  it('produces the spec V1 form', () => {
    expect(
      formatAuthorizationHeader({
        accessKeyId: 'AKLTexampleAccessKeyId',
        credentialScope: '20250601/cn-north-1/speech_saas_prod/request',
        signedHeaders: 'x-content-sha256;x-date',
        signature: SIG,
      }),
    ).toBe(`HMAC-SHA256 Credential=${CRED}, SignedHeaders=x-content-sha256;x-date, Signature=${SIG}`);
  });
});

describe('parseAuthorizationHeader', () => {
  it('parses a valid header into its parts', () => {
    expect(parseAuthorizationHeader(VALID)).toEqual({
      ok: true,
      value: {
        accessKeyId: 'AKLTexampleAccessKeyId',
        shortDate: '20250601',
        region: 'cn-north-1',
        service: 'speech_saas_prod',
        terminator: 'request',
        signedHeaders: ['content-type', 'host', 'x-content-sha256', 'x-date'],
        signature: SIG,
      },
    });
  });

  it('round-trips whatever formatAuthorizationHeader makes from valid parts', () => {
    const token = fc.stringMatching(/^[A-Za-z0-9_.-]{1,20}$/);
    const headerName = fc.stringMatching(/^[a-z0-9-]{1,15}$/);
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-z0-9+=_-]{1,40}$/),
        fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        token,
        token,
        fc.uniqueArray(headerName, { minLength: 1, maxLength: 6 }),
        fc.stringMatching(/^[0-9a-f]{64}$/),
        (accessKeyId, date, region, service, names, signature) => {
          const shortDate = date.toISOString().slice(0, 10).replaceAll('-', '');
          const signedHeaders = [...names].sort();
          const header = formatAuthorizationHeader({
            accessKeyId,
            credentialScope: `${shortDate}/${region}/${service}/request`,
            signedHeaders: signedHeaders.join(';'),
            signature,
          });
          expect(parseAuthorizationHeader(header)).toEqual({
            ok: true,
            value: { accessKeyId, shortDate, region, service, terminator: 'request', signedHeaders, signature },
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  const rejections: Array<[AuthorizationHeaderError, string, string]> = [
    ['empty', '', 'empty string'],
    ['empty', '   ', 'only spaces'],
    ['too-long', `${VALID}${'a'.repeat(MAX_AUTHORIZATION_HEADER_LENGTH)}`, 'oversized'],
    ['unsupported-algorithm', VALID.replace('HMAC-SHA256', 'AWS4-HMAC-SHA256'), 'AWS algorithm'],
    ['unsupported-algorithm', VALID.replace('HMAC-SHA256', 'hmac-sha256'), 'lower-case algorithm'],
    ['unsupported-algorithm', ` ${VALID}`, 'leading space'],
    ['missing-credential', 'HMAC-SHA256', 'algorithm only'],
    ['malformed-field', 'HMAC-SHA256 ', 'algorithm and a space'],
    ['malformed-field', VALID.replace('HMAC-SHA256 ', 'HMAC-SHA256  '), 'two spaces after the algorithm'],
    ['malformed-field', VALID.replaceAll(', ', ','), 'comma without space'],
    ['malformed-field', VALID.replaceAll(', ', ',  '), 'comma and two spaces'],
    ['malformed-field', VALID.replace('Credential=', 'Credential = '), 'spaces around ='],
    ['malformed-field', VALID.replace(`Signature=${SIG}`, 'Signature='), 'empty value'],
    ['malformed-field', `${VALID}, `, 'trailing separator'],
    ['unknown-field', `${VALID}, SignedQueries=Action`, 'extra field'],
    ['unknown-field', VALID.replace('Credential=', 'credential='), 'lower-case field name'],
    ['duplicate-field', `${VALID}, Signature=${SIG}`, 'signature twice'],
    ['missing-credential', `HMAC-SHA256 SignedHeaders=x-date, Signature=${SIG}`, 'no Credential'],
    ['missing-signed-headers', `HMAC-SHA256 Credential=${CRED}, Signature=${SIG}`, 'no SignedHeaders'],
    ['missing-signature', `HMAC-SHA256 Credential=${CRED}, SignedHeaders=x-date`, 'no Signature'],
    ['fields-out-of-order', `HMAC-SHA256 SignedHeaders=x-date, Credential=${CRED}, Signature=${SIG}`, 'swapped fields'],
    ['malformed-credential', VALID.replace(CRED, 'AKLT/20250601/cn-north-1/request'), 'four scope parts'],
    ['malformed-credential', VALID.replace(CRED, `${CRED}/extra`), 'six scope parts'],
    ['invalid-access-key-id', VALID.replace(CRED, CRED.replace('AKLTexampleAccessKeyId', '')), 'empty access key'],
    ['invalid-access-key-id', VALID.replace(CRED, CRED.replace('AKLTexampleAccessKeyId', 'AKLTé')), 'non-ASCII access key'],
    ['invalid-short-date', VALID.replace('20250601', '2025-06-01'), 'dashed date'],
    ['invalid-short-date', VALID.replace('20250601', '20250230'), 'Feb 30'],
    ['invalid-short-date', VALID.replace('20250601', '20250601T080910Z'), 'full X-Date'],
    ['invalid-region', VALID.replace('cn-north-1', ''), 'empty region'],
    ['invalid-region', VALID.replace('cn-north-1', 'cn north'), 'region with space'],
    ['invalid-service', VALID.replace('speech_saas_prod', ''), 'empty service'],
    ['invalid-service', VALID.replace('speech_saas_prod', 'speech;prod'), 'service with ;'],
    ['invalid-terminator', VALID.replace('/request,', '/aws4_request,'), 'AWS terminator'],
    ['invalid-terminator', VALID.replace('/request,', '/Request,'), 'capitalised terminator'],
    ['invalid-signed-headers', VALID.replace('content-type;host', 'Content-Type;host'), 'upper-case name'],
    ['invalid-signed-headers', VALID.replace('content-type;host', ';host'), 'empty name'],
    ['invalid-signed-headers', VALID.replace('x-content-sha256;x-date', 'x-content-sha256;x-date;'), 'trailing ;'],
    ['invalid-signed-headers', VALID.replace('content-type;host', 'content type;host'), 'space inside a name'],
    ['duplicate-signed-header', VALID.replace('content-type;host', 'host;host'), 'host twice'],
    ['unsorted-signed-headers', VALID.replace('content-type;host', 'host;content-type'), 'unsorted'],
    ['invalid-signature', VALID.replace(SIG, SIG.toUpperCase()), 'upper-case hex'],
    ['invalid-signature', VALID.replace(SIG, SIG.slice(1)), '63 hex digits'],
    ['invalid-signature', VALID.replace(SIG, `${SIG}0`), '65 hex digits'],
    ['invalid-signature', `${VALID} `, 'trailing space'],
    ['invalid-signature', VALID.replace(SIG, SIG.replace(/.$/, 'g')), 'non-hex digit'],
  ];

  it.each(rejections)('rejects with %s: %j (%s)', (reason, header) => {
    expect(parseAuthorizationHeader(header)).toEqual({ ok: false, reason });
  });

  it('rejects non-strings as empty instead of throwing', () => {
    expect(parseAuthorizationHeader(undefined as unknown as string)).toEqual({ ok: false, reason: 'empty' });
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        const result = parseAuthorizationHeader(s);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 1000 },
    );
  });
});
