/**
 * Tray levels: from a usage percentage, and the worst of several. They live in
 * ../shared/levels.ts because the renderer judges with the same rules; this module keeps the
 * core's imports where they were.
 */
export { DEFAULT_THRESHOLDS, levelForPercent, levelRank, worstLevel, type QuotaLevel, type Thresholds } from '../shared/levels.js';
