/**
 * The preview server on its own, against a real emulator and the real TrayCore: what any local
 * process or web page can (not) do with it. No browser: raw HTTP, as an attacker would send it.
 */
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { VolcSpeechClient } from '@volc-speech/client';
import { manualClock, startEmulator } from '@volc-speech/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestPath, startPreviewServer, staticPath, type PreviewServer } from '../../src/preview/server.js';
import { RENDERER_DIR } from '../e2e/harness.js';

const TTS = 'volc.service_type.10029';
const ASR = 'volc.bigasr.auc';
const PROFILE = 'e2e';

let emulator: Awaited<ReturnType<typeof startEmulator>>;
let preview: PreviewServer;
let client: VolcSpeechClient;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, host: '127.0.0.1', quiet: true, clock: manualClock(Date.now()) });
  preview = await startPreviewServer({
    port: 0,
    staticDir: RENDERER_DIR,
    coreOptions: {
      settings: {
        schemaVersion: 1,
        startAtLogin: false,
        activeProfileId: PROFILE,
        profiles: [
          {
            id: PROFILE,
            name: 'Emulator',
            accessKeyId: emulator.credentials.accessKeyId,
            region: 'cn-north-1',
            endpoint: emulator.url,
            projectName: 'default',
            useEmulator: false,
            pollIntervalSec: 3600,
            warningPercent: 80,
            criticalPercent: 95,
          },
        ],
      },
      secrets: { [PROFILE]: emulator.credentials.secretAccessKey },
      commandConfirm: { reads: 3, delayMs: 50 },
    },
  });
  client = new VolcSpeechClient({ credentials: emulator.credentials, region: 'cn-north-1', endpoint: emulator.url });
});

afterAll(async () => {
  await preview?.close();
  await emulator?.close();
});

async function call(operation: string, args: unknown[], headers: Record<string, string> = {}): Promise<{ status: number; body: { result?: unknown; error?: { message: string; code?: string } } }> {
  const response = await fetch(`${preview.url}api/${operation}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(args) });
  return { status: response.status, body: (await response.json()) as never };
}

async function confirm(operation: 'pause' | 'resume', resourceId: string): Promise<string> {
  const { status, body } = await call('confirmCommand', [{ operation, profileId: PROFILE, resourceId }]);
  expect(status).toBe(200);
  return (body.result as { token: string }).token;
}

const statusOf = async (resourceId: string, blueprintId: number) => (await client.serviceStatus({ ProjectName: 'default', ResourceID: resourceId, BlueprintID: blueprintId })).Status;

/** One raw HTTP/1.1 request, bytes as given (fetch and http.request refuse to send malformed targets). */
function raw(target: string, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(preview.port, '127.0.0.1');
    const lines = [`GET ${target} HTTP/1.1`, `Host: 127.0.0.1:${preview.port}`, 'Connection: close', ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`), '', ''];
    let data = '';
    socket.on('connect', () => socket.write(Buffer.from(lines.join('\r\n'), 'latin1')));
    socket.on('data', (chunk) => (data += chunk.toString('latin1')));
    socket.on('error', reject);
    socket.on('close', () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0);
      resolve({ status, text: data.slice(data.indexOf('\r\n\r\n') + 4) });
    });
  });
}

