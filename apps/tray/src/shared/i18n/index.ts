/**
 * One language at a time: the translator and the Intl formatters for one locale. Pure (no
 * Node, no DOM): the core (notifications, hints), Electron main (tray menu, tooltip, native
 * dialogs) and the popover all speak through it.
 */
import { en, type MessageKey, type Messages } from './en.js';
import { zhCN } from './zh-CN.js';

export type { MessageKey, Messages } from './en.js';

export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];
/** The language setting: a locale, or `system` (follow the OS locale). */
export type LanguageSetting = 'system' | Locale;
export const LANGUAGE_SETTINGS: readonly LanguageSetting[] = ['system', 'zh-CN', 'en'];

const CATALOGUES: ReadonlyMap<Locale, Messages> = new Map<Locale, Messages>([
  ['en', en],
  ['zh-CN', zhCN],
]);

export function catalogue(locale: Locale): Messages {
  return CATALOGUES.get(locale) ?? en;
}

/** "zh", "zh-Hans-CN", "zh_CN.UTF-8" → zh-CN; anything else → en. */
export function localeFromSystem(systemLocale: string | undefined): Locale {
  return /^zh(?:[-_]|$)/i.test(systemLocale ?? '') ? 'zh-CN' : 'en';
}

export function resolveLocale(setting: LanguageSetting | undefined, systemLocale: string | undefined): Locale {
  return setting === 'zh-CN' || setting === 'en' ? setting : localeFromSystem(systemLocale);
}

export type MessageParams = Readonly<Record<string, string | number>>;

/** Fills `{name}` placeholders; a placeholder without a value stays visible (a test catches it). */
export function fill(template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

/** The placeholders of a message, sorted (the catalogue test compares them across languages). */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}

const DAY_MS = 86_400_000;

export interface I18n {
  locale: Locale;
  t(key: MessageKey, params?: MessageParams): string;
  number(value: number, maximumFractionDigits?: number): string;
  /** 42.26 → "42.3%". */
  percent(value: number): string;
  /** An amount with the service's unit, the unit in this language when known: "1,234 characters". */
  amount(value: number, unit: string): string;
  /** Large amounts short: "11.49M" / "1149万". */
  compact(value: number): string;
  /** Wall-clock time, "12:03". */
  time(at: number): string;
  /** A date, "2026-12-05" style for the locale. */
  date(at: number): string;
  /** "in 5 days", "tomorrow", "5 天后". */
  relativeDays(days: number): string;
  /** 75 s → "1 min 15 s" / "1分钟15秒" (Intl units). */
  duration(seconds: number): string;
  unit(unit: string): string;
  quotaType(quotaType: string): string;
}

export function createI18n(locale: Locale): I18n {
  const messages = catalogue(locale);
  const intlLocale = locale === 'zh-CN' ? 'zh-CN' : 'en-US';
  const numberFormats = new Map<number, Intl.NumberFormat>();
  const numberFormat = (digits: number): Intl.NumberFormat => {
    let format = numberFormats.get(digits);
    if (!format) numberFormats.set(digits, (format = new Intl.NumberFormat(intlLocale, { maximumFractionDigits: digits })));
    return format;
  };
  const percentFormat = new Intl.NumberFormat(intlLocale, { style: 'percent', maximumFractionDigits: 1 });
  const compactFormat = new Intl.NumberFormat(intlLocale, { notation: 'compact', maximumFractionDigits: 2 });
  const timeFormat = new Intl.DateTimeFormat(intlLocale, { hour: '2-digit', minute: '2-digit', hour12: false });
  const dateFormat = new Intl.DateTimeFormat(intlLocale, { year: 'numeric', month: 'short', day: 'numeric' });
  const relative = new Intl.RelativeTimeFormat(intlLocale, { numeric: 'auto' });
  const unitFormat = (unit: 'hour' | 'minute' | 'second') => new Intl.NumberFormat(intlLocale, { style: 'unit', unit, unitDisplay: 'short' });
  const units = { hour: unitFormat('hour'), minute: unitFormat('minute'), second: unitFormat('second') };
  const t = (key: MessageKey, params?: MessageParams): string => fill(messages[key] ?? en[key] ?? key, params);
  const unit = (raw: string): string => {
    const key = `unit.${raw}` as MessageKey;
    return Object.hasOwn(messages, key) ? messages[key] : raw;
  };
  const number = (value: number, digits = 2): string => (Number.isFinite(value) ? numberFormat(digits).format(value) : '–');
  return {
    locale,
    t,
    number,
    percent: (value) => (Number.isFinite(value) ? percentFormat.format(value / 100) : '–'),
    amount: (value, raw) => {
      const text = number(value);
      const u = unit(raw);
      if (!u) return text;
      return locale === 'zh-CN' ? `${text} ${u}` : `${text} ${u}`;
    },
    compact: (value) => (Number.isFinite(value) ? compactFormat.format(value) : '–'),
    time: (at) => timeFormat.format(at),
    date: (at) => dateFormat.format(at),
    relativeDays: (days) => relative.format(Math.round(days), 'day'),
    duration: (seconds) => {
      const s = Math.max(0, Math.round(seconds));
      const h = Math.floor(s / 3600);
      const m = Math.floor((s % 3600) / 60);
      const rest = s % 60;
      const parts: string[] = [];
      if (h > 0) parts.push(units.hour.format(h));
      if (m > 0) parts.push(units.minute.format(m));
      if (h === 0 && (rest > 0 || parts.length === 0)) parts.push(units.second.format(rest));
      return parts.join(locale === 'zh-CN' ? '' : ' ');
    },
    unit,
    quotaType: (quotaType) => {
      const key = `quotaType.${quotaType.toLowerCase()}` as MessageKey;
      return Object.hasOwn(messages, key) ? messages[key] : quotaType;
    },
  };
}

/** Whole days from `now` until `at` (ceil: a pack that ends later today is "today", 0). */
export function daysUntil(at: number, now: number): number {
  return Math.ceil((at - now) / DAY_MS);
}
