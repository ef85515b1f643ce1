/**
 * The state model end to end: TrayCore + the real VolcSpeechClient against a real emulator
 * (in-process, free port). Usage accrual by the clock is off so the figures are stable;
 * the emulator's control API moves usage and injects faults.
 */
import { startEmulator, type EmulatorHandle } from '@volc-speech/emulator';
import { serviceDay, VolcSpeechClient } from '@volc-speech/client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RecordingNotifier } from '../../src/core/notifier.js';
import { MemorySecretStore } from '../../src/core/secrets/secretStore.js';
import { MemorySettingsStore } from '../../src/core/settings/memorySettingsStore.js';
import { TrayCore } from '../../src/core/trayCore.js';
import { confirmedCommand } from '../support/confirm.js';

const TTS = 'volc.service_type.10029';
let emulator: EmulatorHandle;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, quiet: true, usage: { live: false } });
});
afterAll(() => emulator.close());

function coreOnEmulator() {
  const notifier = new RecordingNotifier();
  const core = new TrayCore({
    settings: new MemorySettingsStore(),
    secrets: new MemorySecretStore(),
    notifier,
    // The shared emulator; the core must not close it.
    startEmulator: async () => ({ url: emulator.url, credentials: emulator.credentials, close() {} }),
    commandConfirm: { reads: 3, delayMs: 50 },
    systemLocale: 'en-US',
  });
  return { core, notifier };
}

let current: TrayCore | undefined;
afterEach(async () => {
  await current?.stop();
  current = undefined;
  emulator.control.reset();
});

/**
 * The seed keeps every rate limit's daily peak at 20–72% of the limit, below the 80% warning, so
 * the tests about pack spend and service state start from an 'ok' account; the rate-limit test
 * pushes one peak up with the emulator's quotaLoad control.
 */
async function started() {
  const t = coreOnEmulator();
  current = t.core;
  await t.core.start();
  await t.core.refresh();
  return t;
}

