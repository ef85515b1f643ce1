/**
 * Words and numbers as the popover shows them, in the page's language (./i18n.ts). Pure
 * functions of their arguments and the current language (no DOM), so the end-to-end tests
 * format what the client reads from the emulator the same way and compare text.
 */
import type { CallErrorView, ProfileSummary, ServiceStateView, TrayLevel } from '../shared/bridge.js';
import { i18n } from './i18n.js';

/** 12345.678 → "12,345.68". */
export function formatAmount(value: number): string {
  return i18n().number(value);
}

/** Amount with its unit in the page's language: "8.79 hours", "1,000 字符". */
export function formatWithUnit(value: number, unit: string): string {
  return i18n().amount(value, unit);
}

/** 42.26 → "42.3%". */
export function formatPercent(value: number): string {
  return i18n().percent(value);
}

export function quotaTypeText(quotaType: string): string {
  return i18n().quotaType(quotaType);
}

/** 12 → "12 sec", 125 → "2 min 5 sec" (Intl units). */
export function formatAge(seconds: number): string {
  return i18n().duration(seconds);
}

export function levelText(level: TrayLevel): string {
  return i18n().t(`level.${level}`);
}

/** A profile in the header's switcher: "Production · Warning", "Local emulator · OK · demo". */
export function profileOptionText(profile: Pick<ProfileSummary, 'name' | 'level' | 'usesEmulator'>): string {
  return i18n().t(profile.usesEmulator ? 'header.profileOptionDemo' : 'header.profileOption', { name: profile.name, level: levelText(profile.level) });
}

export function serviceStateText(state: ServiceStateView): string {
  return i18n().t(`service.${state}`);
}

/** One line naming a failed call: "AccessDenied (HTTP 403): message". */
export function errorSummary(error: CallErrorView): string {
  const status = error.httpStatus ? ` (HTTP ${error.httpStatus})` : '';
  return `${error.code}${status}: ${error.message}`;
}

/**
 * A usage point's label on the chart's axis: the hour of an hourly `Day` such as
 * "2025-06-01 13:00:00" or "2025-06-01T13", the label as sent otherwise.
 */
export function shortTimeLabel(label: string): string {
  const clock = /(?:^|[ T])(\d{1,2}):(\d{2})/.exec(label);
  if (clock) return `${clock[1]!.padStart(2, '0')}:${clock[2]}`;
  const hourOnly = /T(\d{2})$/.exec(label);
  if (hourOnly) return `${hourOnly[1]}:00`;
  return label;
}
