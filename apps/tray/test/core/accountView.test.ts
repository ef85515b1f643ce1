import { describe, expect, it } from 'vitest';
import type { AccountFetch } from '../../src/core/accountFetch.js';
import { accountLevel, applyFetch, emptyAccountView, packBalances, rateLimits, relevel, usageTrends } from '../../src/core/accountView.js';
import { DEFAULT_THRESHOLDS } from '../../src/core/levels.js';
import type { CallErrorView } from '../../src/shared/bridge.js';

const TTS = 'volc.service_type.10029';
const T = DEFAULT_THRESHOLDS;
const err = (action: string, code = 'InternalError'): CallErrorView => ({ action, code, message: `${code}!`, at: 1 });

function fetchWith(overrides: Partial<AccountFetch> = {}, used = 500, status = 'Running'): AccountFetch {
  return {
    at: 1000,
    services: [{ resourceId: TTS, result: { ok: true, value: { Status: status } } }],
    packs: {
      ok: true,
      value: { TotalHarvests: [{ ResourceID: TTS, PurchasedAmount: 1000, CurrentUsage: used, Unit: '字符' }], Packs: [] },
    },
    quota: [{ resourceId: TTS, result: { ok: true, value: { QuotaMonitoring: [{ Day: '2025-06-01', QuotaType: 'qps', Value: 6, limit: 60 }] } } }],
    usage: [{ resourceId: TTS, result: { ok: true, value: { UsageMonitoring: [{ Day: '2025-06-01 01', UsageType: 'text_words', Value: 10 }] } } }],
    ...overrides,
  };
}

describe('packBalances', () => {
  it('uses TotalHarvests per resource: purchased − used, percent and level', () => {
    const packs = packBalances(
      {
        TotalHarvests: [
          { ResourceID: TTS, PurchasedAmount: 1000, CurrentUsage: 850, Unit: '字符' },
          { ResourceID: 'volc.tts.default', PurchasedAmount: 200, CurrentUsage: 10, Unit: '次' },
        ],
        Packs: [
          // A free pack already used up expires first: its date says nothing about the 150 left.
          { ResourceID: TTS, Expires: '2026-12-05 00:00:00', Harvest: { ResourceID: TTS, PurchasedAmount: 500, CurrentUsage: 500 } },
          { ResourceID: TTS, Expires: '2027-03-01 00:00:00', Harvest: { ResourceID: TTS, PurchasedAmount: 500, CurrentUsage: 350 } },
        ],
      },
      T,
    );
    expect(packs).toEqual([
      {
        resourceId: TTS,
        label: 'Doubao TTS (big model)',
        unit: '字符',
        purchased: 1000,
        used: 850,
        remaining: 150,
        percentUsed: 85,
        level: 'warning',
        expires: '2027-03-01 00:00:00',
        // Beijing midnight is 16:00 UTC the day before.
        expiresAt: Date.UTC(2027, 1, 28, 16),
        expiresRemaining: 150,
      },
      { resourceId: 'volc.tts.default', label: 'Classic TTS', unit: '次', purchased: 200, used: 10, remaining: 190, percentUsed: 5, level: 'ok' },
    ]);
  });

  it('sums the packs’ Harvest when TotalHarvests is absent', () => {
    const [pack] = packBalances(
      {
        Packs: [
          { ResourceID: 'x.y', ResourceDisplay: 'Thing', Harvest: { PurchasedAmount: 100, CurrentUsage: 60, Unit: 'h' } },
          { ResourceID: 'x.y', Harvest: { PurchasedAmount: 100, CurrentUsage: 36 } },
        ],
      },
      T,
    );
    expect(pack).toMatchObject({ resourceId: 'x.y', label: 'Thing', purchased: 200, used: 96, remaining: 104, percentUsed: 48, unit: 'h', level: 'ok' });
  });

  it('counts active packs only (expired ones neither add up nor set the expiry)', () => {
    const [pack] = packBalances(
      {
        Packs: [
          { ResourceID: 'a', State: 'active', Expires: '2027-01-01', Harvest: { PurchasedAmount: 100, CurrentUsage: 10 } },
          { ResourceID: 'a', State: 'expired', Expires: '2026-01-01', Harvest: { PurchasedAmount: 100, CurrentUsage: 100 } },
        ],
      },
      T,
    );
    expect(pack).toMatchObject({ purchased: 100, used: 10, expires: '2027-01-01' });
    // Unknown spellings: nothing matches "active", so everything counts rather than nothing.
    const [odd] = packBalances({ Packs: [{ ResourceID: 'b', State: 'Valid', Harvest: { PurchasedAmount: 5, CurrentUsage: 1 } }] }, T);
    expect(odd).toMatchObject({ purchased: 5, used: 1 });
  });

  it('judges 95% and more as critical, and usage without purchase as 100%', () => {
    const packs = packBalances({ TotalHarvests: [{ ResourceID: 'a', PurchasedAmount: 100, CurrentUsage: 95 }, { ResourceID: 'b', PurchasedAmount: 0, CurrentUsage: 1 }] }, T);
    expect(packs.map((p) => [p.percentUsed, p.level])).toEqual([
      [95, 'critical'],
      [100, 'critical'],
    ]);
  });
});

