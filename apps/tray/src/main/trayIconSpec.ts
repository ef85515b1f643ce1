/**
 * What the tray icon says, as a pure function of the TrayModel: the level and the figure that
 * caused it (TrayModel.figure: the headline figure of the account that set the level, see
 * core/headline.ts; the main product's when all is calm), '!' for an error, no figure while
 * paused (the glyph says it) or before anything was measured (`unknown`).
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
  const measured = model.profiles.some((p) => p.inAggregate && p.account.lastUpdatedAt !== null);
  if (!measured) return { level: 'unknown', figure: null };
  // The core's headline figure: what caused the level (the main product when all is calm).
  return { level: overall, figure: model.figure === null ? null : `${model.figure}%` };
}
