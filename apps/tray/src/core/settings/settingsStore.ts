/**
 * Where the settings live. The core sees only this interface: electron-store in the app,
 * memory in tests and the browser preview.
 */
import type { LegacySecret } from './migrations.js';
import type { StoredSettings } from './settingsTypes.js';

export interface SettingsStore {
  load(): StoredSettings;
  save(settings: StoredSettings): void;
  /** Secrets a migration pulled out of the file; the core moves them to the keychain once. */
  takeLegacySecrets(): LegacySecret[];
}
