/**
 * Signature verification over real HTTP: every gateway auth error with its HTTP status, Code
 * and CodeN, and acceptance of requests signed by the official Node SDK's Signer (which signs
 * only x-content-sha256;x-date and puts `*!'()` on the wire unencoded).
 */
import { stringify } from 'node:querystring';
import { Signer } from '@volcengine/openapi';
import { DEFAULT_REGION, SERVICE_NAME, sha256Hex } from '@volc-speech/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../src/index.js';
import { errorOf, handSignedCall, rawHttp, resultOf, send, signedCall } from './helpers/raw.js';

const LIST_KEYS = { action: 'ListAPIKeys', version: '2025-05-20', body: { ProjectName: 'default' } };
const STS = { accessKeyId: 'AKTPc3RzLXRlbXBvcmFyeS1rZXk', secretAccessKey: 'c3RzLXNlY3JldA==', sessionToken: 'sts-session-token-value' };

let emulator: EmulatorHandle;
beforeAll(async () => {
  emulator = await startEmulator({ quiet: true, accessKeys: [{ accessKeyId: 'AKLTZW11bGF0b3ItZGVtby1hY2Nlc3Mta2V5', secretAccessKey: 'ZW11bGF0b3ItZGVtby1zZWNyZXQ=' }, STS] });
});
afterAll(() => emulator.close());

function expectGatewayError(response: Awaited<ReturnType<typeof send>>, httpStatus: number, code: string, codeN?: number) {
  expect(response.status).toBe(httpStatus);
  const error = errorOf(response);
  expect(error.Code).toBe(code);
  if (codeN === undefined) expect(error).not.toHaveProperty('CodeN');
  else expect(error.CodeN).toBe(codeN);
  expect(error.Message).toEqual(expect.any(String));
  expect(response.json).not.toHaveProperty('Result');
  return error;
}

function url(query = 'Action=ListAPIKeys&Version=2025-05-20'): string {
  return `${emulator.url}/?${query}`;
}

