/**
 * The demo account every emulator starts from (and `/__emulator/reset` returns to): big-model
 * TTS running with packs ~70% used, a voice-clone service with a dozen cloned voices in mixed
 * states (one expiring within 7 days), two API keys, tags, and 30 days of monitoring history.
 * Reproducible: a fixed PRNG seed, times relative to the clock's now.
 */
import { BLUEPRINT_ID_BY_RESOURCE, SERVICE_STATUS, TAG_RESOURCE_TYPE_GUESS, type VoiceTrainState } from '@volc-speech/client';
import { apiKeyValue, resourceInstanceNumber, seededRandom, speakerId, voiceInstanceNo, type RandomSource } from './state/ids.js';
import { STATE_SCHEMA_VERSION, type EmulatorState, type PackRecord, type ServiceRecord, type VoiceRecord } from './state/model.js';
import { dict } from './state/dict.js';
import { addToHourBucket, recordQuotaPeak } from './state/monitoring.js';
import { BIG_MODEL_TTS_RESOURCE, LOAD_BY_HOUR, profileOf, quotaPeakValue, VOICE_CLONE_SERVICE_RESOURCE } from './state/resourceProfiles.js';
import { tagResources } from './state/tags.js';
import { beijingParts, DAY_MS, dayKey, HOUR_MS, hourKey, startOfHour } from './state/time.js';
import { demoAudioUrl } from './state/voices.js';

export interface SeedOptions {
  /** How many cloned voices to create (default 12; benchmarks ask for thousands). */
  voices?: number;
  /** PRNG seed; the same seed and clock give the same account. */
  randomSeed?: number;
  /** Days of monitoring history (default 30). */
  historyDays?: number;
}

export const DEFAULT_PROJECT = 'default';
export const DEMO_APP_ID = '6172345089';
const DEFAULT_RANDOM_SEED = 20250521;

interface VoicePlan {
  state: VoiceTrainState;
  alias: string;
  /** Days from now to ExpireTime (negative: already past). */
  expiresInDays: number;
  trial?: boolean;
  trainingsUsed?: number;
}

/** Twelve voices in every state; the second expires within 7 days, so expiry warnings have something to show. */
const CURATED_VOICES: readonly VoicePlan[] = [
  { state: 'Success', alias: '客服小美', expiresInDays: 210, trainingsUsed: 1 },
  { state: 'Success', alias: '品牌男声', expiresInDays: 5, trainingsUsed: 2 },
  { state: 'Active', alias: '有声书旁白', expiresInDays: 330, trainingsUsed: 3 },
  { state: 'Active', alias: '新闻播报', expiresInDays: 120, trainingsUsed: 1 },
  { state: 'Training', alias: '儿童故事妈妈', expiresInDays: 300, trainingsUsed: 1 },
  { state: 'Success', alias: '直播带货', expiresInDays: 60, trainingsUsed: 4 },
  { state: 'Unknown', alias: '', expiresInDays: 350 },
  { state: 'Unknown', alias: '', expiresInDays: 25, trial: true },
  { state: 'Success', alias: '川渝方言', expiresInDays: 20, trial: true, trainingsUsed: 1 },
  { state: 'Expired', alias: '游戏NPC-老者', expiresInDays: -12, trainingsUsed: 2 },
  { state: 'Reclaimed', alias: '旧版导航提示', expiresInDays: -95, trainingsUsed: 1 },
  { state: 'Success', alias: '课程讲师', expiresInDays: 150, trainingsUsed: 1 },
];
const GENERATED_STATES: readonly VoiceTrainState[] = ['Success', 'Success', 'Active', 'Training', 'Unknown', 'Success', 'Expired'];

export function createSeedState(nowMs: number, options: SeedOptions = {}): EmulatorState {
  const random = seededRandom(options.randomSeed ?? DEFAULT_RANDOM_SEED);
  const state: EmulatorState = {
    schemaVersion: STATE_SCHEMA_VERSION,
    seededAt: nowMs,
    account: { accountId: '2100345678', apps: [{ appId: DEMO_APP_ID, projectName: DEFAULT_PROJECT, name: '智能语音助手' }] },
    apiKeys: { nextId: 1, byProject: dict() },
    services: { byProject: dict() },
    packs: { packs: [] },
    tags: dict(),
    voices: { speakers: dict() },
    orders: { nextSequence: 1, byId: dict() },
    monitoring: { accruedUntil: nowMs, usage: dict(), quotaPeaks: dict() },
  };
  seedApiKeys(state, nowMs, random);
  const services = seedServices(state, nowMs, random);
  seedPacks(state, nowMs, random);
  seedVoices(state, nowMs, random, options.voices ?? CURATED_VOICES.length);
  seedHistory(state, nowMs, random, options.historyDays ?? 30, services);
  return state;
}

