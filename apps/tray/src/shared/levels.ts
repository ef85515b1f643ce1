/**
 * Levels and thresholds, shared by the core (which judges the figures) and the renderer
 * (which shows them, and judges only what an older backend left unjudged). Pure: no Node,
 * no DOM.
 *
 * Two meanings of "quota" meet here, judged against the same warning/critical thresholds:
 * what is left to spend (each resource pack's purchased − used, ResourcePacksStatus) and the
 * rate limit (QPS or concurrency against its limit, QuotaMonitoring).
 */
import { TRAY_LEVEL_ORDER, type TrayLevel } from './bridge.js';

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

/** Which "quota": `remaining` = resource-pack spend (ResourcePacksStatus), `rateLimit` = QuotaMonitoring. */
export type QuotaMeaning = 'remaining' | 'rateLimit';

/** How each meaning is named wherever the tray speaks of it (notification titles). */
export const QUOTA_MEANING_LABEL: Readonly<Record<QuotaMeaning, { zh: string; en: string }>> = {
  remaining: { zh: '剩余额度', en: 'Remaining quota' },
  rateLimit: { zh: '限流', en: 'Rate limit' },
};
