/**
 * Stateful behaviour through the real client: lifecycles, transitions, usage that moves with
 * the (injected) clock, asynchronous voice orders, expiry and renewal, the order throttle.
 */
import { listAllVoices, SERVICE_STATUS, type VolcSpeechClient } from '@volc-speech/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { manualClock, type ManualClock } from '../src/index.js';
import { createSeedState, DEMO_APP_ID } from '../src/seed.js';
import { profileOf } from '../src/state/resourceProfiles.js';
import { catchUp } from '../src/state/usage.js';
import { DAY_MS, dayKey, HOUR_MS } from '../src/state/time.js';
import { rejectionOf, startTarget, type TestTarget } from './helpers/emulator.js';

const P = 'default';
const TTS = 'volc.service_type.10029';
// 10:00 Beijing on a weekday: the load curve is at its daytime level.
const START = Date.UTC(2026, 10, 24, 2, 0, 0);

let t: TestTarget;
let c: VolcSpeechClient;
let clock: ManualClock;

async function start(options: Parameters<typeof startTarget>[0] = {}) {
  clock = manualClock(START);
  t = await startTarget({ clock, ...options });
  c = t.client;
}
afterEach(() => t?.close());

async function ttsPacks() {
  return (await c.call('ResourcePacksStatus', { ProjectName: P, PageSize: 100, ResourceIDs: [TTS] })).Packs ?? [];
}
async function usedOf(code: string): Promise<number> {
  return (await ttsPacks()).find((p) => p.Code === code)?.Harvest?.CurrentUsage ?? NaN;
}
async function todayUsage(): Promise<number> {
  const day = dayKey(clock.now());
  const rows = (await c.call('UsageMonitoring', { ProjectName: P, ResourceID: TTS, Start: day, End: day, Mode: 'daily' })).UsageMonitoring ?? [];
  return rows[0]?.Value ?? 0;
}

describe('API key lifecycle', () => {
  beforeEach(() => start());

  it('create → list → rename/disable → filter → delete → delete again is 404; IDs are never reused', async () => {
    await c.call('CreateAPIKey', { ProjectName: P, Name: 'tray' });
    await c.call('CreateAPIKey', { ProjectName: 'other-project', Name: 'cli' });
    let keys = (await c.call('ListAPIKeys', { ProjectName: P })).APIKeys ?? [];
    expect(keys.map((k) => [k.ID, k.Name])).toEqual([
      [1, '生产环境'],
      [2, '测试环境（已停用）'],
      [3, 'tray'],
    ]);
    expect((await c.call('ListAPIKeys', { ProjectName: 'other-project' })).APIKeys).toEqual([expect.objectContaining({ ID: 4, Name: 'cli' })]);

    clock.advance(60_000);
    await c.call('UpdateAPIKey', { ProjectName: P, ID: 3, Name: 'tray-mac', Disable: 'true' });
    keys = (await c.call('ListAPIKeys', { ProjectName: P })).APIKeys ?? [];
    const tray = keys.find((k) => k.ID === 3);
    expect(tray).toMatchObject({ Name: 'tray-mac', Disable: true });
    expect(Date.parse(tray?.UpdateTime ?? '') - Date.parse(tray?.CreateTime ?? '')).toBe(60_000);
    expect((await c.call('ListAPIKeys', { ProjectName: P, OnlyAvailable: true })).APIKeys?.map((k) => k.ID)).toEqual([1]);

    await c.call('DeleteAPIKey', { ProjectName: P, ID: 3 });
    expect((await rejectionOf(c.call('DeleteAPIKey', { ProjectName: P, ID: 3 }))).code).toBe('NotFound.APIKey');
    await c.call('CreateAPIKey', { ProjectName: P, Name: 'again' });
    expect((await c.call('ListAPIKeys', { ProjectName: P })).APIKeys?.at(-1)?.ID).toBe(5);
  });

  it('an ID of another project is not found', async () => {
    expect((await rejectionOf(c.call('DeleteAPIKey', { ProjectName: 'other-project', ID: 1 }))).httpStatus).toBe(404);
  });
});