function seedApiKeys(state: EmulatorState, nowMs: number, random: RandomSource): void {
  const keys = [
    { Name: '生产环境', Disable: false, ageDays: 96 },
    { Name: '测试环境（已停用）', Disable: true, ageDays: 41 },
  ];
  state.apiKeys.byProject[DEFAULT_PROJECT] = keys.map((k) => ({
    ID: state.apiKeys.nextId++,
    Name: k.Name,
    APIKey: apiKeyValue(random),
    Disable: k.Disable,
    createdAt: nowMs - k.ageDays * DAY_MS,
    updatedAt: nowMs - (k.Disable ? 3 : k.ageDays) * DAY_MS,
  }));
}

/** Returns when each seeded service stopped running (history stops there). */
function seedServices(state: EmulatorState, nowMs: number, random: RandomSource): Map<string, number> {
  const plans: Array<{ resourceId: string; status: ServiceRecord['status']; ageDays: number; stoppedDaysAgo?: number; tags?: Record<string, string> }> = [
    { resourceId: BIG_MODEL_TTS_RESOURCE, status: SERVICE_STATUS.running, ageDays: 180, tags: { env: 'prod', team: 'voice-platform' } },
    { resourceId: VOICE_CLONE_SERVICE_RESOURCE, status: SERVICE_STATUS.running, ageDays: 120, tags: { env: 'prod' } },
    { resourceId: 'volc.tts.default', status: SERVICE_STATUS.paused, ageDays: 400, stoppedDaysAgo: 3 },
  ];
  const stopped = new Map<string, number>();
  const byResource = dict<ServiceRecord>();
  for (const plan of plans) {
    const record: ServiceRecord = {
      resourceId: plan.resourceId,
      status: plan.status,
      instanceNumber: resourceInstanceNumber('svc', random),
      activatedAt: nowMs - plan.ageDays * DAY_MS,
      updatedAt: nowMs - (plan.stoppedDaysAgo ?? plan.ageDays) * DAY_MS,
    };
    const blueprintId = BLUEPRINT_ID_BY_RESOURCE[plan.resourceId];
    if (blueprintId !== undefined) record.blueprintId = blueprintId;
    byResource[plan.resourceId] = record;
    if (plan.tags) tagResources(state.tags, TAG_RESOURCE_TYPE_GUESS, [record.instanceNumber], Object.entries(plan.tags).map(([Key, Value]) => ({ Key, Value })));
    if (plan.stoppedDaysAgo !== undefined) stopped.set(plan.resourceId, nowMs - plan.stoppedDaysAgo * DAY_MS);
    else stopped.set(plan.resourceId, nowMs);
  }
  state.services.byProject[DEFAULT_PROJECT] = byResource;
  return stopped;
}

