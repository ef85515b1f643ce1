import { describe, expect, it } from 'vitest';
import { ACTION_NAMES, ACTIONS } from '../src/actions/actionTable.js';
import { VolcSpeechClient, type VolcSpeechClientOptions } from '../src/client.js';
import { VolcSpeechError } from '../src/errors.js';
import type { ClientEvent } from '../src/events.js';
import { signRequest } from '../src/signer/index.js';
import {
  FakeClock,
  STS_CREDENTIALS,
  TEST_CREDENTIALS,
  connectionRefused,
  connectionReset,
  errorEnvelope,
  fakeFetch,
  okEnvelope,
  waitForAbort,
  type FakeHandler,
} from './support/fakes.js';

function makeClient(handler: FakeHandler, options: Partial<VolcSpeechClientOptions> = {}) {
  const clock = new FakeClock();
  const { fetch, requests } = fakeFetch(handler);
  const events: ClientEvent[] = [];
  const client = new VolcSpeechClient({
    credentials: TEST_CREDENTIALS,
    endpoint: 'https://open.volcengineapi.com',
    region: 'cn-north-1',
    fetch,
    clock,
    random: () => 0.5,
    rateLimit: false,
    onEvent: (e) => events.push(e),
    env: {},
    ...options,
  });
  return { client, clock, requests, events };
}

async function failure(promise: Promise<unknown>): Promise<VolcSpeechError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(VolcSpeechError);
    return error as VolcSpeechError;
  }
  throw new Error('expected the call to fail');
}

