/**
 * Versioned migrations of the settings file, as plain functions (tested in Node, no Electron).
 *
 * Each step takes the document of version `to - 1` and returns version `to`. After the
 * steps, `normalizeSettings` repairs what a hand-edited file may have broken (bad values fall
 * back to defaults, unknown keys are dropped) and pulls out any secret it finds: secrets
 * belong in the keychain, and the caller moves them there.
 *
 * When a step is needed: when a document of the previous version would be wrong or would lose
 * meaning under the new code. An optional key whose absence means "nothing yet" needs none:
 * `notifiedCrossings` (what was announced before a restart) came that way within version 1.
 * Bumping the version for it would make an older app set the whole file aside (a newer file
 * is not guessed at) instead of just dropping the key, as its normalizeSettings does.
 */
import type { LanguageSetting, WatchedServiceSetting } from '../../shared/bridge.js';
import { LANGUAGE_SETTING_VALUES, PROFILE_ID_PATTERN, PROFILE_LIMITS, WATCHED_RESOURCE_ID_PATTERN } from '../../shared/ipc.js';
import { defaultWatchedServices } from '../resources.js';
import type { NotifiedCrossings } from '../thresholds.js';
import { NOTIFIED_LIMITS } from './schema.js';
import { localEmulatorProfile, type StoredProfile, type StoredSettings } from './settingsTypes.js';

export type RawSettings = Record<string, unknown>;

export interface SettingsMigration {
  to: number;
  description: string;
  migrate(doc: RawSettings): RawSettings;
}

/** Keys a secret may have been written under, by an early build or by hand. */
const SECRET_KEYS = ['secretAccessKey', 'secretKey', 'secret', 'sk'] as const;
const FLAT_PROFILE_KEYS = ['accessKeyId', 'region', 'endpoint', 'projectName', 'useEmulator', 'pollIntervalSec', 'warningPercent', 'criticalPercent'];

export const SETTINGS_MIGRATIONS: readonly SettingsMigration[] = [
  {
    to: 1,
    description: 'Unversioned file (empty, or the flat single-account layout of the first prototype) → a list of profiles.',
    migrate(doc) {
      const { startAtLogin, ...rest } = doc;
      if (Array.isArray(rest.profiles)) return { ...rest, startAtLogin: startAtLogin ?? false, schemaVersion: 1 };
      const hasFlatAccount = FLAT_PROFILE_KEYS.some((key) => key in rest) || SECRET_KEYS.some((key) => key in rest);
      if (!hasFlatAccount) return { schemaVersion: 1, startAtLogin: startAtLogin ?? false, profiles: [], activeProfileId: '' };
      const profile: RawSettings = { id: 'default', name: typeof rest.name === 'string' ? rest.name : 'Default' };
      for (const key of [...FLAT_PROFILE_KEYS, ...SECRET_KEYS]) if (key in rest) profile[key] = rest[key];
      return { schemaVersion: 1, startAtLogin: startAtLogin ?? false, profiles: [profile], activeProfileId: 'default' };
    },
  },
  {
    to: 2,
    description:
      'Which services a profile watches became a setting (the API cannot list an account\'s services): every profile gets DEFAULT_WATCHED_SERVICES, what version 1 watched.',
    migrate(doc) {
      const profiles = Array.isArray(doc.profiles) ? doc.profiles : [];
      return {
        ...doc,
        profiles: profiles.map((p: unknown) => (isPlainRecord(p) && !('watchedServices' in p) ? { ...p, watchedServices: defaultWatchedServices() } : p)),
      };
    },
  },
];

export const CURRENT_SETTINGS_VERSION = SETTINGS_MIGRATIONS.reduce((max, m) => Math.max(max, m.to), 0);

export class SettingsVersionError extends Error {
  constructor(readonly fileVersion: number) {
    super(`The settings file has version ${fileVersion}, newer than this app understands (${CURRENT_SETTINGS_VERSION}).`);
    this.name = 'SettingsVersionError';
  }
}

export interface LegacySecret {
  profileId: string;
  secret: string;
}

