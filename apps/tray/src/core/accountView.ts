/**
 * The state model: folds one poll's answers into the AccountView the renderer shows.
 * Pure. A failed call keeps the last good figures of what it would have refreshed and sets
 * `error`; the service states shown are always the ones the service reported.
 */
import { classifyServiceStatus, PACK_STATE_ACTIVE } from '@volc-speech/client';
import type {
  QuotaMonitoringResult,
  ResourcePack,
  ResourcePacksStatusResult,
  UsageMonitoringResult,
} from '@volc-speech/client';
import type {
  AccountView,
  CallErrorView,
  PackBalanceView,
  RateLimitView,
  ServiceStateView,
  ServiceView,
  TrayLevel,
  UsageTrendView,
} from '../shared/bridge.js';
import type { AccountFetch } from './accountFetch.js';
import { accountHeadline } from './headline.js';
import { levelForPercent, worstLevel, type Thresholds } from './levels.js';
import { resourceLabel } from './resources.js';

export interface ServiceStateChange {
  resourceId: string;
  label: string;
  from: ServiceStateView;
  to: ServiceStateView;
  status: string;
}

export interface AccountUpdate {
  view: AccountView;
  /** State changes nobody in this app asked for (no command pending on that service). */
  unrequestedServiceChanges: ServiceStateChange[];
}

/** Hourly points kept per usage trend (a day). */
export const USAGE_TREND_POINTS = 24;

/** Monitoring failures (e.g. a missing AppID permission) cost their figures but do not turn the tray red. */
const NON_BLOCKING_ACTIONS = new Set(['QuotaMonitoring', 'UsageMonitoring']);

export function emptyAccountView(profileId: string, watched: readonly string[] = []): AccountView {
  const view = {
    profileId,
    lastUpdatedAt: null,
    polling: false,
    error: null,
    packs: [],
    rateLimits: [],
    usageTrends: [],
    services: [],
    level: 'ok' as const,
    nextPollAt: null,
    watched: [...watched],
  };
  return { ...view, headline: accountHeadline(view, { packsAnswered: false }) };
}

/** The view with its headline recomputed (after any change of its figures or level). */
export function withHeadline(view: AccountView): AccountView {
  return { ...view, headline: accountHeadline(view, { packsAnswered: view.headline.nothingFound }) };
}

/**
 * A service display time as an instant. The service writes `yyyy-MM-dd HH:mm:ss` without an
 * offset in its own time zone (unknowns.ts SERVICE_TIME_ZONE, Asia/Shanghai, UTC+8, no DST);
 * a string with an offset or Z is read as written. Undefined when it does not parse.
 */
export function parseServiceTime(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(text.trim());
  if (!m) return undefined;
  if (m[7]) {
    const parsed = Date.parse(text.trim().replace(' ', 'T'));
    return Number.isNaN(parsed) ? undefined : parsed;
  }
  const [y, mo, d, h, mi, se] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0', m[6] ?? '0'].map(Number) as [number, number, number, number, number, number];
  return Date.UTC(y, mo - 1, d, h - 8, mi, se);
}

const round1 = (n: number) => Math.round(n * 10) / 10;

function percentOf(used: number, purchased: number): number {
  if (purchased > 0) return round1((used / purchased) * 100);
  return used > 0 ? 100 : 0;
}

function earlier(a: string | undefined, b: string | undefined): string | undefined {
  if (!a) return b;
  if (!b) return a;
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  if (!Number.isNaN(ta) && !Number.isNaN(tb)) return ta <= tb ? a : b;
  return a <= b ? a : b;
}

/**
 * Packs that count: State absent or the active spelling (unknowns.ts PACK_STATE_ACTIVE). When a
 * resource has packs but none in that spelling, the real service spells it otherwise: all count.
 */
function countedPacks(packs: readonly ResourcePack[]): ResourcePack[] {
  const byResource = new Map<string, ResourcePack[]>();
  for (const pack of packs) {
    const id = pack.Harvest?.ResourceID ?? pack.ResourceID;
    if (!id) continue;
    let list = byResource.get(id);
    if (!list) byResource.set(id, (list = []));
    list.push(pack);
  }
  return [...byResource.values()].flatMap((list) => {
    const active = list.filter((p) => !p.State || p.State.toLowerCase() === PACK_STATE_ACTIVE);
    return active.length > 0 ? active : list;
  });
}

