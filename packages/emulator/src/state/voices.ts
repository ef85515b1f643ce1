/**
 * Cloned voices (声音复刻): speakers `S_xxxxxxxx`, each with a training state (DOC23 enum),
 * training times left, order/expire times and an instance number. Orders create `Quantity`
 * voices in state Unknown that are delivered asynchronously: they appear one by one over the
 * delivery delay, and ListMegaTTSByOrderID says IsAllProcessed only once all are there.
 * Voices past their ExpireTime turn Expired; renewing brings them back.
 */
import { VOICE_INSTANCE_STATUS, type VoiceTrainState } from '@volc-speech/client';
import { invalidParameter, missingParameter, operationDenied } from '../errors.js';
import { speakerId as newSpeakerId, voiceInstanceNo, type RandomSource } from './ids.js';
import type { EmulatorState, OrderRecord, VoiceRecord, VoicesState } from './model.js';
import { decodeNextToken, encodeNextToken } from './paging.js';
import { VOICE_CLONE_ORDER_RESOURCE } from './resourceProfiles.js';
import { addMonths, checkTermMonths } from './time.js';

export const VOICE_STATES: readonly VoiceTrainState[] = ['Unknown', 'Training', 'Success', 'Active', 'Expired', 'Reclaimed'];
/** DOC23: a list without filters returns at most 1000 rows. */
export const MAX_LIST_ROWS = 1000;
export const DEFAULT_PAGE_SIZE = 10;
export const INITIAL_TRAINING_TIMES = 10;

/** The 2025-05-21 SDK types IsActivable as a string; the 2023-11-07 docs show a JSON bool. Each version gets its own. */
export type WireFlavor = '2025' | '2023';

export function isVisible(voice: VoiceRecord, nowMs: number): boolean {
  return voice.availableAt <= nowMs;
}

export function isVoiceState(value: string): value is VoiceTrainState {
  return (VOICE_STATES as readonly string[]).includes(value);
}

/**
 * The earliest time any voice can next expire, per voices object: runs before every request, so
 * with thousands of voices (benchmarks) the full scan happens only when something is due. Every
 * change that can bring an expiry earlier (new voices, a voice leaving Expired) forgets it.
 */
const nextExpiryAt = new WeakMap<VoicesState, number>();

function canExpire(voice: VoiceRecord): boolean {
  return voice.state !== 'Expired' && voice.state !== 'Reclaimed';
}

export function forgetNextExpiry(voices: VoicesState): void {
  nextExpiryAt.delete(voices);
}

/** Voices whose ExpireTime has passed become Expired (remembering what they were, for a renewal). */
export function expireVoices(voices: VoicesState, nowMs: number): void {
  if (nowMs < (nextExpiryAt.get(voices) ?? -Infinity)) return;
  let next = Infinity;
  for (const voice of Object.values(voices.speakers)) {
    if (!canExpire(voice)) continue;
    if (voice.expiresAt <= nowMs) {
      voice.stateBeforeExpiry = voice.state;
      voice.state = 'Expired';
    } else {
      next = Math.min(next, voice.expiresAt);
    }
  }
  nextExpiryAt.set(voices, next);
}

export function statusRow(voice: VoiceRecord, flavor: WireFlavor): Record<string, unknown> {
  const activable = voice.state === 'Success';
  return {
    SpeakerID: voice.speakerId,
    State: voice.state,
    Alias: voice.alias,
    AvailableTrainingTimes: voice.availableTrainingTimes,
    CreateTime: voice.createdAt,
    ExpireTime: voice.expiresAt,
    OrderTime: voice.orderedAt,
    DemoAudio: voice.demoAudio,
    InstanceNO: voice.instanceNo,
    IsActivable: flavor === '2025' ? String(activable) : activable,
    Version: voice.version,
    ResourceID: VOICE_CLONE_ORDER_RESOURCE,
    InstanceStatus: voice.state === 'Expired' || voice.state === 'Reclaimed' ? VOICE_INSTANCE_STATUS.expired : VOICE_INSTANCE_STATUS.active,
  };
}

/** A requested SpeakerID this account does not have: reported as Unknown, as DOC23 describes. */
function unknownRow(id: string, flavor: WireFlavor): Record<string, unknown> {
  return { SpeakerID: id, State: 'Unknown', Alias: '', AvailableTrainingTimes: 0, IsActivable: flavor === '2025' ? 'false' : false, Version: '' };
}