export interface MigrationResult {
  settings: StoredSettings;
  fromVersion: number;
  /** Versions applied, in order. */
  applied: number[];
  /** Whether the file must be rewritten (migrated, repaired, or a secret removed). */
  changed: boolean;
  /** Secrets found in the file: move them to the keychain. */
  legacySecrets: LegacySecret[];
}

function versionOf(doc: RawSettings): number {
  const v = doc.schemaVersion;
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0;
}

export function migrateSettings(raw: unknown, migrations: readonly SettingsMigration[] = SETTINGS_MIGRATIONS): MigrationResult {
  const current = migrations.reduce((max, m) => Math.max(max, m.to), 0);
  let doc: RawSettings = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? structuredClone(raw as RawSettings) : {};
  const fromVersion = versionOf(doc);
  if (fromVersion > current) throw new SettingsVersionError(fromVersion);
  const applied: number[] = [];
  for (const step of [...migrations].sort((a, b) => a.to - b.to)) {
    if (step.to <= versionOf(doc)) continue;
    doc = step.migrate(doc);
    doc.schemaVersion = step.to;
    applied.push(step.to);
  }
  const { settings, legacySecrets } = normalizeSettings(doc, current);
  const changed = applied.length > 0 || legacySecrets.length > 0 || JSON.stringify(settings) !== JSON.stringify(raw);
  return { settings, fromVersion, applied, changed, legacySecrets };
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isPlainRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The valid entries of a watched-services list (each ResourceID once); none valid: the defaults. */
function pickWatched(raw: unknown): WatchedServiceSetting[] {
  const out: WatchedServiceSetting[] = [];
  const seen = new Set<string>();
  for (const entry of Array.isArray(raw) ? raw : []) {
    if (!isPlainRecord(entry) || !isString(entry.resourceId)) continue;
    const resourceId = entry.resourceId.trim();
    if (!WATCHED_RESOURCE_ID_PATTERN.test(resourceId) || resourceId.length > 128 || seen.has(resourceId)) continue;
    seen.add(resourceId);
    const blueprintId = entry.blueprintId;
    const valid = typeof blueprintId === 'number' && Number.isInteger(blueprintId) && blueprintId >= PROFILE_LIMITS.blueprintId.min && blueprintId <= PROFILE_LIMITS.blueprintId.max;
    out.push(valid ? { resourceId, blueprintId } : { resourceId });
    if (out.length >= PROFILE_LIMITS.watchedServices.max) break;
  }
  return out.length > 0 ? out : defaultWatchedServices();
}

function pickNumber(value: unknown, fallback: number, min: number, max: number, integer = false): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) return fallback;
  return integer ? Math.round(value) : value;
}

function pickString(value: unknown, fallback: string, ok: (s: string) => boolean): string {
  return isString(value) && ok(value.trim()) ? value.trim() : fallback;
}

