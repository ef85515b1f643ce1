/**
 * Resource packs: the usage packs of each resource (purchased and used amounts, from which the
 * display strings are derived) plus one pack per cloned voice under volc.megatts.voiceclone,
 * derived from the voice itself (TrainID = SpeakerID, InstanceNumber = InstanceNO). That is
 * what AliasResourcePack (更新音色资源别名) and FormalizeResourcePacks (转正, trial → paid) act on.
 *
 * Remaining = Harvest.PurchasedAmount − Harvest.CurrentUsage; usage fills the free quota packs
 * first, then the pack that expires first.
 */
import { PACK_STATE_ACTIVE, PACK_STATE_EXPIRED, PACK_TYPES_SEEN } from '@volc-speech/client';
import { invalidParameter, missingParameter, notFound, operationDenied } from '../errors.js';
import type { EmulatorState, PackRecord, VoiceRecord } from './model.js';
import { offersFor, type PackOffer } from './packCatalogue.js';
import { pageByNumber } from './paging.js';
import { displayAmount, profileOf, roundAmount, UNIT_LABEL, VOICE_CLONE_ORDER_CODE, VOICE_CLONE_ORDER_RESOURCE } from './resourceProfiles.js';
import { matchesTagFilters, tagsOf, type TagFilter } from './tags.js';
import { addMonths, checkTermMonths, displayDateTime } from './time.js';
import { isVisible } from './voices.js';

/** Free / trial quota packs and bought packs: the 2023 values (unknowns.ts PACK_TYPES_SEEN). */
export const [PACK_TYPE_QUOTA, PACK_TYPE_PREPAID] = PACK_TYPES_SEEN;
export const MAX_ALIAS_LENGTH = 64;

interface PackView {
  record: PackRecord;
  trainId: string;
  aliasable: boolean;
  formalizable: boolean;
  voice?: VoiceRecord;
}

/** Usage packs of one resource that can still absorb usage, in the order they are used up. */
function absorbingPacks(state: EmulatorState, projectName: string, resourceId: string, atMs: number): PackRecord[] {
  return state.packs.packs
    .filter((p) => p.projectName === projectName && p.resourceId === resourceId && p.expiresAt > atMs && p.used < p.purchased)
    .sort((a, b) => Number(b.type === PACK_TYPE_QUOTA) - Number(a.type === PACK_TYPE_QUOTA) || a.expiresAt - b.expiresAt);
}

/** Takes `amount` out of the packs; what no pack can hold is pay-as-you-go and only shows in monitoring. */
export function consumePacks(state: EmulatorState, projectName: string, resourceId: string, amount: number, atMs: number): number {
  let left = amount;
  for (const pack of absorbingPacks(state, projectName, resourceId, atMs)) {
    if (left <= 0) break;
    const take = Math.min(left, pack.purchased - pack.used);
    // Kept exact (fractions of a call accrue between requests); rounded only on the way out.
    pack.used += take;
    left -= take;
  }
  return Math.max(0, left);
}

function voicePackRecord(voice: VoiceRecord): PackRecord {
  const trained = voice.state === 'Success' || voice.state === 'Active';
  return {
    projectName: voice.projectName,
    instanceNumber: voice.instanceNo,
    resourceId: VOICE_CLONE_ORDER_RESOURCE,
    code: VOICE_CLONE_ORDER_CODE,
    configurationCode: VOICE_CLONE_ORDER_CODE,
    type: voice.trial ? PACK_TYPE_QUOTA : PACK_TYPE_PREPAID,
    purchased: 1,
    used: trained ? 1 : 0,
    createdAt: voice.createdAt,
    expiresAt: voice.expiresAt,
    alias: voice.alias,
  };
}

function allPacks(state: EmulatorState, projectName: string, nowMs: number): PackView[] {
  const views: PackView[] = state.packs.packs
    .filter((p) => p.projectName === projectName)
    .map((record) => ({ record, trainId: '', aliasable: false, formalizable: false }));
  for (const voice of Object.values(state.voices.speakers)) {
    if (voice.projectName !== projectName || !isVisible(voice, nowMs)) continue;
    views.push({ record: voicePackRecord(voice), trainId: voice.speakerId, aliasable: voice.state !== 'Reclaimed', formalizable: voice.trial, voice });
  }
  return views;
}

function packState(record: PackRecord, nowMs: number, voice?: VoiceRecord): string {
  if (voice && (voice.state === 'Expired' || voice.state === 'Reclaimed')) return PACK_STATE_EXPIRED;
  return record.expiresAt <= nowMs ? PACK_STATE_EXPIRED : PACK_STATE_ACTIVE;
}