describe('service state machine', () => {
  beforeEach(() => start());
  const status = async (id: string) => (await c.call('ServiceStatus', { ProjectName: P, ResourceID: id, BlueprintID: 10029 })).Status;

  it('Running → Paused → Running → Terminated → (Activate) Running, with the SERVICE_STATUS spellings', async () => {
    expect(await status(TTS)).toBe(SERVICE_STATUS.running);
    await c.call('PauseService', { ProjectName: P, ResourceIDs: [TTS] });
    expect(await status(TTS)).toBe(SERVICE_STATUS.paused);
    await c.call('ResumeService', { ProjectName: P, ResourceIDs: [TTS] });
    expect(await status(TTS)).toBe(SERVICE_STATUS.running);
    await c.call('TerminateService', { ProjectName: P, ResourceIDs: [TTS] });
    expect(await status(TTS)).toBe(SERVICE_STATUS.terminated);
    for (const action of ['PauseService', 'ResumeService', 'TerminateService'] as const) {
      const error = await rejectionOf(c.call(action, { ProjectName: P, ResourceIDs: [TTS] }));
      expect(error).toMatchObject({ httpStatus: 400, code: 'OperationDenied' });
      expect(error['serviceMessage']).toMatch(/Terminated/);
    }
    await c.call('ActivateService', { ProjectName: P, ResourceID: TTS, BlueprintID: 10029 });
    expect(await status(TTS)).toBe(SERVICE_STATUS.running);
  });

  it('a list is all or nothing: one illegal member leaves the others untouched', async () => {
    const error = await rejectionOf(c.call('PauseService', { ProjectName: P, ResourceIDs: [TTS, 'volc.tts.default'] }));
    expect(error['serviceMessage']).toMatch(/volc\.tts\.default.*Paused/);
    expect(await status(TTS)).toBe(SERVICE_STATUS.running);
  });

  it('Pause/Resume/Terminate without ResourceIDs → MissingParameter', async () => {
    expect(await rejectionOf(c.callUnvalidated('PauseService', { ProjectName: P }))).toMatchObject({ code: 'MissingParameter', httpStatus: 400 });
    expect(await rejectionOf(c.callUnvalidated('ResumeService', { ProjectName: P, ResourceIDs: [] }))).toMatchObject({ code: 'MissingParameter', httpStatus: 400 });
    expect(await rejectionOf(c.callUnvalidated('TerminateService', { ProjectName: P }))).toMatchObject({ code: 'MissingParameter', httpStatus: 400 });
  });
});

