/** The older shapes served beside the current ones: 2023-11-07 voice lists and the 2021-08-30 GET monitoring. */
import { stringify } from 'node:querystring';
import { Signer } from '@volcengine/openapi';
import { SERVICE_NAME } from '@volc-speech/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../src/index.js';
import { DEMO_APP_ID } from '../src/seed.js';
import { DAY_MS, dayKey } from '../src/state/time.js';
import { errorOf, resultOf, send, signedCall } from './helpers/raw.js';

let emulator: EmulatorHandle;
beforeAll(async () => {
  emulator = await startEmulator({ quiet: true });
});
afterAll(() => emulator.close());

describe('2023-11-07', () => {
  it('BatchListMegaTTSTrainStatus takes AppID, State optional, pages of at most 100, IsActivable as a bool, AppID echoed', async () => {
    const r = await signedCall(emulator, { action: 'BatchListMegaTTSTrainStatus', version: '2023-11-07', body: { AppID: DEMO_APP_ID, PageSize: 4 } });
    expect(r.status).toBe(200);
    const result = resultOf<{ AppID: string; TotalCount: number; Statuses: Array<{ IsActivable: unknown }>; NextToken: string }>(r);
    expect(result).toMatchObject({ AppID: DEMO_APP_ID, TotalCount: 12 });
    expect(result.Statuses).toHaveLength(4);
    expect(typeof result.Statuses[0]?.IsActivable).toBe('boolean');
    expect(result.NextToken).not.toBe('');
    const tooBig = await signedCall(emulator, { action: 'BatchListMegaTTSTrainStatus', version: '2023-11-07', body: { AppID: DEMO_APP_ID, PageSize: 500 } });
    expect(errorOf(tooBig)).toMatchObject({ Code: 'InvalidParameter' });
  });

  it('ListMegaTTSTrainStatus reports unknown requested IDs as Unknown, and rejects a foreign AppID', async () => {
    const r = await signedCall(emulator, { action: 'ListMegaTTSTrainStatus', version: '2023-11-07', body: { AppID: DEMO_APP_ID, SpeakerIDs: ['S_unknown1'] } });
    expect(resultOf<{ Statuses: unknown[] }>(r).Statuses).toEqual([expect.objectContaining({ SpeakerID: 'S_unknown1', State: 'Unknown' })]);
    const foreign = await signedCall(emulator, { action: 'ListMegaTTSTrainStatus', version: '2023-11-07', body: { AppID: '42' } });
    expect(errorOf(foreign)).toMatchObject({ Code: 'InvalidParameter.AppID' });
  });

  it('ListBigModelTTSTimbres accepts the AppId older callers send', async () => {
    const r = await signedCall(emulator, { action: 'ListBigModelTTSTimbres', version: '2023-11-07', body: { AppId: DEMO_APP_ID } });
    expect(resultOf<{ Timbres: unknown[] }>(r).Timbres.length).toBeGreaterThan(0);
  });
});

describe('2021-08-30 monitoring (GET, snake_case, no envelope)', () => {
  const day = (offset: number) => dayKey(Date.now() + offset * DAY_MS);

  it('UsageMonitoring signed by the official Node SDK Signer', async () => {
    const params = { Action: 'UsageMonitoring', Version: '2021-08-30', AppID: DEMO_APP_ID, ResourceID: 'volc.service_type.10029', Start: day(-2), End: day(0), Mode: 'daily' };
    const request = { region: 'cn-north-1', method: 'GET', pathname: '/', params, headers: {} as Record<string, string> };
    new Signer(request, SERVICE_NAME).addAuthorization({ accessKeyId: emulator.credentials.accessKeyId, secretKey: emulator.credentials.secretAccessKey });
    const r = await send(`${emulator.url}/?${stringify(params)}`, { method: 'GET', headers: request.headers });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ status: 'success', error: null, data: { usage_monitoring: [expect.objectContaining({ day: day(-2), value: expect.any(Number) }), expect.anything(), expect.anything()] } });
  });

  it('QuotaMonitoring rows carry value and limit; an unknown resource gives null', async () => {
    const query = { AppID: DEMO_APP_ID, ResourceID: 'volc.service_type.10029', Start: day(0), End: day(0), QuotaType: 'concurrency' };
    const r = await signedCall(emulator, { action: 'QuotaMonitoring', version: '2021-08-30', method: 'GET', query });
    expect(r.json).toEqual({ status: 'success', error: null, data: { quota_monitoring: [{ day: day(0), quota_type: 'concurrency', value: expect.any(Number), limit: 20 }] } });
    const none = await signedCall(emulator, { action: 'QuotaMonitoring', version: '2021-08-30', method: 'GET', query: { ...query, ResourceID: 'volc.nothing' } });
    expect(none.json).toEqual({ status: 'success', error: null, data: { quota_monitoring: null } });
  });
});
