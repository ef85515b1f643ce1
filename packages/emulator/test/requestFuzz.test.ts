/**
 * Fuzz (fast-check, fixed seed, bounded runs) of the real emulator over real HTTP: random and
 * hostile Action names, versions, parameters, JSON bodies, content types, unknown and duplicated
 * query keys, duplicated headers and bad signatures, and the same for the control endpoint.
 *
 * What must hold, whatever is sent:
 * - the emulator never crashes (it still answers afterwards) and never logs an internal error;
 * - no 500 for bad input, except where the live service itself answers 500 on purpose (the
 *   LIVE_FACTS rows with httpStatus 500, e.g. ResourcePacksStatus without ProjectName: "Missing
 *   blueprint constraint"; QuotaMonitoring / UsageMonitoring for a ResourceID the account
 *   lacks). The emulator copies those on purpose, so they are allowed for those actions only,
 *   and only as that deliberate InternalError, never as the emulator's own failure;
 * - every refusal of an API call carries the gateway envelope with ResponseMetadata.RequestId;
 *   every refusal of the control endpoint is its JSON `{ ok: false, error }`;
 * - Object.prototype has no new keys at the end.
 */
import fc from 'fast-check';
import { ACTION_NAMES, ACTIONS, canonicalQueryString, LIVE_FACTS, SERVICE_NAME, signRequest } from '@volc-speech/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../src/index.js';
import { rawHttp, send } from './helpers/raw.js';

/** Fixed, so CI runs the same cases; FUZZ_SEED and FUZZ_RUNS (a multiplier) explore further by hand. */
const SEED = Number(process.env['FUZZ_SEED'] ?? 20_261_130);
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 1);
const PROTOTYPE_KEYS = Reflect.ownKeys(Object.prototype).map(String).sort();
/** The emulator's own failure (apiRequest.ts internalError): never allowed. */
const OWN_FAILURE = /failed to handle the request/;
/** Actions for which the live service answers 500 InternalError on purpose (LIVE_FACTS). */
const LIVE_500_ACTIONS: ReadonlySet<string> = new Set(LIVE_FACTS.filter((fact) => fact.expect.httpStatus === 500).map((fact) => fact.action));

const hostileName = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', '', ' ', '../', '%00', '\u0000', 'ListAPIKeys\u0000', 'ＬｉｓｔAPIKeys', 'listapikeys', '💥', '\ud800', 'a'.repeat(3000)),
  fc.string({ maxLength: 30 }),
  fc.string({ maxLength: 20, unit: 'binary' }),
);
const hostileScalar = fc.oneof(
  fc.constantFrom(null, true, false, 0, -0, -1, 1e308, -1e308, 2 ** 31, 2 ** 53 + 1, 1e-320, '', 'default', 'volc.service_type.10029', 'seed-tts-1.0', 'quota', 'daily', '2026-11-30', '__proto__', 'constructor'),
  fc.integer(),
  fc.double(),
  hostileName,
);
const hostileValue = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, hostileScalar, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(fc.oneof(hostileName, fc.constantFrom('Key', 'Value', 'Code', 'Quantity', 'ResourceID')), tie('value'), { maxKeys: 4 }),
})).value;

