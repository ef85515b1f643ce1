/**
 * Threshold crossings of both meanings of "quota" (what is left to spend in the resource packs,
 * and rate-limit use): one notification per crossing, not one per poll. A threshold that was
 * crossed stays "fired" until usage drops back below it, which re-arms it.
 *
 * One detector serves both meanings; each figure is kept under its own key (crossingKey), so a
 * pack and a rate limit of the same resource never share a state.
 */
import type { PackBalanceView, RateLimitView } from '../shared/bridge.js';
import { levelForPercent, levelRank, type QuotaLevel, type QuotaMeaning, type Thresholds } from '../shared/levels.js';
import { resourceLabel } from './resources.js';

/** A figure the tray watches: a resource's pack spend, or the use of one of its rate limits. */
export type QuotaFigure = PackBalanceView | RateLimitView;

interface CrossingBase {
  /** crossingKey of the figure. */
  key: string;
  meaning: QuotaMeaning;
  resourceId: string;
  label: string;
  level: Exclude<QuotaLevel, 'ok'>;
  /** Pack spend: percent of the purchased amount used; rate limit: percent of the limit in use. */
  percentUsed: number;
  thresholdPercent: number;
}

/** Pack spend (ResourcePacksStatus) passed a threshold. */
export interface RemainingQuotaCrossing extends CrossingBase {
  meaning: 'remaining';
  remaining: number;
  unit: string;
}

/** Rate-limit use (QuotaMonitoring) passed a threshold. */
export interface RateLimitCrossing extends CrossingBase {
  meaning: 'rateLimit';
  quotaType: string;
  value: number;
  limit: number;
}

export type ThresholdCrossing = RemainingQuotaCrossing | RateLimitCrossing;

/** Per figure (crossingKey), the highest threshold already announced. */
export type FiredThresholds = ReadonlyMap<string, QuotaLevel>;

/** Announced thresholds worth keeping across a restart: crossingKey → the highest one announced. */
export type NotifiedCrossings = Readonly<Record<string, Exclude<QuotaLevel, 'ok'>>>;

export function isRateLimit(figure: QuotaFigure): figure is RateLimitView {
  return 'quotaType' in figure;
}

/**
 * Where a figure's state is kept: a pack under its resource ID, a rate limit under
 * `rate-limit:<resource>/<quota type>` (resource IDs never start that way).
 */
export function crossingKey(figure: QuotaFigure): string {
  return isRateLimit(figure) ? `rate-limit:${figure.resourceId}/${figure.quotaType}` : figure.resourceId;
}

function quotaLevelOf(figure: QuotaFigure, thresholds: Thresholds): QuotaLevel {
  // A pack always carries its level; a rate limit from an older producer may not.
  const level = isRateLimit(figure) ? (figure.level ?? levelForPercent(figure.percent, thresholds)) : figure.level;
  return level === 'critical' || level === 'warning' ? level : 'ok';
}

function crossingOf(figure: QuotaFigure, level: Exclude<QuotaLevel, 'ok'>, thresholds: Thresholds): ThresholdCrossing {
  const base = {
    key: crossingKey(figure),
    resourceId: figure.resourceId,
    level,
    thresholdPercent: level === 'critical' ? thresholds.criticalPercent : thresholds.warningPercent,
  };
  if (isRateLimit(figure)) {
    const { quotaType, value, limit, percent } = figure;
    return { ...base, meaning: 'rateLimit', label: resourceLabel(figure.resourceId), percentUsed: percent, quotaType, value, limit };
  }
  return { ...base, meaning: 'remaining', label: figure.label, percentUsed: figure.percentUsed, remaining: figure.remaining, unit: figure.unit };
}

/**
 * Compares the figures' levels with what was already announced. Rising past both thresholds
 * in one poll announces only the critical one (and counts the warning as announced).
 * The first observation counts as a crossing: usage already above a threshold when nothing
 * was announced yet is worth one notification.
 */
export function detectCrossings(
  fired: FiredThresholds,
  figures: readonly QuotaFigure[],
  thresholds: Thresholds,
): { crossings: ThresholdCrossing[]; fired: Map<string, QuotaLevel> } {
  const next = new Map<string, QuotaLevel>();
  const crossings: ThresholdCrossing[] = [];
  for (const figure of figures) {
    const key = crossingKey(figure);
    const level = quotaLevelOf(figure, thresholds);
    const before = fired.get(key) ?? 'ok';
    if (level !== 'ok' && levelRank(level) > levelRank(before)) crossings.push(crossingOf(figure, level, thresholds));
    // Dropping back below a threshold re-arms it; staying above keeps it fired.
    next.set(key, level);
  }
  return { crossings, fired: next };
}

/**
 * The crossing state of one account. A figure that disappears from one poll's answer (a failed
 * call keeps the last figures, so this means the pack or limit is really gone) forgets its state.
 *
 * What was announced before a restart (`notified`) is restored: a crossing announced then is
 * not announced again. A restored entry waits until its figure is seen again, so a first poll
 * that fails (offline at start-up) loses nothing.
 */
export class ThresholdTracker {
  private fired = new Map<string, QuotaLevel>();
  private restored: Map<string, QuotaLevel>;

  constructor(notified: NotifiedCrossings = {}) {
    this.restored = new Map(Object.entries(notified));
  }

  update(figures: readonly QuotaFigure[], thresholds: Thresholds): ThresholdCrossing[] {
    const result = detectCrossings(new Map([...this.restored, ...this.fired]), figures, thresholds);
    this.fired = result.fired;
    for (const key of this.fired.keys()) this.restored.delete(key);
    return result.crossings;
  }

  reset(): void {
    this.fired.clear();
    this.restored.clear();
  }

  get state(): FiredThresholds {
    return this.fired;
  }

  /** The thresholds announced and not re-armed since, restored ones included (what a restart must remember). */
  notified(): NotifiedCrossings {
    const out: Record<string, Exclude<QuotaLevel, 'ok'>> = {};
    for (const [key, level] of [...this.restored, ...this.fired].sort(([a], [b]) => a.localeCompare(b))) {
      if (level !== 'ok') out[key] = level;
    }
    return out;
  }
}