describe('rateLimits and usageTrends', () => {
  it('keeps the latest row per quota type', () => {
    const rows = rateLimits(TTS, {
      QuotaMonitoring: [
        { Day: '2025-06-01', QuotaType: 'qps', Value: 30, limit: 60 },
        { Day: '2025-06-02', QuotaType: 'qps', Value: 45, limit: 60 },
        { Day: '2025-06-02', QuotaType: 'concurrency', Value: 2, limit: 0 },
      ],
    });
    expect(rows).toEqual([
      { resourceId: TTS, quotaType: 'concurrency', value: 2, limit: 0, percent: 0 },
      { resourceId: TTS, quotaType: 'qps', value: 45, limit: 60, percent: 75 },
    ]);
  });

  it('orders hourly points and keeps the last 24', () => {
    const rows = Array.from({ length: 30 }, (_, i) => ({ Day: `2025-06-01 ${String(i).padStart(2, '0')}`, UsageType: 'text_words', Value: i }));
    const [trend] = usageTrends(TTS, { UsageMonitoring: rows.reverse() });
    expect(trend!.points).toHaveLength(24);
    expect(trend!.points[0]).toEqual({ label: '2025-06-01 06', value: 6 });
    expect(trend!.points.at(-1)).toEqual({ label: '2025-06-01 29', value: 29 });
  });
});

describe('applyFetch', () => {
  it('builds the account from all answers', () => {
    const { view, unrequestedServiceChanges } = applyFetch(emptyAccountView('p'), fetchWith(), T);
    expect(view).toMatchObject({ profileId: 'p', lastUpdatedAt: 1000, error: null, level: 'ok' });
    expect(view.services).toEqual([{ resourceId: TTS, label: 'Doubao TTS (big model)', status: 'Running', state: 'running', pending: null }]);
    expect(view.packs[0]).toMatchObject({ percentUsed: 50 });
    expect(view.rateLimits[0]).toMatchObject({ quotaType: 'qps', percent: 10 });
    expect(view.usageTrends[0]!.points).toHaveLength(1);
    expect(unrequestedServiceChanges).toEqual([]);
  });

  it('keeps the last good figures of a failed call and sets error', () => {
    const first = applyFetch(emptyAccountView('p'), fetchWith({}, 500), T).view;
    const failed = applyFetch(first, { ...fetchWith({}, 999), at: 2000, packs: { ok: false, error: err('ResourcePacksStatus') } }, T).view;
    expect(failed.packs).toEqual(first.packs);
    expect(failed.error).toMatchObject({ action: 'ResourcePacksStatus' });
    expect(failed.level).toBe('error');
    expect(failed.lastUpdatedAt).toBe(2000);
  });

  it('when every call fails, keeps everything and the last update time', () => {
    const first = applyFetch(emptyAccountView('p'), fetchWith(), T).view;
    const e = err('ServiceStatus', 'ECONNREFUSED');
    const down: AccountFetch = {
      at: 5000,
      services: [{ resourceId: TTS, result: { ok: false, error: e } }],
      packs: { ok: false, error: e },
      quota: [{ resourceId: TTS, result: { ok: false, error: e } }],
      usage: [{ resourceId: TTS, result: { ok: false, error: e } }],
    };
    const { view } = applyFetch(first, down, T);
    expect(view).toMatchObject({ lastUpdatedAt: 1000, level: 'error', error: e });
    expect(view.services).toEqual(first.services);
    expect(view.rateLimits).toEqual(first.rateLimits);
    expect(view.usageTrends).toEqual(first.usageTrends);
  });

  it('a monitoring failure sets error but does not turn the tray red', () => {
    const { view } = applyFetch(emptyAccountView('p'), fetchWith({ usage: [{ resourceId: TTS, result: { ok: false, error: err('UsageMonitoring', 'UnauthorizedRequest.AppID') } }] }), T);
    expect(view.error).toMatchObject({ action: 'UsageMonitoring' });
    expect(view.level).toBe('ok');
  });

  it('a paused service makes the account paused; a critical pack alone makes it critical', () => {
    expect(applyFetch(emptyAccountView('p'), fetchWith({}, 970, 'Paused'), T).view.level).toBe('paused');
    expect(applyFetch(emptyAccountView('p'), fetchWith({}, 970, 'Running'), T).view.level).toBe('critical');
  });

  it('reports a state change nobody asked for, but not one with a command pending', () => {
    const running = applyFetch(emptyAccountView('p'), fetchWith(), T).view;
    const changed = applyFetch(running, fetchWith({}, 500, 'Paused'), T);
    expect(changed.unrequestedServiceChanges).toEqual([{ resourceId: TTS, label: 'Doubao TTS (big model)', from: 'running', to: 'paused', status: 'Paused' }]);

    const pending = { ...running, services: running.services.map((s) => ({ ...s, pending: 'pausing' as const })) };
    const asked = applyFetch(pending, fetchWith({}, 500, 'Paused'), T);
    expect(asked.unrequestedServiceChanges).toEqual([]);
    expect(asked.view.services[0]).toMatchObject({ state: 'paused', pending: 'pausing' });
  });

  it('maps unknown Status spellings leniently and keeps the raw string', () => {
    const { view } = applyFetch(emptyAccountView('p'), fetchWith({}, 0, 'active'), T);
    expect(view.services[0]).toMatchObject({ status: 'active', state: 'running' });
    const odd = applyFetch(emptyAccountView('p'), fetchWith({}, 0, 'Frobnicated'), T).view;
    expect(odd.services[0]).toMatchObject({ status: 'Frobnicated', state: 'unknown' });
  });
});

