/**
 * Usage that moves with time, so a dashboard polling the emulator sees live change: every
 * Running service consumes its resource at `ratePerHour × LOAD_BY_HOUR[hour]`. Usage lands in
 * the hour's monitoring bucket and is taken out of the resource's packs; the day's quota peaks
 * follow the load. Paused, terminated and never-activated services use nothing.
 */
import { SERVICE_STATUS } from '@volc-speech/client';
import { dict, ownEntry } from './dict.js';
import type { EmulatorState } from './model.js';
import { addToHourBucket, pruneMonitoring, recordQuotaPeak, setQuotaPeak } from './monitoring.js';
import { consumePacks } from './resourcePacks.js';
import { BIG_MODEL_TTS_RESOURCE, LOAD_BY_HOUR, profileOf, quotaPeakValue } from './resourceProfiles.js';
import { beijingParts, DAY_MS, dayKey, HOUR_MS, hourKey, parseDay, startOfHour } from './time.js';
import { expireVoices } from './voices.js';

export interface UsageSettings {
  /** Whether usage accrues with the clock at all (default true). */
  live: boolean;
  /** Per-resource overrides of resourceProfiles.ts ratePerHour. */
  ratesPerHour: Readonly<Record<string, number>>;
}

/** A gap longer than this (e.g. a state file loaded after a month) accrues only its last part. */
export const MAX_CATCH_UP_MS = 35 * DAY_MS;
export const KEEP_MONITORING_DAYS = 100;

export function rateOf(resourceId: string, settings: UsageSettings): number {
  return ownEntry(settings.ratesPerHour, resourceId) ?? profileOf(resourceId).ratePerHour;
}

/** Adds `amount` of use at `atMs`: monitoring bucket plus packs. Returns what no pack could hold. */
export function recordUsage(state: EmulatorState, projectName: string, resourceId: string, amount: number, atMs: number): number {
  if (amount <= 0) return 0;
  addToHourBucket(state.monitoring, projectName, resourceId, hourKey(atMs), amount);
  return consumePacks(state, projectName, resourceId, amount, atMs);
}

/** Quota peaks follow the load: a busy hour runs at about 65% of the limit (quotaPeakValue). */
function recordQuotaLoad(state: EmulatorState, projectName: string, resourceId: string, atMs: number, load: number): void {
  for (const [quotaType, limit] of Object.entries(profileOf(resourceId).quotaLimits)) {
    recordQuotaPeak(state.monitoring, projectName, resourceId, quotaType, dayKey(atMs), quotaPeakValue(limit, load));
  }
}

function runningResources(state: EmulatorState): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const [projectName, byResource] of Object.entries(state.services.byProject)) {
    for (const [resourceId, service] of Object.entries(byResource)) if (service.status === SERVICE_STATUS.running) pairs.push([projectName, resourceId]);
  }
  return pairs;
}

/** Σ rate × load over [fromMs, toMs), hour by hour. */
function amountOver(rate: number, fromMs: number, toMs: number, each?: (segmentStart: number, amount: number, load: number) => void): number {
  let total = 0;
  for (let t = fromMs; t < toMs; ) {
    const segmentEnd = Math.min(toMs, startOfHour(t) + HOUR_MS);
    const load = LOAD_BY_HOUR[beijingParts(t).hour] as number;
    const amount = (rate * load * (segmentEnd - t)) / HOUR_MS;
    each?.(t, amount, load);
    total += amount;
    t = segmentEnd;
  }
  return total;
}

/** Brings clock-driven state up to `nowMs`: usage accrues, voices past their ExpireTime expire. */
export function catchUp(state: EmulatorState, nowMs: number, settings: UsageSettings): void {
  expireVoices(state.voices, nowMs);
  const m = state.monitoring;
  if (nowMs <= m.accruedUntil) return;
  if (settings.live) {
    const from = Math.max(m.accruedUntil, nowMs - MAX_CATCH_UP_MS);
    for (const [projectName, resourceId] of runningResources(state)) {
      const rate = rateOf(resourceId, settings);
      if (rate <= 0) continue;
      amountOver(rate, from, nowMs, (at, amount, load) => {
        recordUsage(state, projectName, resourceId, amount, at);
        recordQuotaLoad(state, projectName, resourceId, at, load);
      });
    }
    if (dayKey(from) !== dayKey(nowMs)) pruneMonitoring(m, nowMs, KEEP_MONITORING_DAYS);
  }
  m.accruedUntil = nowMs;
}

