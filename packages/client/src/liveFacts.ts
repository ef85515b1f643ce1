/**
 * How the live service answers requests that leave something out or send a wrong value: the
 * ONE table of these facts (shared/api §6), each with its source tag. The emulator's
 * conformance test sends every row over HTTP and expects exactly this answer; `volc-speech
 * probe` sends the rows of read actions to the live service and reports where it answers
 * otherwise. A row whose reaction no source saw (only that the field is required) says so in
 * `source` (e.g. 'EXPL; reaction INFER').
 */
import type { ActionName } from './actions/actionTable.js';

/** What a fact's request is built from: the caller's project, a resource it has, and the day. */
export interface FactContext {
  projectName: string;
  /** A ResourceID the account has (ServiceStatus-able: with its BlueprintID). */
  resourceId: string;
  blueprintId: number;
  /** A ResourceID the account does not have. */
  absentResourceId: string;
  /** Today in the service's time zone, yyyy-MM-dd. */
  today: string;
}

/** The shape a 200 answer must have. */
export type FactResult = 'noPacks' | 'noQuotaRows' | 'quotaRowsOfConcurrencyOnly' | 'apiKeysCarrySecrets';
export interface SuccessExpectation {
  httpStatus: 200;
  result: FactResult;
}
export interface ErrorExpectation {
  httpStatus: number;
  code: string;
  /** Text the Message contains (the live wording where a source quotes it, else the field's name). */
  message?: string;
}
export type FactExpectation = SuccessExpectation | ErrorExpectation;

export function expectsSuccess(expectation: FactExpectation): expectation is SuccessExpectation {
  return 'result' in expectation;
}

export interface LiveFact {
  id: string;
  action: ActionName;
  /** The case, in words. */
  case: string;
  request(ctx: FactContext): Record<string, unknown>;
  expect: FactExpectation;
  source: string;
}

const ALL_PACK_TYPES = ['access', 'quota', 'prepaid'];

const packs = (ctx: FactContext) => ({ ProjectName: ctx.projectName, PageSize: 10, ResourceIDs: [ctx.resourceId], Types: ALL_PACK_TYPES });
const quota = (ctx: FactContext) => ({ ProjectName: ctx.projectName, ResourceID: ctx.resourceId, Start: ctx.today, End: ctx.today, Mode: 'daily', QuotaType: 'qps' });
const usage = (ctx: FactContext) => ({ ProjectName: ctx.projectName, ResourceID: ctx.resourceId, Start: ctx.today, End: ctx.today, Mode: 'daily' });
const voices = (ctx: FactContext) => ({ ProjectName: ctx.projectName, State: 'Success' });

function without<T extends Record<string, unknown>>(request: T, ...fields: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = { ...request };
  for (const field of fields) delete out[field];
  return out;
}

const missing = (field: string): FactExpectation => ({ httpStatus: 400, code: 'MissingParameter', message: field });
const invalid = (field: string): FactExpectation => ({ httpStatus: 400, code: 'InvalidParameter', message: field });