function withHost(host: string, path: string, extra: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: preview.port, path, method: 'GET', headers: { Host: host, ...extra } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('preview server: pause and resume need the confirmation step', () => {
  it('refuses a bare POST to pause with 403 and the service keeps running', async () => {
    expect(await statusOf(TTS, 10029)).toBe('Running');
    for (const args of [[PROFILE, TTS, true], [PROFILE, TTS, true, 'x'.repeat(43)], [PROFILE, TTS, true, '']]) {
      const { status, body } = await call('setServicePaused', args);
      expect(status, JSON.stringify(args)).toBe(403);
      expect(body.error).toMatchObject({ code: 'ConfirmationRequired', message: expect.stringMatching(/^PauseService of volc\.service_type\.10029 refused: .*Nothing was sent\.$/) });
    }
    expect(await statusOf(TTS, 10029)).toBe('Running');
  });

  it('runs a confirmed pause once; the token can be neither replayed nor used for another command or service', async () => {
    const token = await confirm('pause', TTS);
    const paused = await call('setServicePaused', [PROFILE, TTS, true, token]);
    expect(paused).toMatchObject({ status: 200, body: { result: { ok: true, state: 'paused', status: 'Paused' } } });
    expect(await statusOf(TTS, 10029)).toBe('Paused');

    // Replayed (as a resume, which would otherwise succeed now): refused, still paused.
    const replay = await call('setServicePaused', [PROFILE, TTS, false, token]);
    expect(replay.status).toBe(403);
    expect(replay.body.error?.message).toMatch(/unknown or was already used/);
    expect(await statusOf(TTS, 10029)).toBe('Paused');

    // A pause confirmation does not resume; a confirmation for another service does not resume this one.
    for (const other of [await confirm('pause', TTS), await confirm('resume', ASR)]) {
      const refused = await call('setServicePaused', [PROFILE, TTS, false, other]);
      expect(refused.status).toBe(403);
      expect(refused.body.error?.message).toMatch(/given for another command or service/);
    }
    // Each token went with its one presentation: the ASR one cannot be used for ASR any more either.
    expect(await statusOf(TTS, 10029)).toBe('Paused');

    const resumed = await call('setServicePaused', [PROFILE, TTS, false, await confirm('resume', TTS)]);
    expect(resumed).toMatchObject({ status: 200, body: { result: { ok: true, state: 'running' } } });
    expect(await statusOf(TTS, 10029)).toBe('Running');
  });

  it('says what a refused settings call is: unknown profile 404, a new endpoint without the secret 400, never 500', async () => {
    for (const [operation, args] of [
      ['selectProfile', ['ghost']],
      ['deleteProfile', ['ghost']],
      ['confirmCommand', [{ operation: 'pause', profileId: 'ghost', resourceId: TTS }]],
    ] as const) {
      const { status, body } = await call(operation, [...args]);
      expect(status, operation).toBe(404);
      expect(body.error).toEqual({ code: 'UnknownProfile', message: 'There is no profile ghost.' });
    }
    const settings = (await call('getSettings', [])).body.result as { profiles: Array<Record<string, unknown>> };
    const { id, hasSecret: _h, secretEndpoint: _s, watchedServices: _w, ...fields } = settings.profiles.find((p) => p.id === PROFILE)!;
    const moved = await call('saveProfile', [{ ...fields, id, endpoint: 'https://collector.example.net' }]);
    expect(moved.status).toBe(400);
    expect(moved.body.error).toEqual({ code: 'SecretNeededForEndpoint', message: `Endpoint is now https://collector.example.net, but the stored Secret Access Key was saved for ${emulator.url}.` });
    const after = (await call('getSettings', [])).body.result as { profiles: Array<{ id: string; endpoint: string }> };
    expect(after.profiles.find((p) => p.id === PROFILE)!.endpoint).toBe(emulator.url);
  });

  it('refuses confirmations for unknown commands and malformed requests with 400, never 500', async () => {
    expect((await call('confirmCommand', [{ operation: 'terminate', profileId: PROFILE, resourceId: TTS }])).status).toBe(400);
    expect((await call('confirmCommand', [{ operation: 'pause', profileId: PROFILE, resourceId: TTS, extra: 1 }])).status).toBe(400);
    expect((await call('setServicePaused', [PROFILE, TTS, true, 42])).status).toBe(400);
  });
});

describe('preview server: requests it must not answer', () => {
  it('answers 400 for malformed paths, never 500', async () => {
    const long = `/${'a'.repeat(5000)}`;
    for (const target of ['/%E0%A4%A', '/..%2f', '/..%2findex.html', '/%2e%2e/%2e%2e/etc/passwd', '/a/%2E%2E/%2E%2E/package.json', '/%C0%AE%C0%AE/', '/index.html%00.css', '/%5c..%5cpackage.json', long, '/\u0000']) {
      const { status, text } = await raw(target);
      expect(status, target.slice(0, 40)).toBe(400);
      // Ours says why; Node's own parser (a raw NUL) answers an empty 400 before we see the request.
      if (text !== '') expect(text).toContain('Malformed path');
    }
    // The page itself and a missing file are as before.
    expect((await raw('/')).status).toBe(200);
    expect((await raw('/app.js?v=1')).status).toBe(200);
    expect((await raw('/nothing-here.js')).status).toBe(404);
  });

  it('answers only a loopback Host, and /api/* refuses another site’s Origin', async () => {
    expect(await withHost(`127.0.0.1:${preview.port}`, '/')).toBe(200);
    expect(await withHost(`localhost:${preview.port}`, '/')).toBe(200);
    for (const host of [`evil.example:${preview.port}`, 'localhost', `127.0.0.1.nip.io:${preview.port}`, `[::ffff:127.0.0.1]:${preview.port}`]) {
      expect(await withHost(host, '/'), `Host: ${host}`).toBe(403);
      expect(await withHost(host, '/api/events'), host).toBe(403);
    }
    expect(await withHost(`127.0.0.1:${preview.port}`, '/api/events', { Origin: 'https://evil.example' })).toBe(403);
    expect(await withHost(`127.0.0.1:${preview.port}`, '/api/events', { Origin: 'null' })).toBe(403);
    const foreign = await call('getSnapshot', [], { Origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error?.message).toMatch(/Cross-origin call refused/);
    const own = await call('getSnapshot', [], { Origin: `http://127.0.0.1:${preview.port}` });
    expect(own.status).toBe(200);
  });

  it('splits and checks paths without a server (unit)', () => {
    expect(requestPath('/api/events?x=1')).toBe('/api/events');
    expect(requestPath('http://evil.example/')).toBeNull();
    expect(requestPath('//evil.example/x')).toBe('//evil.example/x');
    expect(staticPath('/')).toBe('/index.html');
    expect(staticPath('/styles.css')).toBe('/styles.css');
    expect(staticPath('//evil.example/x')).toBe('//evil.example/x'); // served from inside the page's folder, or 404
    expect(staticPath('/%E4%B8%AD.png')).toBe('/中.png');
    expect(staticPath('/a/../b')).toBeNull();
  });
});
