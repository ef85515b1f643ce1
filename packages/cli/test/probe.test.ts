/**
 * `volc-speech probe` through runCli: against the real emulator over HTTP, and against a real
 * local HTTP service that answers with values the toolkit does not expect. Both record which
 * actions actually arrived, so "only reads" is checked on the wire.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getAction, VolcSpeechClient } from '@volc-speech/client';
import { startEmulator, type EmulatorHandle } from '@volc-speech/emulator';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../src/main.js';
import { assertReadOnly, NotReadOnlyError, sendRead, type ProbeReport } from '../src/probe/index.js';
import { resolveCliTarget } from '../src/target.js';

function capture() {
  let out = '';
  let err = '';
  return { stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (err += t) }, text: () => ({ out, err }) };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'probe-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('probe --help', () => {
  it('says what it sends and what it never does', async () => {
    const c = capture();
    expect(await runCli(['probe', '--help'], { ...c, env: {} })).toBe(0);
    const { out } = c.text();
    expect(out).toContain('What it sends');
    expect(out).toContain('What it never does');
    expect(out).toMatch(/not a read/);
    expect(out).toMatch(/Keys, secrets, IDs, names and amounts are left out/);
  });

  it('refuses unknown options and a resource without a known BlueprintID (exit 2)', async () => {
    const c = capture();
    expect(await runCli(['probe', '--pause'], { ...c, env: {} })).toBe(2);
    expect(c.text().err).toContain('unknown option');
    const d = capture();
    expect(await runCli(['probe', '--resource', 'volc.tts.default'], { ...d, env: {} })).toBe(2);
    expect(d.text().err).toContain('--blueprint');
  });
});

describe('probe against the emulator', () => {
  let emulator: EmulatorHandle;
  const actions: string[] = [];
  beforeAll(async () => {
    emulator = await startEmulator({ quiet: false, log: (line) => actions.push(line.split(' ')[1] ?? '') });
  });
  afterAll(() => emulator.close());

  it('reads only, confirms every fact, and writes a report with no key, ID, name or amount', async () => {
    const c = capture();
    const out = join(dir, 'emulator.json');
    const io: CliIo = { ...c, env: { VOLC_SPEECH_ENDPOINT: emulator.url } };
    const code = await runCli(['probe', '--out', out], io);
    const { out: stdout, err } = c.text();
    expect(code, err).toBe(0);
    expect(actions.length).toBeGreaterThan(20);
    for (const action of actions) expect(getAction(action)?.effect, action).toBe('read');

    const text = readFileSync(out, 'utf8');
    const report = JSON.parse(text) as ProbeReport;
    expect(report.facts.length).toBeGreaterThanOrEqual(15);
    expect(report.facts.filter((f) => f.verdict !== 'confirms')).toEqual([]);
    expect(stdout).toMatch(/Facts of shared\/api §6 \(LIVE_FACTS\): \d+ confirmed, 0 contradicted/);
    // The emulator's own spellings are what the toolkit assumes: no contradiction.
    expect(report.unknowns.filter((u) => u.verdict === 'contradicts')).toEqual([]);
    expect(report.unknowns.find((u) => u.entry === 'SERVICE_STATUS')).toMatchObject({ verdict: 'confirms', observed: ['Running'] });

    const state = emulator.state;
    const secrets = [
      ...Object.values(state.apiKeys.byProject).flatMap((keys) => keys.flatMap((k) => [k.APIKey, k.Name])),
      ...Object.values(state.voices.speakers).flatMap((v) => [v.speakerId, v.instanceNo]),
      ...state.packs.packs.flatMap((p) => [p.instanceNumber, p.alias, String(p.purchased)]),
      emulator.credentials.accessKeyId,
      'volc.service_type.10029',
    ].filter((s) => s.length >= 4);
    for (const secret of secrets) expect(text.includes(secret), `report holds ${secret}`).toBe(false);
    expect(text).not.toMatch(/"default"/);
  });
});

/** A real HTTP service that answers every read with values the toolkit does not expect. */
function oddService(seen: string[]): Server {
  const envelope = (action: string, result: unknown) => ({ ResponseMetadata: { RequestId: '20261130000000ABCDEF', Action: action, Version: getAction(action)?.version ?? '' }, Result: result });
  const error = (res: ServerResponse, action: string, status: number, code: string, message: string) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ResponseMetadata: { RequestId: '20261130000000ABCDEF', Action: action, Error: { Code: code, Message: message } } }));
  };
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const action = new URL(req.url ?? '/', 'http://x').searchParams.get('Action') ?? '';
      seen.push(action);
      const request = (body ? JSON.parse(body) : {}) as Record<string, unknown>;
      const ok = (result: unknown) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(envelope(action, result)));
      };
      switch (action) {
        case 'ListAPIKeys':
          return ok({ APIKeys: [{ ID: 7, Name: 'prod-key-name', APIKey: 'SECRET-apikey-0123456789abcdef', Disable: false, CreateTime: 1764460800, UpdateTime: '2026/11/30' }] });
        case 'ServiceStatus':
          return ok({ Status: 'Weird_Status', Level: 'L9', InstanceNumber: 'SeedAudio1.0-123456789' });
        case 'ResourcePacksStatus':
          if (!request['ProjectName']) return error(res, action, 400, 'MissingParameter', 'ProjectName is required');
          // Unlike LIVE1: packs even without Types.
          return ok({ Packs: [{ Type: 'trial', State: 'Frozen', Expires: '2026/12/01', InstanceNumber: 'SeedAudio1.0-987654321', Harvest: { PurchasedAmount: 424242 } }], TotalCount: 1 });
        case 'QuotaMonitoring':
          return ok({ QuotaMonitoring: [{ Day: '20261130', QuotaType: 'qph', Value: 3, limit: 9 }] });
        case 'UsageMonitoring':
          return ok({ UsageMonitoring: [{ Day: '2026-11-30', UsageType: 'tokens', Value: 1.5 }] });
        case 'BatchListMegaTTSTrainStatus':
          return ok({ Statuses: [{ SpeakerID: 'S_secret01', State: request['State'] === '' ? 'Success' : String(request['State']), InstanceStatus: 'frozen', CreateTime: 1764460800000 }], TotalCount: 1 });
        default:
          return ok({});
      }
    });
  });
}

