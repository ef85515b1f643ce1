/**
 * Quota crossings, for both meanings of quota:
 * - resource-pack spend: ResourcePacksStatus `Harvest` (numbers, unlike the display strings),
 *   used / purchased per resource (or per pack);
 * - rate-limit use: QuotaMonitoring `Value` against its `limit` (lower-case on the wire), per day.
 * An event fires when a quota is at or above the threshold and had not fired yet; it re-arms
 * once the quota drops below (a new pack, a new day).
 */
import type { IDataObject } from 'n8n-workflow';

export interface QuotaObservation {
  /** Stable identity of what is measured, e.g. `resource:volc.service_type.10029:characters`. */
  key: string;
  percentUsed: number;
  details: IDataObject;
}

/** Keys at or above the threshold that have already fired, with when they first did. */
export type QuotaMemory = Record<string, string>;

export interface Detection<M> {
  events: IDataObject[];
  memory: M;
}

const round = (value: number, digits = 2): number => Math.round(value * 10 ** digits) / 10 ** digits;

/** Packs that no longer count: expired or refunded ones would only dilute the use ratio. */
function isRetired(pack: IDataObject): boolean {
  return /expire|invalid|refund|closed|terminat/i.test(String(pack.State ?? ''));
}

export function packObservations(packs: readonly IDataObject[], groupBy: 'resource' | 'pack'): QuotaObservation[] {
  const groups = new Map<string, { resourceId: string; unit: string; purchased: number; used: number; packs: string[] }>();
  packs.forEach((pack, index) => {
    if (isRetired(pack)) return;
    const harvest = (pack.Harvest ?? {}) as IDataObject;
    const purchased = Number(harvest.PurchasedAmount);
    const used = Number(harvest.CurrentUsage ?? 0);
    if (!Number.isFinite(purchased) || !Number.isFinite(used)) return;
    const resourceId = String(harvest.ResourceID ?? pack.ResourceID ?? 'unknown');
    const unit = String(harvest.Unit ?? '');
    // TrainID is empty for non-voice packs: fall back to the InstanceNumber.
    const packId = String(pack.TrainID || pack.InstanceNumber || `${resourceId}#${index}`);
    const key = groupBy === 'pack' ? `pack:${packId}` : `resource:${resourceId}:${unit}`;
    const group = groups.get(key) ?? { resourceId, unit, purchased: 0, used: 0, packs: [] };
    group.purchased += purchased;
    group.used += used;
    group.packs.push(packId);
    groups.set(key, group);
  });
  return [...groups].map(([key, group]) => ({
    key,
    percentUsed: group.purchased > 0 ? round((group.used / group.purchased) * 100) : group.used > 0 ? 100 : 0,
    details: {
      quotaSource: 'resourcePack',
      resourceId: group.resourceId,
      unit: group.unit,
      purchased: group.purchased,
      used: group.used,
      remaining: round(group.purchased - group.used, 6),
      packs: group.packs,
    },
  }));
}

export function rateLimitObservations(rows: readonly IDataObject[], resourceId: string, quotaType: string): QuotaObservation[] {
  const observations: QuotaObservation[] = [];
  for (const row of rows) {
    const type = String(row.QuotaType ?? quotaType);
    if (quotaType && type.toLowerCase() !== quotaType.toLowerCase()) continue;
    const value = Number(row.Value);
    // `limit` is lower-case on the wire (GO json tag); accept `Limit` too in case that is fixed.
    const limit = Number(row.limit ?? row.Limit);
    if (!Number.isFinite(value) || !Number.isFinite(limit) || limit <= 0) continue;
    const day = String(row.Day ?? '');
    observations.push({
      key: `rate:${resourceId}:${type}:${day}`,
      percentUsed: round((value / limit) * 100),
      details: { quotaSource: 'rateLimit', resourceId, quotaType: type, day, value, limit },
    });
  }
  return observations;
}

export function detectQuotaCrossings(
  observations: readonly QuotaObservation[],
  memory: QuotaMemory | undefined,
  thresholdPercent: number,
  now: Date,
): Detection<QuotaMemory> {
  const previous = memory ?? {};
  const next: QuotaMemory = {};
  const events: IDataObject[] = [];
  for (const observation of observations) {
    if (observation.percentUsed < thresholdPercent) continue;
    const firedAt = previous[observation.key];
    next[observation.key] = firedAt ?? now.toISOString();
    if (firedAt) continue;
    events.push({
      event: 'quotaThresholdCrossed',
      ...observation.details,
      percentUsed: observation.percentUsed,
      thresholdPercent,
      key: observation.key,
      observedAt: now.toISOString(),
    });
  }
  return { events, memory: next };
}