describe('usage moves with time', () => {
  beforeEach(() => start());

  it('a running service consumes its packs and shows in monitoring as the clock moves', async () => {
    const before = await usedOf('tts_bigmodel_chars_5m');
    const usageBefore = await todayUsage();
    clock.advance(HOUR_MS);
    const after = await usedOf('tts_bigmodel_chars_5m');
    // 60,000 characters an hour at full load; 10:00–11:00 Beijing runs at 0.95.
    expect(after - before).toBeGreaterThan(50_000);
    expect(after - before).toBeLessThan(60_001);
    expect((await todayUsage()) - usageBefore).toBeCloseTo(after - before, -1);
    const pack = (await ttsPacks()).find((p) => p.Code === 'tts_bigmodel_chars_5m');
    expect(pack?.CurrentUsage).toBe(`${Math.round(after).toLocaleString('en-US')} 字符`);
  });

  it('a paused service uses nothing', async () => {
    await c.call('PauseService', { ProjectName: P, ResourceIDs: [TTS] });
    const before = await usedOf('tts_bigmodel_chars_5m');
    clock.advance(3 * HOUR_MS);
    expect(await usedOf('tts_bigmodel_chars_5m')).toBe(before);
  });

  it('usage fills one pack, then the next; monitoring keeps counting', async () => {
    const control = t.emulator.control;
    const left = 5_000_000 - (await usedOf('tts_bigmodel_chars_5m'));
    control.addUsage({ amount: left + 1000 });
    expect(await usedOf('tts_bigmodel_chars_5m')).toBe(5_000_000);
    expect(await usedOf('tts_bigmodel_chars_10m')).toBe(1000);
  });

  it('the control hook books usage without moving the clock', async () => {
    const before = await usedOf('tts_bigmodel_chars_5m');
    const added = t.emulator.control.advanceUsage(2 * HOUR_MS);
    expect(added[TTS]).toBeGreaterThan(100_000);
    expect(await usedOf('tts_bigmodel_chars_5m')).toBeCloseTo(before + (added[TTS] ?? 0), -1);
    expect(clock.now()).toBe(START);
  });

  it('usage monitoring is daily only: hourly is refused as the live service does (EXPL, LIVE1)', async () => {
    clock.advance(2 * HOUR_MS);
    const day = dayKey(clock.now());
    const error = await rejectionOf(c.callUnvalidated('UsageMonitoring', { ProjectName: P, ResourceID: TTS, Start: day, End: day, Mode: 'hourly' }));
    expect(error).toMatchObject({ httpStatus: 400, code: 'InvalidParameter' });
    const rows = (await c.call('UsageMonitoring', { ProjectName: P, ResourceID: TTS, Start: day, End: day, Mode: 'daily' })).UsageMonitoring ?? [];
    expect(rows.map((r) => r.Day)).toEqual([day]);
  });
});

describe('rate-limit use (QuotaMonitoring)', () => {
  /** Every day's peak of every quota type, as a share of its limit. */
  function peakShares(state: ReturnType<typeof createSeedState>): number[] {
    const shares: number[] = [];
    for (const byResource of Object.values(state.monitoring.quotaPeaks)) {
      for (const [resourceId, byType] of Object.entries(byResource)) {
        for (const [quotaType, byDay] of Object.entries(byType)) {
          const limit = profileOf(resourceId).quotaLimits[quotaType] as number;
          for (const value of Object.values(byDay)) shares.push(value / limit);
        }
      }
    }
    return shares;
  }

  it('the seed and the live load keep every peak below the tray 80% warning, at any hour', () => {
    const usage = { live: true, ratesPerHour: {} };
    for (let hour = 0; hour < 24; hour++) {
      const now = START + hour * HOUR_MS + 30 * 60_000;
      const state = createSeedState(now);
      catchUp(state, now + 2 * DAY_MS, usage);
      const shares = peakShares(state);
      expect(Math.max(...shares)).toBeLessThan(0.8);
      expect(Math.max(...shares)).toBeLessThanOrEqual(0.72);
    }
    // Realistic: past days peak at 40–75% of the limit, and not all alike.
    const state = createSeedState(START);
    const past = state.monitoring.quotaPeaks[P]?.[TTS]?.['concurrency'] ?? {};
    const days = Object.entries(past).filter(([day]) => day < dayKey(START));
    expect(days.length).toBeGreaterThanOrEqual(29);
    for (const [, value] of days) expect(value / 20).toBeGreaterThanOrEqual(0.4);
    expect(new Set(days.map(([, value]) => value)).size).toBeGreaterThan(1);
  });

  it('the control hook sets the peak of today, and the live load does not lower it', async () => {
    await start();
    const day = dayKey(clock.now());
    const concurrency = async () =>
      (await c.call('QuotaMonitoring', { ProjectName: P, ResourceID: TTS, Start: day, End: day, QuotaType: 'concurrency' })).QuotaMonitoring?.[0];
    expect(((await concurrency())?.Value ?? 0) / 20).toBeLessThan(0.8);
    const report = t.emulator.control.setQuotaLoad({ quotaType: 'concurrency', percent: 90 });
    expect(report).toEqual({ projectName: P, resourceId: TTS, day, peaks: { concurrency: { value: 18, limit: 20 } } });
    expect(await concurrency()).toMatchObject({ Value: 18, limit: 20 });
    clock.advance(HOUR_MS);
    expect(await concurrency()).toMatchObject({ Value: 18, limit: 20 });
    // Without a quotaType, every quota type of the resource.
    expect(t.emulator.control.setQuotaLoad({ percent: 96 }).peaks).toEqual({ concurrency: { value: 19, limit: 20 }, qps: { value: 58, limit: 60 } });
  });
});