const TTS = 'volc.service_type.10029';
const DAY = new Date().toISOString().slice(0, 10);
/** A well-formed request per action, which the fuzz then breaks a few fields of (or leaves alone). */
const VALID: Readonly<Record<string, Record<string, unknown>>> = {
  ListAPIKeys: { ProjectName: 'default' },
  CreateAPIKey: { ProjectName: 'default', Name: 'fuzz' },
  UpdateAPIKey: { ProjectName: 'default', ID: 1, Name: 'prod' },
  ServiceStatus: { ProjectName: 'default', ResourceID: TTS, BlueprintID: 10029 },
  ResumeService: { ProjectName: 'default', ResourceIDs: ['volc.tts.default'] },
  ResourcePacksStatus: { ProjectName: 'default', PageSize: 10, ResourceIDs: [TTS], Types: ['access', 'quota', 'prepaid'] },
  QuotaMonitoring: { ProjectName: 'default', ResourceID: TTS, Start: DAY, End: DAY, QuotaType: 'qps' },
  UsageMonitoring: { ProjectName: 'default', ResourceID: TTS, Start: DAY, End: DAY, Mode: 'daily' },
  TagResources: { ResourceType: 'quota', ResourceIds: ['r-1'], Tags: [{ Key: 'team', Value: 'tts' }] },
  UntagResources: { ResourceType: 'quota', ResourceIds: ['r-1'], TagKeys: ['team'] },
  ListTagsForResources: { ResourceType: 'quota', ResourceIds: ['r-1'] },
  ListMegaTTSTrainStatus: { ProjectName: 'default', State: 'Success' },
  BatchListMegaTTSTrainStatus: { ProjectName: 'default', State: 'Success', PageNumber: 1, PageSize: 2 },
  ListSpeakers: { ResourceIDs: ['seed-tts-1.0'], Page: 1, Limit: '50' },
  ListBigModelTTSTimbres: {},
  DeleteAPIKey: { ProjectName: 'default', ID: 2 },
  PauseService: { ProjectName: 'default', ResourceIDs: [TTS] },
  TerminateService: { ProjectName: 'default', ResourceIDs: ['volc.tts.default'] },
  ActivateService: { ProjectName: 'default', ResourceID: 'volc.bigasr.sauc.duration' },
  OrderResourcePacks: { ProjectName: 'default', ResourceID: TTS, Configurations: [{ Code: 'tts_bigmodel_chars_1m', Quantity: 2, Times: 6 }] },
  OrderAccessResourcePacks: { ProjectName: 'default', ResourceID: 'volc.megatts.voiceclone', Code: 'Model_storage', Times: 12, Quantity: 3 },
  RenewAccessResourcePacks: { Times: 12, SpeakerIDs: ['S_fuzz'] },
};

const VERSIONS = ['2025-05-20', '2025-05-21', '2023-11-07', '2021-08-30'];
const CONTENT_TYPES = ['application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json, text/plain', ''];

/** One API request: which action, how its parameters travel, and what is wrong with its framing or signature. */
const apiRequest = fc.oneof(fc.constantFrom(...ACTION_NAMES), fc.constantFrom(...ACTION_NAMES), hostileName).chain((action) => {
  const fields = Object.hasOwn(ACTIONS, action) ? Object.keys(ACTIONS[action as keyof typeof ACTIONS].fields) : [];
  const paramKey = fields.length > 0 ? fc.oneof(fc.constantFrom(...fields), fc.constantFrom(...fields), hostileName) : hostileName;
  const valid = Object.hasOwn(VALID, action) ? VALID[action] : undefined;
  const realVersion = Object.hasOwn(ACTIONS, action) ? ACTIONS[action as keyof typeof ACTIONS].version : '2025-05-20';
  // A valid request left alone, with a few fields broken, a few dropped, or nothing valid at all.
  const params = fc.oneof(
    { arbitrary: fc.constant(valid ?? {}), weight: 3 },
    { arbitrary: fc.dictionary(paramKey, hostileValue, { minKeys: 1, maxKeys: 3 }).map((broken) => Object.assign(Object.create(null) as Record<string, unknown>, valid, broken)), weight: 3 },
    { arbitrary: fc.subarray(Object.keys(valid ?? {})).map((dropped) => Object.fromEntries(Object.entries(valid ?? {}).filter(([key]) => !dropped.includes(key)))), weight: 1 },
    { arbitrary: fc.dictionary(paramKey, hostileValue, { maxKeys: 6 }), weight: 1 },
  );
  /** Usually the well-formed choice, sometimes one of the hostile ones. */
  const mostly = <T,>(usual: T, others: fc.Arbitrary<T>) => fc.oneof({ arbitrary: fc.constant(usual), weight: 6 }, { arbitrary: others, weight: 1 });
  return fc.record({
    action: mostly<string | undefined>(action, fc.constant(undefined)),
    version: mostly<string | undefined>(realVersion, fc.oneof(fc.constantFrom(...VERSIONS), hostileName, fc.constant(undefined))),
    params,
    bodyKind: mostly('json', fc.constantFrom('query', 'broken', 'nonObject', 'bytes')),
    method: mostly('POST', fc.constant('GET')),
    contentType: mostly('application/json', fc.constantFrom(...CONTENT_TYPES)),
    extraQuery: mostly({}, fc.dictionary(fc.oneof(hostileName, fc.constantFrom('Action', 'Version', 'X-Date', 'Signature')), fc.string({ maxLength: 20 }), { maxKeys: 3 })),
    signing: mostly('good', fc.constantFrom('badSignature', 'unsigned', 'wrongSecret', 'staleDate', 'otherService', 'tamperedBody')),
    duplicate: mostly<string | undefined>(undefined, fc.constantFrom('host', 'authorization', 'x-date', 'content-type', 'x-content-sha256', 'x-security-token')),
    nonObjectBody: hostileValue.filter((value) => typeof value !== 'object' || value === null || Array.isArray(value)),
    bytes: fc.string({ maxLength: 200, unit: 'binary' }),
  });
});
type ApiRequest = typeof apiRequest extends fc.Arbitrary<infer T> ? T : never;

