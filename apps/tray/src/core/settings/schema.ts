/**
 * JSON schema of the settings file (electron-store validates every write with it).
 * Profiles allow no extra properties, so a secret can never be written to the file.
 */
import { LANGUAGE_SETTING_VALUES, PROFILE_LIMITS } from '../../shared/ipc.js';

export const PROFILE_JSON_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'name', 'accessKeyId', 'region', 'endpoint', 'projectName', 'useEmulator', 'pollIntervalSec', 'warningPercent', 'criticalPercent', 'watchedServices'],
  properties: {
    id: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,63}$' },
    name: { type: 'string', minLength: 1, maxLength: PROFILE_LIMITS.nameMaxLength },
    accessKeyId: { type: 'string', maxLength: PROFILE_LIMITS.accessKeyIdMaxLength },
    region: { type: 'string', pattern: '^[a-z0-9-]{1,32}$' },
    endpoint: { type: 'string', pattern: '^https?://', maxLength: PROFILE_LIMITS.endpointMaxLength },
    /** The endpoint the stored secret was saved with (absent in files from before: `endpoint` then). */
    secretEndpoint: { type: 'string', pattern: '^https?://', maxLength: PROFILE_LIMITS.endpointMaxLength },
    projectName: { type: 'string', minLength: 1, maxLength: PROFILE_LIMITS.projectNameMaxLength },
    useEmulator: { type: 'boolean' },
    pollIntervalSec: { type: 'integer', minimum: PROFILE_LIMITS.pollIntervalSec.min, maximum: PROFILE_LIMITS.pollIntervalSec.max },
    warningPercent: { type: 'number', minimum: PROFILE_LIMITS.percent.min, maximum: PROFILE_LIMITS.percent.max },
    criticalPercent: { type: 'number', minimum: PROFILE_LIMITS.percent.min, maximum: PROFILE_LIMITS.percent.max },
    watchedServices: {
      type: 'array',
      minItems: PROFILE_LIMITS.watchedServices.min,
      maxItems: PROFILE_LIMITS.watchedServices.max,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['resourceId'],
        properties: {
          resourceId: { type: 'string', pattern: '^volc\\.[a-z0-9_]+(?:\\.[a-z0-9_]+)+$', maxLength: 128 },
          blueprintId: { type: 'integer', minimum: PROFILE_LIMITS.blueprintId.min, maximum: PROFILE_LIMITS.blueprintId.max },
        },
      },
    },
  },
} as const;

/** Bounds of the notified-crossings record (a handful of resources in practice). */
export const NOTIFIED_LIMITS = { keysPerProfile: 200, keyMaxLength: 300 } as const;

/** Per profile: crossing key → the highest threshold announced. No other values, so nothing else rides along. */
export const NOTIFIED_CROSSINGS_JSON_SCHEMA = {
  type: 'object',
  propertyNames: { pattern: '^[a-z0-9][a-z0-9-]{0,63}$' },
  additionalProperties: {
    type: 'object',
    maxProperties: NOTIFIED_LIMITS.keysPerProfile,
    propertyNames: { minLength: 1, maxLength: NOTIFIED_LIMITS.keyMaxLength },
    additionalProperties: { enum: ['warning', 'critical'] },
  },
} as const;

/** electron-store's `schema` option: one schema per top-level key. */
export const SETTINGS_PROPERTIES_SCHEMA = {
  schemaVersion: { type: 'integer', minimum: 1 },
  activeProfileId: { type: 'string' },
  startAtLogin: { type: 'boolean' },
  profiles: { type: 'array', minItems: 1, items: PROFILE_JSON_SCHEMA },
  notifiedCrossings: NOTIFIED_CROSSINGS_JSON_SCHEMA,
  language: { enum: [...LANGUAGE_SETTING_VALUES] },
} as const;

/** electron-store's `rootSchema` option: no other top-level keys. */
export const SETTINGS_ROOT_SCHEMA = {
  additionalProperties: false,
  required: ['schemaVersion', 'activeProfileId', 'startAtLogin', 'profiles'],
} as const;
