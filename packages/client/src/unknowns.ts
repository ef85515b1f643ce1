/**
 * Every fact of the live API that ../shared/api/ could not confirm, in one place.
 *
 * The client, the emulator, the n8n nodes and the tray read these values instead of
 * spelling their own guesses. When a real response settles one, change it here (and
 * the note beside it), and the whole toolkit follows.
 */
import { KNOWN_SERVICES } from './catalogue/knownServices.js';
import { PACK_TYPES, QUOTA_MONITORING_MODES, QUOTA_TYPES } from './knownValues.js';

/**
 * Both work: the official examples, the newest official SDK and Volcengine's own code use
 * cn-beijing (TS, PY, VEADK, §6.2); LIVE1 used cn-north-1 successfully. OPEN only in that no
 * source says whether any other region is accepted.
 */
export const DEFAULT_REGION = 'cn-beijing';
export const KNOWN_REGIONS = ['cn-beijing', 'cn-north-1'] as const;

export const DEFAULT_ENDPOINT = 'https://open.volcengineapi.com';

/**
 * ServiceStatus `Status` strings. No source gives them (an older note guessed `active`).
 * The emulator answers with these; the tray maps them to its states.
 * OPEN: replace with the real spellings once a live response is seen.
 */
export const SERVICE_STATUS = {
  notActivated: 'NotActivated',
  running: 'Running',
  paused: 'Paused',
  terminated: 'Terminated',
} as const;
export type ServiceStatusValue = (typeof SERVICE_STATUS)[keyof typeof SERVICE_STATUS];

/** Read a live Status string leniently: unknown spellings (e.g. `active`) map by meaning where obvious. */
export function classifyServiceStatus(status: string | undefined): 'running' | 'paused' | 'terminated' | 'notActivated' | 'unknown' {
  const s = (status ?? '').toLowerCase().replace(/[^a-z]/g, '');
  if (['running', 'active', 'activated', 'normal', 'open', 'opened', 'enabled', 'online'].includes(s)) return 'running';
  if (['paused', 'pause', 'suspended', 'stopped', 'disabled'].includes(s)) return 'paused';
  if (['terminated', 'terminate', 'closed', 'released', 'deleted'].includes(s)) return 'terminated';
  if (['notactivated', 'inactive', 'notopened', 'unopened', 'none'].includes(s)) return 'notActivated';
  return 'unknown';
}

/**
 * ResourcePacksStatus pack `State` values: OPEN for 2025-05-20 (§6.3); the 2023 version used
 * `active`. Pack `Type` values: `access`, `quota`, `prepaid` are documented (knownValues.ts
 * PACK_TYPES, EXPL); PACK_TYPES_SEEN are the two the 2023 version showed, which the emulator
 * gives its usage packs (free quota and bought).
 */
export const PACK_STATE_ACTIVE = 'active';
/** GUESS: the `State` of a pack past its expiry; no source shows one (the emulator sends it). */
export const PACK_STATE_EXPIRED = 'expired';
export const PACK_TYPES_SEEN = ['quota', 'prepaid'] as const;

/** @deprecated QuotaType is documented now (EXPL): use knownValues.ts QUOTA_TYPES. */
export const QUOTA_TYPES_SEEN = QUOTA_TYPES;
/** @deprecated Mode is documented per action now (EXPL): knownValues.ts QUOTA_MONITORING_MODES / USAGE_MONITORING_MODES. */
export const MONITORING_MODES_SEEN = QUOTA_MONITORING_MODES;
/**
 * GUESS: UsageMonitoring `UsageType` of resources billed by calls and by voices. No source shows
 * one (the seen values are knownValues.ts USAGE_TYPES_SEEN); the emulator reports these for
 * its classic-TTS and voice-slot resources. `duration` (hours of audio) is seen (LIVE1).
 */
export const USAGE_TYPE_GUESSES = { calls: 'call_count', hours: 'duration', voices: 'voice_count' } as const;

/**
 * GUESS: the `Day` of a UsageMonitoring row in Mode `hourly`; only daily `yyyy-MM-dd` is
 * documented. The emulator sends the Beijing-time hour (UTC+8) in this form.
 */
export const HOURLY_DAY_FORMAT = 'yyyy-MM-dd HH:00:00';
/** `Day` of an hourly row (HOURLY_DAY_FORMAT) from a Beijing `yyyy-MM-dd` day and hour 0–23. */
export function hourlyDay(day: string, hour: number): string {
  return `${day} ${String(hour).padStart(2, '0')}:00:00`;
}

/** Cloned voices' `InstanceStatus`: `active` is seen (one caller); `expired` is a GUESS for Expired/Reclaimed voices. */
export const VOICE_INSTANCE_STATUS = { active: 'active', expired: 'expired' } as const;

/**
 * GUESS: the tag `ResourceType` of the instances the emulator tags itself (ordered packs and
 * voices, activated services, the seed). The valid values are known (knownValues.ts
 * TAG_RESOURCE_TYPES, EXPL); which one each kind of instance has is not. EXPL's example pairs
 * `quota` with a voice-clone instance ID, so the emulator files them all under `quota`.
 */
