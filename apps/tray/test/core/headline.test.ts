import { describe, expect, it } from 'vitest';
import { emptyAccountView, accountLevel } from '../../src/core/accountView.js';
import { ExpiryTracker, expiryStep } from '../../src/core/expiry.js';
import { accountHeadline, concernOrder } from '../../src/core/headline.js';
import type { AccountView, PackBalanceView, RateLimitView } from '../../src/shared/bridge.js';
import { DEFAULT_MAX_BACKOFF_MS, Poller } from '../../src/core/poller.js';
import { FakeClock } from '../support/fakeClock.js';

const TTS = 'volc.service_type.10029';
const CLONE = 'volc.megatts.voiceclone';
const DAY = 86_400_000;

const pack = (resourceId: string, percentUsed: number, level: PackBalanceView['level'], extra: Partial<PackBalanceView> = {}): PackBalanceView => ({
  resourceId,
  label: resourceId,
  unit: '字符',
  purchased: 100,
  used: percentUsed,
  remaining: 100 - percentUsed,
  percentUsed,
  level,
  ...extra,
});
const rate = (percent: number, level: RateLimitView['level'], resourceId = TTS): RateLimitView => ({ resourceId, quotaType: 'qps', value: percent, limit: 100, percent, level });

function view(over: Partial<AccountView>): Omit<AccountView, 'headline'> {
  const { headline: _h, ...base } = { ...emptyAccountView('p', [TTS]), lastUpdatedAt: 1, ...over };
  return { ...base, level: over.level ?? accountLevel(base) };
}

describe('the headline', () => {
  it('a calm account names its main product (what is left of it), not the fullest pack', () => {
    const h = accountHeadline(view({ packs: [pack(CLONE, 70, 'ok'), pack(TTS, 24, 'ok')], rateLimits: [rate(60, 'ok')] }), { packsAnswered: true });
    expect(h).toMatchObject({ level: 'ok', mainResourceId: TTS, figure: 24, cause: { kind: 'pack', resourceId: TTS }, main: { remaining: 76, percentLeft: 76 }, ratePeak: { percent: 60 } });
  });

  it('the figure that caused the state: a critical rate limit beats a warning pack', () => {
    const h = accountHeadline(view({ packs: [pack(TTS, 85, 'warning')], rateLimits: [rate(97, 'critical')] }), { packsAnswered: true });
    expect(h).toMatchObject({ level: 'critical', figure: 97, cause: { kind: 'rateLimit', quotaType: 'qps' } });
  });

  it('same level: the more important product first', () => {
    const h = accountHeadline(view({ packs: [pack(CLONE, 99, 'critical'), pack(TTS, 96, 'critical')] }), { packsAnswered: true });
    expect(h.cause).toMatchObject({ kind: 'pack', resourceId: TTS });
    expect(concernOrder([pack(CLONE, 50, 'ok'), pack(TTS, 96, 'critical'), pack('volc.tts.default', 85, 'warning')]).map((p) => p.resourceId)).toEqual([TTS, 'volc.tts.default', CLONE]);
  });

  it('paused and error name what they are about; monitoring failures do not', () => {
    const paused = accountHeadline(view({ services: [{ resourceId: TTS, label: 'x', status: 'Paused', state: 'paused', pending: null, pausedSince: 5 }], packs: [pack(TTS, 10, 'ok')] }), { packsAnswered: true });
    expect(paused).toMatchObject({ level: 'paused', figure: null, cause: { kind: 'paused', resourceId: TTS, since: 5 } });
    const failed = accountHeadline(view({ error: { action: 'ResourcePacksStatus', code: 'AccessDenied', message: 'no', at: 1 } }), { packsAnswered: false });
    expect(failed).toMatchObject({ level: 'error', cause: { kind: 'error', action: 'ResourcePacksStatus', code: 'AccessDenied' } });
    const monitoring = accountHeadline(view({ packs: [pack(TTS, 10, 'ok')], error: { action: 'QuotaMonitoring', code: 'InternalError', message: 'x', at: 1 } }), { packsAnswered: true });
    expect(monitoring).toMatchObject({ level: 'ok', cause: { kind: 'pack' } });
  });

  it('an answer with no packs for the watched services is "nothing found", not an empty account', () => {
    expect(accountHeadline(view({ packs: [] }), { packsAnswered: true })).toMatchObject({ nothingFound: true, main: null, mainResourceId: TTS });
    expect(accountHeadline(view({ packs: [] }), { packsAnswered: false }).nothingFound).toBe(false);
  });

  it('expiry: the earliest pack that still has balance', () => {
    const h = accountHeadline(view({ packs: [pack(TTS, 10, 'ok', { expires: '2027-03-01', expiresAt: 2000, expiresRemaining: 90 }), pack(CLONE, 10, 'ok', { expires: '2026-12-01', expiresAt: 1000, expiresRemaining: 5 })] }), { packsAnswered: true });
    expect(h.expiry).toMatchObject({ resourceId: CLONE, at: 1000, remaining: 5 });
  });
});

describe('expiry warnings at 7, 3 and 1 days', () => {
  it('each step once per pack, the nearest step when several were skipped', () => {
    expect([10, 7, 5, 3, 2, 1, 0].map(expiryStep)).toEqual([null, 7, 7, 3, 3, 1, 1]);
    const tracker = new ExpiryTracker();
    const now = Date.UTC(2026, 10, 30);
    const p = pack(TTS, 10, 'ok', { expires: 'x', expiresAt: now + 6.5 * DAY, expiresRemaining: 90 });
    expect(tracker.update([p], now).map((w) => [w.step, w.days])).toEqual([[7, 7]]);
    expect(tracker.update([p], now + DAY)).toEqual([]);
    expect(tracker.update([p], now + 4 * DAY).map((w) => w.step)).toEqual([3]);
    expect(tracker.update([p], now + 6 * DAY).map((w) => w.step)).toEqual([1]);
    expect(tracker.update([p], now + 6.2 * DAY)).toEqual([]);
    // Already past: nothing to warn about.
    expect(new ExpiryTracker().update([p], now + 8 * DAY)).toEqual([]);
  });
});

describe('backoff', () => {
  it('is capped at a few minutes, so an outage that ended never stays on screen longer', async () => {
    const clock = new FakeClock();
    const poller = new Poller({ clock, intervalMs: 60_000, tick: async () => 'failed' });
    poller.start();
    for (let i = 0; i < 12; i++) await poller.refreshNow();
    expect(DEFAULT_MAX_BACKOFF_MS).toBe(5 * 60_000);
    expect(poller.nextDelayMs()).toBe(DEFAULT_MAX_BACKOFF_MS);
    expect(poller.nextAt).toBe(clock.now() + DEFAULT_MAX_BACKOFF_MS);
    poller.stop();
    expect(poller.nextAt).toBeNull();
  });
});
