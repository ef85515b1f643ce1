/**
 * Older shapes the contract lists that are cheap to serve next to the current ones:
 * - 2023-11-07 ListBigModelTTSTimbres (callers send `AppId`), ListMegaTTSTrainStatus and
 *   BatchListMegaTTSTrainStatus (AppID instead of ProjectName, State optional, page sizes
 *   1–100, the Result adds AppID, IsActivable is a JSON bool);
 * - 2021-08-30 UsageMonitoring / QuotaMonitoring: GET with every parameter in the query, and a
 *   snake_case body without the envelope (`{status, error, data: {usage_monitoring}}`).
 * Not served: the 2023-11-07 Order/Renew/ActivateMegaTTSTrainStatus and ResourcePacksStatus.
 */
import type { FieldSchema } from '@volc-speech/client';
import { projectOfApp } from './handlers/voiceClone.js';
import type { HandlerContext } from './handlers/context.js';
import { TIMBRES } from './catalogue.js';
import { checkMode, checkRange, quotaRows, usageRows } from './state/monitoring.js';
import { batchListTrainStatus, listTrainStatus, type VoiceFilter } from './state/voices.js';
import type { Params } from './validate.js';

export interface LegacyRoute {
  action: string;
  version: string;
  fields: FieldSchema;
  handler: (params: Params, ctx: HandlerContext) => object;
  /** `legacyMonitoring`: the 2021-08-30 body, not the envelope. */
  format: 'envelope' | 'legacyMonitoring';
}

const APP_ID = { type: 'string', required: true, doc: 'App ID.' } as const;
const VOICE_FILTERS = {
  AppID: APP_ID,
  SpeakerIDs: { type: 'string[]', doc: 'Speaker IDs.' },
  State: { type: 'string', doc: 'Training state; all states when absent.' },
} as const satisfies FieldSchema;
const MONITORING_2021 = {
  AppID: APP_ID,
  ResourceID: { type: 'string', required: true, doc: 'Resource ID.' },
  Start: { type: 'string', required: true, doc: 'First day, yyyy-MM-dd.' },
  End: { type: 'string', required: true, doc: 'Last day, yyyy-MM-dd.' },
  Mode: { type: 'string', doc: 'daily or hourly.' },
} as const satisfies FieldSchema;

function voiceFilter(params: Params, projectName: string): VoiceFilter {
  const filter: VoiceFilter = { projectName };
  if (params['State'] !== undefined) filter.State = params['State'] as string;
  if (params['SpeakerIDs'] !== undefined) filter.SpeakerIDs = params['SpeakerIDs'] as string[];
  return filter;
}

export const LEGACY_ROUTES: readonly LegacyRoute[] = [
  {
    action: 'ListBigModelTTSTimbres',
    version: '2023-11-07',
    fields: { AppId: { type: 'string', doc: 'App ID (older callers send it).' } },
    handler: () => ({ Timbres: TIMBRES }),
    format: 'envelope',
  },
  {
    action: 'ListMegaTTSTrainStatus',
    version: '2023-11-07',
    fields: VOICE_FILTERS,
    handler: (params, ctx) => {
      const appId = params['AppID'] as string;
      return { AppID: appId, ...listTrainStatus(ctx.state.voices, voiceFilter(params, projectOfApp(ctx.state, appId)), ctx.nowMs, '2023') };
    },
    format: 'envelope',
  },
  {
    action: 'BatchListMegaTTSTrainStatus',
    version: '2023-11-07',
    fields: {
      ...VOICE_FILTERS,
      PageNumber: { type: 'int32', min: 1, doc: 'Page number, default 1.' },
      PageSize: { type: 'int32', min: 1, max: 100, doc: 'Page size 1–100, default 10.' },
      NextToken: { type: 'string', doc: 'Opaque token.' },
      MaxResults: { type: 'int32', min: 1, max: 100, doc: 'Page size with NextToken, 1–100.' },
    },
    handler: (params, ctx) => {
      const appId = params['AppID'] as string;
      const filter = voiceFilter(params, projectOfApp(ctx.state, appId));
      return { AppID: appId, ...batchListTrainStatus(ctx.state.voices, filter, params, ctx.nowMs, '2023') };
    },
    format: 'envelope',
  },
  {
    action: 'UsageMonitoring',
    version: '2021-08-30',
    fields: MONITORING_2021,
    handler: (params, ctx) => {
      const projectName = projectOfApp(ctx.state, params['AppID'] as string);
      const range = checkRange(params['Start'] as string, params['End'] as string);
      const mode = checkMode(params['Mode'] as string | undefined);
      const rows = usageRows(ctx.state.monitoring, { projectName, resourceId: params['ResourceID'] as string, range, mode }, ctx.nowMs);
      return { status: 'success', error: null, data: { usage_monitoring: rows.length ? rows.map((r) => ({ day: r.Day, value: r.Value })) : null } };
    },
    format: 'legacyMonitoring',
  },
  {
    action: 'QuotaMonitoring',
    version: '2021-08-30',
    fields: { ...MONITORING_2021, QuotaType: { type: 'string', doc: 'qps, concurrency, …' } },
    handler: (params, ctx) => {
      const projectName = projectOfApp(ctx.state, params['AppID'] as string);
      const range = checkRange(params['Start'] as string, params['End'] as string);
      checkMode(params['Mode'] as string | undefined);
      const query: Parameters<typeof quotaRows>[1] = { projectName, resourceId: params['ResourceID'] as string, range };
      if (params['QuotaType']) query.quotaType = params['QuotaType'] as string;
      const rows = quotaRows(ctx.state.monitoring, query, ctx.nowMs);
      return {
        status: 'success',
        error: null,
        data: { quota_monitoring: rows.length ? rows.map((r) => ({ day: r.Day, quota_type: r.QuotaType, value: r.Value, limit: r.limit })) : null },
      };
    },
    format: 'legacyMonitoring',
  },
];
