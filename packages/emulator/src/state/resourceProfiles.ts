/**
 * What the emulator knows about each resource: its display names, the unit its packs count
 * in, the usage type monitoring reports, the rate at which clock-driven usage accrues and the
 * quota limits. The ResourceIDs are the contract's (§1.7); every other value here is an
 * INFER chosen to look like the console, kept in this one table.
 */
import { QUOTA_TYPES_SEEN, USAGE_TYPE_GUESSES, USAGE_TYPES_SEEN } from '@volc-speech/client';
import { ownEntry } from './dict.js';

const [QPS, CONCURRENCY] = QUOTA_TYPES_SEEN;
const [TEXT_WORDS] = USAGE_TYPES_SEEN;

export type UnitKind = 'chars' | 'calls' | 'hours' | 'voices';

export interface ResourceProfile {
  displayName: string;
  groupName: string;
  unit: UnitKind;
  /** UsageMonitoring `UsageType` (only `text_words` is confirmed; the rest are unknowns.ts USAGE_TYPE_GUESSES). */
  usageType: string;
  /** Usage per hour at full daytime load; shaped over the day by LOAD_BY_HOUR. */
  ratePerHour: number;
  /** QuotaMonitoring QuotaType → limit (unknowns.ts QUOTA_TYPES_SEEN). */
  quotaLimits: Readonly<Record<string, number>>;
  clusters: readonly string[];
  billingName: string;
  billingLimit: string;
  productDoc: string;
}

export const VOICE_CLONE_ORDER_RESOURCE = 'volc.megatts.voiceclone';
export const VOICE_CLONE_ORDER_CODE = 'Model_storage';
/** The synthesis service of cloned voices: ordering voices needs it running (Forbidden.InvalidService otherwise). */
export const VOICE_CLONE_SERVICE_RESOURCE = 'volc.megatts.default';
export const BIG_MODEL_TTS_RESOURCE = 'volc.service_type.10029';

export const RESOURCE_PROFILES: Readonly<Record<string, ResourceProfile>> = {
  [BIG_MODEL_TTS_RESOURCE]: {
    displayName: '豆包语音合成模型',
    groupName: '豆包语音合成大模型',
    unit: 'chars',
    usageType: TEXT_WORDS,
    ratePerHour: 60_000,
    quotaLimits: { [QPS]: 60, [CONCURRENCY]: 20 },
    clusters: ['volcano_tts'],
    billingName: '豆包语音合成-字符版',
    billingLimit: '按字符计费，资源包优先抵扣',
    productDoc: 'https://www.volcengine.com/docs/6561/1257584',
  },
  'volc.tts.default': {
    displayName: '语音合成',
    groupName: '语音合成',
    unit: 'calls',
    usageType: USAGE_TYPE_GUESSES.calls,
    ratePerHour: 900,
    quotaLimits: { [QPS]: 20, [CONCURRENCY]: 10 },
    clusters: ['volcano_tts'],
    billingName: '语音合成-次数版',
    billingLimit: '按调用次数计费',
    productDoc: 'https://www.volcengine.com/docs/6561/79820',
  },
  [VOICE_CLONE_SERVICE_RESOURCE]: {
    displayName: '声音复刻-合成',
    groupName: '声音复刻大模型',
    unit: 'hours',
    usageType: USAGE_TYPE_GUESSES.hours,
    ratePerHour: 0.6,
    quotaLimits: { [CONCURRENCY]: 10 },
    clusters: ['volcano_icl'],
    billingName: '声音复刻-小时版',
    billingLimit: '按合成音频时长计费',
    productDoc: 'https://www.volcengine.com/docs/6561/1305191',
  },
  [VOICE_CLONE_ORDER_RESOURCE]: {
    displayName: '声音复刻-音色',
    groupName: '声音复刻大模型',
    unit: 'voices',
    usageType: USAGE_TYPE_GUESSES.voices,
    ratePerHour: 0,
    quotaLimits: {},
    clusters: ['volcano_icl'],
    billingName: '声音复刻-音色存储',
    billingLimit: '按音色个数和时长计费',
    productDoc: 'https://www.volcengine.com/docs/6561/1305191',
  },
};

const GENERIC_PROFILE: ResourceProfile = {
  displayName: '语音服务',
  groupName: '语音服务',
  unit: 'calls',
  usageType: USAGE_TYPE_GUESSES.calls,
  ratePerHour: 0,
  quotaLimits: { [QPS]: 10 },
  clusters: [],
  billingName: '语音服务',
  billingLimit: '',
  productDoc: 'https://www.volcengine.com/docs/6561/1772902',
};

export function profileOf(resourceId: string): ResourceProfile {
  return ownEntry(RESOURCE_PROFILES, resourceId) ?? { ...GENERIC_PROFILE, displayName: resourceId, groupName: resourceId };
}

export const UNIT_LABEL: Readonly<Record<UnitKind, string>> = { chars: '字符', calls: '次', hours: '小时', voices: '个' };

/** Display text derived from a number, e.g. `20,000 次`, `8.79 小时` (the only forms seen, CALLER(1)). */
export function displayAmount(amount: number, unit: UnitKind): string {
  const text =
    unit === 'hours'
      ? amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
      : Math.round(amount).toLocaleString('en-US');
  return `${text} ${UNIT_LABEL[unit]}`;
}

/** Rounds usage the way the unit counts it (whole characters and calls, hours to the second). */
export function roundAmount(amount: number, unit: UnitKind): number {
  return unit === 'hours' ? Math.round(amount * 3600) / 3600 : Math.round(amount);
}

/** Relative load by Beijing hour of day: quiet at night, busy in office hours and the evening. */
export const LOAD_BY_HOUR: readonly number[] = [
  0.18, 0.12, 0.08, 0.06, 0.06, 0.1, 0.2, 0.38, 0.62, 0.85, 0.95, 1.0, 0.9, 0.88, 0.97, 1.0, 0.96, 0.9, 0.82, 0.86, 0.9, 0.78, 0.55, 0.32,
];

/**
 * The highest share of a quota limit the emulator's own load reaches. A healthy account runs
 * well below its rate limits, and the tray warns at 80%: the demo starts "OK", and
 * POST /__emulator/usage `{ quotaLoad }` is how to push it over a threshold.
 */
export const QUOTA_PEAK_MAX_SHARE = 0.72;

/**
 * A quota peak (QPS, concurrency …) at `load` (LOAD_BY_HOUR, times noise when seeding): about
 * 22% of the limit at night, 55–70% in busy hours, never above QUOTA_PEAK_MAX_SHARE.
 */
export function quotaPeakValue(limit: number, load: number): number {
  const share = Math.min(QUOTA_PEAK_MAX_SHARE, 0.2 + 0.45 * Math.max(0, load));
  return Math.min(Math.round(limit * share), Math.floor(limit * QUOTA_PEAK_MAX_SHARE));
}