describe('state model against the emulator', () => {
  it('builds the dashboard from ServiceStatus, ResourcePacksStatus, QuotaMonitoring and hourly UsageMonitoring', async () => {
    const { core } = await started();
    const snap = await core.getSnapshot();
    const { account } = snap;
    expect(account.error).toBeNull();
    expect(account.lastUpdatedAt).not.toBeNull();
    expect(account.services).toEqual([{ resourceId: TTS, label: 'Doubao TTS (big model)', status: 'Running', state: 'running', pending: null }]);

    const tts = account.packs.find((p) => p.resourceId === TTS)!;
    expect(tts.purchased).toBeGreaterThan(0);
    expect(tts.remaining).toBeCloseTo(tts.purchased - tts.used, 6);
    expect(tts.percentUsed).toBeGreaterThan(0);
    expect(tts.percentUsed).toBeLessThan(80);
    expect(tts.expires).toBeDefined();
    expect(Date.parse(tts.expires!)).toBeGreaterThan(Date.now()); // an expired pack does not set the expiry
    expect(tts.level).toBe('ok');
    expect(tts.unit).not.toBe('');
    // The watched services only (the default: big-model TTS), asked for by ResourceIDs with every pack Type.
    expect(account.packs.map((p) => p.resourceId)).toEqual([TTS]);
    expect(account.headline).toMatchObject({ level: 'ok', mainResourceId: TTS, nothingFound: false, cause: { kind: 'pack', resourceId: TTS } });

    expect(account.rateLimits.map((r) => r.quotaType).sort()).toEqual(['concurrency', 'qps']);
    for (const r of account.rateLimits) expect(r.limit).toBeGreaterThan(0);
    expect(account.usageTrends[0]!.points.length).toBeGreaterThan(0);
    expect(account.usageTrends[0]!.points.length).toBeLessThanOrEqual(24);
    expect(snap.overall).toBe('ok');
  });

  it('notifies on each threshold crossing once, as usage grows', async () => {
    const { core, notifier } = await started();
    const pack = () => core.getSnapshot().then((s) => s.account.packs.find((p) => p.resourceId === TTS)!);
    const before = await pack();
    emulator.control.addUsage({ resourceId: TTS, amount: before.purchased * 0.85 - before.used });
    await core.refresh();
    await core.refresh();
    expect((await pack()).level).toBe('warning');
    expect(notifier.notifications.map((n) => n.level)).toEqual(['warning']);

    const now = await pack();
    emulator.control.addUsage({ resourceId: TTS, amount: now.purchased * 0.96 - now.used });
    await core.refresh();
    expect(notifier.notifications.map((n) => n.level)).toEqual(['warning', 'critical']);
    expect((await core.getSnapshot()).overall).toBe('critical');
  });

  it('pause and resume show the state ServiceStatus reports afterwards', async () => {
    const { core, notifier } = await started();
    expect(await confirmedCommand(core, 'local', TTS, true)).toEqual({ ok: true, state: 'paused', status: 'Paused' });
    expect(emulator.control.snapshot().services.byProject.default![TTS]!.status).toBe('Paused');
    await core.refresh();
    const paused = await core.getSnapshot();
    expect(paused.account.services[0]).toMatchObject({ state: 'paused', pending: null });
    expect(paused.overall).toBe('paused');

    expect(await confirmedCommand(core, 'local', TTS, false)).toEqual({ ok: true, state: 'running', status: 'Running' });
    expect(notifier.notifications).toEqual([]); // the user asked for both
  });

  it('a refused command says why and leaves the state where the service is', async () => {
    const { core } = await started();
    const outcome = await confirmedCommand(core, 'local', TTS, false); // resume a running service
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.error.action).toBe('ResumeService');
      expect(outcome.error.code).toMatch(/^OperationDenied/);
      expect(outcome.error.requestId).toBeTruthy();
    }
    expect(outcome.state).toBe('running');

    emulator.control.setFaults({ failNext: { count: 1, httpStatus: 500, code: 'InternalError', action: 'PauseService' } });
    const failed = await confirmedCommand(core, 'local', TTS, true);
    expect(failed).toMatchObject({ ok: false, state: 'running', status: 'Running', error: { code: 'InternalError', httpStatus: 500 } });
    expect(emulator.control.snapshot().services.byProject.default![TTS]!.status).toBe('Running');
  });

  it('keeps the last good figures when a call fails, and recovers', async () => {
    const { core } = await started();
    const good = await core.getSnapshot();
    emulator.control.setFaults({ failNext: { count: 10, httpStatus: 503, code: 'ServiceUnavailableTemp', action: 'ResourcePacksStatus' } });
    await core.refresh();
    const failed = await core.getSnapshot();
    expect(failed.account.error).toMatchObject({ action: 'ResourcePacksStatus', code: 'ServiceUnavailableTemp', httpStatus: 503 });
    expect(failed.account.level).toBe('error');
    expect(failed.account.packs).toEqual(good.account.packs);
    expect(failed.account.services[0]!.state).toBe('running');
    emulator.control.setFaults({ failNext: null });
    await core.refresh();
    expect((await core.getSnapshot()).account).toMatchObject({ error: null, level: 'ok' });
  });

  it('notifies when the service is paused from elsewhere', async () => {
    const { core, notifier } = await started();
    const other = new VolcSpeechClient({ credentials: emulator.credentials, endpoint: emulator.url, region: 'cn-north-1' });
    await other.pauseService({ ProjectName: 'default', ResourceIDs: [TTS] });
    await core.refresh();
    expect(notifier.notifications.map((n) => n.title)).toEqual(['Doubao TTS (big model) is now Paused']);
  });

  it('rate-limit use from QuotaMonitoring raises the level and notifies once per crossing', async () => {
    const { core, notifier } = await started();
    // 18 of 20, on the day the tray asks QuotaMonitoring for (the service day, Beijing time, as the emulator counts it).
    emulator.control.setQuotaLoad({ quotaType: 'concurrency', percent: 90, day: serviceDay(Date.now()) });
    await core.refresh();
    await core.refresh();
    const snap = await core.getSnapshot();
    expect(snap.account.rateLimits.find((r) => r.quotaType === 'concurrency')).toMatchObject({ value: 18, limit: 20, percent: 90, level: 'warning' });
    expect(snap.account.packs.find((p) => p.resourceId === TTS)!.level).toBe('ok');
    expect(snap.overall).toBe('warning');
    expect(notifier.notifications.map((n) => n.title)).toEqual(['Rate limit · Doubao TTS (big model) Concurrency: 90% of the limit']);
  });

  it('test connection reads the API keys', async () => {
    const { core } = await started();
    const result = await core.testConnection({
      name: 'x',
      accessKeyId: '',
      region: 'cn-north-1',
      endpoint: 'https://open.volcengineapi.com',
      projectName: 'default',
      useEmulator: true,
      pollIntervalSec: 60,
      warningPercent: 80,
      criticalPercent: 95,
    });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.detail).toMatch(/^Connected to http:\/\/127\.0\.0\.1:\d+: project "default" has \d+ API keys?\.$/);
      expect(result.requestId).toBeTruthy();
    }

    const wrong = await core.testConnection({
      name: 'x',
      accessKeyId: 'AKLTNOTKNOWN0001',
      secretAccessKey: 'wrong-secret',
      region: 'cn-north-1',
      endpoint: emulator.url,
      projectName: 'default',
      useEmulator: false,
      pollIntervalSec: 60,
      warningPercent: 80,
      criticalPercent: 95,
    });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.error.code).toBe('InvalidAccessKey');
    expect(JSON.stringify(wrong)).not.toContain('wrong-secret');
  });
});

describe('embedded emulator', () => {
  it('a new user with no credentials gets an in-process emulator, closed with the core', async () => {
    const core = new TrayCore({ settings: new MemorySettingsStore(), secrets: new MemorySecretStore() });
    await core.start();
    await core.refresh();
    const running = await core.runningEmulator();
    expect(running?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const snap = await core.getSnapshot();
    expect(snap.profiles[0]).toMatchObject({ id: 'local', usesEmulator: true });
    expect(snap.account.services[0]!.state).toBe('running');
    expect(snap.account.packs.length).toBeGreaterThan(0);
    await core.stop();
    await expect(fetch(`${running!.url}/__emulator/health`)).rejects.toThrow();
  });
});
