/**
 * What the tray icon says, as a pure function of the TrayModel: the level and the figure that
 * caused it (the highest pack spend or rate-limit use judged at that level, across every
 * profile), '!' for an error, no figure for paused (the glyph says it) or before anything
 * was measured (`unknown`).
 */
import type { TrayModel } from '../core/index.js';
import type { IconLevel } from './trayIcon/palette.js';

export interface TrayIconSpec {
  level: IconLevel;
  figure: string | null;
}

export function trayIconSpec(model: TrayModel): TrayIconSpec {
  const { overall } = model;
  if (overall === 'error') return { level: 'error', figure: '!' };
  if (overall === 'paused') return { level: 'paused', figure: null };
  const measured = model.profiles.some((p) => p.account.lastUpdatedAt !== null);
  if (!measured) return { level: 'unknown', figure: null };
  const figures = model.profiles.flatMap((p) => [
    ...p.account.packs.map((pack) => ({ percent: pack.percentUsed, level: pack.level })),
    ...p.account.rateLimits.map((rate) => ({ percent: rate.percent, level: rate.level })),
  ]);
  // The figure that caused the level; when none carries it (an older view), the highest one.
  const causing = figures.filter((f) => f.level === overall);
  const pool = causing.length > 0 ? causing : figures;
  if (pool.length === 0) return { level: overall, figure: null };
  return { level: overall, figure: `${Math.round(Math.max(...pool.map((f) => f.percent)))}%` };
}