function harvestOf(record: PackRecord) {
  const profile = profileOf(record.resourceId);
  return {
    CropType: profile.usageType,
    CurrentUsage: roundAmount(record.used, profile.unit),
    PurchasedAmount: roundAmount(record.purchased, profile.unit),
    ResourceID: record.resourceId,
    Unit: UNIT_LABEL[profile.unit],
  };
}

/** One `Packs[i]` row; AliasResourcePack answers the same without Attributes. */
function packToWire(view: PackView, nowMs: number, withAttributes = true) {
  const { record, voice } = view;
  const profile = profileOf(record.resourceId);
  const wire: Record<string, unknown> = {
    Alias: record.alias,
    Code: record.code,
    ConfigurationCode: record.configurationCode,
    CurrentUsage: displayAmount(record.used, profile.unit),
    PurchasedAmount: displayAmount(record.purchased, profile.unit),
    Expires: displayDateTime(record.expiresAt),
    GroupName: profile.groupName,
    InstanceNumber: record.instanceNumber,
    IsShareable: false,
    PackType: record.type,
    RawType: record.type,
    ResourceDisplay: profile.displayName,
    ResourceID: record.resourceId,
    State: packState(record, nowMs, voice),
    TrainID: view.trainId,
    Type: record.type,
  };
  if (withAttributes) {
    wire['Attributes'] = { CodeAttribute: { Name: record.codeAttributeName ?? '' }, FormalizedFrom: '', IsForcedExpiresDisplay: false };
  }
  const details: Record<string, unknown> = { Aliasable: view.aliasable, Formalizable: view.formalizable, ExtraApiAllowed: false };
  if (voice) {
    details['DemoLink'] = voice.demoAudio;
    details['Language'] = 'zh';
    details['VoiceType'] = voice.speakerId;
    details['MegattsTraining'] = {
      AvailableTrainingTimes: voice.availableTrainingTimes,
      // int32 in the SDK model: seconds, not the milliseconds of the voice-clone list actions.
      CreateTime: Math.floor(voice.createdAt / 1000),
      IsActivatable: voice.state === 'Success',
      State: voice.state,
      Version: voice.version,
    };
  }
  wire['Details'] = details;
  wire['Harvest'] = harvestOf(record);
  return wire;
}

export interface ResourcePacksStatusRequest {
  ProjectName: string;
  PageSize: number;
  PageNumber?: number;
  ResourceIDs?: string[];
  Types?: string[];
  TagFilters?: TagFilter[];
}

export function resourcePacksStatus(state: EmulatorState, req: ResourcePacksStatusRequest, nowMs: number) {
  const matching = allPacks(state, req.ProjectName, nowMs).filter(
    ({ record }) =>
      (!req.ResourceIDs?.length || req.ResourceIDs.includes(record.resourceId)) &&
      (!req.Types?.length || req.Types.includes(record.type)) &&
      matchesTagFilters(tagsOf(state.tags, record.instanceNumber), req.TagFilters),
  );
  const totals = new Map<string, { purchased: number; used: number }>();
  for (const { record, voice } of matching) {
    if (packState(record, nowMs, voice) !== PACK_STATE_ACTIVE) continue;
    const total = totals.get(record.resourceId) ?? { purchased: 0, used: 0 };
    total.purchased += record.purchased;
    total.used += record.used;
    totals.set(record.resourceId, total);
  }
  const pageNumber = req.PageNumber ?? 1;
  return {
    Packs: pageByNumber(matching, pageNumber, req.PageSize).map((view) => packToWire(view, nowMs)),
    TotalHarvests: [...totals].map(([resourceId, total]) => {
      const profile = profileOf(resourceId);
      return {
        CropType: profile.usageType,
        CurrentUsage: roundAmount(total.used, profile.unit),
        PurchasedAmount: roundAmount(total.purchased, profile.unit),
        ResourceID: resourceId,
        Unit: UNIT_LABEL[profile.unit],
      };
    }),
    TotalCount: matching.length,
    PageNumber: pageNumber,
    PageSize: req.PageSize,
    MaxResults: req.PageSize,
    NextToken: '',
  };
}

function findVoicePack(state: EmulatorState, projectName: string, trainId: string, nowMs: number, instanceNumber?: string): PackView {
  const view = allPacks(state, projectName, nowMs).find(
    (v) => v.trainId !== '' && v.trainId === trainId && (instanceNumber === undefined || v.record.instanceNumber === instanceNumber),
  );
  if (!view) {
    const which = instanceNumber === undefined ? `TrainID ${trainId}` : `TrainID ${trainId} / InstanceNumber ${instanceNumber}`;
    throw notFound('NotFound.ResourcePack', `No resource pack with ${which} in project ${projectName}`);
  }
  return view;
}

