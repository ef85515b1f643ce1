/**
 * What the probe sends: complete read requests (to see the shape of real answers) and the
 * deliberately incomplete read requests of LIVE_FACTS (to see how the service refuses them).
 * Only read actions; nothing here can change, pause or spend anything.
 */
import { getAction, LIVE_FACTS, PACK_TYPES, SPEAKER_RESOURCE_IDS, VOICE_STATES, type FactContext, type LiveFact } from '@volc-speech/client';

export interface ProbeStep {
  id: string;
  action: string;
  /** What this step is for, in words. */
  purpose: string;
  request: Record<string, unknown>;
  /** The LIVE_FACTS row this step checks, if any. */
  fact?: LiveFact;
}

export interface PlanInput extends FactContext {
  /** ResourceIDs to look at (packs, monitoring), the first with its BlueprintID. */
  resourceIds: readonly string[];
}

/** The LIVE_FACTS rows the probe may send: read actions only. */
export function probedFacts(): LiveFact[] {
  return LIVE_FACTS.filter((fact) => getAction(fact.action)?.effect === 'read');
}

export function probePlan(input: PlanInput): ProbeStep[] {
  const { projectName, blueprintId, today } = input;
  const steps: ProbeStep[] = [
    { id: 'keys', action: 'ListAPIKeys', purpose: 'API key fields and time format (secrets are never kept)', request: { ProjectName: projectName } },
    {
      id: 'service',
      action: 'ServiceStatus',
      purpose: 'ServiceStatus Status / Level / Clusters values',
      request: { ProjectName: projectName, ResourceID: input.resourceId, BlueprintID: blueprintId },
    },
    {
      id: 'packs',
      action: 'ResourcePacksStatus',
      purpose: 'pack Type / State values and the Expires format',
      request: { ProjectName: projectName, PageSize: 100, ResourceIDs: [...input.resourceIds], Types: [...PACK_TYPES] },
    },
    { id: 'quota.daily', action: 'QuotaMonitoring', purpose: 'QuotaType values and the daily Day format', request: { ProjectName: projectName, ResourceID: input.resourceId, Start: today, End: today, Mode: 'daily', QuotaType: 'qps' } },
    { id: 'quota.hourly', action: 'QuotaMonitoring', purpose: 'the hourly Day format', request: { ProjectName: projectName, ResourceID: input.resourceId, Start: today, End: today, Mode: 'hourly', QuotaType: 'qps' } },
    { id: 'usage.daily', action: 'UsageMonitoring', purpose: 'UsageType values', request: { ProjectName: projectName, ResourceID: input.resourceId, Start: today, End: today, Mode: 'daily' } },
    ...VOICE_STATES.map((State) => ({
      id: `voices.${State}`,
      action: 'BatchListMegaTTSTrainStatus',
      purpose: `cloned voices in State ${State}: InstanceStatus values, time formats`,
      request: { ProjectName: projectName, State, PageNumber: 1, PageSize: 20 },
    })),
    ...SPEAKER_RESOURCE_IDS.map((resourceId) => ({
      id: `speakers.${resourceId}`,
      action: 'ListSpeakers',
      purpose: `the ${resourceId} catalogue's fields`,
      request: { ResourceIDs: [resourceId], Page: 1, Limit: '5' },
    })),
    { id: 'timbres', action: 'ListBigModelTTSTimbres', purpose: 'timbre fields', request: {} },
  ];
  for (const fact of probedFacts()) {
    steps.push({ id: `fact.${fact.id}`, action: fact.action, purpose: `${fact.action} ${fact.case} (expected per ${fact.source})`, request: fact.request(input), fact });
  }
  return steps;
}