describe('relevel and accountLevel', () => {
  it('re-judges the same figures against new thresholds', () => {
    const view = applyFetch(emptyAccountView('p'), fetchWith({}, 700), T).view;
    expect(view.level).toBe('ok');
    expect(relevel(view, { warningPercent: 60, criticalPercent: 90 }).level).toBe('warning');
    expect(relevel(view, { warningPercent: 50, criticalPercent: 70 }).level).toBe('critical');
  });

  it('error outranks everything', () => {
    expect(accountLevel({ error: err('ServiceStatus'), packs: [], services: [] })).toBe('error');
  });
});

describe('rate-limit use counts towards the level (the second meaning of quota)', () => {
  const withQps = (value: number, limit = 60, used = 500): AccountFetch =>
    fetchWith({ quota: [{ resourceId: TTS, result: { ok: true, value: { QuotaMonitoring: [{ Day: '2025-06-01', QuotaType: 'qps', Value: value, limit }] } } }] }, used);

  it('rateLimits judges each row when given thresholds', () => {
    const rows = rateLimits(TTS, { QuotaMonitoring: [{ QuotaType: 'qps', Value: 48, limit: 60 }, { QuotaType: 'concurrency', Value: 19, limit: 20 }] }, T);
    expect(rows.map((r) => [r.quotaType, r.percent, r.level])).toEqual([
      ['concurrency', 95, 'critical'],
      ['qps', 80, 'warning'],
    ]);
  });

  it('the account takes the worst of pack spend and rate-limit use, with the same thresholds', () => {
    expect(applyFetch(emptyAccountView('p'), withQps(30), T).view.level).toBe('ok');
    const warning = applyFetch(emptyAccountView('p'), withQps(50), T).view;
    expect(warning.rateLimits[0]).toMatchObject({ percent: 83.3, level: 'warning' });
    expect(warning.packs[0]!.level).toBe('ok');
    expect(warning.level).toBe('warning');
    expect(applyFetch(emptyAccountView('p'), withQps(58), T).view.level).toBe('critical');
    // Pack spend critical, rate limit calm: still critical; paused and error still outrank both.
    expect(applyFetch(emptyAccountView('p'), withQps(6, 60, 970), T).view.level).toBe('critical');
    expect(applyFetch(emptyAccountView('p'), fetchWith({ quota: withQps(58).quota }, 500, 'Paused'), T).view.level).toBe('paused');
    expect(accountLevel({ error: err('ServiceStatus'), packs: [], services: [], rateLimits: warning.rateLimits })).toBe('error');
  });

  it('a failed QuotaMonitoring keeps the last rows, judged again, and the level they give', () => {
    const first = applyFetch(emptyAccountView('p'), withQps(50), T).view;
    const failed = applyFetch(first, fetchWith({ quota: [{ resourceId: TTS, result: { ok: false, error: err('QuotaMonitoring') } }] }), T).view;
    expect(failed.rateLimits).toEqual(first.rateLimits);
    expect(failed.level).toBe('warning'); // the monitoring failure itself does not turn the tray red
    expect(failed.error).toMatchObject({ action: 'QuotaMonitoring' });
  });

  it('relevel re-judges rate limits too', () => {
    const view = applyFetch(emptyAccountView('p'), withQps(42), T).view; // 70%
    expect(view.level).toBe('ok');
    const lowered = relevel(view, { warningPercent: 60, criticalPercent: 90 });
    expect(lowered.rateLimits[0]!.level).toBe('warning');
    expect(lowered.level).toBe('warning');
    expect(relevel(view, { warningPercent: 50, criticalPercent: 70 }).rateLimits[0]!.level).toBe('critical');
  });

  it('a rate limit of 0 (not reported) is 0% and ok', () => {
    expect(applyFetch(emptyAccountView('p'), withQps(3, 0), T).view.rateLimits[0]).toMatchObject({ percent: 0, level: 'ok' });
  });
});
