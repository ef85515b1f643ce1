/**
 * Where the live service answers otherwise than "validate every field, then act": the
 * reactions shared/api §6 reports (LIVE1), applied before and around validation. The facts
 * themselves, with their source tags, are the client's LIVE_FACTS table, which the
 * conformance test (test/conformance.test.ts) sends to this emulator over HTTP.
 */
import { DEFAULT_QUOTA_TYPE, QUOTA_TYPES, USAGE_MONITORING_MODES, VOICE_STATE_ALL } from '@volc-speech/client';
import { gatewayError, invalidParameter, missingParameter } from './errors.js';
import type { Route } from './router.js';
import { validateParams, type Params, type Relaxations } from './validate.js';

export interface LiveBehaviourOptions {
  /** Accept `State: ""` on the voice lists as "every state" (OPEN, unknowns.ts VOICE_STATE_ALL); default false. */
  acceptEmptyVoiceState: boolean;
}

/** Validated parameters for the handler, or the answer the live service gives without reaching it. */
export type Prepared = { params: Params; answer?: undefined } | { answer: object; params?: undefined };

function absent(value: unknown): boolean {
  return value === undefined || value === null || (Array.isArray(value) && value.length === 0);
}

function field(raw: Params, name: string): unknown {
  return Object.hasOwn(raw, name) ? raw[name] : undefined;
}

export function prepareRequest(route: Route, raw: Params, options: LiveBehaviourOptions): Prepared {
  const validate = (input: Params, relax: Relaxations = {}) => validateParams(route.fields, input, '', relax);
  if (route.format !== 'envelope') return { params: validate(raw) };

  switch (route.action) {
    case 'ResourcePacksStatus': {
      // LIVE1: HTTP 500 InternalError "Missing blueprint constraint" (a misleading text) without ProjectName.
      if (absent(field(raw, 'ProjectName'))) throw gatewayError('InternalError', 'Missing blueprint constraint');
      // LIVE1: without Types, 200 and an empty list (EXPL marks Types required).
      if (absent(field(raw, 'Types'))) {
        const params = validate(raw, { optional: new Set(['Types']) });
        const pageSize = params['PageSize'] as number;
        return { answer: { Packs: [], TotalHarvests: [], TotalCount: 0, PageNumber: (params['PageNumber'] as number | undefined) ?? 1, PageSize: pageSize, MaxResults: pageSize, NextToken: '' } };
      }
      return { params: validate(raw) };
    }
    case 'QuotaMonitoring': {
      // LIVE1: no QuotaType reads as concurrency; an unknown one answers 200 with zero rows.
      const quotaType = field(raw, 'QuotaType');
      if (absent(quotaType)) return { params: validate({ ...raw, QuotaType: DEFAULT_QUOTA_TYPE }) };
      const params = validate(raw, { anyValue: new Set(['QuotaType']) });
      if (!(QUOTA_TYPES as readonly string[]).includes(params['QuotaType'] as string)) return { answer: { QuotaMonitoring: [] } };
      return { params };
    }
    case 'UsageMonitoring': {
      // EXPL: Mode is required and daily only; LIVE1: a missing Mode is InvalidParameter (not MissingParameter).
      const mode = field(raw, 'Mode');
      if (absent(mode) || !(USAGE_MONITORING_MODES as readonly unknown[]).includes(mode)) {
        throw invalidParameter('Mode', `must be ${USAGE_MONITORING_MODES.join(' or ')} (the only mode), got ${absent(mode) ? 'none' : JSON.stringify(mode)}`);
      }
      return { params: validate(raw) };
    }
    case 'ListMegaTTSTrainStatus':
    case 'BatchListMegaTTSTrainStatus': {
      if (options.acceptEmptyVoiceState && field(raw, 'State') === VOICE_STATE_ALL) return { params: validate(raw, { anyValue: new Set(['State']) }) };
      return { params: validate(raw) };
    }
    case 'ListTagsForResources': {
      const params = validate(raw);
      // EXPL: ResourceIds or TagFilters ("选一个填写"); the live reaction to neither is INFER.
      if (absent(params['ResourceIds']) && absent(params['TagFilters'])) throw missingParameter('ResourceIds or TagFilters');
      return { params };
    }
    default:
      return { params: validate(raw) };
  }
}
