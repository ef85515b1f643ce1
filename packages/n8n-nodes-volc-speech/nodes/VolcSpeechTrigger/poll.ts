/**
 * One poll: observe what the chosen event watches, compare with what this node remembers
 * (workflow static data, saved by n8n between polls of an active workflow), emit each new
 * event once. A test run (manual mode: "Fetch Test Event", "Execute workflow" in the editor)
 * ignores and keeps the memory, shows what is really due or else one sample item
 * (`sample: true`), and marks every item `fromTestRun: true` so that Pause, Terminate, orders,
 * renewals and key deletions downstream refuse it.
 */
import { knownBlueprintId, serviceDay } from '@volc-speech/client';
import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { callAction, listAction } from '../VolcSpeech/transport';
import type { CallOptions } from '../VolcSpeech/transport';
import { describeServices } from '../VolcSpeech/helpers/choices';
import { toNodeError } from '../VolcSpeech/helpers/errors';
import { TEST_RUN_MARKER } from '../VolcSpeech/helpers/notices';
import type { TriggerEvent } from './description';
import { detectQuotaCrossings, packObservations, rateLimitObservations } from './events/quota';
import type { Detection, QuotaMemory, QuotaObservation } from './events/quota';
import { detectStatusChanges } from './events/serviceStatus';
import type { StatusMemory } from './events/serviceStatus';
import { DAY_MS, FINISHED_STATES, WATCHED_STATES, detectExpiringVoices, detectFinishedTraining, toEpochMs } from './events/voices';
import type { ExpiryMemory, TrainingMemory } from './events/voices';

/** What the node keeps in its static data, one slot per event kind. */
export interface TriggerMemory {
  quota?: QuotaMemory;
  status?: StatusMemory;
  training?: TrainingMemory;
  expiry?: ExpiryMemory;
}

interface Outcome {
  events: IDataObject[];
  /** Shown by "Fetch Test Event" when no event is due. */
  sample?: IDataObject;
}

function stringList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String).filter((entry) => entry.trim() !== '');
  if (typeof value === 'string') return value.split(',').map((entry) => entry.trim()).filter(Boolean);
  return [];
}

/** What a test run shows when the watched services have no packs (an empty answer is not "all fine"). */
function nothingFound(resourceIds: readonly string[], projectName: string, now: Date): IDataObject {
  return {
    event: 'nothingFound',
    sample: true,
    message: `Nothing found for these services in project "${projectName}": ${describeServices(resourceIds)}. Check "Services to Watch" and the project.`,
    resourceIds: [...resourceIds],
    observedAt: now.toISOString(),
  };
}

function sampleOf(observations: readonly QuotaObservation[], thresholdPercent: number, now: Date): IDataObject | undefined {
  const top = [...observations].sort((a, b) => b.percentUsed - a.percentUsed)[0];
  if (!top) return undefined;
  return { event: 'quotaThresholdCrossed', sample: true, ...top.details, percentUsed: top.percentUsed, thresholdPercent, key: top.key, observedAt: now.toISOString() };
}

async function quotaEvents(context: IPollFunctions, memory: TriggerMemory, projectName: string, now: Date, call: CallOptions): Promise<Outcome> {
  const thresholdPercent = Number(context.getNodeParameter('thresholdPercent', 95));
  const source = context.getNodeParameter('quotaSource', 'resourcePack') as 'resourcePack' | 'rateLimit';
  let observations: QuotaObservation[];
  if (source === 'rateLimit') {
    const resourceId = String(context.getNodeParameter('resourceId', '', { extractValue: true }));
    const quotaType = String(context.getNodeParameter('quotaType', 'qps'));
    // QuotaMonitoring counts by the service's day (Beijing time), not the workflow's time zone.
    const today = serviceDay(now.getTime());
    const result = await callAction(
      context,
      'QuotaMonitoring',
      { ProjectName: projectName, ResourceID: resourceId, Start: today, End: today, Mode: 'daily', QuotaType: quotaType },
      call,
    );
    observations = rateLimitObservations((result.QuotaMonitoring as IDataObject[] | undefined) ?? [], resourceId, quotaType);
  } else {
    const resourceIds = [...new Set([...stringList(context.getNodeParameter('resourceIds', [])), ...stringList(context.getNodeParameter('otherResourceIds', ''))])];
    if (resourceIds.length === 0) throw new NodeOperationError(context.getNode(), 'Choose at least one service in "Services to Watch"');
    const groupBy = context.getNodeParameter('groupBy', 'resource') as 'resource' | 'pack';
    // The live service needs ResourceIDs (shared/api §6.1); the client adds the pack Types.
    const packs = await listAction(context, 'ResourcePacksStatus', { ProjectName: projectName, ResourceIDs: resourceIds }, 'Packs', call);
    const wanted = (pack: IDataObject) => resourceIds.includes(String((pack.Harvest as IDataObject | undefined)?.ResourceID ?? pack.ResourceID));
    observations = packObservations(packs.filter(wanted), groupBy);
    if (observations.length === 0) return { events: [], sample: nothingFound(resourceIds, projectName, now) };
  }
  const detection = detectQuotaCrossings(observations, memory.quota, thresholdPercent, now);
  memory.quota = detection.memory;
  const sample = sampleOf(observations, thresholdPercent, now);
  return { events: detection.events, ...(sample ? { sample } : {}) };
}

