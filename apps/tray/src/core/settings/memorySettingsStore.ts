import { migrateSettings, type LegacySecret } from './migrations.js';
import type { SettingsStore } from './settingsStore.js';
import type { StoredSettings } from './settingsTypes.js';

/** Settings in memory (tests, the browser preview). Starts from whatever document it is given, migrated. */
export class MemorySettingsStore implements SettingsStore {
  private settings: StoredSettings;
  private legacySecrets: LegacySecret[];
  /** Every save, for tests. */
  readonly saves: StoredSettings[] = [];

  constructor(initial: unknown = {}) {
    const migrated = migrateSettings(initial);
    this.settings = migrated.settings;
    this.legacySecrets = migrated.legacySecrets;
  }

  load(): StoredSettings {
    return structuredClone(this.settings);
  }

  save(settings: StoredSettings): void {
    this.settings = structuredClone(settings);
    this.saves.push(structuredClone(settings));
  }

  takeLegacySecrets(): LegacySecret[] {
    const secrets = this.legacySecrets;
    this.legacySecrets = [];
    return secrets;
  }
}
