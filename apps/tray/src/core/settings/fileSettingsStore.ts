/**
 * Settings in a JSON file through electron-store (or `conf`, which electron-store extends
 * and which runs in plain Node: the tests use it).
 *
 * The store validates every write against the JSON schema, and it validates the file when
 * it opens it, so an old file is migrated on disk first: read, migrate, back up the old
 * file, write the new one, then open the store.
 */
import fs from 'node:fs';
import path from 'node:path';
import { migrateSettings, SettingsVersionError, type LegacySecret } from './migrations.js';
import { SETTINGS_PROPERTIES_SCHEMA, SETTINGS_ROOT_SCHEMA } from './schema.js';
import type { SettingsStore } from './settingsStore.js';
import type { StoredSettings } from './settingsTypes.js';

/** The part of electron-store / conf this adapter uses. */
export interface KeyValueFile {
  readonly path: string;
  store: Record<string, unknown>;
}

export interface KeyValueFileOptions {
  cwd: string;
  name: string;
  schema: typeof SETTINGS_PROPERTIES_SCHEMA;
  rootSchema: typeof SETTINGS_ROOT_SCHEMA;
}

export interface FileSettingsStoreOptions {
  /** Directory of the file (Electron: app.getPath('userData')). */
  directory: string;
  /** File name without `.json`. Default `settings`. */
  name?: string;
  /** Builds the store: `(o) => new ElectronStore(o)` in the app, `(o) => new Conf({cwd: o.cwd, configName: o.name, ...})` in tests. */
  open: (options: KeyValueFileOptions) => KeyValueFile;
  log?: (message: string) => void;
}

export class FileSettingsStore implements SettingsStore {
  private readonly file: KeyValueFile;
  private legacySecrets: LegacySecret[] = [];

  constructor(options: FileSettingsStoreOptions) {
    const name = options.name ?? 'settings';
    const filePath = path.join(options.directory, `${name}.json`);
    this.prepareFile(filePath, options.log ?? (() => {}));
    this.file = options.open({ cwd: options.directory, name, schema: SETTINGS_PROPERTIES_SCHEMA, rootSchema: SETTINGS_ROOT_SCHEMA });
  }

  get path(): string {
    return this.file.path;
  }

  load(): StoredSettings {
    // Already valid (the store validated it); normalising again costs little and keeps one code path.
    return migrateSettings(this.file.store).settings;
  }

  save(settings: StoredSettings): void {
    this.file.store = structuredClone(settings) as unknown as Record<string, unknown>;
  }

  takeLegacySecrets(): LegacySecret[] {
    const secrets = this.legacySecrets;
    this.legacySecrets = [];
    return secrets;
  }

  private prepareFile(filePath: string, log: (message: string) => void): void {
    let raw: unknown = {};
    let text: string | undefined;
    try {
      text = fs.readFileSync(filePath, 'utf8');
      raw = JSON.parse(text);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' && text !== undefined) {
        // Unreadable JSON: keep it for the user, start over.
        this.backUp(filePath, 'unreadable', log);
      }
      raw = {};
    }
    let result;
    try {
      result = migrateSettings(raw);
    } catch (error) {
      if (!(error instanceof SettingsVersionError)) throw error;
      // Written by a newer version of the app: keep it aside rather than guess at its meaning.
      this.backUp(filePath, `v${error.fileVersion}`, log);
      result = migrateSettings({});
    }
    this.legacySecrets = result.legacySecrets;
    if (!result.changed && text !== undefined) return;
    // A backup keeps the old layout for a downgrade, unless it holds a secret: that must not survive anywhere.
    if (text !== undefined && result.applied.length > 0 && result.legacySecrets.length === 0) {
      this.backUp(filePath, `v${result.fromVersion}`, log, true);
    }
    fs.mkdirSync(path.dirname(filePath), { recursive: true });
    const tmp = `${filePath}.tmp-${process.pid}`;
    fs.writeFileSync(tmp, JSON.stringify(result.settings, null, '\t'), { mode: 0o600 });
    fs.renameSync(tmp, filePath);
    if (text !== undefined && result.applied.length > 0) log(`settings migrated from version ${result.fromVersion} to ${result.settings.schemaVersion}`);
    if (result.legacySecrets.length > 0) log(`removed ${result.legacySecrets.length} secret(s) from the settings file`);
  }

  private backUp(filePath: string, tag: string, log: (message: string) => void, copy = false): void {
    const target = `${filePath}.${tag}.bak`;
    try {
      if (copy) fs.copyFileSync(filePath, target);
      else fs.renameSync(filePath, target);
      log(`kept the previous settings file as ${path.basename(target)}`);
    } catch {
      // Best effort: losing the backup must not stop the app from starting.
    }
  }
}
