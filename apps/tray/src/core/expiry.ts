/**
 * Expiry warnings: a pack that still has balance is announced 7, 3 and 1 days before it
 * expires, each step once (per resource and expiry date). A pack used up, or a later pack
 * becoming the earliest, needs no warning. Kept in memory: after a restart the current step
 * is announced once more.
 */
import type { PackBalanceView } from '../shared/bridge.js';
import { daysUntil } from '../shared/i18n/index.js';

export const EXPIRY_WARNING_DAYS: readonly number[] = [7, 3, 1];

export interface ExpiryWarning {
  resourceId: string;
  expires: string;
  at: number;
  /** Whole days left (0: expires today). */
  days: number;
  /** The step announced: 7, 3 or 1. */
  step: number;
  remaining: number;
  unit: string;
}

/** The smallest step the days left have reached, or null when more than the first step. */
export function expiryStep(days: number): number | null {
  let reached: number | null = null;
  for (const step of EXPIRY_WARNING_DAYS) if (days <= step) reached = step;
  return reached;
}

export class ExpiryTracker {
  private readonly announced = new Map<string, number>();

  update(packs: readonly PackBalanceView[], now: number): ExpiryWarning[] {
    const warnings: ExpiryWarning[] = [];
    for (const pack of packs) {
      if (pack.expiresAt === undefined || pack.expires === undefined) continue;
      const days = daysUntil(pack.expiresAt, now);
      if (days < 0) continue;
      const step = expiryStep(days);
      if (step === null) continue;
      const key = `${pack.resourceId}@${pack.expires}`;
      const before = this.announced.get(key);
      if (before !== undefined && before <= step) continue;
      this.announced.set(key, step);
      warnings.push({ resourceId: pack.resourceId, expires: pack.expires, at: pack.expiresAt, days, step, remaining: pack.expiresRemaining ?? pack.remaining, unit: pack.unit });
    }
    return warnings;
  }

  reset(): void {
    this.announced.clear();
  }
}