export const LIVE_FACTS: readonly LiveFact[] = [
  // ── ResourcePacksStatus ────────────────────────────────────────────────────
  { id: 'packs.types-missing', action: 'ResourcePacksStatus', case: 'without Types', request: (c) => without(packs(c), 'Types'), expect: { httpStatus: 200, result: 'noPacks' }, source: 'LIVE1' },
  {
    id: 'packs.project-missing',
    action: 'ResourcePacksStatus',
    case: 'without ProjectName',
    request: (c) => without(packs(c), 'ProjectName'),
    expect: { httpStatus: 500, code: 'InternalError', message: 'Missing blueprint constraint' },
    source: 'LIVE1',
  },
  { id: 'packs.resource-ids-missing', action: 'ResourcePacksStatus', case: 'without ResourceIDs', request: (c) => without(packs(c), 'ResourceIDs'), expect: missing('ResourceIDs'), source: 'EXPL; reaction INFER' },
  {
    id: 'packs.instance-number-as-resource',
    action: 'ResourcePacksStatus',
    case: 'a pack InstanceNumber where a ResourceID belongs',
    request: (c) => ({ ...packs(c), ResourceIDs: ['SeedAudio1.0-probe-0000'] }),
    expect: { httpStatus: 200, result: 'noPacks' },
    source: 'LIVE1',
  },
  // ── QuotaMonitoring ────────────────────────────────────────────────────────
  { id: 'quota.type-missing', action: 'QuotaMonitoring', case: 'without QuotaType', request: (c) => without(quota(c), 'QuotaType'), expect: { httpStatus: 200, result: 'quotaRowsOfConcurrencyOnly' }, source: 'LIVE1' },
  { id: 'quota.type-unknown', action: 'QuotaMonitoring', case: 'an unknown QuotaType', request: (c) => ({ ...quota(c), QuotaType: 'probe_unknown' }), expect: { httpStatus: 200, result: 'noQuotaRows' }, source: 'LIVE1' },
  { id: 'quota.resource-absent', action: 'QuotaMonitoring', case: 'a ResourceID the account lacks', request: (c) => ({ ...quota(c), ResourceID: c.absentResourceId }), expect: { httpStatus: 500, code: 'InternalError' }, source: 'LIVE1' },
  // ── UsageMonitoring ────────────────────────────────────────────────────────
  { id: 'usage.mode-missing', action: 'UsageMonitoring', case: 'without Mode', request: (c) => without(usage(c), 'Mode'), expect: invalid('Mode'), source: 'LIVE1, EXPL' },
  { id: 'usage.mode-hourly', action: 'UsageMonitoring', case: 'Mode hourly', request: (c) => ({ ...usage(c), Mode: 'hourly' }), expect: invalid('Mode'), source: 'EXPL (daily only); reaction as LIVE1 saw for a missing Mode' },
  { id: 'usage.resource-absent', action: 'UsageMonitoring', case: 'a ResourceID the account lacks', request: (c) => ({ ...usage(c), ResourceID: c.absentResourceId }), expect: { httpStatus: 500, code: 'InternalError' }, source: 'LIVE1' },
  // ── Voices ─────────────────────────────────────────────────────────────────
  { id: 'voices.state-missing', action: 'BatchListMegaTTSTrainStatus', case: 'without State', request: (c) => without(voices(c), 'State'), expect: missing('State'), source: 'GO, EXPL; reaction INFER' },
  { id: 'voices.state-invalid', action: 'BatchListMegaTTSTrainStatus', case: 'a State outside the six', request: (c) => ({ ...voices(c), State: 'All' }), expect: invalid('State'), source: 'DOC23, EXPL; reaction INFER' },
  {
    id: 'voices.state-empty',
    action: 'BatchListMegaTTSTrainStatus',
    case: 'State ""',
    request: (c) => ({ ...voices(c), State: '' }),
    expect: invalid('State'),
    source: 'EXPL (six values, no "all"); OPEN: public callers disagree whether "" lists every voice (§6.3); the emulator accepts it only with acceptEmptyVoiceState',
  },
  { id: 'voices.list-state-invalid', action: 'ListMegaTTSTrainStatus', case: 'a State outside the six', request: (c) => ({ ...voices(c), State: 'all' }), expect: invalid('State'), source: 'DOC23, EXPL; reaction INFER' },
  // ── Catalogue, tags, services, keys ────────────────────────────────────────
  { id: 'speakers.resource-ids-missing', action: 'ListSpeakers', case: 'without ResourceIDs', request: () => ({ Page: 1, Limit: '10' }), expect: missing('ResourceIDs'), source: 'EXPL; reaction INFER' },
  { id: 'tags.resource-type-instance', action: 'ListTagsForResources', case: 'ResourceType instance', request: () => ({ ResourceType: 'instance', ResourceIds: ['VoiceClone12345678'] }), expect: invalid('ResourceType'), source: 'EXPL (quota, access, prepaid, postpaid); reaction INFER' },
  { id: 'service.blueprint-missing', action: 'ServiceStatus', case: 'without BlueprintID', request: (c) => ({ ProjectName: c.projectName, ResourceID: c.resourceId }), expect: missing('BlueprintID'), source: 'GO, EXPL; reaction INFER' },
  { id: 'keys.secret-listed', action: 'ListAPIKeys', case: 'a complete request', request: (c) => ({ ProjectName: c.projectName }), expect: { httpStatus: 200, result: 'apiKeysCarrySecrets' }, source: 'VEADK' },
  // ── Writes: checked against the emulator only, never sent by the probe ─────
  { id: 'pause.resource-ids-missing', action: 'PauseService', case: 'without ResourceIDs', request: (c) => ({ ProjectName: c.projectName }), expect: missing('ResourceIDs'), source: 'EXPL; reaction INFER' },
  { id: 'resume.resource-ids-missing', action: 'ResumeService', case: 'without ResourceIDs', request: (c) => ({ ProjectName: c.projectName }), expect: missing('ResourceIDs'), source: 'EXPL; reaction INFER' },
  { id: 'tag.resource-ids-missing', action: 'TagResources', case: 'without ResourceIds', request: () => ({ ResourceType: 'quota', Tags: [{ Key: 'k', Value: 'v' }] }), expect: missing('ResourceIds'), source: 'EXPL; reaction INFER' },
  { id: 'tag.resource-type-invalid', action: 'TagResources', case: 'ResourceType instance', request: () => ({ ResourceType: 'instance', ResourceIds: ['r'], Tags: [{ Key: 'k', Value: 'v' }] }), expect: invalid('ResourceType'), source: 'EXPL; reaction INFER' },
  { id: 'untag.tag-keys-missing', action: 'UntagResources', case: 'without TagKeys', request: () => ({ ResourceType: 'quota', ResourceIds: ['r'] }), expect: missing('TagKeys'), source: 'EXPL; reaction INFER' },
  { id: 'untag.resource-ids-missing', action: 'UntagResources', case: 'without ResourceIds', request: () => ({ ResourceType: 'quota', TagKeys: ['k'] }), expect: missing('ResourceIds'), source: 'EXPL; reaction INFER' },
  { id: 'formalize.tags-missing', action: 'FormalizeResourcePacks', case: 'without Tags', request: (c) => ({ ProjectName: c.projectName, TrainID: 'S_probe', Times: 1 }), expect: missing('Tags'), source: 'EXPL; reaction INFER' },
  { id: 'order.configurations-missing', action: 'OrderResourcePacks', case: 'without Configurations', request: (c) => ({ ProjectName: c.projectName, ResourceID: c.resourceId, BlueprintID: c.blueprintId }), expect: missing('Configurations'), source: 'EXPL; reaction INFER' },
  { id: 'renew.speaker-ids-missing', action: 'RenewAccessResourcePacks', case: 'without SpeakerIDs', request: () => ({ Times: 1 }), expect: missing('SpeakerIDs'), source: 'EXPL; reaction INFER' },
];

/** Whether a 200 result has the shape a fact expects. */
export function resultMatches(expected: FactResult, result: Record<string, unknown>): boolean {
  switch (expected) {
    case 'noPacks':
      return (!Array.isArray(result['Packs']) || result['Packs'].length === 0) && (result['TotalCount'] === undefined || Number(result['TotalCount']) === 0);
    case 'noQuotaRows':
      return !Array.isArray(result['QuotaMonitoring']) || result['QuotaMonitoring'].length === 0;
    case 'quotaRowsOfConcurrencyOnly': {
      const rows = result['QuotaMonitoring'];
      return Array.isArray(rows) && rows.length > 0 && rows.every((row) => (row as Record<string, unknown>)['QuotaType'] === 'concurrency');
    }
    case 'apiKeysCarrySecrets': {
      const keys = result['APIKeys'];
      return Array.isArray(keys) && keys.length > 0 && keys.every((key) => typeof (key as Record<string, unknown>)['APIKey'] === 'string' && ((key as Record<string, unknown>)['APIKey'] as string).length > 0);
    }
  }
}
