/**
 * Monitoring data: usage per (project, resource, Beijing hour) and the daily peak of each
 * quota type against its limit. UsageMonitoring sums hours into days (Mode daily) or lists
 * them (Mode hourly); QuotaMonitoring reports `{Day, QuotaType, Value, limit}` per day (also
 * for Mode hourly: no hourly quota series is kept). Amounts are stored exact and rounded to
 * the unit on the way out.
 */
import { hourlyDay, MONITORING_MAX_RANGE_DAYS, MONITORING_MODES_SEEN } from '@volc-speech/client';
import { invalidParameter } from '../errors.js';
import { dict } from './dict.js';
import type { MonitoringState } from './model.js';
import { profileOf, roundAmount } from './resourceProfiles.js';
import { DAY_MS, dayKey, parseDay } from './time.js';

/** EXPL: "时间范围不超过7天" (both modes); the reaction to a longer range (InvalidParameter) is INFER. */
export const MAX_RANGE_DAYS = MONITORING_MAX_RANGE_DAYS;

export function addToHourBucket(m: MonitoringState, projectName: string, resourceId: string, hour: string, amount: number): void {
  const byHour = ((m.usage[projectName] ??= dict())[resourceId] ??= dict());
  byHour[hour] = (byHour[hour] ?? 0) + amount;
}

export function recordQuotaPeak(m: MonitoringState, projectName: string, resourceId: string, quotaType: string, day: string, value: number): void {
  const byDay = (((m.quotaPeaks[projectName] ??= dict())[resourceId] ??= dict())[quotaType] ??= dict());
  byDay[day] = Math.max(byDay[day] ?? 0, value);
}

/** Overwrites a day's peak (the control endpoint's quotaLoad), where recordQuotaPeak only raises it. */
export function setQuotaPeak(m: MonitoringState, projectName: string, resourceId: string, quotaType: string, day: string, value: number): void {
  (((m.quotaPeaks[projectName] ??= dict())[resourceId] ??= dict())[quotaType] ??= dict())[day] = value;
}

/** Drops hour buckets and peaks older than `keepDays`, so a long-running emulator's state stays small. */
export function pruneMonitoring(m: MonitoringState, nowMs: number, keepDays: number): void {
  const oldest = dayKey(nowMs - keepDays * DAY_MS);
  for (const byResource of Object.values(m.usage)) {
    for (const byHour of Object.values(byResource)) for (const hour of Object.keys(byHour)) if (hour.slice(0, 10) < oldest) delete byHour[hour];
  }
  for (const byResource of Object.values(m.quotaPeaks)) {
    for (const byType of Object.values(byResource)) for (const byDay of Object.values(byType)) for (const day of Object.keys(byDay)) if (day < oldest) delete byDay[day];
  }
}

export interface MonitoringRange {
  startDay: string;
  endDay: string;
}

/** Start/End as `yyyy-MM-dd`, Start ≤ End, at most MAX_RANGE_DAYS days. */
export function checkRange(start: string, end: string): MonitoringRange {
  const startMs = parseDay(start);
  if (startMs === undefined) throw invalidParameter('Start', `must be a date yyyy-MM-dd, got ${JSON.stringify(start)}`);
  const endMs = parseDay(end);
  if (endMs === undefined) throw invalidParameter('End', `must be a date yyyy-MM-dd, got ${JSON.stringify(end)}`);
  if (endMs < startMs) throw invalidParameter('End', `must not be before Start (${start})`);
  if ((endMs - startMs) / DAY_MS + 1 > MAX_RANGE_DAYS) throw invalidParameter('End', `the range may span at most ${MAX_RANGE_DAYS} days`);
  return { startDay: start, endDay: end };
}

export function checkMode(mode: string | undefined): 'daily' | 'hourly' {
  const value = mode ?? 'daily';
  if (!(MONITORING_MODES_SEEN as readonly string[]).includes(value)) {
    throw invalidParameter('Mode', `must be one of ${MONITORING_MODES_SEEN.join(', ')}, got ${JSON.stringify(value)}`);
  }
  return value as 'daily' | 'hourly';
}

/** Each day of the range up to today (no rows for days that have not begun). */
function daysOf(range: MonitoringRange, nowMs: number): string[] {
  const days: string[] = [];
  const today = dayKey(nowMs);
  for (let ms = parseDay(range.startDay) as number; ; ms += DAY_MS) {
    const day = dayKey(ms);
    if (day > range.endDay || day > today) break;
    days.push(day);
  }
  return days;
}

export interface UsageQuery {
  projectName: string;
  resourceId: string;
  range: MonitoringRange;
  mode: 'daily' | 'hourly';
  usageType?: string;
}

export function usageRows(m: MonitoringState, q: UsageQuery, nowMs: number): Array<{ Day: string; UsageType: string; Value: number }> {
  const profile = profileOf(q.resourceId);
  const byHour = m.usage[q.projectName]?.[q.resourceId];
  if (!byHour || (q.usageType !== undefined && q.usageType !== '' && q.usageType !== profile.usageType)) return [];
  const days = daysOf(q.range, nowMs);
  if (q.mode === 'hourly') {
    const wanted = new Set(days);
    return Object.keys(byHour)
      .filter((hour) => wanted.has(hour.slice(0, 10)))
      .sort()
      .map((hour) => ({ Day: hourlyDay(hour.slice(0, 10), Number(hour.slice(11, 13))), UsageType: profile.usageType, Value: roundAmount(byHour[hour] as number, profile.unit) }));
  }
  const totals = new Map(days.map((day) => [day, 0]));
  for (const [hour, amount] of Object.entries(byHour)) {
    const day = hour.slice(0, 10);
    if (totals.has(day)) totals.set(day, (totals.get(day) as number) + amount);
  }
  return [...totals].map(([day, total]) => ({ Day: day, UsageType: profile.usageType, Value: roundAmount(total, profile.unit) }));
}

export interface QuotaQuery {
  projectName: string;
  resourceId: string;
  range: MonitoringRange;
  quotaType?: string;
}

export function quotaRows(m: MonitoringState, q: QuotaQuery, nowMs: number): Array<{ Day: string; QuotaType: string; Value: number; limit: number }> {
  const profile = profileOf(q.resourceId);
  const byType = m.quotaPeaks[q.projectName]?.[q.resourceId];
  if (!byType) return [];
  const days = daysOf(q.range, nowMs);
  const rows: Array<{ Day: string; QuotaType: string; Value: number; limit: number }> = [];
  for (const [quotaType, limit] of Object.entries(profile.quotaLimits)) {
    if (q.quotaType && q.quotaType !== quotaType) continue;
    const byDay = byType[quotaType] ?? dict<number>();
    for (const day of days) rows.push({ Day: day, QuotaType: quotaType, Value: Math.round(byDay[day] ?? 0), limit });
  }
  return rows;
}
