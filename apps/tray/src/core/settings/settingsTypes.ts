/** What the settings file holds. The secret key is never part of it (see secrets/). */
import { DEFAULT_ENDPOINT, DEFAULT_REGION } from '@volc-speech/client';
import type { LanguageSetting, ProfileSettingsView } from '../../shared/bridge.js';
import { DEFAULT_THRESHOLDS } from '../levels.js';
import { defaultWatchedServices } from '../resources.js';
import type { NotifiedCrossings } from '../thresholds.js';

/** A profile as stored: the fields the settings form shows, less `hasSecret` (the keychain knows that). */
export type StoredProfile = Omit<ProfileSettingsView, 'hasSecret'>;

export interface StoredSettings {
  schemaVersion: number;
  activeProfileId: string;
  startAtLogin: boolean;
  profiles: StoredProfile[];
  /** The language (absent: follow the OS locale, as `system`). */
  language?: LanguageSetting;
  /**
   * Per profile id, the threshold crossings already announced and not re-armed since, so a
   * restart does not announce them again. Left out when there are none (files of every
   * version before it were written without it and mean the same).
   */
  notifiedCrossings?: Record<string, NotifiedCrossings>;
}

export const DEFAULT_POLL_INTERVAL_SEC = 60;
export const DEFAULT_PROJECT_NAME = 'default';
export const LOCAL_PROFILE_ID = 'local';

/** The profile a new user starts with: the embedded emulator, so the tray works at once. */
export function localEmulatorProfile(): StoredProfile {
  return {
    id: LOCAL_PROFILE_ID,
    name: 'Local emulator',
    accessKeyId: '',
    region: DEFAULT_REGION,
    endpoint: DEFAULT_ENDPOINT,
    projectName: DEFAULT_PROJECT_NAME,
    useEmulator: true,
    pollIntervalSec: DEFAULT_POLL_INTERVAL_SEC,
    warningPercent: DEFAULT_THRESHOLDS.warningPercent,
    criticalPercent: DEFAULT_THRESHOLDS.criticalPercent,
    watchedServices: defaultWatchedServices(),
  };
}