describe('VolcSpeechClient requests', () => {
  it('POSTs the JSON body to /?Action&Version with signed Content-Type and Host', async () => {
    const { client, requests } = makeClient(() => okEnvelope('ListAPIKeys', { APIKeys: [{ ID: 1, Name: 'n8n' }] }));
    const result = await client.call('ListAPIKeys', { ProjectName: 'default', OnlyAvailable: true });
    expect(result.APIKeys?.[0]?.Name).toBe('n8n');
    const [request] = requests;
    expect(request!.method).toBe('POST');
    expect(request!.url.href).toBe('https://open.volcengineapi.com/?Action=ListAPIKeys&Version=2025-05-20');
    expect(request!.body).toBe('{"ProjectName":"default","OnlyAvailable":true}');
    expect(request!.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(request!.headers.get('host')).toBe('open.volcengineapi.com');
    expect(request!.headers.get('user-agent')).toBe('volc-speech-toolkit/0.1.0');
    expect(request!.headers.get('x-date')).toBe('20250601T080910Z');
    expect(request!.headers.get('authorization')).toMatch(
      /^HMAC-SHA256 Credential=AKLTexampleAccessKeyId0123456789\/20250601\/cn-north-1\/speech_saas_prod\/request, SignedHeaders=content-type;host;x-content-sha256;x-date, Signature=[0-9a-f]{64}$/,
    );
  });

  it('signs exactly what it sends (the signature recomputed from the wire matches)', async () => {
    const { client, requests } = makeClient(() => okEnvelope('QuotaMonitoring', { QuotaMonitoring: [] }), { credentials: STS_CREDENTIALS, region: 'cn-beijing', endpoint: 'http://127.0.0.1:8123' });
    await client.quotaMonitoring({ ProjectName: 'default', ResourceID: 'volc.service_type.10029', Start: '2025-06-01', End: '2025-06-01' });
    const request = requests[0]!;
    expect(request.headers.get('host')).toBe('127.0.0.1:8123');
    expect(request.headers.get('x-security-token')).toBe(STS_CREDENTIALS.sessionToken);
    const query = Object.fromEntries(request.url.searchParams);
    const recomputed = signRequest(
      {
        method: request.method,
        path: request.url.pathname,
        query,
        headers: { 'Content-Type': request.headers.get('content-type')!, Host: request.headers.get('host')! },
        body: request.body,
      },
      { credentials: STS_CREDENTIALS, region: 'cn-beijing', service: 'speech_saas_prod', now: new Date(Date.UTC(2025, 5, 1, 8, 9, 10)) },
    );
    expect(recomputed.signedHeaders).toBe('content-type;host;x-content-sha256;x-date;x-security-token');
    expect(request.headers.get('authorization')).toBe(recomputed.headers['Authorization']);
  });

  it('sends {} for actions without fields, and makes the request optional for them', async () => {
    const { client, requests } = makeClient(() => okEnvelope('ListBigModelTTSTimbres', { Timbres: [] }));
    await client.listBigModelTTSTimbres();
    await client.call('ListBigModelTTSTimbres');
    expect(requests.map((r) => r.body)).toEqual(['{}', '{}']);
  });

  it('has one camelCase method per action, and they reach the right action', async () => {
    const seen: string[] = [];
    const { client } = makeClient((r) => {
      seen.push(r.url.searchParams.get('Action')!);
      return okEnvelope(r.url.searchParams.get('Action')!, {});
    });
    for (const name of ACTION_NAMES) {
      const method = name.charAt(0).toLowerCase() + name.slice(1);
      expect(typeof (client as unknown as Record<string, unknown>)[method], method).toBe('function');
    }
    expect(typeof client.listMegaTTSByOrderID).toBe('function');
    await client.pauseService({ ProjectName: 'default', ResourceIDs: ['volc.service_type.10029'] });
    await client.listMegaTTSByOrderID({ AppID: 'a', OrderID: 'o' });
    expect(seen).toEqual(['PauseService', 'ListMegaTTSByOrderID']);
    // Methods live on the prototype: they add nothing to the instance's own keys.
    expect(Object.keys(client)).toEqual(['region', 'endpoint', 'timeoutMs']);
  });

  it('uses each action version from the table', async () => {
    const { client, requests } = makeClient((r) => okEnvelope(r.url.searchParams.get('Action')!, {}));
    await client.call('ListMegaTTSByOrderID', { AppID: 'a', OrderID: 'o' });
    await client.call('UsageMonitoring', { ProjectName: 'p', ResourceID: 'r', Start: '2025-06-01', End: '2025-06-01', Mode: 'daily' });
    expect(requests.map((r) => r.url.searchParams.get('Version'))).toEqual([ACTIONS.ListMegaTTSByOrderID.version, ACTIONS.UsageMonitoring.version]);
  });

  it('validates before any network traffic', async () => {
    const { client, requests } = makeClient(() => okEnvelope('X', {}));
    const error = await failure(client.callUnchecked('ListAPIKeys', {}));
    expect(error).toMatchObject({ kind: 'validation', field: 'ProjectName' });
    expect(requests).toHaveLength(0);
  });

  it('rejects unknown actions with close names', async () => {
    const { client } = makeClient(() => okEnvelope('X', {}));
    const error = await failure(client.callUnchecked('ListApiKey', {}));
    expect(error).toMatchObject({ kind: 'validation', code: 'InvalidActionOrVersion' });
    expect(error.hint).toContain('ListAPIKeys');
    expect((await failure(client.callUnchecked('constructor', {}))).code).toBe('InvalidActionOrVersion');
  });

  it('fails with a credentials error and a hint when no credentials are configured', async () => {
    const { client, requests } = makeClient(() => okEnvelope('X', {}), { credentials: undefined, env: {} });
    const error = await failure(client.listAPIKeys({ ProjectName: 'default' }));
    expect(error).toMatchObject({ kind: 'credentials', code: 'MissingCredentials' });
    expect(error.hint).toMatch(/VOLC_ACCESSKEY.*VOLC_SECRETKEY.*emulator/);
    expect(requests).toHaveLength(0);
  });

  it('reads credentials, region and endpoint from env by default', async () => {
    const { client, requests } = makeClient(() => okEnvelope('ListAPIKeys', {}), {
      credentials: undefined,
      region: undefined,
      endpoint: undefined,
      env: { VOLC_ACCESSKEY: 'AKLTfromEnvironment000', VOLC_SECRETKEY: 'envSecret', VOLC_REGION: 'cn-beijing', VOLC_SPEECH_ENDPOINT: 'http://localhost:9999' },
    });
    await client.listAPIKeys({ ProjectName: 'default' });
    expect(requests[0]!.url.origin).toBe('http://localhost:9999');
    expect(requests[0]!.headers.get('authorization')).toContain('Credential=AKLTfromEnvironment000/20250601/cn-beijing/');
  });

  it('asks a credentials function before each call (rotating STS)', async () => {
    let n = 0;
    const { client, requests } = makeClient(() => okEnvelope('ListAPIKeys', {}), {
      credentials: async () => ({ accessKeyId: `AKLTrotating${++n}xxxxxxxx`, secretAccessKey: 's', sessionToken: `t${n}` }),
    });
    await client.listAPIKeys({ ProjectName: 'default' });
    await client.listAPIKeys({ ProjectName: 'default' });
    expect(requests.map((r) => r.headers.get('x-security-token'))).toEqual(['t1', 't2']);
  });

  it('rejects an unusable endpoint at construction', () => {
    expect(() => new VolcSpeechClient({ endpoint: 'ftp://example.com', env: {} })).toThrow(VolcSpeechError);
    expect(new VolcSpeechClient({ endpoint: 'localhost:8080', env: {} }).endpoint).toBe('https://localhost:8080');
  });
});

describe('VolcSpeechClient retries', () => {
  it('retries a read action on 503 with backoff, then succeeds', async () => {
    const { client, clock, requests, events } = makeClient((_r, i) =>
      i < 2 ? errorEnvelope('ListAPIKeys', 503, 'ServiceUnavailableTemp', 'busy') : okEnvelope('ListAPIKeys', { TotalCount: 3 }),
    );
    const result = await client.listAPIKeys({ ProjectName: 'default' });
    expect(result.TotalCount).toBe(3);
    expect(requests).toHaveLength(3);
    expect(clock.sleeps).toEqual([100, 200]); // random 0.5 × 200·2^n
    expect(events.filter((e) => e.type === 'retry').map((e) => (e as { delayMs: number }).delayMs)).toEqual([100, 200]);
  });

  it('signs every attempt afresh at the clock time of that attempt', async () => {
    const { client, requests } = makeClient((_r, i) => (i < 2 ? errorEnvelope('ListAPIKeys', 502, 'InternalServiceError', 'x') : okEnvelope('ListAPIKeys', {})), {
      retry: { baseDelayMs: 1000, maxDelayMs: 10_000 },
      random: () => 0.999,
    });
    await client.listAPIKeys({ ProjectName: 'default' });
    expect(requests.map((r) => r.headers.get('x-date'))).toEqual(['20250601T080910Z', '20250601T080910Z', '20250601T080912Z']);
  });

  it('gives up after maxAttempts and reports the last error', async () => {
    const { client, requests } = makeClient(() => errorEnvelope('ListAPIKeys', 500, 'InternalError', 'boom', { requestId: 'RID9' }), { retry: { maxAttempts: 4 } });
    const error = await failure(client.listAPIKeys({ ProjectName: 'default' }));
    expect(requests).toHaveLength(4);
    expect(error).toMatchObject({ httpStatus: 500, code: 'InternalError', requestId: 'RID9', retryable: true });
    expect(error.hint).toMatch(/retry later/i);
  });

  it('honours Retry-After on 429', async () => {
    const { client, clock } = makeClient((_r, i) =>
      i === 0 ? errorEnvelope('ListAPIKeys', 429, 'FlowLimitExceeded', 'slow down', { headers: { 'Retry-After': '3' } }) : okEnvelope('ListAPIKeys', {}),
    );
    await client.listAPIKeys({ ProjectName: 'default' });
    expect(clock.sleeps).toEqual([3000]);
  });

  it('never repeats a spends action that reached the service', async () => {
    const { client, requests } = makeClient(() => errorEnvelope('OrderAccessResourcePacks', 503, 'ServiceUnavailableTemp', 'busy'));
    const error = await failure(
      client.orderAccessResourcePacks({ ProjectName: 'default', ResourceID: 'volc.megatts.voiceclone', Code: 'Model_storage', Times: 1, Quantity: 1 }),
    );
    expect(requests).toHaveLength(1);
    expect(error.retryable).toBe(false);
    expect(error.hint).toContain('may have reached the service');
  });

  it('never repeats a write action after a reset (the request may have been sent)', async () => {
    const { client, requests } = makeClient(() => {
      throw connectionReset();
    });
    const error = await failure(client.pauseService({ ProjectName: 'default', ResourceIDs: ['volc.service_type.10029'] }));
    expect(requests).toHaveLength(1);
    expect(error).toMatchObject({ kind: 'network', code: 'ECONNRESET', retryable: false });
  });

  it('retries a spends action when the connection was refused (it never left)', async () => {
    const { client, requests } = makeClient((_r, i) => {
      if (i === 0) throw connectionRefused();
      return okEnvelope('RenewAccessResourcePacks', { OrderIDs: ['Order1'] });
    });
    const result = await client.renewAccessResourcePacks({ Times: 1, SpeakerIDs: ['S_1'] });
    expect(result.OrderIDs).toEqual(['Order1']);
    expect(requests).toHaveLength(2);
  });

  it('does not retry a write action that timed out, but does retry a read', async () => {
    const hang: FakeHandler = (r) => waitForAbort(r.signal);
    const write = makeClient(hang, { timeoutMs: 20 });
    const writeError = await failure(write.client.resumeService({ ProjectName: 'default', ResourceIDs: ['volc.service_type.10029'] }));
    expect(writeError).toMatchObject({ kind: 'timeout', code: 'RequestTimeout', retryable: false });
    expect(write.requests).toHaveLength(1);

    const read = makeClient((r, i) => (i === 0 ? waitForAbort(r.signal) : okEnvelope('ListAPIKeys', {})), { timeoutMs: 20 });
    await read.client.listAPIKeys({ ProjectName: 'default' });
    expect(read.requests).toHaveLength(2);
  });

  it('does not retry when retry is false, per client or per call', async () => {
    const handler: FakeHandler = () => errorEnvelope('ListAPIKeys', 503, 'ServiceUnavailableTemp', 'busy');
    const off = makeClient(handler, { retry: false });
    await failure(off.client.listAPIKeys({ ProjectName: 'default' }));
    expect(off.requests).toHaveLength(1);
    const perCall = makeClient(handler);
    await failure(perCall.client.listAPIKeys({ ProjectName: 'default' }, { retry: false }));
    expect(perCall.requests).toHaveLength(1);
  });

  it('stops at once when the caller aborts, also during backoff', async () => {
    const controller = new AbortController();
    const { client, requests } = makeClient(() => {
      controller.abort();
      return errorEnvelope('ListAPIKeys', 503, 'ServiceUnavailableTemp', 'busy');
    });
    const error = await failure(client.listAPIKeys({ ProjectName: 'default' }, { signal: controller.signal }));
    expect(error.kind).toBe('aborted');
    expect(requests).toHaveLength(1);

    const inFlight = new AbortController();
    const hanging = makeClient((r) => {
      setTimeout(() => inFlight.abort(), 5);
      return waitForAbort(r.signal);
    });
    expect((await failure(hanging.client.listAPIKeys({ ProjectName: 'default' }, { signal: inFlight.signal }))).kind).toBe('aborted');
  });
});

describe('VolcSpeechClient rate limiting', () => {
  it('throttles calls per action through the token bucket', async () => {
    const { client, clock } = makeClient(() => okEnvelope('ListAPIKeys', {}), { rateLimit: { qps: 2 } });
    for (let i = 0; i < 4; i++) await client.listAPIKeys({ ProjectName: 'default' });
    expect(clock.sleeps).toEqual([500, 500]);
  });
});

describe('VolcSpeechClient events', () => {
  it('reports request, response, retry and error without secrets', async () => {
    const { client, events } = makeClient((_r, i) =>
      i === 0 ? errorEnvelope('ListAPIKeys', 503, 'ServiceUnavailableTemp', 'busy', { requestId: 'R0' }) : errorEnvelope('ListAPIKeys', 403, 'AccessDenied', 'no', { requestId: 'R1' }),
      { credentials: STS_CREDENTIALS },
    );
    await failure(client.listAPIKeys({ ProjectName: 'default' }));
    expect(events.map((e) => e.type)).toEqual(['request', 'response', 'retry', 'request', 'response', 'error']);
    expect(events[0]).toMatchObject({ type: 'request', action: 'ListAPIKeys', attempt: 1, method: 'POST', accessKey: 'AKLT****6789' });
    expect(events[1]).toMatchObject({ type: 'response', httpStatus: 503, requestId: 'R0' });
    expect(events[5]).toMatchObject({ type: 'error', code: 'AccessDenied', httpStatus: 403, requestId: 'R1', reason: 'the error is not transient' });
    const text = JSON.stringify(events);
    expect(text).not.toContain(STS_CREDENTIALS.secretAccessKey);
    expect(text).not.toContain(STS_CREDENTIALS.sessionToken);
    expect(text).not.toContain(STS_CREDENTIALS.accessKeyId);
  });

  it('ignores a throwing onEvent', async () => {
    const { client } = makeClient(() => okEnvelope('ListAPIKeys', { TotalCount: 1 }), {
      onEvent: () => {
        throw new Error('logger broke');
      },
    });
    await expect(client.listAPIKeys({ ProjectName: 'default' })).resolves.toEqual({ TotalCount: 1 });
  });
});

describe('defaults the live service needs', () => {
  it('sends all three pack Types when the caller gives none, and the caller’s own Types otherwise', async () => {
    const { client, requests } = makeClient(() => okEnvelope('ResourcePacksStatus', { Packs: [], TotalCount: 0 }));
    await client.resourcePacksStatus({ ProjectName: 'p', PageSize: 10, ResourceIDs: ['volc.service_type.10029'] });
    await client.resourcePacksStatus({ ProjectName: 'p', PageSize: 10, ResourceIDs: ['volc.service_type.10029'], Types: [] });
    await client.resourcePacksStatus({ ProjectName: 'p', PageSize: 10, ResourceIDs: ['volc.service_type.10029'], Types: ['quota'] });
    expect(requests.map((r) => r.json['Types'])).toEqual([['access', 'quota', 'prepaid'], ['access', 'quota', 'prepaid'], ['quota']]);
  });

  it('signs for cn-beijing unless told otherwise (VOLC_REGION or the region option)', () => {
    expect(new VolcSpeechClient({ env: {} }).region).toBe('cn-beijing');
    expect(new VolcSpeechClient({ env: { VOLC_REGION: 'cn-north-1' } }).region).toBe('cn-north-1');
  });
});
