import { serviceDay } from '@volc-speech/client';
import { invalidParameter } from '../errors.js';

/**
 * Calendar arithmetic in the console's time zone. The speech console is a China-region
 * product, so days and hours (monitoring rows, RequestIds, display times) are Beijing time,
 * UTC+8 all year; epoch milliseconds stay the one stored form.
 */
export const BEIJING_OFFSET_MS = 8 * 3600_000;
export const HOUR_MS = 3600_000;
export const DAY_MS = 24 * HOUR_MS;

export interface CalendarParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function beijingParts(ms: number): CalendarParts {
  const d = new Date(ms + BEIJING_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `yyyy-MM-dd` (Beijing): the client's serviceDay (unknowns.ts SERVICE_TIME_ZONE), so consumers and emulator share one day. */
export function dayKey(ms: number): string {
  return serviceDay(ms);
}

/** `yyyy-MM-dd HH` (Beijing): the key of an hourly usage bucket. */
export function hourKey(ms: number): string {
  return `${dayKey(ms)} ${pad(beijingParts(ms).hour)}`;
}

/** `yyyy-MM-dd HH:mm:ss` (Beijing): display times such as a pack's Expires. */
export function displayDateTime(ms: number): string {
  const p = beijingParts(ms);
  return `${dayKey(ms)} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
}

/** RFC 3339 in UTC without milliseconds (unknowns.ts API_KEY_TIME_FORMAT). */
export function rfc3339(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Epoch ms of Beijing midnight starting `yyyy-MM-dd`, or undefined when it is not a real date. */
export function parseDay(day: string): number | undefined {
  const m = DAY_PATTERN.exec(day);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const utcMidnight = Date.UTC(y, mo - 1, d);
  if (dayKey(utcMidnight - BEIJING_OFFSET_MS) !== day) return undefined;
  return utcMidnight - BEIJING_OFFSET_MS;
}

/** Start of the Beijing hour containing `ms`. */
export function startOfHour(ms: number): number {
  return Math.floor((ms + BEIJING_OFFSET_MS) / HOUR_MS) * HOUR_MS - BEIJING_OFFSET_MS;
}

/**
 * INFER: the longest term (months) one order, renewal or formalization may add. The table only
 * says Times ≥ 1; without a bound, Times = 2^31−1 gives a date JavaScript cannot hold (NaN, then
 * null in the state file).
 */
export const MAX_TERM_MONTHS = 1200;

/** Throws InvalidParameter when `months` is not a term the emulator can date. */
export function checkTermMonths(months: number, field: string): number {
  if (!Number.isInteger(months) || months < 1 || months > MAX_TERM_MONTHS) throw invalidParameter(field, `must be an integer from 1 to ${MAX_TERM_MONTHS} (months), got ${months}`);
  return months;
}

/** Calendar months later (clamped to the month's last day, as billing periods are). */
export function addMonths(ms: number, months: number): number {
  const d = new Date(ms + BEIJING_OFFSET_MS);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return d.getTime() - BEIJING_OFFSET_MS;
}
