/** Tray levels: from a usage percentage, and the worst of several. */
import { TRAY_LEVEL_ORDER, type TrayLevel } from '../shared/bridge.js';

export interface Thresholds {
  warningPercent: number;
  criticalPercent: number;
}

export const DEFAULT_THRESHOLDS: Readonly<Thresholds> = { warningPercent: 80, criticalPercent: 95 };

export function levelRank(level: TrayLevel): number {
  return TRAY_LEVEL_ORDER.indexOf(level);
}

export function worstLevel(levels: Iterable<TrayLevel>): TrayLevel {
  let worst: TrayLevel = 'ok';
  for (const level of levels) if (levelRank(level) > levelRank(worst)) worst = level;
  return worst;
}

/** A quota level: only ok, warning or critical (paused and error come from elsewhere). */
export type QuotaLevel = Extract<TrayLevel, 'ok' | 'warning' | 'critical'>;

export function levelForPercent(percentUsed: number, thresholds: Thresholds): QuotaLevel {
  if (percentUsed >= thresholds.criticalPercent) return 'critical';
  if (percentUsed >= thresholds.warningPercent) return 'warning';
  return 'ok';
}
