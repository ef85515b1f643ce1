/**
 * Words and numbers as the popover shows them. Pure functions (no DOM), so the end-to-end
 * tests format what the client reads from the emulator the same way and compare text.
 */
import type { CallErrorView, ProfileSummary, ServiceStateView, TrayLevel } from '../shared/bridge.js';
import { bilingual } from '../shared/format.js';

// Shared with the core's notification texts.
export { bilingual, formatAmount, formatWithUnit, quotaTypeText } from '../shared/format.js';

const percentFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** 42.26 → "42.3%". */
export function formatPercent(value: number): string {
  return Number.isFinite(value) ? `${percentFormat.format(value)}%` : '–';
}

/** 12 → "12 s", 125 → "2 min 5 s", 7300 → "2 h 1 min". */
export function formatAge(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return `${s} s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return `${minutes} min ${s % 60} s`;
  const hours = Math.floor(minutes / 60);
  return `${hours} h ${minutes % 60} min`;
}

export const LEVEL_LABEL: Readonly<Record<TrayLevel, { zh: string; en: string }>> = {
  ok: { zh: '正常', en: 'OK' },
  warning: { zh: '预警', en: 'Warning' },
  critical: { zh: '严重', en: 'Critical' },
  paused: { zh: '已暂停', en: 'Paused' },
  error: { zh: '错误', en: 'Error' },
};

export function levelText(level: TrayLevel): string {
  return bilingual(LEVEL_LABEL[level]);
}

/** A profile in the header's switcher: "Production · 预警 Warning · 模拟器 emulator". */
export function profileOptionText(profile: Pick<ProfileSummary, 'name' | 'level' | 'usesEmulator'>): string {
  return `${profile.name} · ${levelText(profile.level)}${profile.usesEmulator ? ' · 模拟器 emulator' : ''}`;
}

export const SERVICE_STATE_LABEL: Readonly<Record<ServiceStateView, { zh: string; en: string }>> = {
  running: { zh: '运行中', en: 'Running' },
  paused: { zh: '已暂停', en: 'Paused' },
  terminated: { zh: '已停用', en: 'Terminated' },
  notActivated: { zh: '未开通', en: 'Not activated' },
  unknown: { zh: '未知', en: 'Unknown' },
};

export function serviceStateText(state: ServiceStateView): string {
  return bilingual(SERVICE_STATE_LABEL[state]);
}

/** One line naming a failed call: "AccessDenied · message". */
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
