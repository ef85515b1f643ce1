/**
 * Quota threshold crossings: one notification per crossing, not one per poll. A threshold
 * that was crossed stays "fired" until usage drops back below it, which re-arms it.
 */
import type { PackBalanceView } from '../shared/bridge.js';
import { levelRank, type QuotaLevel, type Thresholds } from './levels.js';

export interface ThresholdCrossing {
  resourceId: string;
  label: string;
  level: Exclude<QuotaLevel, 'ok'>;
  percentUsed: number;
  thresholdPercent: number;
  remaining: number;
  unit: string;
}

/** Per resource, the highest threshold already announced. */
export type FiredThresholds = ReadonlyMap<string, QuotaLevel>;

/**
 * Compares the packs' levels with what was already announced. Rising past both thresholds
 * in one poll announces only the critical one (and counts the warning as announced).
 * The first observation counts as a crossing: usage already above a threshold at start-up
 * is worth one notification.
 */
export function detectCrossings(
  fired: FiredThresholds,
  packs: readonly PackBalanceView[],
  thresholds: Thresholds,
): { crossings: ThresholdCrossing[]; fired: Map<string, QuotaLevel> } {
  const next = new Map<string, QuotaLevel>();
  const crossings: ThresholdCrossing[] = [];
  for (const pack of packs) {
    const level: QuotaLevel = pack.level === 'critical' || pack.level === 'warning' ? pack.level : 'ok';
    const before = fired.get(pack.resourceId) ?? 'ok';
    if (level !== 'ok' && levelRank(level) > levelRank(before)) {
      crossings.push({
        resourceId: pack.resourceId,
        label: pack.label,
        level,
        percentUsed: pack.percentUsed,
        thresholdPercent: level === 'critical' ? thresholds.criticalPercent : thresholds.warningPercent,
        remaining: pack.remaining,
        unit: pack.unit,
      });
    }
    // Dropping back below a threshold re-arms it; staying above keeps it fired.
    next.set(pack.resourceId, level);
  }
  return { crossings, fired: next };
}

/**
 * A resource that disappears from one poll's answer (a failed call keeps the last figures,
 * so this means the pack is really gone) forgets its state.
 */
export class ThresholdTracker {
  private fired = new Map<string, QuotaLevel>();

  update(packs: readonly PackBalanceView[], thresholds: Thresholds): ThresholdCrossing[] {
    const result = detectCrossings(this.fired, packs, thresholds);
    this.fired = result.fired;
    return result.crossings;
  }

  reset(): void {
    this.fired.clear();
  }

  get state(): FiredThresholds {
    return this.fired;
  }
}