function sanitizeProfile(raw: unknown, index: number, taken: Set<string>): { profile: StoredProfile; secret?: string } | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const p = raw as RawSettings;
  const defaults = localEmulatorProfile();
  let id = pickString(p.id, `profile-${index + 1}`, (s) => PROFILE_ID_PATTERN.test(s));
  while (taken.has(id)) id = `${id.slice(0, 56)}-${index + 1}`;
  taken.add(id);
  const accessKeyId = pickString(p.accessKeyId, '', (s) => s.length <= PROFILE_LIMITS.accessKeyIdMaxLength);
  let warningPercent = pickNumber(p.warningPercent, defaults.warningPercent, 1, 100);
  let criticalPercent = pickNumber(p.criticalPercent, defaults.criticalPercent, 1, 100);
  if (criticalPercent <= warningPercent) {
    // Inverted thresholds: neither value can be trusted, so both go back to the defaults.
    warningPercent = defaults.warningPercent;
    criticalPercent = defaults.criticalPercent;
  }
  const profile: StoredProfile = {
    id,
    name: pickString(p.name, id, (s) => s.length >= 1 && s.length <= PROFILE_LIMITS.nameMaxLength),
    accessKeyId,
    region: pickString(p.region, defaults.region, (s) => /^[a-z0-9-]{1,32}$/.test(s)),
    endpoint: pickString(p.endpoint, defaults.endpoint, (s) => /^https?:\/\//.test(s) && s.length <= PROFILE_LIMITS.endpointMaxLength),
    projectName: pickString(p.projectName, defaults.projectName, (s) => s.length >= 1 && s.length <= PROFILE_LIMITS.projectNameMaxLength),
    // No access key means nothing real to talk to: the emulator is the useful default.
    useEmulator: typeof p.useEmulator === 'boolean' ? p.useEmulator : accessKeyId === '',
    pollIntervalSec: pickNumber(p.pollIntervalSec, defaults.pollIntervalSec, PROFILE_LIMITS.pollIntervalSec.min, PROFILE_LIMITS.pollIntervalSec.max, true),
    warningPercent,
    criticalPercent,
    watchedServices: pickWatched(p.watchedServices),
  };
  // Which endpoint the stored secret belongs to; files from before it mean `endpoint`.
  if (isString(p.secretEndpoint) && /^https?:\/\//.test(p.secretEndpoint) && p.secretEndpoint.length <= PROFILE_LIMITS.endpointMaxLength) {
    profile.secretEndpoint = p.secretEndpoint;
  }
  const secret = SECRET_KEYS.map((key) => p[key]).find((v): v is string => isString(v) && v.length > 0);
  return secret ? { profile, secret } : { profile };
}


/** One profile's announced crossings within what the schema takes: valid keys and levels, at most NOTIFIED_LIMITS of them. */
export function boundNotified(entries: Readonly<Record<string, unknown>>): NotifiedCrossings {
  const kept = Object.entries(entries)
    .filter(([key, level]) => key.length > 0 && key.length <= NOTIFIED_LIMITS.keyMaxLength && (level === 'warning' || level === 'critical'))
    .slice(0, NOTIFIED_LIMITS.keysPerProfile);
  return Object.fromEntries(kept) as NotifiedCrossings;
}

/** Keeps the announced crossings of profiles that exist, with valid keys and levels; drops the rest. */
function sanitizeNotified(raw: unknown, profiles: readonly StoredProfile[]): Record<string, NotifiedCrossings> | undefined {
  if (!isPlainRecord(raw)) return undefined;
  const out: Record<string, NotifiedCrossings> = {};
  for (const profile of profiles) {
    const entries = raw[profile.id];
    if (!isPlainRecord(entries)) continue;
    const kept = boundNotified(entries);
    if (Object.keys(kept).length > 0) out[profile.id] = kept;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Repairs a document of the current version into StoredSettings; never throws. */
export function normalizeSettings(doc: RawSettings, version = CURRENT_SETTINGS_VERSION): { settings: StoredSettings; legacySecrets: LegacySecret[] } {
  const taken = new Set<string>();
  const legacySecrets: LegacySecret[] = [];
  const profiles: StoredProfile[] = [];
  (Array.isArray(doc.profiles) ? doc.profiles : []).forEach((raw, index) => {
    const sanitized = sanitizeProfile(raw, index, taken);
    if (!sanitized) return;
    profiles.push(sanitized.profile);
    if (sanitized.secret) legacySecrets.push({ profileId: sanitized.profile.id, secret: sanitized.secret });
  });
  if (profiles.length === 0) profiles.push(localEmulatorProfile());
  const active = isString(doc.activeProfileId) && profiles.some((p) => p.id === doc.activeProfileId) ? doc.activeProfileId : profiles[0]!.id;
  const settings: StoredSettings = { schemaVersion: version, activeProfileId: active, startAtLogin: doc.startAtLogin === true, profiles };
  if (LANGUAGE_SETTING_VALUES.includes(doc.language as LanguageSetting)) settings.language = doc.language as LanguageSetting;
  const notifiedCrossings = sanitizeNotified(doc.notifiedCrossings, profiles);
  if (notifiedCrossings) settings.notifiedCrossings = notifiedCrossings;
  return { settings, legacySecrets };
}