/** A query value as a caller would write it on a URL. */
function queryValue(value: unknown): string[] {
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'string' ? item : JSON.stringify(item) ?? ''));
  return [typeof value === 'string' ? value : JSON.stringify(value) ?? ''];
}

async function sendApi(emulator: EmulatorHandle, r: ApiRequest) {
  // Null-prototype: a key named __proto__ is a query key like any other.
  const query: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
  for (const [key, value] of Object.entries(r.extraQuery)) query[key] = value;
  if (r.action !== undefined) query['Action'] = r.action;
  if (r.version !== undefined) query['Version'] = r.version;
  let body = '';
  const kind = r.method === 'GET' ? 'query' : r.bodyKind;
  if (kind === 'query') for (const [key, value] of Object.entries(r.params)) query[key] = queryValue(value);
  else if (kind === 'json') body = JSON.stringify(r.params);
  else if (kind === 'broken') body = JSON.stringify(r.params).slice(0, -1) || '{';
  else if (kind === 'nonObject') body = JSON.stringify(r.nonObjectBody) ?? 'undefined';
  else body = r.bytes;

  const host = new URL(emulator.url).host;
  const headers: Record<string, string> = { Host: host };
  if (r.contentType && r.method === 'POST') headers['Content-Type'] = r.contentType;
  const signed = signRequest(
    { method: r.method, path: '/', query, headers, body },
    {
      credentials: r.signing === 'wrongSecret' ? { ...emulator.credentials, secretAccessKey: 'not-the-secret' } : emulator.credentials,
      region: 'cn-beijing',
      service: r.signing === 'otherService' ? 'iam' : SERVICE_NAME,
      now: r.signing === 'staleDate' ? new Date(Date.now() - 3600_000) : new Date(),
    },
  );
  const finalHeaders: Record<string, string> = { ...signed.headers };
  if (r.signing === 'unsigned') for (const name of Object.keys(finalHeaders)) if (/^(authorization|x-date)$/i.test(name)) delete finalHeaders[name];
  if (r.signing === 'badSignature') {
    const name = Object.keys(finalHeaders).find((n) => n.toLowerCase() === 'authorization') as string;
    finalHeaders[name] = (finalHeaders[name] as string).replace(/Signature=([0-9a-f])/, (_m, c: string) => `Signature=${c === '0' ? '1' : '0'}`);
  }
  if (r.signing === 'tamperedBody' && r.method === 'POST') body = `${body} `;
  const url = `${emulator.url}/?${canonicalQueryString(query)}`;

  if (r.duplicate === undefined) return send(url, { method: r.method, headers: finalHeaders, ...(body ? { body } : {}) });
  // A duplicated header: only raw bytes can say the same header twice.
  const lines = [`${r.method} /?${canonicalQueryString(query)} HTTP/1.1`];
  const bytes = Buffer.from(body, 'utf8');
  for (const [name, value] of Object.entries(finalHeaders)) lines.push(`${name}: ${value}`);
  const original = Object.entries(finalHeaders).find(([name]) => name.toLowerCase() === r.duplicate)?.[1] ?? 'x';
  lines.push(`${r.duplicate}: ${original.replace(/.$/, '0')}`);
  lines.push(`Content-Length: ${bytes.length}`);
  const answer = await rawHttp(emulator.url, lines.join('\n').replace(/[^\x20-\x7e\n]/g, '?'), bytes);
  return { status: answer.status, json: answer.json, text: answer.text };
}

