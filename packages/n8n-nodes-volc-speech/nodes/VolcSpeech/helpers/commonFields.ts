/**
 * Field overrides shared by several operations: the dropdowns that list real choices from the
 * API (methods/), and the fixed choices the contract knows (unknowns.ts says how sure it is).
 */
import { DEFAULT_WATCHED_SERVICES, MONITORING_MODES_SEEN, ORDER_PACK_TYPES_INFERRED, QUOTA_TYPES_SEEN, VOICE_SLOT_ORDER } from '@volc-speech/client';
import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

import { serviceOptions } from './choices';
import type { FieldOverride } from './fields';

/** Services to act on (Pause, Resume, Terminate): no default, the user picks. */
export const RESOURCE_IDS_DROPDOWN: FieldOverride = {
  displayName: 'Services',
  options: serviceOptions(),
  default: [],
  description: 'Services to act on. For one not in the list, give its resource ID with an expression.',
};

/** Services to read (pack status): the catalogue's default watch list. */
export const WATCHED_SERVICES: FieldOverride = {
  displayName: 'Services',
  options: serviceOptions(),
  default: [...DEFAULT_WATCHED_SERVICES],
  description: 'Services whose packs to list (Volcengine cannot list the services of an account). For one not in the list, give its resource ID with an expression.',
};

export const RESOURCE_ID_LOCATOR: FieldOverride = {
  displayName: 'Resource',
  searchListMethod: 'searchResourceIds',
};

/** One API key: pick it from the project's keys, or type its numeric ID. */
export const API_KEY_LOCATOR: FieldOverride = {
  displayName: 'API Key',
  description: 'The key to act on: pick it from the list, or give its ID (a number, from List API Keys)',
  searchListMethod: 'searchApiKeys',
  idPattern: { regex: '^\\s*\\d+\\s*$', errorMessage: 'An API key ID is a whole number, e.g. 1001' },
};

/** Cloned voices: one entry per speaker, each picked from the list or typed (an expression may give several). */
export const CLONED_VOICES_LOCATOR: FieldOverride = {
  displayName: 'Speakers',
  description: 'The cloned voices to act on. Add one entry per speaker; By ID also takes an expression that gives a list of speaker IDs.',
  searchListMethod: 'searchClonedVoices',
};

const PACK_TYPE_LABELS = { access: 'Access (Voice Slots)', quota: 'Quota (Free or Trial Allowance)', prepaid: 'Prepaid (Bought Pack)' } as const;

/**
 * What to buy: the pack code from the account's own packs of the chosen service, and the pack
 * type from the documented pack types. Both are inferred (unknowns.ts ORDER_CODE_SOURCE); an
 * expression can give any other value.
 */
export const ORDER_CONFIGURATIONS: FieldOverride = {
  displayName: 'Configurations',
  fields: {
    Code: {
      displayName: 'Pack Code Name or ID',
      loadOptionsMethod: 'getPackCodes',
      loadOptionsDependsOn: ['resourceId.value', 'projectName'],
    },
    Type: {
      displayName: 'Pack Type',
      description: 'The kind of pack to buy. Prepaid is a bought pack of characters, hours or calls.',
      options: ORDER_PACK_TYPES_INFERRED.map((type) => ({ name: PACK_TYPE_LABELS[type], value: type })),
      default: 'prepaid',
    },
  },
};

/** OrderAccessResourcePacks: each of these has exactly one documented value. */
export const VOICE_SLOT_RESOURCE_ID: FieldOverride = {
  options: [{ name: 'Voice Cloning (volc.megatts.voiceclone)', value: VOICE_SLOT_ORDER.resourceId }],
  default: VOICE_SLOT_ORDER.resourceId,
  description: 'The voice cloning service; the only value the API takes',
};
export const VOICE_SLOT_CODE: FieldOverride = {
  options: [{ name: 'Voice Slot (Model_storage)', value: VOICE_SLOT_ORDER.code }],
  default: VOICE_SLOT_ORDER.code,
  description: 'What is ordered: voice slots; the only value the API takes',
};

export const VOICE_TYPES_DROPDOWN: FieldOverride = {
  displayName: 'Voice Type Names or IDs',
  loadOptionsMethod: 'getVoiceTypes',
};

const VOICE_STATES = ['Active', 'Expired', 'Reclaimed', 'Success', 'Training', 'Unknown'] as const;

export const VOICE_STATE_OPTIONS: FieldOverride = {
  options: VOICE_STATES.map((state) => ({ name: state, value: state })),
  default: 'Success',
};

const LABELS: Record<string, string> = { daily: 'Daily', hourly: 'Hourly', qps: 'QPS', qpm: 'QPM', tpm: 'TPM', concurrency: 'Concurrency' };

function knownValues(values: readonly string[]): INodePropertyOptions[] {
  return values.map((value) => ({ name: LABELS[value] ?? value, value })).sort((a, b) => a.name.localeCompare(b.name));
}

export const MONITORING_MODE_OPTIONS: FieldOverride = {
  description: 'One row per day or per hour',
  options: knownValues(MONITORING_MODES_SEEN),
  default: 'daily',
};
export const QUOTA_TYPE_OPTIONS: FieldOverride = {
  description: 'Which limit to read: QPS, concurrency, QPM or TPM',
  options: knownValues(QUOTA_TYPES_SEEN),
  default: 'qps',
};

/** The tag actions spell the field `ResourceIds`. */
export const TAGGED_RESOURCE_IDS: FieldOverride = { description: 'IDs of the resources to act on' };

export const TODAY_DEFAULT: FieldOverride = { default: "={{ $today.toFormat('yyyy-MM-dd') }}" };

/** `2025-06-01T00:00:00.000+08:00` (what a date picker or `$today` gives) → `2025-06-01`. */
export function normalizeDays(request: IDataObject, fields: readonly string[] = ['Start', 'End']): IDataObject {
  for (const field of fields) {
    const value = request[field];
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) request[field] = value.slice(0, 10);
  }
  return request;
}