describe('gateway authentication errors', () => {
  it('no Authorization at all → 401 MissingAuthenticationToken (100003), with full metadata and X-Top headers', async () => {
    const r = await send(url(), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"ProjectName":"default"}' });
    expectGatewayError(r, 401, 'MissingAuthenticationToken', 100003);
    const metadata = r.json['ResponseMetadata'] as Record<string, string>;
    expect(metadata).toMatchObject({ Action: 'ListAPIKeys', Version: '2025-05-20', Service: SERVICE_NAME, Region: DEFAULT_REGION });
    expect(metadata['RequestId']).toMatch(/^\d{14}[0-9A-F]{20}$/);
    expect(r.headers.get('x-top-request-id')).toBe(metadata['RequestId']);
    expect(r.headers.get('x-top-service')).toBe(SERVICE_NAME);
    expect(r.headers.get('x-top-region')).toBe(DEFAULT_REGION);
  });

  it('a malformed Authorization header → 400 InvalidAuthorization', async () => {
    const r = await send(url(), { method: 'POST', headers: { Authorization: 'Bearer abc.def' }, body: '{}' });
    expectGatewayError(r, 400, 'InvalidAuthorization');
    const fieldsSwapped = await signedCall(emulator, {
      ...LIST_KEYS,
      tamper: (req) => {
        const auth = req.headers['Authorization'] as string;
        const [, credential, signedHeaders, signature] = /^HMAC-SHA256 (Credential=[^,]+), (SignedHeaders=[^,]+), (Signature=\w+)$/.exec(auth) ?? [];
        req.headers['Authorization'] = `HMAC-SHA256 ${signedHeaders}, ${credential}, ${signature}`;
      },
    });
    expectGatewayError(fieldsSwapped, 400, 'InvalidAuthorization');
  });

  it('a malformed credential scope → 400 InvalidCredential; an empty access key or region → 400 MissingRequestInfo (100004)', async () => {
    const rewrite = (from: RegExp, to: string) =>
      signedCall(emulator, { ...LIST_KEYS, tamper: (req) => void (req.headers['Authorization'] = (req.headers['Authorization'] as string).replace(from, to)) });
    expectGatewayError(await rewrite(/\/request,/, '/req,'), 400, 'InvalidCredential');
    expectGatewayError(await rewrite(/Credential=[^/]+\//, 'Credential=/'), 400, 'MissingRequestInfo', 100004);
    expectGatewayError(await rewrite(/\/cn-north-1\//, '//'), 400, 'MissingRequestInfo', 100004);
  });

  it('no Signature → 401 MissingSignature (100005)', async () => {
    const r = await signedCall(emulator, { ...LIST_KEYS, tamper: (req) => void (req.headers['Authorization'] = (req.headers['Authorization'] as string).replace(/, Signature=\w+$/, '')) });
    expectGatewayError(r, 401, 'MissingSignature', 100005);
  });

  it('an unknown access key → 401 InvalidAccessKey (100009), echoing the key in [...]', async () => {
    const r = await signedCall(emulator, { ...LIST_KEYS, credentials: { accessKeyId: 'AKLTunknownKey123456', secretAccessKey: 'x' }, region: 'cn-beijing' });
    const error = expectGatewayError(r, 401, 'InvalidAccessKey', 100009);
    expect(error.Message).toContain('[AKLTunknownKey123456]');
    expect((r.json['ResponseMetadata'] as Record<string, string>)['Region']).toBe('cn-beijing');
  });

  it('a wrong secret → 401 SignatureDoesNotMatch (100010)', async () => {
    const r = await signedCall(emulator, { ...LIST_KEYS, credentials: { accessKeyId: emulator.credentials.accessKeyId, secretAccessKey: 'wrong-secret' } });
    expectGatewayError(r, 401, 'SignatureDoesNotMatch', 100010);
  });

  it('a scope naming another service → 404 ServiceNotFound (100007)', async () => {
    const r = await signedCall(emulator, { ...LIST_KEYS, service: 'iam' });
    expectGatewayError(r, 404, 'ServiceNotFound', 100007);
  });

  it('an X-Date outside the window (past or future) → 403 InvalidTimestamp (100006); inside it is fine', async () => {
    const minutes = (m: number) => new Date(Date.now() + m * 60_000);
    expectGatewayError(await signedCall(emulator, { ...LIST_KEYS, now: minutes(-16) }), 403, 'InvalidTimestamp', 100006);
    expectGatewayError(await signedCall(emulator, { ...LIST_KEYS, now: minutes(16) }), 403, 'InvalidTimestamp', 100006);
    expect((await signedCall(emulator, { ...LIST_KEYS, now: minutes(-14) })).status).toBe(200);
  });

  it('the window is configurable', async () => {
    const strict = await startEmulator({ quiet: true, signatureWindowMs: 60_000 });
    try {
      expectGatewayError(await signedCall(strict, { ...LIST_KEYS, now: new Date(Date.now() - 120_000) }), 403, 'InvalidTimestamp', 100006);
    } finally {
      await strict.close();
    }
  });

  it('a body changed after signing → 401 SignatureDoesNotMatch, whether or not X-Content-Sha256 was updated too', async () => {
    const stale = await signedCall(emulator, { ...LIST_KEYS, tamper: (req) => void (req.body = '{"ProjectName":"other"}') });
    expect(expectGatewayError(stale, 401, 'SignatureDoesNotMatch', 100010).Message).toMatch(/X-Content-Sha256/);
    const rehashed = await signedCall(emulator, {
      ...LIST_KEYS,
      tamper: (req) => {
        req.body = '{"ProjectName":"other"}';
        req.headers['X-Content-Sha256'] = sha256Hex(req.body);
      },
    });
    expectGatewayError(rehashed, 401, 'SignatureDoesNotMatch', 100010);
  });

  it('a query parameter added after signing → 401 SignatureDoesNotMatch', async () => {
    const r = await signedCall(emulator, { ...LIST_KEYS, tamper: (req) => void (req.url += '&Extra=1') });
    expectGatewayError(r, 401, 'SignatureDoesNotMatch', 100010);
  });

  it('SignedHeaders without x-date → 400 InvalidAuthorization, even when the signature over them is right', async () => {
    const r = await handSignedCall(emulator, { ...LIST_KEYS, signedHeaders: ['host', 'x-content-sha256'] });
    const error = expectGatewayError(r, 400, 'InvalidAuthorization');
    expect(error.Message).toMatch(/x-date/);
    expect((await handSignedCall(emulator, { ...LIST_KEYS, signedHeaders: ['host', 'x-content-sha256', 'x-date'] })).status).toBe(200);
  });

  it('query-string signing is refused clearly', async () => {
    const r = await send(url('Action=ListAPIKeys&Version=2025-05-20&X-Signature=abc&X-Credential=x'), { method: 'GET' });
    expect(expectGatewayError(r, 401, 'MissingAuthenticationToken', 100003).Message).toMatch(/X-Signature/);
  });

  it('STS keys need their X-Security-Token → 401 InvalidSecretToken otherwise', async () => {
    const ok = await signedCall(emulator, { ...LIST_KEYS, credentials: STS });
    expect(ok.status).toBe(200);
    const withoutToken = await signedCall(emulator, { ...LIST_KEYS, credentials: { accessKeyId: STS.accessKeyId, secretAccessKey: STS.secretAccessKey } });
    expectGatewayError(withoutToken, 401, 'InvalidSecretToken', 100026);
    const wrongToken = await signedCall(emulator, { ...LIST_KEYS, credentials: { ...STS, sessionToken: 'forged' } });
    expectGatewayError(wrongToken, 401, 'InvalidSecretToken', 100026);
  });
});

describe('headers the signature stands on (issue 9, item 6)', () => {
  it('an X-Security-Token that is not among the SignedHeaders is refused, even when it is the right token', async () => {
    const r = await signedCall(emulator, { ...LIST_KEYS, credentials: STS, signedHeaders: ['content-type', 'host', 'x-content-sha256', 'x-date'] });
    const error = expectGatewayError(r, 400, 'InvalidAuthorization');
    expect(error.Message).toMatch(/X-Security-Token must be among the SignedHeaders/);
  });

  /** A correctly signed ListAPIKeys as raw bytes, with `extra` header lines added after the signed ones. */
  async function withDuplicate(extra: (headers: Record<string, string>) => string[]) {
    let captured: { url: string; headers: Record<string, string>; body: string } | undefined;
    await signedCall(emulator, {
      ...LIST_KEYS,
      tamper: (request) => {
        captured = { ...request, headers: { ...request.headers } };
      },
    });
    const { url, headers, body } = captured!;
    const target = new URL(url);
    const lines = [`POST ${target.pathname}${target.search} HTTP/1.1`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`), ...extra(headers), `Content-Length: ${Buffer.byteLength(body)}`];
    return rawHttp(url, lines.join('\n'), body);
  }

  for (const [name, value] of [
    ['Host', () => 'evil.example'],
    ['Authorization', (h: Record<string, string>) => h['Authorization'] ?? h['authorization'] ?? ''],
    ['X-Date', (h: Record<string, string>) => h['X-Date'] ?? h['x-date'] ?? ''],
    ['Content-Type', () => 'text/plain'],
  ] as const) {
    it(`a second ${name} header is refused with the envelope and a RequestId, not "first copy wins"`, async () => {
      const r = await withDuplicate((headers) => [`${name}: ${value(headers)}`]);
      expect(r.status, r.text).toBe(400);
      const metadata = r.json['ResponseMetadata'] as { RequestId: string; Error: { Code: string; Message: string } };
      expect(metadata.RequestId).toMatch(/^\d{14}[0-9A-F]{20}$/);
      expect(metadata.Error.Code).toBe('InvalidAuthorization');
      expect(metadata.Error.Message).toContain(`The request carries 2 ${name} headers`);
    });
  }

  it('the same request with each header once is accepted', async () => {
    expect((await withDuplicate(() => [])).status).toBe(200);
  });
});

describe('routing errors', () => {
  it('no Action or no Version → 400 MissingParameter (100002)', async () => {
    expectGatewayError(await signedCall(emulator, { version: '2025-05-20', body: {} }), 400, 'MissingParameter', 100002);
    expectGatewayError(await signedCall(emulator, { action: 'ListAPIKeys', body: {} }), 400, 'MissingParameter', 100002);
  });

  it('an unknown Action/Version pair → 404 InvalidActionOrVersion (100008) with the gateway wording', async () => {
    const r = await signedCall(emulator, { action: 'ListAPIKeys', version: '2024-01-01', body: { ProjectName: 'default' } });
    expect(expectGatewayError(r, 404, 'InvalidActionOrVersion', 100008).Message).toBe('Could not find operation ListAPIKeys for version 2024-01-01');
    const unknown = await signedCall(emulator, { action: 'QPSMonitoring', version: '2025-05-21', body: {} });
    expectGatewayError(unknown, 404, 'InvalidActionOrVersion', 100008);
  });
});

describe('signers the emulator must accept', () => {
  it('echoes whatever region the request was signed for', async () => {
    for (const region of ['cn-north-1', 'cn-beijing', 'ap-southeast-1']) {
      const r = await signedCall(emulator, { ...LIST_KEYS, region });
      expect(r.status).toBe(200);
      expect((r.json['ResponseMetadata'] as Record<string, string>)['Region']).toBe(region);
      expect(r.headers.get('x-top-region')).toBe(region);
    }
  });

  it('the official Node SDK Signer: POST signing only x-content-sha256;x-date', async () => {
    const body = JSON.stringify({ ProjectName: 'default', OnlyAvailable: true });
    const params = { Action: 'ListAPIKeys', Version: '2025-05-20' };
    const request = { region: 'cn-north-1', method: 'POST', pathname: '/', params, headers: { 'Content-Type': 'application/json; charset=utf-8' } as Record<string, string>, body };
    new Signer(request, SERVICE_NAME).addAuthorization({ accessKeyId: emulator.credentials.accessKeyId, secretKey: emulator.credentials.secretAccessKey });
    expect(request.headers['Authorization']).toContain('SignedHeaders=x-content-sha256;x-date,');
    const r = await send(`${emulator.url}/?${stringify(params)}`, { method: 'POST', headers: request.headers, body });
    expect(r.status).toBe(200);
    expect(resultOf<{ APIKeys: unknown[] }>(r).APIKeys).toHaveLength(1);
  });

  it("the official Node SDK Signer: GET with *!'() and unicode sent unencoded by querystring, re-encoded strictly by the verifier", async () => {
    const params = { Action: 'ListSpeakers', Version: '2025-05-20', Limit: '5', ResourceIDs: ['seed-tts-2.0'], VoiceTypes: ["a!'()*~ b", 'zh_female_vv_uranus_bigtts', '中文'] };
    const request = { region: 'cn-beijing', method: 'GET', pathname: '/', params, headers: {} as Record<string, string> };
    new Signer(request, SERVICE_NAME).addAuthorization({ accessKeyId: emulator.credentials.accessKeyId, secretKey: emulator.credentials.secretAccessKey });
    expect(request.headers['Authorization']).toContain('SignedHeaders=x-date,');
    const wire = stringify(params);
    expect(wire).toContain("!'()*");
    const r = await send(`${emulator.url}/?${wire}`, { method: 'GET', headers: request.headers });
    expect(r.status).toBe(200);
    expect(resultOf<{ Speakers: Array<{ VoiceType: string }> }>(r).Speakers.map((s) => s.VoiceType)).toEqual(['zh_female_vv_uranus_bigtts']);
  });

  it('the sdk-core choice (host;x-content-sha256;x-date, Host with the port)', async () => {
    const r = await signedCall(emulator, { ...LIST_KEYS, region: 'cn-beijing', signedHeaders: ['host', 'x-content-sha256', 'x-date'] });
    expect(r.status).toBe(200);
  });

  it('the Python sample / Go choice (content-type;host;x-content-sha256;x-date)', async () => {
    const r = await signedCall(emulator, { ...LIST_KEYS, signedHeaders: ['content-type', 'host', 'x-content-sha256', 'x-date'] });
    expect(r.status).toBe(200);
  });
});