/** Remaining spend per resource: TotalHarvests when the service sends it, else the sum over the packs' Harvest. */
export function packBalances(result: ResourcePacksStatusResult, thresholds: Thresholds): PackBalanceView[] {
  interface Acc {
    purchased: number;
    used: number;
    unit: string;
    display?: string;
    expires?: string;
    expiresAt?: number;
    expiresRemaining?: number;
  }
  const byResource = new Map<string, Acc>();
  const entry = (id: string): Acc => {
    let acc = byResource.get(id);
    if (!acc) {
      acc = { purchased: 0, used: 0, unit: '' };
      byResource.set(id, acc);
    }
    return acc;
  };
  const totals = (result.TotalHarvests ?? []).filter((h) => h.ResourceID);
  for (const total of totals) {
    const acc = entry(total.ResourceID as string);
    acc.purchased += total.PurchasedAmount ?? 0;
    acc.used += total.CurrentUsage ?? 0;
    acc.unit ||= total.Unit ?? '';
  }
  for (const pack of countedPacks(result.Packs ?? [])) {
    const id = (pack.Harvest?.ResourceID ?? pack.ResourceID) as string;
    if (totals.length > 0 && !byResource.has(id)) continue;
    const acc = entry(id);
    if (totals.length === 0) {
      acc.purchased += pack.Harvest?.PurchasedAmount ?? 0;
      acc.used += pack.Harvest?.CurrentUsage ?? 0;
    }
    acc.unit ||= pack.Harvest?.Unit ?? '';
    acc.display ||= pack.ResourceDisplay;
    // Only a pack with something left: a used-up pack's expiry says nothing about the balance.
    const left = (pack.Harvest?.PurchasedAmount ?? 0) - (pack.Harvest?.CurrentUsage ?? 0);
    if (pack.Expires && left > 0 && earlier(acc.expires, pack.Expires) === pack.Expires && acc.expires !== pack.Expires) {
      acc.expires = pack.Expires;
      acc.expiresRemaining = left;
      const at = parseServiceTime(pack.Expires);
      if (at === undefined) delete acc.expiresAt;
      else acc.expiresAt = at;
    }
  }
  return [...byResource.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([resourceId, acc]) => {
      const percentUsed = percentOf(acc.used, acc.purchased);
      const view: PackBalanceView = {
        resourceId,
        label: resourceLabel(resourceId, acc.display),
        unit: acc.unit,
        purchased: acc.purchased,
        used: acc.used,
        remaining: acc.purchased - acc.used,
        percentUsed,
        level: levelForPercent(percentUsed, thresholds),
      };
      if (acc.expires) view.expires = acc.expires;
      if (acc.expiresAt !== undefined) view.expiresAt = acc.expiresAt;
      if (acc.expiresRemaining !== undefined) view.expiresRemaining = acc.expiresRemaining;
      return view;
    });
}

/**
 * The latest row per QuotaType. With thresholds, each row also gets its level (as the account
 * counts it); without, the rows are the service's figures only.
 */
export function rateLimits(resourceId: string, result: QuotaMonitoringResult, thresholds?: Thresholds): RateLimitView[] {
  const latest = new Map<string, { day: string; value: number; limit: number }>();
  for (const row of result.QuotaMonitoring ?? []) {
    const quotaType = row.QuotaType ?? 'quota';
    const day = row.Day ?? '';
    const seen = latest.get(quotaType);
    if (!seen || day >= seen.day) latest.set(quotaType, { day, value: row.Value ?? 0, limit: row.limit ?? 0 });
  }
  const views = [...latest.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([quotaType, row]): RateLimitView => ({
      resourceId,
      quotaType,
      value: row.value,
      limit: row.limit,
      percent: row.limit > 0 ? round1((row.value / row.limit) * 100) : 0,
    }));
  return thresholds ? judged(views, thresholds) : views;
}

/** Both meanings of quota judged against the same thresholds: pack spend by percentUsed, rate-limit use by percent. */
function judged<T extends PackBalanceView | RateLimitView>(views: readonly T[], thresholds: Thresholds): T[] {
  return views.map((v) => ({ ...v, level: levelForPercent('quotaType' in v ? v.percent : v.percentUsed, thresholds) }));
}

/** Daily usage per UsageType (UsageMonitoring is daily only, EXPL), the last points in time order. */
export function usageTrends(resourceId: string, result: UsageMonitoringResult): UsageTrendView[] {
  const byUnit = new Map<string, Array<{ label: string; value: number }>>();
  for (const row of result.UsageMonitoring ?? []) {
    const unit = row.UsageType ?? '';
    let points = byUnit.get(unit);
    if (!points) byUnit.set(unit, (points = []));
    points.push({ label: row.Day ?? '', value: row.Value ?? 0 });
  }
  return [...byUnit.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([unit, points]) => ({
      resourceId,
      unit,
      points: points.sort((a, b) => a.label.localeCompare(b.label)).slice(-USAGE_TREND_POINTS),
    }));
}