export interface VoiceFilter {
  projectName: string;
  /** '' or absent: every state. */
  State?: string;
  SpeakerIDs?: string[];
  OrderTimeStart?: number;
  OrderTimeEnd?: number;
  ExpireTimeStart?: number;
  ExpireTimeEnd?: number;
}

function checkState(state: string | undefined): void {
  if (state && !isVoiceState(state)) throw invalidParameter('State', `must be one of ${VOICE_STATES.join(', ')}, got ${JSON.stringify(state)}`);
}

function inRange(value: number, start: number | undefined, end: number | undefined): boolean {
  return (start === undefined || value >= start) && (end === undefined || value <= end);
}

/** A matching voice, or a requested ID this account does not have. Rows are built only for the page shown. */
type Match = VoiceRecord | string;

function toRow(match: Match, flavor: WireFlavor): Record<string, unknown> {
  return typeof match === 'string' ? unknownRow(match, flavor) : statusRow(match, flavor);
}

export function filterVoices(voices: VoicesState, filter: VoiceFilter, nowMs: number): Match[] {
  checkState(filter.State);
  const wanted = filter.SpeakerIDs && filter.SpeakerIDs.length > 0 ? new Set(filter.SpeakerIDs) : undefined;
  const rows: Match[] = [];
  const seen = new Set<string>();
  for (const voice of Object.values(voices.speakers)) {
    if (voice.projectName !== filter.projectName || !isVisible(voice, nowMs)) continue;
    if (wanted && !wanted.has(voice.speakerId)) continue;
    seen.add(voice.speakerId);
    if (filter.State && voice.state !== filter.State) continue;
    if (!inRange(voice.orderedAt, filter.OrderTimeStart, filter.OrderTimeEnd)) continue;
    if (!inRange(voice.expiresAt, filter.ExpireTimeStart, filter.ExpireTimeEnd)) continue;
    rows.push(voice);
  }
  if (wanted && (!filter.State || filter.State === 'Unknown')) {
    for (const id of wanted) if (!seen.has(id)) rows.push(id);
  }
  return rows;
}

export function listTrainStatus(voices: VoicesState, filter: VoiceFilter, nowMs: number, flavor: WireFlavor) {
  return { Statuses: filterVoices(voices, filter, nowMs).slice(0, MAX_LIST_ROWS).map((m) => toRow(m, flavor)) };
}

export interface PageRequest {
  PageNumber?: number;
  PageSize?: number;
  NextToken?: string;
  MaxResults?: number;
}

/** NextToken, when given, overrides the page fields (DOC23); it is '' on the last page. */
export function pageRows<T>(rows: readonly T[], req: PageRequest) {
  let offset: number;
  let size: number;
  if (req.NextToken) {
    offset = decodeNextToken(req.NextToken);
    size = req.MaxResults ?? req.PageSize ?? DEFAULT_PAGE_SIZE;
  } else {
    size = req.PageSize ?? req.MaxResults ?? DEFAULT_PAGE_SIZE;
    offset = ((req.PageNumber ?? 1) - 1) * size;
  }
  const items = rows.slice(offset, offset + size);
  const next = offset + items.length;
  return {
    items,
    PageNumber: Math.floor(offset / size) + 1,
    PageSize: size,
    NextToken: next < rows.length && items.length > 0 ? encodeNextToken(next) : '',
    TotalCount: rows.length,
  };
}

export function batchListTrainStatus(voices: VoicesState, filter: VoiceFilter, page: PageRequest, nowMs: number, flavor: WireFlavor) {
  const { items, ...paging } = pageRows(filterVoices(voices, filter, nowMs), page);
  return { Statuses: items.map((m) => toRow(m, flavor)), TotalCount: paging.TotalCount, PageNumber: paging.PageNumber, PageSize: paging.PageSize, NextToken: paging.NextToken };
}