describe('cloned voices', () => {
  it('an order is delivered over the delivery delay: IsAllProcessed turns true at the end', async () => {
    await start({ orderDeliveryMs: 10_000 });
    const [orderId = ''] = (await c.call('OrderAccessResourcePacks', { ProjectName: P, ResourceID: 'volc.megatts.voiceclone', Code: 'Model_storage', Times: 6, Quantity: 4 })).OrderIDs ?? [];
    const poll = () => c.call('ListMegaTTSByOrderID', { AppID: DEMO_APP_ID, OrderID: orderId });
    expect(await poll()).toMatchObject({ OrderBuyQuantity: 4, OrderBuyCurrentSuccessQuantity: 0, IsAllProcessed: false, Statuses: [] });
    clock.advance(5_000);
    expect(await poll()).toMatchObject({ OrderBuyCurrentSuccessQuantity: 2, IsAllProcessed: false });
    clock.advance(5_000);
    const done = await poll();
    expect(done).toMatchObject({ OrderBuyCurrentSuccessQuantity: 4, IsAllProcessed: true, TotalCount: 4 });
    const ids = done.Statuses?.map((s) => s.SpeakerID ?? '') ?? [];
    const listed = await c.call('ListMegaTTSTrainStatus', { ProjectName: P, State: 'Unknown', SpeakerIDs: ids });
    expect(listed.Statuses?.map((s) => s.SpeakerID).sort()).toEqual([...ids].sort());
    for (const row of listed.Statuses ?? []) expect(row.ExpireTime).toBeGreaterThan(START + 180 * DAY_MS - 2 * DAY_MS);
  });

  it('voices expire when their ExpireTime passes and come back when renewed', async () => {
    await start();
    const soon = Object.values(t.emulator.state.voices.speakers).find((v) => v.alias === '品牌男声');
    expect(soon?.state).toBe('Success');
    expect((soon?.expiresAt ?? 0) - START).toBeLessThan(7 * DAY_MS);
    clock.advance(6 * DAY_MS);
    const expired = await c.call('ListMegaTTSTrainStatus', { ProjectName: P, State: 'Expired', SpeakerIDs: [soon?.speakerId ?? ''] });
    expect(expired.Statuses).toEqual([expect.objectContaining({ State: 'Expired', IsActivable: 'false' })]);
    await c.call('RenewAccessResourcePacks', { Times: 1, SpeakerIDs: [soon?.speakerId ?? ''] });
    const renewed = (await c.call('ListMegaTTSTrainStatus', { ProjectName: P, State: 'Success', SpeakerIDs: [soon?.speakerId ?? ''] })).Statuses?.[0];
    expect(renewed).toMatchObject({ State: 'Success' });
    expect(renewed?.ExpireTime).toBeGreaterThan(clock.now() + 27 * DAY_MS);
  });

  it('a newly ordered voice that expires before every other one still expires on time', async () => {
    await start({ seed: { voices: 1 }, orderDeliveryMs: 0 });
    await c.call('ListAPIKeys', { ProjectName: P });
    const [orderId = ''] = (await c.call('OrderAccessResourcePacks', { ProjectName: P, ResourceID: 'volc.megatts.voiceclone', Code: 'Model_storage', Times: 1, Quantity: 1 })).OrderIDs ?? [];
    clock.advance(32 * DAY_MS);
    const order = await c.call('ListMegaTTSByOrderID', { AppID: DEMO_APP_ID, OrderID: orderId });
    expect(order.Statuses?.[0]?.State).toBe('Expired');
  });

  it('the training hook moves a voice through Training → Success → Active', async () => {
    await start();
    const voice = Object.values(t.emulator.state.voices.speakers).find((v) => v.state === 'Unknown' && !v.trial);
    const id = voice?.speakerId ?? '';
    const times = voice?.availableTrainingTimes ?? 0;
    t.emulator.control.setVoiceState(id, 'Training');
    const row = () => listAllVoices(c, { ProjectName: P, SpeakerIDs: [id] }).then((rows) => rows.find((r) => r.SpeakerID === id && r.State !== 'Unknown'));
    expect(await row()).toMatchObject({ State: 'Training', AvailableTrainingTimes: times - 1 });
    t.emulator.control.setVoiceState(id, 'Success');
    expect(await row()).toMatchObject({ State: 'Success', IsActivable: 'true', DemoAudio: expect.stringContaining(id) });
    t.emulator.control.setVoiceState(id, 'Active');
    expect(await row()).toMatchObject({ State: 'Active', IsActivable: 'false' });
  });

  it('ordering needs the voice-clone service running (Forbidden.InvalidService)', async () => {
    await start();
    await c.call('PauseService', { ProjectName: P, ResourceIDs: ['volc.megatts.default'] });
    const error = await rejectionOf(c.call('OrderAccessResourcePacks', { ProjectName: P, ResourceID: 'volc.megatts.voiceclone', Code: 'Model_storage', Times: 1, Quantity: 1 }));
    expect(error).toMatchObject({ httpStatus: 403, code: 'Forbidden.InvalidService' });
  });

  it('the order throttle counts orders and renewals over a sliding 2-minute window', async () => {
    await start({ orderDeliveryMs: 0 });
    const order = (quantity: number) => c.call('OrderAccessResourcePacks', { ProjectName: P, ResourceID: 'volc.megatts.voiceclone', Code: 'Model_storage', Times: 1, Quantity: quantity });
    await order(1999);
    const someVoices = Object.keys(t.emulator.state.voices.speakers).slice(0, 2);
    expect(await rejectionOf(c.call('RenewAccessResourcePacks', { Times: 1, SpeakerIDs: someVoices }))).toMatchObject({ code: 'Forbidden.LimitedTradingFrequency', httpStatus: 403 });
    await order(1);
    clock.advance(2 * 60_000 + 1);
    await order(2000);
  });
});

