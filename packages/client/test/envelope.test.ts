import { describe, expect, it } from 'vitest';
import { parseActionResponse, type RawResponse } from '../src/envelope.js';
import { VolcSpeechError } from '../src/errors.js';
import { redactText } from '../src/credentials.js';

const NOW = Date.UTC(2025, 5, 1, 8, 0, 0);
const raw = (status: number, body: unknown, headers: Record<string, string> = {}): RawResponse => ({
  status,
  headers: new Headers(headers),
  bodyText: typeof body === 'string' ? body : JSON.stringify(body),
});
const meta = (extra: Record<string, unknown> = {}) => ({
  RequestId: '20250601080000AAAA',
  Action: 'ListAPIKeys',
  Version: '2025-05-20',
  Service: 'speech_saas_prod',
  Region: 'cn-north-1',
  ...extra,
});

function parseError(action: string, response: RawResponse, redact?: (t: string) => string): VolcSpeechError {
  try {
    parseActionResponse(action, response, { nowMs: NOW, ...(redact ? { redact } : {}) });
  } catch (error) {
    expect(error).toBeInstanceOf(VolcSpeechError);
    return error as VolcSpeechError;
  }
  throw new Error('expected the response to fail');
}

describe('parseActionResponse', () => {
  it('returns Result and RequestId on success', () => {
    const parsed = parseActionResponse('ListAPIKeys', raw(200, { ResponseMetadata: meta(), Result: { APIKeys: [{ ID: 1 }] } }), { nowMs: NOW });
    expect(parsed.result).toEqual({ APIKeys: [{ ID: 1 }] });
    expect(parsed.requestId).toBe('20250601080000AAAA');
  });

  it.each([
    ['{}', { Result: {} }],
    ['null', { Result: null }],
    ['absent', {}],
  ])('gives {} for a void result sent as %s', (_label, extra) => {
    const parsed = parseActionResponse('PauseService', raw(200, { ResponseMetadata: meta(), ...extra }), { nowMs: NOW });
    expect(parsed.result).toEqual({});
  });

  it('treats Error inside HTTP 200 as a failure', () => {
    const error = parseError('ListAPIKeys', raw(200, { ResponseMetadata: meta({ Error: { Code: 'InvalidParameter', CodeN: 100, Message: 'bad ProjectName' } }), Result: {} }));
    expect(error).toMatchObject({ kind: 'service', httpStatus: 200, code: 'InvalidParameter', codeN: 100, serviceMessage: 'bad ProjectName', requestId: '20250601080000AAAA', retryable: false });
  });

  it('reads a signature failure with CodeN and builds the full message', () => {
    const error = parseError(
      'ListAPIKeys',
      raw(401, { ResponseMetadata: meta({ RequestId: '2025060108000012345', Error: { Code: 'SignatureDoesNotMatch', CodeN: 100010, Message: 'The request signature we calculated does not match' } }) }),
    );
    expect(error.message).toBe(
      'ListAPIKeys failed: HTTP 401 SignatureDoesNotMatch (100010): The request signature we calculated does not match [RequestId 2025060108000012345]. ' +
        "Check the secret key (VOLC_SECRETKEY) and that this machine's clock is right.",
    );
    expect(error.retryable).toBe(false);
  });

  it('takes the RequestId from X-Top-Request-Id when the body lacks it', () => {
    const error = parseError('ListAPIKeys', raw(403, { ResponseMetadata: { Error: { Code: 'AccessDenied', Message: 'no' } } }, { 'X-Top-Request-Id': 'HDR-123' }));
    expect(error.requestId).toBe('HDR-123');
    expect(error.hint).toContain('speech_saas_prod:ListAPIKeys');
  });

  it('parses the Go SDK simple error body', () => {
    const error = parseError('ListAPIKeys', raw(429, { HTTPCode: 429, errorcode: 'FlowLimitExceeded', message: 'too many requests' }, { 'x-top-request-id': 'R1' }));
    expect(error).toMatchObject({ kind: 'service', httpStatus: 429, code: 'FlowLimitExceeded', serviceMessage: 'too many requests', requestId: 'R1', retryable: true });
    const inside200 = parseError('ListAPIKeys', raw(200, { httpcode: 503, ErrorCode: 'ServiceUnavailableTemp', Message: 'busy' }));
    expect(inside200).toMatchObject({ httpStatus: 503, code: 'ServiceUnavailableTemp', retryable: true });
  });

  it('turns a non-JSON 502 into a retryable protocol error with a body excerpt', () => {
    const html = `<html><head><title>502 Bad Gateway</title></head><body>${'x'.repeat(500)}</body></html>`;
    const error = parseError('ListAPIKeys', raw(502, html));
    expect(error).toMatchObject({ kind: 'protocol', httpStatus: 502, code: 'UnexpectedResponse', retryable: true });
    expect(error.serviceMessage).toContain('<html><head><title>502 Bad Gateway</title>');
    expect(error.serviceMessage.length).toBeLessThan(300);
    expect(error.message).toContain('HTTP 502');
  });

  it('rejects a 2xx that is not an envelope, and an empty body', () => {
    expect(parseError('ListAPIKeys', raw(200, { hello: 'world' }))).toMatchObject({ kind: 'protocol', code: 'InvalidResponse', retryable: false });
    expect(parseError('ListAPIKeys', raw(200, ''))).toMatchObject({ kind: 'protocol', code: 'InvalidResponse' });
    expect(parseError('ListAPIKeys', raw(200, '[1,2]'))).toMatchObject({ kind: 'protocol' });
    expect(parseError('ListAPIKeys', raw(200, { ResponseMetadata: meta(), Result: 'text' }))).toMatchObject({ kind: 'protocol' });
  });

  it('fails a non-2xx envelope without Error', () => {
    expect(parseError('ListAPIKeys', raw(500, { ResponseMetadata: meta() }))).toMatchObject({ kind: 'protocol', httpStatus: 500, requestId: '20250601080000AAAA', retryable: true });
  });

  it('keeps Retry-After on the error', () => {
    expect(parseError('ListAPIKeys', raw(429, { ResponseMetadata: meta({ Error: { Code: 'FlowLimitExceeded', Message: 'slow' } }) }, { 'Retry-After': '2' })).retryAfterMs).toBe(2000);
  });

  it('redacts the access key the service echoes in InvalidAccessKey', () => {
    const ak = 'AKLTZmY2NjFiOTQ5YjM1NDc0YWI5ZjRhZDkwODY3MjJlNjU';
    const body = { ResponseMetadata: meta({ Error: { Code: 'InvalidAccessKey', CodeN: 100009, Message: `The AccessKey [${ak}] is invalid` } }) };
    // Even without knowing the key, a bracketed AK-looking token is redacted.
    const error = parseError('ListAPIKeys', raw(401, body), (t) => redactText(t));
    expect(error.message).not.toContain(ak);
    expect(error.serviceMessage).toBe('The AccessKey [AKLT****NjU] is invalid'.replace('****NjU', `****${ak.slice(-4)}`));
  });
});