function checkApiAnswer(r: ApiRequest, answer: { status: number; json: Record<string, unknown>; text: string }): void {
  expect(answer.status, answer.text).toBeGreaterThanOrEqual(200);
  if (answer.status < 400) return;
  const metadata = answer.json['ResponseMetadata'] as { RequestId?: unknown; Error?: { Code?: unknown; Message?: unknown } } | undefined;
  expect(typeof metadata?.RequestId === 'string' && metadata.RequestId !== '', `refusal without a RequestId: ${answer.status} ${answer.text}`).toBe(true);
  expect(typeof metadata?.Error?.Code, answer.text).toBe('string');
  if (answer.status === 500) {
    const message = String(metadata?.Error?.Message);
    expect(OWN_FAILURE.test(message), `the emulator failed: ${answer.text}`).toBe(false);
    expect(LIVE_500_ACTIONS.has(String(r.action)) && metadata?.Error?.Code === 'InternalError', `500 for bad input outside the live facts: ${answer.text}`).toBe(true);
  }
}

/** One control request: path, method, Host, Origin, content type and body, each possibly hostile. */
const controlRequest = fc.record({
  name: fc.oneof(fc.constantFrom('health', 'state', 'reset', 'faults', 'usage', 'voices', 'faults/', 'usage?x=1'), hostileName),
  method: fc.constantFrom('GET', 'POST', 'POST', 'POST', 'PUT', 'DELETE'),
  host: fc.constantFrom('loopback', 'loopback', 'loopback', 'localhost', 'evil.example', 'none', '127.0.0.1.nip.io'),
  origin: fc.option(fc.constantFrom('http://127.0.0.1:1', 'null', 'https://evil.example', 'http://localhost'), { nil: undefined, freq: 3 }),
  contentType: fc.constantFrom('application/json', 'application/json', 'application/json; charset=utf-8', 'text/plain', ''),
  body: fc.oneof(
    fc.record(
      {
        amount: hostileScalar,
        advanceMs: fc.constantFrom(-1, 0, 1, 3600_000, 1e20, 1e308, Number.MAX_VALUE, 'x', null),
        resourceId: hostileScalar,
        projectName: hostileScalar,
        quotaLoad: hostileValue,
        speakerId: hostileScalar,
        state: hostileScalar,
        latencyMs: fc.constantFrom(-1, 0, 1e308, 'x', null, 5),
        qps: hostileScalar,
        errorRate: fc.constantFrom(-1, 0, 2, 'x', null),
        failNext: hostileValue,
        __proto__: hostileValue,
        constructor: hostileValue,
      },
      { requiredKeys: [] },
    ).map((value) => JSON.stringify(value)),
    hostileValue.map((value) => JSON.stringify(value) ?? ''),
    fc.string({ maxLength: 60 }),
  ),
});
type ControlRequest = typeof controlRequest extends fc.Arbitrary<infer T> ? T : never;

