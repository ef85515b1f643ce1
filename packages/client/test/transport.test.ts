/** Against a real HTTP server: what fetch puts on the wire is what was signed. */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionSpec } from '../src/actions/actionTable.js';
import { VolcSpeechClient } from '../src/client.js';
import { parseAuthorizationHeader, signRequest, type QueryValue } from '../src/signer/index.js';
import { buildHttpRequest, findNetworkCode, parseEndpoint, sendHttpRequest, signHttpRequest } from '../src/transport.js';
import { STS_CREDENTIALS, TEST_CREDENTIALS } from './support/fakes.js';

interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

let server: ReturnType<typeof createServer>;
let endpoint: string;
const received: Received[] = [];

/** Verifies like the emulator would: rebuild the canonical request from the declared SignedHeaders. */
function verify(request: Received, secretAccessKey: string): boolean {
  const auth = request.headers['authorization'] as string;
  const parsed = parseAuthorizationHeader(auth);
  if (!parsed.ok) return false;
  const names = parsed.value.signedHeaders;
  const headers: Record<string, string> = {};
  for (const name of names) if (name !== 'x-date' && name !== 'x-content-sha256' && name !== 'x-security-token') headers[name] = String(request.headers[name]);
  const url = new URL(request.url, 'http://placeholder');
  const query: Record<string, QueryValue> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key);
    query[key] = all.length > 1 ? all : all[0]!;
  }
  const xDate = String(request.headers['x-date']);
  const now = new Date(Date.UTC(+xDate.slice(0, 4), +xDate.slice(4, 6) - 1, +xDate.slice(6, 8), +xDate.slice(9, 11), +xDate.slice(11, 13), +xDate.slice(13, 15)));
  const token = request.headers['x-security-token'] as string | undefined;
  const again = signRequest(
    { method: request.method, path: url.pathname, query, headers, body: request.body },
    {
      credentials: { accessKeyId: parsed.value.accessKeyId, secretAccessKey, ...(token ? { sessionToken: token } : {}) },
      region: parsed.value.region,
      service: parsed.value.service,
      now,
      signedHeaders: names,
    },
  );
  return again.headers['Authorization'] === auth;
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      received.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      res.setHeader('content-type', 'application/json');
      res.setHeader('x-top-request-id', 'HDR-REQ-1');
      res.end(JSON.stringify({ ResponseMetadata: { Action: 'x', Version: 'v', Service: 'speech_saas_prod', Region: 'cn-north-1' }, Result: { ok: true } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('transport on a real socket', () => {
  it('sends a request whose signature verifies server-side, Host with the port', async () => {
    const client = new VolcSpeechClient({ credentials: STS_CREDENTIALS, endpoint, env: {}, rateLimit: false });
    const result = await client.call('ListAPIKeys', { ProjectName: 'de fault/中文', OnlyAvailable: false });
    expect(result).toEqual({ ok: true });
    const request = received.at(-1)!;
    expect(request.url).toBe('/?Action=ListAPIKeys&Version=2025-05-20');
    expect(request.headers['host']).toBe(new URL(endpoint).host);
    expect(request.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(request.body).toBe(JSON.stringify({ ProjectName: 'de fault/中文', OnlyAvailable: false }));
    expect(String(request.headers['authorization'])).toContain('SignedHeaders=content-type;host;x-content-sha256;x-date;x-security-token,');
    expect(verify(request, STS_CREDENTIALS.secretAccessKey)).toBe(true);
    expect(verify(request, 'wrong-secret')).toBe(false);
  });

  it('puts query-style parameters in a canonical query that survives the wire', async () => {
    const spec: ActionSpec = {
      name: 'LegacyUsage', group: 'monitoring', version: '2021-08-30', method: 'GET', paramsIn: 'query', effect: 'read',
      summary: '', summaryZh: '', fields: {},
    };
    const request = buildHttpRequest(spec, { Note: "a b*c!'()~", Name: '中文', Ids: ['b', 'a'], Skip: undefined }, parseEndpoint(endpoint));
    expect(request.url).toBe(`${endpoint}/?Action=LegacyUsage&Ids=a&Ids=b&Name=%E4%B8%AD%E6%96%87&Note=a%20b%2Ac%21%27%28%29~&Version=2021-08-30`);
    expect(request.body).toBe('');
    expect(request.headers).toEqual({ Host: new URL(endpoint).host });
    const signed = signHttpRequest(request, TEST_CREDENTIALS, 'cn-north-1', new Date());
    const raw = await sendHttpRequest('LegacyUsage', signed, { fetch: (i, init) => fetch(i, init), timeoutMs: 5000 });
    expect(raw.status).toBe(200);
    const wire = received.at(-1)!;
    expect(wire.method).toBe('GET');
    expect(String(wire.headers['authorization'])).toContain('SignedHeaders=host;x-content-sha256;x-date,');
    expect(verify(wire, TEST_CREDENTIALS.secretAccessKey)).toBe(true);
  });

  it('takes the RequestId from X-Top-Request-Id when the envelope lacks it', async () => {
    const events: Array<{ type: string; requestId?: string }> = [];
    const client = new VolcSpeechClient({ credentials: TEST_CREDENTIALS, endpoint, env: {}, rateLimit: false, onEvent: (e) => events.push(e) });
    await client.listAPIKeys({ ProjectName: 'default' });
    expect(events.find((e) => e.type === 'response')?.requestId).toBe('HDR-REQ-1');
  });

  it('reports a refused connection as ECONNREFUSED (what the retry policy keys on)', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const client = new VolcSpeechClient({ credentials: TEST_CREDENTIALS, endpoint: `http://127.0.0.1:${port}`, env: {}, rateLimit: false, retry: false });
    await expect(client.listAPIKeys({ ProjectName: 'default' })).rejects.toMatchObject({ kind: 'network', code: 'ECONNREFUSED' });
  });

  it('finds the errno under nested causes and AggregateErrors', () => {
    expect(findNetworkCode(new TypeError('fetch failed', { cause: Object.assign(new Error('x'), { code: 'ENOTFOUND' }) }))).toBe('ENOTFOUND');
    const aggregate = new AggregateError([Object.assign(new Error('a'), { code: 'ECONNREFUSED' })], 'multi');
    expect(findNetworkCode(new TypeError('fetch failed', { cause: aggregate }))).toBe('ECONNREFUSED');
    expect(findNetworkCode(new Error('plain'))).toBeUndefined();
  });
});