describe('found by the response fuzz (responseFuzz.test.ts)', () => {
  it('a simple error whose errorcode is an object (even one with a toString key) is a VolcSpeechError, not a TypeError', () => {
    const error = parseError('ListAPIKeys', raw(400, '{"errorcode":{"toString":""},"message":"m"}'));
    expect(error.code).toBe('{"toString":""}');
    expect(error.httpStatus).toBe(400);
    expect(parseError('ListAPIKeys', raw(400, '{"errorcode":["A",1]}')).code).toBe('["A",1]');
  });

  it('a simple error whose HTTPCode is a list holding an object with toString: null is a VolcSpeechError, not a TypeError', () => {
    const error = parseError('ListAPIKeys', raw(200, '{"HTTPCode":[{"toString":null}],"errorcode":"Throttled"}'));
    expect(error.code).toBe('Throttled');
    expect(error.httpStatus).toBe(200);
    expect(parseError('ListAPIKeys', raw(200, '{"HTTPCode":"429","errorcode":"Throttled"}')).httpStatus).toBe(429);
  });

  it('a Retry-After too long to be a number (Infinity) gives no wait rather than an infinite one', () => {
    const error = parseError('ListAPIKeys', raw(429, { ResponseMetadata: meta({ Error: { Code: 'FlowLimitExceeded', Message: 'slow down' } }) }, { 'retry-after': '9'.repeat(400) }));
    expect(error.retryAfterMs).toBeUndefined();
    expect(error.message).not.toContain('Infinity');
    const finite = parseError('ListAPIKeys', raw(429, { ResponseMetadata: meta({ Error: { Code: 'FlowLimitExceeded', Message: 'slow down' } }) }, { 'retry-after': '7' }));
    expect(finite.retryAfterMs).toBe(7000);
  });
});