export function aliasResourcePack(state: EmulatorState, req: { ProjectName: string; TrainID: string; InstanceNumber: string; Alias: string }, nowMs: number) {
  if ([...req.Alias].length > MAX_ALIAS_LENGTH) throw invalidParameter('Alias', `must be at most ${MAX_ALIAS_LENGTH} characters`);
  const view = findVoicePack(state, req.ProjectName, req.TrainID, nowMs, req.InstanceNumber);
  if (!view.aliasable || !view.voice) throw operationDenied(`Resource pack ${req.InstanceNumber} cannot be renamed: voice ${req.TrainID} was reclaimed`);
  view.voice.alias = req.Alias;
  return packToWire({ ...view, record: voicePackRecord(view.voice) }, nowMs, false);
}

/** Turns a trial voice into a paid one for `Times` months; returns the voice so the caller can record the order. */
export function formalizeVoicePack(state: EmulatorState, req: { ProjectName: string; TrainID: string; Times: number }, nowMs: number): VoiceRecord {
  checkTermMonths(req.Times, 'Times');
  const view = findVoicePack(state, req.ProjectName, req.TrainID, nowMs);
  const voice = view.voice as VoiceRecord;
  if (!voice.trial) throw operationDenied(`Resource pack ${voice.instanceNo} (TrainID ${voice.speakerId}) is not a trial pack: only trial packs can be formalized`);
  if (voice.state === 'Reclaimed') throw operationDenied(`Voice ${voice.speakerId} was reclaimed and cannot be formalized`);
  voice.trial = false;
  voice.expiresAt = addMonths(Math.max(nowMs, voice.expiresAt), req.Times);
  return voice;
}

export interface PackConfiguration {
  Code?: string;
  CodeAttribute?: { Name?: string };
  Quantity?: number;
  Times?: number;
  Type?: string;
}

/** The offer a configuration buys; throws InvalidParameter (listing the known codes) before anything is created. */
export function resolveOffer(resourceId: string, configuration: PackConfiguration, field: string): PackOffer {
  if (resourceId === VOICE_CLONE_ORDER_RESOURCE) {
    throw invalidParameter('ResourceID', `${VOICE_CLONE_ORDER_RESOURCE} voices are ordered with OrderAccessResourcePacks`);
  }
  if ((configuration.Quantity ?? 1) > MAX_PACK_QUANTITY) throw invalidParameter(`${field}.Quantity`, `must be at most ${MAX_PACK_QUANTITY}`);
  if (configuration.Times !== undefined) checkTermMonths(configuration.Times, `${field}.Times`);
  const offers = offersFor(resourceId);
  if (offers.length === 0) throw invalidParameter('ResourceID', `no resource packs are sold for ${resourceId}`);
  const offer = configuration.Code === undefined ? offers[0] : offers.find((o) => o.code === configuration.Code);
  if (!offer) {
    throw invalidParameter(`${field}.Code`, `unknown pack code ${configuration.Code} for ${resourceId}; known codes: ${offers.map((o) => o.code).join(', ')}`);
  }
  return offer;
}

/** INFER: the most packs one configuration may buy. */
export const MAX_PACK_QUANTITY = 100;

/** INFER: months a pack lasts when the configuration gives no Times. */
export const DEFAULT_PACK_MONTHS = 12;

/** Creates the packs of one OrderResourcePacks configuration (already resolved). */
export function createPacks(
  state: EmulatorState,
  req: { projectName: string; resourceId: string; offer: PackOffer; configuration: PackConfiguration; nowMs: number; newInstanceNumber: () => string; orderId: string },
): PackRecord[] {
  const c = req.configuration;
  const created: PackRecord[] = [];
  for (let i = 0; i < (c.Quantity ?? 1); i++) {
    const record: PackRecord = {
      projectName: req.projectName,
      instanceNumber: req.newInstanceNumber(),
      resourceId: req.resourceId,
      code: req.offer.code,
      configurationCode: req.offer.code,
      type: c.Type ?? PACK_TYPE_PREPAID,
      purchased: req.offer.amount,
      used: 0,
      createdAt: req.nowMs,
      expiresAt: addMonths(req.nowMs, c.Times ?? DEFAULT_PACK_MONTHS),
      alias: req.offer.name,
      orderId: req.orderId,
    };
    if (c.CodeAttribute?.Name !== undefined) record.codeAttributeName = c.CodeAttribute.Name;
    created.push(record);
  }
  state.packs.packs.push(...created);
  return created;
}

export function requireConfigurations<T>(configurations: T[] | undefined): T[] {
  if (!configurations || configurations.length === 0) throw missingParameter('Configurations');
  return configurations;
}