export const TAG_RESOURCE_TYPE_GUESS = 'quota';

/** Signature lifetime: docs give 900 s for query-signed requests; the header-signed window is inferred. */
export const SIGNATURE_WINDOW_MS = 15 * 60 * 1000;

/**
 * Void actions (Create/Delete/UpdateAPIKey, Pause/Resume/Activate/TerminateService,
 * Tag/UntagResources): whether `Result` is `{}`, `null` or absent is unknown. The client
 * accepts all three and returns `{}`; the emulator sends `{}`.
 */
export const VOID_RESULT_ON_WIRE = {} as const;

/** CreateTime/UpdateTime of API keys: the format is unknown; the emulator uses RFC 3339. */
export const API_KEY_TIME_FORMAT = 'RFC3339 (guess)';

/** Whether CreateAPIKey returns the key: the SDK model says no; the emulator returns nothing. */
export const CREATE_API_KEY_RETURNS_KEY = false;

/** INVENTED: the error code for an API key ID the project does not have; no source names one (the emulator sends it). */
export const API_KEY_NOT_FOUND_CODE = 'NotFound.APIKey';

/**
 * `Forbidden.InvalidService` is documented as "voice cloning not enabled"; that the live service
 * answers it to OrderAccessResourcePacks while the voice-clone synthesis service is not running
 * (rather than only when never activated) is a GUESS. The emulator does so.
 */
export const VOICE_ORDER_SERVICE_NOT_RUNNING_CODE = 'Forbidden.InvalidService';

/**
 * Per-action QPS limits are not documented. The client's own limiter and the emulator's
 * throttle default to this; the documented order throttle is below.
 */
export const DEFAULT_ACTION_QPS = 10;
export const ORDER_THROTTLE = { voices: 2000, windowMs: 2 * 60 * 1000 } as const;

/**
 * @deprecated Use KNOWN_SERVICES / knownBlueprintId (catalogue/knownServices.ts): the
 * ResourceID → BlueprintID pairs public sources show (10029 and 10065, CALLER(1) runbooks).
 * Null-prototype, so a hostile ResourceID cannot read an inherited property.
 */
export const BLUEPRINT_ID_BY_RESOURCE: Readonly<Record<string, number>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, number>, Object.fromEntries(KNOWN_SERVICES.flatMap((s) => (s.blueprintId === undefined ? [] : [[s.resourceId, s.blueprintId]])))),
);

/**
 * OPEN: whether `State: ""` lists voices in every state. The voice list actions require `State`
 * from six documented values and no "all" value is documented (EXPL); public callers disagree.
 * The toolkit never sends it (listAllVoices asks once per state); the emulator refuses it
 * unless started with `acceptEmptyVoiceState` (then it lists every state).
 */
export const VOICE_STATE_ALL = '';

/**
 * Pause/Resume/TerminateService take an optional `ResourceIDs`. What an empty or missing
 * list does on the live service (nothing? every resource?) is unknown, so the toolkit
 * always sends the resource IDs explicitly and the emulator rejects an empty list.
 */
export const SERVICE_COMMAND_REQUIRES_RESOURCE_IDS = true;

/**
 * GUESS: the time zone of a monitoring day. QuotaMonitoring / UsageMonitoring take `Start` /
 * `End` as `yyyy-MM-dd`, but no source says where a day begins. The console is a China-region
 * service, so Beijing time (UTC+8, no daylight saving) is the likely boundary; the emulator
 * counts its days in it. OPEN: confirm against a live response around midnight.
 */
export const SERVICE_TIME_ZONE = 'Asia/Shanghai';

const serviceDayFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: SERVICE_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** `yyyy-MM-dd` of the instant `epochMs` in SERVICE_TIME_ZONE, `offsetDays` calendar days later (negative: earlier). */
export function serviceDay(epochMs: number, offsetDays = 0): string {
  const parts: Record<string, string> = {};
  for (const part of serviceDayFormat.formatToParts(epochMs)) parts[part.type] = part.value;
  const date = new Date(Date.UTC(Number(parts['year']), Number(parts['month']) - 1, Number(parts['day']) + offsetDays));
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/**
 * INFER: what OrderResourcePacks `Configurations[].Code` and `.Type` take. The SDK types both as
 * free strings ("Pack code", "Pack type", GO) and no source lists the codes one may order. The
 * toolkit offers the `Code` values of the account's own packs of the same product
 * (ResourcePacksStatus), and the documented pack `Types` (knownValues.ts PACK_TYPES, EXPL for
 * ResourcePacksStatus) as the order's `Type`. OPEN: confirm with the console's order page or a
 * live order; until then every surface lets the user type another value.
 */
export const ORDER_CODE_SOURCE = 'ResourcePacksStatus Packs[].Code of the same ResourceID (INFER)';
export const ORDER_PACK_TYPES_INFERRED = PACK_TYPES;

/** OrderAccessResourcePacks: `ResourceID` and `Code` each have exactly one documented value ("必填且唯一", DOC23). */
export const VOICE_SLOT_ORDER = { resourceId: 'volc.megatts.voiceclone', code: 'Model_storage' } as const;