function seedPacks(state: EmulatorState, nowMs: number, random: RandomSource): void {
  const plans: Array<Omit<PackRecord, 'projectName' | 'instanceNumber' | 'createdAt' | 'expiresAt'> & { ageDays: number; expiresInDays: number; tags?: Record<string, string> }> = [
    // ~70% used: the tray's thresholds are close.
    { resourceId: BIG_MODEL_TTS_RESOURCE, code: 'tts_bigmodel_chars_5m', configurationCode: 'tts_bigmodel_chars_5m', type: 'prepaid', purchased: 5_000_000, used: 3_512_480, alias: '500万字符包', ageDays: 64, expiresInDays: 118, tags: { costCenter: 'cc-1024' } },
    { resourceId: BIG_MODEL_TTS_RESOURCE, code: 'tts_bigmodel_chars_10m', configurationCode: 'tts_bigmodel_chars_10m', type: 'prepaid', purchased: 10_000_000, used: 0, alias: '1000万字符包', ageDays: 12, expiresInDays: 353 },
    { resourceId: BIG_MODEL_TTS_RESOURCE, code: 'tts_bigmodel_trial', configurationCode: 'tts_bigmodel_trial', type: 'quota', purchased: 200_000, used: 200_000, alias: '新用户免费额度', ageDays: 180, expiresInDays: 5 },
    { resourceId: BIG_MODEL_TTS_RESOURCE, code: 'tts_bigmodel_chars_1m', configurationCode: 'tts_bigmodel_chars_1m', type: 'prepaid', purchased: 1_000_000, used: 1_000_000, alias: '100万字符包（已过期）', ageDays: 200, expiresInDays: -10 },
    { resourceId: 'volc.tts.default', code: 'tts_calls_20k', configurationCode: 'tts_calls_20k', type: 'prepaid', purchased: 20_000, used: 8_240, alias: '2万次调用包', ageDays: 90, expiresInDays: 240 },
    { resourceId: VOICE_CLONE_SERVICE_RESOURCE, code: 'megatts_hours_20', configurationCode: 'megatts_hours_20', type: 'prepaid', purchased: 20, used: 8.79, alias: '20小时包', ageDays: 45, expiresInDays: 185 },
  ];
  for (const plan of plans) {
    const { ageDays, expiresInDays, tags, ...fields } = plan;
    const record: PackRecord = {
      ...fields,
      projectName: DEFAULT_PROJECT,
      instanceNumber: resourceInstanceNumber('pack', random),
      createdAt: nowMs - ageDays * DAY_MS,
      expiresAt: nowMs + expiresInDays * DAY_MS,
    };
    state.packs.packs.push(record);
    if (tags) tagResources(state.tags, TAG_RESOURCE_TYPE_GUESS, [record.instanceNumber], Object.entries(tags).map(([Key, Value]) => ({ Key, Value })));
  }
}

function seedVoices(state: EmulatorState, nowMs: number, random: RandomSource, count: number): void {
  for (let i = 0; i < count; i++) {
    const plan: VoicePlan = CURATED_VOICES[i] ?? {
      state: GENERATED_STATES[i % GENERATED_STATES.length] as VoiceTrainState,
      alias: `批量音色-${String(i + 1).padStart(5, '0')}`,
      expiresInDays: 30 + (i % 300),
      trainingsUsed: i % 3,
    };
    let id = speakerId(random);
    while (state.voices.speakers[id]) id = speakerId(random);
    const orderedAt = nowMs - Math.floor(20 + random() * 200) * DAY_MS;
    const expiresAt = nowMs + plan.expiresInDays * DAY_MS;
    const trained = plan.state === 'Success' || plan.state === 'Active';
    const voice: VoiceRecord = {
      speakerId: id,
      projectName: DEFAULT_PROJECT,
      state: plan.state,
      alias: plan.alias,
      availableTrainingTimes: 10 - (plan.trainingsUsed ?? 0),
      version: 'V1',
      createdAt: orderedAt,
      orderedAt,
      expiresAt,
      instanceNo: voiceInstanceNo(random),
      demoAudio: trained ? demoAudioUrl(id) : '',
      trial: plan.trial ?? false,
      availableAt: orderedAt,
    };
    if (plan.state === 'Expired') voice.stateBeforeExpiry = 'Success';
    state.voices.speakers[id] = voice;
    if (i === 0 || i === 2) tagResources(state.tags, TAG_RESOURCE_TYPE_GUESS, [voice.instanceNo], [{ Key: 'customer', Value: i === 0 ? 'acme' : 'readmore' }]);
  }
}

/**
 * Hourly usage and daily quota peaks for the past days, with ±15% noise around the daily load
 * curve. Peaks stay below 75% of each limit (quotaPeakValue), so the demo starts below every
 * rate-limit warning.
 */
function seedHistory(state: EmulatorState, nowMs: number, random: RandomSource, days: number, stoppedAt: Map<string, number>): void {
  for (const [resourceId, until] of stoppedAt) {
    const profile = profileOf(resourceId);
    if (profile.ratePerHour <= 0) continue;
    const from = startOfHour(nowMs - days * DAY_MS);
    for (let t = from; t < until; t += HOUR_MS) {
      const end = Math.min(t + HOUR_MS, until);
      const load = LOAD_BY_HOUR[beijingParts(t).hour] as number;
      const noise = 0.85 + random() * 0.3;
      addToHourBucket(state.monitoring, DEFAULT_PROJECT, resourceId, hourKey(t), (profile.ratePerHour * load * noise * (end - t)) / HOUR_MS);
      for (const [quotaType, limit] of Object.entries(profile.quotaLimits)) {
        recordQuotaPeak(state.monitoring, DEFAULT_PROJECT, resourceId, quotaType, dayKey(t), quotaPeakValue(limit, load * noise));
      }
    }
  }
}