/** Every byte outside the safe set as %XX (encodeURI throws on a lone surrogate; this cannot). */
function percentEncode(text: string): string {
  return [...Buffer.from(text, 'utf8')].map((byte) => (/[A-Za-z0-9\-._~/?=&]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${byte.toString(16).padStart(2, '0')}`)).join('');
}

async function sendControl(emulator: EmulatorHandle, r: ControlRequest) {
  const target = new URL(emulator.url);
  const host = r.host === 'loopback' ? target.host : r.host === 'localhost' ? `localhost:${target.port}` : r.host;
  const bytes = Buffer.from(r.body, 'utf8');
  const lines = [`${r.method} /__emulator/${percentEncode(r.name)} HTTP/1.1`];
  if (host !== 'none') lines.push(`Host: ${host}`);
  if (r.origin) lines.push(`Origin: ${r.origin}`);
  if (r.contentType) lines.push(`Content-Type: ${r.contentType}`);
  lines.push(`Content-Length: ${bytes.length}`);
  return rawHttp(emulator.url, lines.join('\n'), bytes);
}

describe('request fuzz against the real emulator', () => {
  let emulator: EmulatorHandle;
  const logged: string[] = [];
  beforeAll(async () => {
    emulator = await startEmulator({ faults: {}, log: (line) => logged.push(line), quiet: false });
  });
  afterAll(async () => {
    await emulator.close();
    expect(Reflect.ownKeys(Object.prototype).map(String).sort()).toEqual(PROTOTYPE_KEYS);
  });

  const emulatorFailures = () => logged.filter((line) => /internal error|emulator failure/.test(line));
  const stillAnswers = async () => {
    const health = await send(`${emulator.url}/__emulator/health`, { method: 'GET' });
    expect(health.status).toBe(200);
    expect(health.json['ok']).toBe(true);
  };

  it('API calls: no crash, no 500 outside the live facts, every refusal with a RequestId', async () => {
    const outcomes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(apiRequest, async (r) => {
        const answer = await sendApi(emulator, r);
        checkApiAnswer(r, answer);
        const code = (answer.json['ResponseMetadata'] as { Error?: { Code?: string } } | undefined)?.Error?.Code ?? '';
        outcomes.set(`${answer.status} ${code}`, (outcomes.get(`${answer.status} ${code}`) ?? 0) + 1);
      }),
      { seed: SEED, numRuns: 700 * RUNS },
    );
    // The fuzz reaches every layer: signature refusals, validation refusals and handled calls.
    const seen = [...outcomes].map(([outcome, n]) => `${outcome}×${n}`).join(', ');
    if (process.env['FUZZ_RUNS']) console.log(seen);
    expect(outcomes.get('200 ') ?? 0, seen).toBeGreaterThan(20);
    expect(outcomes.get('400 InvalidParameter') ?? 0, seen).toBeGreaterThan(20);
    expect(outcomes.get('401 SignatureDoesNotMatch') ?? 0, seen).toBeGreaterThan(20);
    expect(emulatorFailures()).toEqual([]);
    await stillAnswers();
    expect(Reflect.ownKeys(Object.prototype).map(String).sort()).toEqual(PROTOTYPE_KEYS);
  }, 120_000);

  it('control endpoint: no crash, no 500, every refusal is { ok: false, error }', async () => {
    await fc.assert(
      fc.asyncProperty(controlRequest, async (r) => {
        const answer = await sendControl(emulator, r);
        expect(answer.status, answer.text).toBeGreaterThanOrEqual(200);
        expect(answer.status, answer.text).toBeLessThan(500);
        if (answer.status >= 400) {
          expect(answer.json['ok'], answer.text).toBe(false);
          expect(typeof answer.json['error'], answer.text).toBe('string');
        }
      }),
      { seed: SEED, numRuns: 400 * RUNS },
    );
    expect(emulatorFailures()).toEqual([]);
    await stillAnswers();
    expect(Reflect.ownKeys(Object.prototype).map(String).sort()).toEqual(PROTOTYPE_KEYS);
  }, 120_000);
});