/**
 * The account's level: an error, a paused service, or the worst quota level of either meaning
 * (pack spend and rate-limit use; a rate limit not yet judged counts as ok).
 */
export function accountLevel(view: Pick<AccountView, 'error' | 'packs' | 'services'> & { rateLimits?: readonly RateLimitView[] }): TrayLevel {
  if (view.error && !NON_BLOCKING_ACTIONS.has(view.error.action)) return 'error';
  const levels: TrayLevel[] = [...view.packs.map((p) => p.level), ...(view.rateLimits ?? []).map((r) => r.level ?? 'ok')];
  if (view.services.some((s) => s.state === 'paused')) levels.push('paused');
  return worstLevel(levels);
}

/** The same figures judged against new thresholds. */
export function relevel(view: AccountView, thresholds: Thresholds): AccountView {
  const next = { ...view, packs: judged(view.packs, thresholds), rateLimits: judged(view.rateLimits, thresholds) };
  return withHeadline({ ...next, level: accountLevel(next) });
}

function perResource<T, V extends { resourceId: string }>(
  previous: V[],
  fetched: Array<{ resourceId: string; result: { ok: true; value: T } | { ok: false; error: CallErrorView } }>,
  build: (resourceId: string, value: T) => V[],
): V[] {
  const out: V[] = [];
  for (const { resourceId, result } of fetched) {
    out.push(...(result.ok ? build(resourceId, result.value) : previous.filter((v) => v.resourceId === resourceId)));
  }
  return out;
}

export function applyFetch(previous: AccountView, fetch: AccountFetch, thresholds: Thresholds): AccountUpdate {
  const errors: CallErrorView[] = [];
  const unrequestedServiceChanges: ServiceStateChange[] = [];

  const services: ServiceView[] = fetch.services.map(({ resourceId, result }) => {
    const before = previous.services.find((s) => s.resourceId === resourceId);
    if (!result.ok) {
      errors.push(result.error);
      return before ?? { resourceId, label: resourceLabel(resourceId), status: '', state: 'unknown', pending: null };
    }
    const status = result.value.Status ?? '';
    const view: ServiceView = {
      resourceId,
      label: resourceLabel(resourceId),
      status,
      state: classifyServiceStatus(status),
      pending: before?.pending ?? null,
    };
    if (before?.lastCommandError) view.lastCommandError = before.lastCommandError;
    if (view.state === 'paused') view.pausedSince = before?.state === 'paused' && before.pausedSince !== undefined ? before.pausedSince : fetch.at;
    if (before && before.state !== 'unknown' && before.state !== view.state && before.pending === null) {
      unrequestedServiceChanges.push({ resourceId, label: view.label, from: before.state, to: view.state, status });
    }
    return view;
  });

  let packs: PackBalanceView[];
  if (fetch.packs.ok) {
    packs = packBalances(fetch.packs.value, thresholds);
  } else {
    errors.push(fetch.packs.error);
    packs = judged(previous.packs, thresholds);
  }

  const quotaErrors = fetch.quota.flatMap(({ result }) => (result.ok ? [] : [result.error]));
  const usageErrors = fetch.usage.flatMap(({ result }) => (result.ok ? [] : [result.error]));
  errors.push(...quotaErrors, ...usageErrors);

  const anyOk =
    fetch.services.some((s) => s.result.ok) || fetch.packs.ok || fetch.quota.some((q) => q.result.ok) || fetch.usage.some((u) => u.result.ok);

  const blocking = errors.find((e) => !NON_BLOCKING_ACTIONS.has(e.action));
  const next: Omit<AccountView, 'headline'> = {
    profileId: previous.profileId,
    lastUpdatedAt: anyOk ? fetch.at : previous.lastUpdatedAt,
    polling: previous.polling,
    error: blocking ?? errors[0] ?? null,
    packs,
    rateLimits: judged(perResource(previous.rateLimits, fetch.quota, rateLimits), thresholds),
    usageTrends: perResource(previous.usageTrends, fetch.usage, usageTrends),
    services,
    level: 'ok',
    nextPollAt: previous.nextPollAt,
    watched: previous.watched,
  };
  next.level = accountLevel(next);
  // An answer for the watched services with no packs at all: "nothing found", not "no packs".
  const packsAnswered = fetch.packs.ok || previous.headline.nothingFound;
  return { view: { ...next, headline: accountHeadline(next, { packsAnswered }) }, unrequestedServiceChanges };
}
