/** What the settings file holds. The secret key is never part of it (see secrets/). */
import { DEFAULT_ENDPOINT, DEFAULT_REGION } from '@volc-speech/client';
import { DEFAULT_THRESHOLDS } from '../levels.js';

export interface StoredProfile {
  id: string;
  name: string;
  accessKeyId: string;
  region: string;
  endpoint: string;
  projectName: string;
  useEmulator: boolean;
  pollIntervalSec: number;
  warningPercent: number;
  criticalPercent: number;
}

export interface StoredSettings {
  schemaVersion: number;
  activeProfileId: string;
  startAtLogin: boolean;
  profiles: StoredProfile[];
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
  };
}
