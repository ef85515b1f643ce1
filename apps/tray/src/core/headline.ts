/**
 * The glance of one account: what drives its state, the figure the tray shows, what is left
 * of the main product, today's rate-limit peak and the earliest expiry that matters. Pure.
 *
 * The cause is the figure of the worst level; among figures of the same level the more
 * important product wins (the main TTS product before voice-clone slots), then the higher
 * percentage. So a calm account names its main product, not whichever pack is fullest.
 */
import type { AccountView, HeadlineCause, HeadlineView, PackBalanceView, RateLimitView } from '../shared/bridge.js';
import { levelRank } from '../shared/levels.js';
import { productImportance } from './resources.js';

/** Monitoring failures cost their figures but do not make the account an error (accountView.ts). */
const NON_BLOCKING_ACTIONS = new Set(['QuotaMonitoring', 'UsageMonitoring']);

interface Candidate {
  cause: HeadlineCause;
  rank: number;
  importance: number;
  percent: number;
}

function packCandidate(pack: PackBalanceView): Candidate {
  return {
    cause: { kind: 'pack', resourceId: pack.resourceId, percentUsed: pack.percentUsed, level: pack.level },
    rank: levelRank(pack.level),
    importance: productImportance(pack.resourceId),
    percent: pack.percentUsed,
  };
}

function rateCandidate(rate: RateLimitView): Candidate {
  const level = rate.level ?? 'ok';
  return {
    cause: { kind: 'rateLimit', resourceId: rate.resourceId, quotaType: rate.quotaType, percent: rate.percent, level },
    rank: levelRank(level),
    importance: productImportance(rate.resourceId),
    percent: rate.percent,
  };
}

/** Worst level first, then product importance, then the higher percentage. */
function byConcern(a: Candidate, b: Candidate): number {
  return b.rank - a.rank || a.importance - b.importance || b.percent - a.percent;
}

/** Packs and rate limits in the order the popover lists them: worst first, then product importance. */
export function concernOrder<T extends PackBalanceView | RateLimitView>(items: readonly T[]): T[] {
  const candidate = (item: T): Candidate => ('quotaType' in item ? rateCandidate(item) : packCandidate(item as PackBalanceView));
  return [...items].sort((a, b) => byConcern(candidate(a), candidate(b)));
}

export function mainProduct(view: Pick<AccountView, 'packs' | 'watched'>): string | null {
  const withPacks = view.packs.filter((p) => p.purchased > 0 || p.used > 0).map((p) => p.resourceId);
  const pool = withPacks.length > 0 ? withPacks : view.watched;
  if (pool.length === 0) return null;
  return [...pool].sort((a, b) => productImportance(a) - productImportance(b) || a.localeCompare(b))[0]!;
}

export function accountHeadline(view: Omit<AccountView, 'headline'>, options: { packsAnswered: boolean }): HeadlineView {
  const mainResourceId = mainProduct(view);
  const mainPack = view.packs.find((p) => p.resourceId === mainResourceId);
  const main = mainPack
    ? {
        remaining: mainPack.remaining,
        purchased: mainPack.purchased,
        unit: mainPack.unit,
        percentLeft: mainPack.purchased > 0 ? Math.round((mainPack.remaining / mainPack.purchased) * 1000) / 10 : 0,
      }
    : null;
  const peak = [...view.rateLimits].sort((a, b) => b.percent - a.percent || productImportance(a.resourceId) - productImportance(b.resourceId))[0];
  const ratePeak = peak ? { resourceId: peak.resourceId, quotaType: peak.quotaType, percent: peak.percent } : null;
  const expiring = view.packs
    .filter((p) => p.expiresAt !== undefined && p.expires !== undefined)
    .sort((a, b) => a.expiresAt! - b.expiresAt! || productImportance(a.resourceId) - productImportance(b.resourceId))[0];
  const expiry = expiring
    ? { resourceId: expiring.resourceId, expires: expiring.expires!, at: expiring.expiresAt!, remaining: expiring.expiresRemaining ?? expiring.remaining, unit: expiring.unit }
    : null;
  const nothingFound = options.packsAnswered && view.packs.length === 0;

  let cause: HeadlineCause | null = null;
  let figure: number | null = null;
  const blocking = view.error && !NON_BLOCKING_ACTIONS.has(view.error.action) ? view.error : null;
  const paused = [...view.services]
    .filter((s) => s.state === 'paused')
    .sort((a, b) => productImportance(a.resourceId) - productImportance(b.resourceId))[0];
  if (blocking) {
    cause = { kind: 'error', action: blocking.action, code: blocking.code };
  } else if (paused && view.level === 'paused') {
    cause = { kind: 'paused', resourceId: paused.resourceId, since: paused.pausedSince ?? null };
  } else {
    const candidates = [...view.packs.map(packCandidate), ...view.rateLimits.map(rateCandidate)].sort(byConcern);
    let top = candidates[0];
    // A calm account names its main product, not whichever figure happens to be highest.
    if (top && top.rank === 0 && mainPack) top = packCandidate(mainPack);
    if (top) {
      cause = top.cause;
      figure = Math.round(top.percent);
    }
  }
  return { level: view.level, cause, figure, mainResourceId, main, ratePeak, expiry, nothingFound };
}
