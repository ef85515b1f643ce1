/**
 * Enumerations of the live API that a source documents (shared/api §6.1, §6.2), each with its
 * source tag. The action table types its fields with these; the emulator refuses anything
 * else. Values no source confirms stay in unknowns.ts.
 */

/** ListMegaTTSTrainStatus / BatchListMegaTTSTrainStatus `State` (DOC23; EXPL: required, these six, no "all" value). */
export const VOICE_STATES = ['Unknown', 'Training', 'Success', 'Active', 'Expired', 'Reclaimed'] as const;
export type VoiceState = (typeof VOICE_STATES)[number];

/** ResourcePacksStatus `Types` (EXPL "类型(access,quota,prepaid)"; LIVE1: without Types the answer is empty). */
export const PACK_TYPES = ['access', 'quota', 'prepaid'] as const;
export type PackType = (typeof PACK_TYPES)[number];

/** Tag actions' `ResourceType` (EXPL "目前支持quota,access,prepaid,postpaid"; `instance` is not valid). */
export const TAG_RESOURCE_TYPES = ['quota', 'access', 'prepaid', 'postpaid'] as const;
export type TagResourceType = (typeof TAG_RESOURCE_TYPES)[number];

/** QuotaMonitoring `QuotaType` (EXPL; LIVE1: absent → concurrency, unknown → 200 with zero rows). */
export const QUOTA_TYPES = ['qps', 'concurrency', 'qpm', 'tpm'] as const;
export type QuotaType = (typeof QUOTA_TYPES)[number];
/** What the live service reports when QuotaType is absent (LIVE1). */
export const DEFAULT_QUOTA_TYPE: QuotaType = 'concurrency';

/** QuotaMonitoring `Mode` (EXPL: optional, daily or hourly, default daily; at most 7 days either way). */
export const QUOTA_MONITORING_MODES = ['daily', 'hourly'] as const;
/** UsageMonitoring `Mode` (EXPL: required, daily only; LIVE1: missing → InvalidParameter). */
export const USAGE_MONITORING_MODES = ['daily'] as const;
export type QuotaMonitoringMode = (typeof QUOTA_MONITORING_MODES)[number];
export type UsageMonitoringMode = (typeof USAGE_MONITORING_MODES)[number];
/** EXPL: "时间范围不超过7天" for both monitoring actions and both modes. */
export const MONITORING_MAX_RANGE_DAYS = 7;

/**
 * UsageMonitoring `UsageType` values seen: `text_words` (EXPL example, DOCPG), and `characters`,
 * `duration`, `audio_duration` (LIVE1; `audio_duration` reported in hours for
 * volc.service_type.10074). `call_count` / `voice_count` have no source and are not used.
 */
export const USAGE_TYPES_SEEN = ['text_words', 'characters', 'duration', 'audio_duration'] as const;

/** ListSpeakers `ResourceIDs` (EXPL: required, "seed-tts-1.0或者seed-tts-2.0", example seed-tts-2.0). */
export const SPEAKER_RESOURCE_IDS = ['seed-tts-1.0', 'seed-tts-2.0'] as const;
export type SpeakerResourceId = (typeof SPEAKER_RESOURCE_IDS)[number];
