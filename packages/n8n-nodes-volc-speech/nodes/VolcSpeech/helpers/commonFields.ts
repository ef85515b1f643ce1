/**
 * Field overrides shared by several operations: the dropdowns that list real choices from the
 * API (methods/), and the fixed choices the contract knows (unknowns.ts says how sure it is).
 */
import { DEFAULT_WATCHED_SERVICES, MONITORING_MODES_SEEN, QUOTA_TYPES_SEEN } from '@volc-speech/client';
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

export const API_KEY_DROPDOWN: FieldOverride = {
  displayName: 'API Key Name or ID',
  loadOptionsMethod: 'getApiKeys',
  loadOptionsDependsOn: ['projectName'],
};

export const CLONED_VOICES_DROPDOWN: FieldOverride = {
  displayName: 'Speaker Names or IDs',
  loadOptionsMethod: 'getClonedVoices',
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