describe('resource packs', () => {
  beforeEach(() => start());

  it('ResourcePacksStatus pages, filters by type and tags, and totals only live packs', async () => {
    const every = [TTS, 'volc.tts.default', 'volc.megatts.default', 'volc.megatts.voiceclone'];
    const all = await c.call('ResourcePacksStatus', { ProjectName: P, PageSize: 5, ResourceIDs: every });
    expect(all.Packs).toHaveLength(5);
    // Six usage packs plus one pack row per cloned voice (reclaimed ones included, shown expired).
    expect(all.TotalCount).toBe(6 + 12);
    const quota = await c.call('ResourcePacksStatus', { ProjectName: P, PageSize: 100, ResourceIDs: every, Types: ['quota'] });
    expect(quota.Packs?.every((p) => p.Type === 'quota')).toBe(true);
    const tagged = await c.call('ResourcePacksStatus', { ProjectName: P, PageSize: 100, ResourceIDs: every, TagFilters: [{ Key: 'costCenter', Values: ['cc-1024'] }] });
    expect(tagged.Packs?.map((p) => p.Code)).toEqual(['tts_bigmodel_chars_5m']);
    const hours = await c.call('ResourcePacksStatus', { ProjectName: P, PageSize: 100, ResourceIDs: ['volc.megatts.default'] });
    expect(hours.Packs?.[0]).toMatchObject({ PurchasedAmount: '20.00 小时', Harvest: expect.objectContaining({ Unit: '小时', PurchasedAmount: 20 }) });
  });
});
