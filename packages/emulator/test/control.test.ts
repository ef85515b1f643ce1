/** The /__emulator/* control endpoint: exact payloads, loopback-only access. */
import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isLoopbackAddress, isLoopbackHost, isLoopbackOrigin, startEmulator, type EmulatorHandle } from '../src/index.js';
import { rawHttp, send, signedCall } from './helpers/raw.js';

let emulator: EmulatorHandle;
beforeAll(async () => {
  emulator = await startEmulator({ quiet: true });
});
afterAll(() => emulator.close());
beforeEach(() => emulator.control.reset());

const control = (path: string, body?: unknown, method = body === undefined ? 'GET' : 'POST') =>
  send(`${emulator.url}/__emulator/${path}`, { method, headers: { 'Content-Type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

describe('control endpoint payloads', () => {
  it('GET health', async () => {
    const r = await control('health');
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ ok: true, service: 'speech_saas_prod', now: expect.any(String), uptimeMs: expect.any(Number), requests: expect.any(Number), stateFile: null, stateWrites: null, faults: {} });
  });

  it('GET state returns the whole state; POST reset goes back to the seed', async () => {
    await signedCall(emulator, { action: 'CreateAPIKey', version: '2025-05-20', body: { ProjectName: 'default', Name: 'temp' } });
    let state = (await control('state')).json as { schemaVersion: number; apiKeys: { byProject: Record<string, unknown[]> } };
    expect(state.schemaVersion).toBe(1);
    expect(Object.keys(state).sort()).toEqual(['account', 'apiKeys', 'monitoring', 'orders', 'packs', 'schemaVersion', 'seededAt', 'services', 'tags', 'voices']);
    expect(state.apiKeys.byProject['default']).toHaveLength(3);
    expect((await control('reset', {})).json).toEqual({ ok: true });
    state = (await control('state')).json as typeof state;
    expect(state.apiKeys.byProject['default']).toHaveLength(2);
  });

  it('POST faults merges, null clears, and answers the faults in force', async () => {
    expect((await control('faults', { latencyMs: 5, qps: 20 })).json).toEqual({ ok: true, faults: { latencyMs: 5, qps: 20 } });
    expect((await control('faults', { qps: null, failNext: { count: 1, httpStatus: 500, code: 'InternalError', message: 'boom', action: 'ListAPIKeys' } })).json).toEqual({
      ok: true,
      faults: { latencyMs: 5, failNext: { count: 1, httpStatus: 500, code: 'InternalError', message: 'boom', action: 'ListAPIKeys' } },
    });
    expect((await control('faults')).json).toMatchObject({ ok: true, faults: { latencyMs: 5 } });
    const bad = await control('faults', { dropRate: 7 });
    expect(bad.status).toBe(400);
    expect(bad.json).toEqual({ ok: false, error: expect.stringMatching(/dropRate/) });
  });

  it('POST usage adds an amount to a resource, or books advanceMs of clock-driven usage', async () => {
    const added = await control('usage', { resourceId: 'volc.tts.default', amount: 100 });
    expect(added.json).toEqual({ ok: true, added: { projectName: 'default', resourceId: 'volc.tts.default', amount: 100, unabsorbed: 0 } });
    const advanced = await control('usage', { advanceMs: 3_600_000 });
    expect(advanced.json).toEqual({ ok: true, advanced: { 'volc.service_type.10029': expect.any(Number), 'volc.megatts.default': expect.any(Number) } });
    expect((await control('usage', {})).status).toBe(400);
    expect((await control('usage', { amount: -1 })).status).toBe(400);
  });

  it('POST usage { quotaLoad } sets the rate-limit peak of today to a share of the limit', async () => {
    const r = await control('usage', { quotaLoad: { quotaType: 'qps', percent: 85 } });
    expect(r.json).toEqual({ ok: true, quotaLoad: { projectName: 'default', resourceId: 'volc.service_type.10029', day: expect.any(String), peaks: { qps: { value: 51, limit: 60 } } } });
    const day = (r.json['quotaLoad'] as { day: string }).day;
    expect(emulator.state.monitoring.quotaPeaks['default']?.['volc.service_type.10029']?.['qps']?.[day]).toBe(51);
    const clone = await control('usage', { quotaLoad: { resourceId: 'volc.megatts.default', percent: 100 } });
    expect(clone.json).toMatchObject({ quotaLoad: { resourceId: 'volc.megatts.default', peaks: { concurrency: { value: 10, limit: 10 } } } });
    expect((await control('usage', { quotaLoad: { percent: 101 } })).status).toBe(400);
    expect((await control('usage', { quotaLoad: { percent: 'high' } })).status).toBe(400);
    expect((await control('usage', { quotaLoad: { quotaType: 'tpm', percent: 90 } })).json).toEqual({ ok: false, error: expect.stringMatching(/quotaType must be one of qps, concurrency/) });
    expect((await control('usage', { quotaLoad: { quotaType: 7, percent: 90 } })).status).toBe(400);
    expect((await control('usage', { quotaLoad: 90 })).status).toBe(400);
    // A caller that reads its own local day (the tray does) can name the day.
    const named = await control('usage', { quotaLoad: { quotaType: 'concurrency', percent: 95, day: '2026-01-02' } });
    expect(named.json).toMatchObject({ quotaLoad: { day: '2026-01-02', peaks: { concurrency: { value: 19, limit: 20 } } } });
    expect((await control('usage', { quotaLoad: { percent: 90, day: 'today' } })).status).toBe(400);
  });

  it('POST voices moves a cloned voice to a state; unknown voices are 404, unknown states 400', async () => {
    const [speakerId] = Object.keys(emulator.state.voices.speakers);
    const r = await control('voices', { speakerId, state: 'Training' });
    expect(r.json).toEqual({ ok: true, voice: expect.objectContaining({ SpeakerID: speakerId, State: 'Training' }) });
    expect((await control('voices', { speakerId: 'S_nobody00', state: 'Success' })).status).toBe(404);
    expect((await control('voices', { speakerId, state: 'Baking' })).status).toBe(400);
  });

  it('unknown endpoints are 404, wrong methods 405, bad JSON 400', async () => {
    expect((await control('nothing')).status).toBe(404);
    expect((await control('reset')).status).toBe(405);
    const badJson = await send(`${emulator.url}/__emulator/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{nope' });
    expect(badJson.status).toBe(400);
  });

  it('needs no signature and is never subject to injected faults', async () => {
    emulator.control.setFaults({ dropRate: 1, failNext: { count: 5, httpStatus: 500, code: 'InternalError' } });
    expect((await control('health')).status).toBe(200);
  });
});

describe('loopback only', () => {
  it('isLoopbackAddress accepts 127.0.0.0/8, ::1 and IPv4-mapped loopback only', () => {
    for (const address of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1', '0:0:0:0:0:0:0:1']) expect(isLoopbackAddress(address)).toBe(true);
    for (const address of ['10.0.0.5', '192.168.1.2', '::ffff:10.0.0.5', 'fe80::1', '128.0.0.1', '', undefined]) expect(isLoopbackAddress(address)).toBe(false);
  });

  const external = Object.values(networkInterfaces())
    .flat()
    .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;

  it.skipIf(!external)('refuses a caller on a non-loopback address with 403 (over a real interface)', async () => {
    const open = await startEmulator({ quiet: true, host: '0.0.0.0' });
    try {
      const viaExternal = await send(`http://${external}:${open.port}/__emulator/state`, { method: 'GET' });
      expect(viaExternal.status).toBe(403);
      expect(viaExternal.json).toEqual({ ok: false, error: expect.stringMatching(/loopback/) });
      expect((await send(`http://127.0.0.1:${open.port}/__emulator/health`, { method: 'GET' })).status).toBe(200);
    } finally {
      await open.close();
    }
  });
});

/** A request with exactly these headers (fetch would not let a test set Host). */
function rawRequest(path: string, init: { method: string; headers: Record<string, string | string[]>; body?: string }): Promise<{ status: number; json: Record<string, unknown> }> {
  const url = new URL(path, emulator.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: init.method, headers: init.headers, setHost: false }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

describe('only programs on this machine, never a web page (issue 9, item 2)', () => {
  const host = () => new URL(emulator.url).host;

  it('a cross-origin text/plain POST (what any web page can send without a preflight) is refused and changes nothing', async () => {
    const before = emulator.control.faults();
    const fromPage = await rawRequest('/__emulator/faults', {
      method: 'POST',
      headers: { Host: host(), Origin: 'https://evil.example', 'Content-Type': 'text/plain;charset=UTF-8' },
      body: JSON.stringify({ dropRate: 1 }),
    });
    expect(fromPage.status).toBe(403);
    expect(fromPage.json).toEqual({ ok: false, error: expect.stringMatching(/Origin "https:\/\/evil\.example"/) });
    // The same without an Origin (a page using no-cors, an old browser): refused for its content type.
    const noOrigin = await rawRequest('/__emulator/faults', { method: 'POST', headers: { Host: host(), 'Content-Type': 'text/plain' }, body: JSON.stringify({ dropRate: 1 }) });
    expect(noOrigin.status).toBe(415);
    expect(noOrigin.json).toEqual({ ok: false, error: expect.stringMatching(/Content-Type: application\/json/) });
    const formPost = await rawRequest('/__emulator/reset', { method: 'POST', headers: { Host: host(), 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(formPost.status).toBe(415);
    expect(emulator.control.faults()).toEqual(before);
  });

  it('a foreign Host (DNS rebinding: evil.example resolving to 127.0.0.1) cannot read the state', async () => {
    for (const foreign of ['evil.example', `evil.example:${emulator.port}`, '127.0.0.1.nip.io', '']) {
      const r = await rawRequest('/__emulator/state', { method: 'GET', headers: foreign ? { Host: foreign } : {} });
      expect(r.status, foreign).toBe(403);
      expect(r.json).toEqual({ ok: false, error: expect.stringMatching(/Host is a loopback name/) });
      expect(r.json['apiKeys']).toBeUndefined();
    }
    const twoHosts = await rawHttp(emulator.url, `GET /__emulator/state HTTP/1.1\nHost: ${host()}\nHost: evil.example`);
    expect(twoHosts.status).toBe(403);
  });

  it('a page from a foreign origin cannot read the state even with a loopback Host', async () => {
    for (const origin of ['https://evil.example', 'null', 'http://127.0.0.1.evil.example']) {
      const r = await rawRequest('/__emulator/state', { method: 'GET', headers: { Host: host(), Origin: origin } });
      expect(r.status, origin).toBe(403);
    }
  });

  it('programs on this machine keep working: loopback Host names, local pages, JSON POSTs', async () => {
    for (const name of [host(), `localhost:${emulator.port}`, `[::1]:${emulator.port}`, '127.0.0.1']) {
      expect((await rawRequest('/__emulator/health', { method: 'GET', headers: { Host: name } })).status, name).toBe(200);
    }
    const localPage = await rawRequest('/__emulator/faults', {
      method: 'POST',
      headers: { Host: host(), Origin: 'http://127.0.0.1:5173', 'Content-Type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ latencyMs: 1 }),
    });
    expect(localPage.status).toBe(200);
    expect((await rawRequest('/__emulator/reset', { method: 'POST', headers: { Host: host(), 'Content-Type': 'application/json' } })).status).toBe(200);
  });

  it('isLoopbackHost and isLoopbackOrigin accept only names of this machine', () => {
    for (const h of ['127.0.0.1', '127.0.0.1:8787', 'localhost', 'LOCALHOST:1', '[::1]:8787', '[::1]']) expect(isLoopbackHost(h), h).toBe(true);
    for (const h of ['evil.example', 'localhost.evil.example', '127.0.0.1.nip.io', '0.0.0.0:8787', '[::]:1', 'a.localhost', '', undefined]) expect(isLoopbackHost(h), String(h)).toBe(false);
    for (const o of ['http://127.0.0.1:5173', 'http://localhost', 'https://[::1]:8443']) expect(isLoopbackOrigin(o), o).toBe(true);
    for (const o of ['null', 'https://evil.example', 'file://', 'chrome-extension://abc', 'http://localhost.evil.example']) expect(isLoopbackOrigin(o), o).toBe(false);
  });
});