describe('probe against a service that answers otherwise', () => {
  let server: Server;
  let endpoint: string;
  const seen: string[] = [];
  beforeAll(async () => {
    server = oddService(seen);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  afterEach(() => (seen.length = 0));

  it('reports the contradictions and settled values, keeping no secret', async () => {
    const c = capture();
    const out = join(dir, 'odd.json');
    const io: CliIo = { ...c, env: { VOLC_ACCESSKEY: 'AKLTprobetestkey000001', VOLC_SECRETKEY: 'probe-secret' }, resolveTarget: resolveCliTarget };
    const code = await runCli(['probe', '--endpoint', endpoint, '--project', 'acme-prod', '--out', out], io);
    const { out: stdout, err } = c.text();
    expect(code, err).toBe(0);
    for (const action of seen) expect(getAction(action)?.effect, action).toBe('read');

    const text = readFileSync(out, 'utf8');
    const report = JSON.parse(text) as ProbeReport;
    const verdict = (entry: string) => report.unknowns.find((u) => u.entry === entry);
    expect(verdict('SERVICE_STATUS')).toMatchObject({ verdict: 'contradicts', observed: ['Weird_Status'] });
    expect(verdict('(open) ServiceStatus Level')).toMatchObject({ verdict: 'settles', observed: ['L9'] });
    expect(verdict('PACK_TYPES (knownValues)')).toMatchObject({ verdict: 'contradicts', observed: ['trial'] });
    expect(verdict('QUOTA_TYPES (knownValues)')?.verdict).toBe('contradicts');
    expect(verdict('(monitoring) daily Day format')).toMatchObject({ verdict: 'contradicts', observed: ['yyyyMMdd', 'yyyy-MM-dd'] });
    expect(verdict('API_KEY_TIME_FORMAT')).toMatchObject({ verdict: 'contradicts', observed: ['epoch-s'] });
    expect(verdict('VOICE_INSTANCE_STATUS')).toMatchObject({ verdict: 'contradicts', observed: ['frozen'] });
    expect(verdict('VOICE_STATE_ALL')?.verdict).toBe('settles');
    const fact = (id: string) => report.facts.find((f) => f.fact === id);
    expect(fact('packs.types-missing')).toMatchObject({ verdict: 'contradicts' });
    expect(fact('packs.project-missing')).toMatchObject({ verdict: 'contradicts', observed: 'HTTP 400 MissingParameter' });
    expect(stdout).toContain('✗ SERVICE_STATUS: contradicts — seen Weird_Status');
    expect(stdout).toMatch(/✗ packs\.types-missing: ResourcePacksStatus without Types — expected HTTP 200, noPacks \(LIVE1\)/);

    for (const secret of ['SECRET-apikey', 'prod-key-name', 'SeedAudio1.0-123456789', 'SeedAudio1.0-987654321', '424242', 'S_secret01', 'acme-prod', 'AKLTprobetestkey000001', 'probe-secret']) {
      expect(text.includes(secret), `report holds ${secret}`).toBe(false);
      expect(stdout.includes(secret), `summary holds ${secret}`).toBe(false);
    }
  });

  it('refuses anything but a read before it is sent', async () => {
    for (const action of ['PauseService', 'ResumeService', 'OrderResourcePacks', 'RenewAccessResourcePacks', 'DeleteAPIKey', 'CreateAPIKey', 'TagResources', 'NoSuchAction']) {
      expect(() => assertReadOnly(action)).toThrow(NotReadOnlyError);
    }
    const client = new VolcSpeechClient({ credentials: { accessKeyId: 'AK', secretAccessKey: 'SK' }, endpoint, env: {}, retry: false });
    await expect(sendRead(client, 'PauseService', { ProjectName: 'p', ResourceIDs: ['r'] })).rejects.toThrow(/only reads/);
    await expect(sendRead(client, 'TerminateService', { ProjectName: 'p' })).rejects.toThrow(/disrupts service/);
    expect(seen).toEqual([]);
    expect(await sendRead(client, 'ServiceStatus', { ProjectName: 'p', ResourceID: 'r', BlueprintID: 1 })).toMatchObject({ ok: true });
    expect(seen).toEqual(['ServiceStatus']);
  });
});