/** Creates the voices of an order; voice i of n becomes visible at createdAt + (i+1)/n of the delivery delay. */
export function orderVoices(
  state: EmulatorState,
  req: { projectName: string; quantity: number; months: number; nowMs: number; deliveryMs: number; orderId: string; random: RandomSource },
): VoiceRecord[] {
  const created: VoiceRecord[] = [];
  for (let i = 0; i < req.quantity; i++) {
    let id = newSpeakerId(req.random);
    while (state.voices.speakers[id]) id = newSpeakerId(req.random);
    const voice: VoiceRecord = {
      speakerId: id,
      projectName: req.projectName,
      state: 'Unknown',
      alias: '',
      availableTrainingTimes: INITIAL_TRAINING_TIMES,
      version: 'V1',
      createdAt: req.nowMs,
      orderedAt: req.nowMs,
      expiresAt: addMonths(req.nowMs, req.months),
      instanceNo: voiceInstanceNo(req.random),
      demoAudio: '',
      trial: false,
      orderId: req.orderId,
      availableAt: req.nowMs + Math.ceil(((i + 1) / req.quantity) * req.deliveryMs),
    };
    state.voices.speakers[id] = voice;
    created.push(voice);
  }
  forgetNextExpiry(state.voices);
  return created;
}

/**
 * Checks every SpeakerID, then lets `admit` (the order throttle) refuse, and only then extends
 * them all: a refused renewal changes nothing.
 */
export function renewVoices(
  voices: VoicesState,
  speakerIds: readonly string[] | undefined,
  months: number,
  nowMs: number,
  admit: (count: number) => void = () => {},
): VoiceRecord[] {
  const ids = [...new Set(speakerIds ?? [])];
  if (ids.length === 0) throw missingParameter('SpeakerIDs');
  checkTermMonths(months, 'Times');
  const found = ids.map((id) => {
    const voice = voices.speakers[id];
    if (!voice || !isVisible(voice, nowMs)) throw operationDenied(`SpeakerID ${id} does not exist`, 'OperationDenied.InvalidSpeakerID');
    if (voice.state === 'Reclaimed') throw operationDenied(`SpeakerID ${id} was reclaimed and cannot be renewed`, 'OperationDenied.InvalidSpeakerID');
    return voice;
  });
  admit(found.length);
  forgetNextExpiry(voices);
  for (const voice of found) {
    voice.expiresAt = addMonths(Math.max(nowMs, voice.expiresAt), months);
    if (voice.state === 'Expired') {
      voice.state = voice.stateBeforeExpiry ?? 'Success';
      delete voice.stateBeforeExpiry;
    }
  }
  return found;
}

/** The test hook behind POST /__emulator/voices: moves a voice to any state, as training would. */
export function setVoiceState(voices: VoicesState, speakerId: string, state: string, nowMs: number): VoiceRecord | undefined {
  const voice = voices.speakers[speakerId];
  if (!voice) return undefined;
  if (!isVoiceState(state)) throw invalidParameter('state', `must be one of ${VOICE_STATES.join(', ')}`);
  if (state === 'Training' && voice.state !== 'Training') voice.availableTrainingTimes = Math.max(0, voice.availableTrainingTimes - 1);
  if (state === 'Success' || state === 'Active') voice.demoAudio ||= demoAudioUrl(voice.speakerId);
  if (state === 'Expired' && voice.state !== 'Expired') voice.stateBeforeExpiry = voice.state;
  voice.state = state;
  voice.availableAt = Math.min(voice.availableAt, nowMs);
  forgetNextExpiry(voices);
  return voice;
}

export function demoAudioUrl(speakerId: string): string {
  return `https://static.emulator.invalid/megatts/demo/${speakerId}.wav`;
}

/** ListMegaTTSByOrderID Result (2023-11-07 model): rows carry the extra fields of that model. */
export function listByOrderId(state: EmulatorState, order: OrderRecord, page: PageRequest, nowMs: number) {
  const voices = order.speakerIds.map((id) => state.voices.speakers[id]).filter((v): v is VoiceRecord => v !== undefined);
  const delivered = voices.filter((v) => isVisible(v, nowMs));
  const rows = delivered.map((voice) => ({
    ...statusRow(voice, '2023'),
    Avatar: '',
    Labels: [],
    Description: '',
    ModelTypeDetails: {},
    CloneSource: 0,
  }));
  const { items, ...paging } = pageRows(rows, page);
  return {
    OrderBuyQuantity: order.quantity,
    OrderBuyCurrentSuccessQuantity: delivered.length,
    OrderBuyCurrentFailedQuantity: 0,
    IsAllProcessed: delivered.length === voices.length,
    Statuses: items,
    PageNumber: paging.PageNumber,
    PageSize: paging.PageSize,
    TotalCount: paging.TotalCount,
    NextToken: paging.NextToken,
  };
}