async function statusEvents(context: IPollFunctions, memory: TriggerMemory, projectName: string, now: Date, call: CallOptions): Promise<Outcome> {
  const resourceId = String(context.getNodeParameter('statusResourceId', '', { extractValue: true }));
  const blueprintParameter = Number(context.getNodeParameter('blueprintId', 0));
  const blueprintId = blueprintParameter > 0 ? blueprintParameter : knownBlueprintId(resourceId);
  if (blueprintId === undefined) {
    throw new NodeOperationError(context.getNode(), `Set "Blueprint ID": no source gives the blueprint of ${resourceId}`, {
      description: 'Reading a service status needs its blueprint ID. Find it in the Volcengine console (the service page URL or the API Explorer).',
    });
  }
  const result = await callAction(context, 'ServiceStatus', { ProjectName: projectName, ResourceID: resourceId, BlueprintID: blueprintId }, call);
  const status = String(result.Status ?? '');
  const details: IDataObject = {};
  if (result.InstanceNumber) details.instanceNumber = result.InstanceNumber;
  const detection: Detection<StatusMemory> = detectStatusChanges([{ resourceId, status, details }], memory.status, now);
  const previousStatus = memory.status?.[resourceId] ?? null;
  memory.status = detection.memory;
  return {
    events: detection.events,
    sample: { event: 'serviceStatusChanged', sample: true, resourceId, previousStatus, status, ...details, observedAt: now.toISOString() },
  };
}

async function listVoices(
  context: IPollFunctions,
  projectName: string,
  states: readonly string[],
  filters: IDataObject,
  call: CallOptions,
): Promise<IDataObject[]> {
  const voices: IDataObject[] = [];
  for (const state of states) {
    const rows = await listAction(context, 'BatchListMegaTTSTrainStatus', { ProjectName: projectName, State: state, ...filters }, 'Statuses', call);
    // Rows normally carry their State; set it when a service leaves it out.
    for (const row of rows) voices.push(row.State ? row : { ...row, State: state });
  }
  return voices;
}

async function trainingEvents(context: IPollFunctions, memory: TriggerMemory, projectName: string, now: Date, call: CallOptions): Promise<Outcome> {
  const speakerIds = stringList(context.getNodeParameter('speakerIds', []));
  const voices = await listVoices(context, projectName, WATCHED_STATES, speakerIds.length ? { SpeakerIDs: speakerIds } : {}, call);
  const detection = detectFinishedTraining(voices, memory.training, now);
  memory.training = detection.memory;
  const latest = voices
    .filter((voice) => (FINISHED_STATES as readonly unknown[]).includes(voice.State))
    .sort((a, b) => (toEpochMs(b.CreateTime) ?? 0) - (toEpochMs(a.CreateTime) ?? 0))[0];
  return {
    events: detection.events,
    ...(latest
      ? { sample: { event: 'voiceTrainingFinished', sample: true, speakerId: latest.SpeakerID, state: latest.State, previousState: null, observedAt: now.toISOString() } }
      : {}),
  };
}

async function expiryEvents(context: IPollFunctions, memory: TriggerMemory, projectName: string, now: Date, call: CallOptions): Promise<Outcome> {
  const withinDays = Number(context.getNodeParameter('withinDays', 7));
  const speakerIds = stringList(context.getNodeParameter('speakerIds', []));
  const filters: IDataObject = {
    ExpireTimeStart: now.getTime(),
    ExpireTimeEnd: now.getTime() + withinDays * DAY_MS,
    ...(speakerIds.length ? { SpeakerIDs: speakerIds } : {}),
  };
  const voices = await listVoices(context, projectName, FINISHED_STATES, filters, call);
  const detection = detectExpiringVoices(voices, memory.expiry, now, withinDays);
  memory.expiry = detection.memory;
  return { events: detection.events };
}

const HANDLERS: Record<TriggerEvent, typeof quotaEvents> = {
  quotaThreshold: quotaEvents,
  serviceStatusChanged: statusEvents,
  voiceTrainingFinished: trainingEvents,
  voiceExpiringSoon: expiryEvents,
};

export async function pollEvents(this: IPollFunctions, now: Date = new Date()): Promise<INodeExecutionData[][] | null> {
  const event = this.getNodeParameter('event') as TriggerEvent;
  const projectName = String(this.getNodeParameter('projectName', 'default') || 'default');
  const manual = this.getMode() === 'manual';
  const staticData = this.getWorkflowStaticData('node') as TriggerMemory;
  // "Fetch Test Event" works on a copy: a test must not use up or record real events.
  const memory: TriggerMemory = manual ? {} : staticData;
  // Stop before n8n abandons the tick; the next poll starts over from the same memory.
  const budgetMs = this.getPollBudgetMs?.();
  const call: CallOptions = budgetMs && budgetMs > 5_000 ? { signal: AbortSignal.timeout(budgetMs - 2_000) } : {};

  let outcome: Outcome;
  try {
    const handler = HANDLERS[event];
    if (!handler) throw new Error(`Unknown event "${String(event)}"`);
    outcome = await handler(this, memory, projectName, now, call);
  } catch (error) {
    throw toNodeError(this.getNode(), error, 0);
  }

  let events = outcome.events;
  if (manual) {
    // A test run shows what is really due, else one sample; every item carries the test marker,
    // which the node's operations that stop service or spend money refuse (router.ts).
    if (events.length === 0 && outcome.sample) events = [outcome.sample];
    events = events.slice(0, 10).map((item) => ({ ...item, [TEST_RUN_MARKER]: true }));
  }
  return events.length > 0 ? [this.helpers.returnJsonArray(events)] : null;
}