/**
 * POST /__emulator/usage `{ advanceMs }`: the usage the running services would make in the next
 * `advanceMs`, booked now (the clock itself does not move, so signatures stay valid).
 */
export function simulateUsage(state: EmulatorState, advanceMs: number, nowMs: number, settings: UsageSettings): Record<string, number> {
  const added = dict<number>();
  for (const [projectName, resourceId] of runningResources(state)) {
    const amount = amountOver(rateOf(resourceId, settings), nowMs, nowMs + advanceMs);
    if (amount <= 0) continue;
    recordUsage(state, projectName, resourceId, amount, nowMs);
    added[resourceId] = (added[resourceId] ?? 0) + amount;
  }
  return added;
}

/** POST /__emulator/usage `{ resourceId?, amount }`; the big-model TTS resource by default. */
export function addUsage(state: EmulatorState, req: { projectName?: string; resourceId?: string; amount: number }, nowMs: number) {
  const resourceId = req.resourceId ?? BIG_MODEL_TTS_RESOURCE;
  const projectName = req.projectName ?? 'default';
  const unabsorbed = recordUsage(state, projectName, resourceId, req.amount, nowMs);
  return { projectName, resourceId, amount: req.amount, unabsorbed };
}

export interface QuotaLoadRequest {
  /** Share of the limit, 0–100. */
  percent: number;
  /** One QuotaType of the resource (e.g. `concurrency`); absent: every quota type it has. */
  quotaType?: string;
  resourceId?: string;
  projectName?: string;
  /** `yyyy-MM-dd` (Beijing); absent: today. A caller that reads its own local day can name it. */
  day?: string;
}

/**
 * POST /__emulator/usage `{ quotaLoad: { percent, quotaType?, resourceId?, projectName?, day? } }`:
 * today's (or `day`'s) peak of the resource's quota types becomes `percent` of the limit (the big-model TTS
 * resource by default), e.g. 90 to see the tray's warning. Live load only ever raises a peak,
 * to at most QUOTA_PEAK_MAX_SHARE, so a value above that stays until the day ends.
 */
/** Throws TypeError (a 400) on the first bad field of a quotaLoad request; changes nothing. */
export function checkQuotaLoad(req: QuotaLoadRequest): void {
  if (typeof req.percent !== 'number' || !Number.isFinite(req.percent) || req.percent < 0 || req.percent > 100) {
    throw new TypeError('quotaLoad.percent must be a number from 0 to 100');
  }
  const resourceId = req.resourceId ?? BIG_MODEL_TTS_RESOURCE;
  const known = Object.keys(profileOf(resourceId).quotaLimits);
  if (req.quotaType !== undefined && !known.includes(req.quotaType)) {
    throw new TypeError(`quotaLoad.quotaType must be one of ${known.join(', ')} for ${resourceId}, got ${JSON.stringify(req.quotaType)}`);
  }
  if (req.day !== undefined && parseDay(req.day) === undefined) throw new TypeError(`quotaLoad.day must be a date yyyy-MM-dd, got ${JSON.stringify(req.day)}`);
}

export function setQuotaLoad(state: EmulatorState, req: QuotaLoadRequest, nowMs: number) {
  checkQuotaLoad(req);
  const resourceId = req.resourceId ?? BIG_MODEL_TTS_RESOURCE;
  const projectName = req.projectName ?? 'default';
  const limits = profileOf(resourceId).quotaLimits;
  const known = Object.keys(limits);
  const day = req.day ?? dayKey(nowMs);
  const peaks = dict<{ value: number; limit: number }>();
  for (const quotaType of req.quotaType === undefined ? known : [req.quotaType]) {
    const limit = limits[quotaType] as number;
    const value = Math.round((limit * req.percent) / 100);
    setQuotaPeak(state.monitoring, projectName, resourceId, quotaType, day, value);
    peaks[quotaType] = { value, limit };
  }
  return { projectName, resourceId, day, peaks };
}
