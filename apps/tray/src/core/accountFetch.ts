/**
 * One poll of one account: the read calls, run side by side, each answer kept apart so a
 * failing call costs only its own figures. Nothing here decides what the answers mean.
 */
import type { CallErrorView, WatchedServiceSetting } from '../shared/bridge.js';
import {
  PACK_TYPES,
  QUOTA_TYPES,
  serviceDay,
  type QuotaMonitoringResult,
  type ResourcePack,
  type ResourcePacksStatusResult,
  type ServiceStatusResult,
  type UsageMonitoringResult,
} from '@volc-speech/client';
import type { SpeechApi } from './api.js';
import { toCallErrorView, type RedactionContext } from './callError.js';
import { statusServices } from './resources.js';

export type CallResult<T> = { ok: true; value: T } | { ok: false; error: CallErrorView };

export interface PerResource<T> {
  resourceId: string;
  result: CallResult<T>;
}

export interface AccountFetch {
  at: number;
  services: Array<PerResource<ServiceStatusResult>>;
  packs: CallResult<ResourcePacksStatusResult>;
  quota: Array<PerResource<QuotaMonitoringResult>>;
  usage: Array<PerResource<UsageMonitoringResult>>;
}

export interface FetchContext {
  projectName: string;
  /** The profile's watched services: their status, rate limits and usage are read. */
  watched: readonly WatchedServiceSetting[];
  /** Time of the poll (fixes the monitoring days). */
  now: number;
  /** Reads the time after each call, for error timestamps. */
  clockNow: () => number;
  redaction?: RedactionContext;
}

const PACK_PAGE_SIZE = 100;
/** A safety stop: an account with more than 2,000 packs would still show the first 2,000. */
const PACK_MAX_PAGES = 20;

async function settle<T>(action: string, call: () => Promise<T>, ctx: FetchContext): Promise<CallResult<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    return { ok: false, error: toCallErrorView(error, action, ctx.clockNow(), ctx.redaction) };
  }
}

/**
 * All pages of ResourcePacksStatus for the watched ResourceIDs; TotalHarvests comes from the
 * first page. All pack Types are sent (without them the live service answers an empty list,
 * LIVE1 in shared/api §6), and ProjectName always (without it: 500 "Missing blueprint constraint").
 */
export async function fetchAllPacks(api: SpeechApi, projectName: string, resourceIds: readonly string[]): Promise<ResourcePacksStatusResult> {
  const packs: ResourcePack[] = [];
  let first: ResourcePacksStatusResult | undefined;
  for (let page = 1; page <= PACK_MAX_PAGES; page++) {
    const result = await api.resourcePacksStatus({
      ProjectName: projectName,
      PageSize: PACK_PAGE_SIZE,
      PageNumber: page,
      ResourceIDs: [...resourceIds],
      Types: [...PACK_TYPES],
    });
    first ??= result;
    const items = result.Packs ?? [];
    packs.push(...items);
    const total = result.TotalCount ?? first.TotalCount;
    if (items.length < PACK_PAGE_SIZE || total === undefined || packs.length >= total) break;
  }
  const merged: ResourcePacksStatusResult = { ...first, Packs: packs };
  return merged;
}

/**
 * Today's rate-limit use of every QuotaType, merged. Without QuotaType the live service reports
 * concurrency only (LIVE1), so each documented type (QUOTA_TYPES, EXPL) is asked for; a type
 * the resource has no limit of answers no rows.
 */
export async function fetchQuota(api: SpeechApi, request: { ProjectName: string; ResourceID: string; Start: string; End: string }): Promise<QuotaMonitoringResult> {
  const results = await Promise.all(QUOTA_TYPES.map((QuotaType) => api.quotaMonitoring({ ...request, QuotaType })));
  return { QuotaMonitoring: results.flatMap((result) => result.QuotaMonitoring ?? []) };
}

export async function fetchAccount(api: SpeechApi, ctx: FetchContext): Promise<AccountFetch> {
  const services = statusServices(ctx.watched);
  const resources = ctx.watched.map((w) => w.resourceId);
  // Monitoring days are the service's (unknowns.ts SERVICE_TIME_ZONE), not the machine's.
  const today = serviceDay(ctx.now);
  // UsageMonitoring is daily only and a range is at most 7 days (EXPL): the last 7 service days.
  const weekStart = serviceDay(ctx.now, -6);
  const ProjectName = ctx.projectName;

  const [serviceResults, packs, quota, usage] = await Promise.all([
    Promise.all(
      services.map(async ({ resourceId, blueprintId }) => ({
        resourceId,
        result: await settle('ServiceStatus', () => api.serviceStatus({ ProjectName, ResourceID: resourceId, BlueprintID: blueprintId }), ctx),
      })),
    ),
    settle('ResourcePacksStatus', () => fetchAllPacks(api, ProjectName, resources), ctx),
    Promise.all(
      resources.map(async (resourceId) => ({
        resourceId,
        result: await settle('QuotaMonitoring', () => fetchQuota(api, { ProjectName, ResourceID: resourceId, Start: today, End: today }), ctx),
      })),
    ),
    Promise.all(
      resources.map(async (resourceId) => ({
        resourceId,
        result: await settle(
          'UsageMonitoring',
          () => api.usageMonitoring({ ProjectName, ResourceID: resourceId, Start: weekStart, End: today, Mode: 'daily' }),
          ctx,
        ),
      })),
    ),
  ]);
  return { at: ctx.now, services: serviceResults, packs, quota, usage };
}

/** A fetch where every call failed the same way (no credentials, emulator did not start). */
export function failedFetch(at: number, error: CallErrorView, watched: readonly WatchedServiceSetting[]): AccountFetch {
  const failed = { ok: false as const, error };
  const resources = watched.map((w) => w.resourceId);
  return {
    at,
    services: statusServices(watched).map(({ resourceId }) => ({ resourceId, result: failed })),
    packs: failed,
    quota: resources.map((resourceId) => ({ resourceId, result: failed })),
    usage: resources.map((resourceId) => ({ resourceId, result: failed })),
  };
}
