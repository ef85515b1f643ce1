import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWithConf } from '../support/confSettings.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tray-settings-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const fileText = () => fs.readFileSync(path.join(dir, 'settings.json'), 'utf8');

describe('FileSettingsStore (electron-store engine)', () => {
  it('creates the file with the default profile and round-trips saves', () => {
    const store = openWithConf(dir);
    const settings = store.load();
    expect(settings.profiles.map((p) => p.id)).toEqual(['local']);
    store.save({ ...settings, startAtLogin: true });
    expect(openWithConf(dir).load().startAtLogin).toBe(true);
    expect(JSON.parse(fileText())).toMatchObject({ schemaVersion: 2, startAtLogin: true });
  });

  it('the JSON schema refuses a secret (or any unknown field) in a profile', () => {
    const store = openWithConf(dir);
    const settings = store.load();
    const withSecret = { ...settings, profiles: [{ ...settings.profiles[0]!, secretAccessKey: 'nope' }] };
    expect(() => store.save(withSecret as never)).toThrow(/schema violation/i);
    expect(fileText()).not.toContain('nope');
  });

  it('the JSON schema refuses out-of-range values', () => {
    const store = openWithConf(dir);
    const settings = store.load();
    expect(() => store.save({ ...settings, profiles: [{ ...settings.profiles[0]!, pollIntervalSec: 1 }] })).toThrow(/schema violation/i);
  });

  it('migrates an old file on disk, keeps a backup, and takes the secret out of both', () => {
    fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ accessKeyId: 'AKLTOLD', region: 'cn-beijing' }));
    const store = openWithConf(dir);
    expect(store.load().profiles[0]).toMatchObject({ id: 'default', accessKeyId: 'AKLTOLD', region: 'cn-beijing' });
    expect(fs.existsSync(path.join(dir, 'settings.json.v0.bak'))).toBe(true);

    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'tray-settings-'));
    try {
      fs.writeFileSync(path.join(other, 'settings.json'), JSON.stringify({ accessKeyId: 'AKLTOLD', secretAccessKey: 'leaked-secret' }));
      const migrated = openWithConf(other);
      expect(migrated.takeLegacySecrets()).toEqual([{ profileId: 'default', secret: 'leaked-secret' }]);
      for (const file of fs.readdirSync(other)) expect(fs.readFileSync(path.join(other, file), 'utf8')).not.toContain('leaked-secret');
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  });

  it('sets aside a file from a newer app or unreadable JSON and starts fresh', () => {
    fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ schemaVersion: 99, profiles: [] }));
    expect(openWithConf(dir).load().profiles[0]!.id).toBe('local');
    expect(fs.existsSync(path.join(dir, 'settings.json.v99.bak'))).toBe(true);
    fs.writeFileSync(path.join(dir, 'settings.json'), '{not json');
    expect(openWithConf(dir).load().profiles[0]!.id).toBe('local');
    expect(fs.existsSync(path.join(dir, 'settings.json.unreadable.bak'))).toBe(true);
  });

  it('keeps announced crossings across opens; the schema takes only threshold levels there', () => {
    const store = openWithConf(dir);
    const settings = store.load();
    const notifiedCrossings = { local: { 'volc.service_type.10029': 'warning' as const, 'rate-limit:volc.service_type.10029/qps': 'critical' as const } };
    store.save({ ...settings, notifiedCrossings });
    expect(openWithConf(dir).load().notifiedCrossings).toEqual(notifiedCrossings);
    expect(JSON.parse(fileText())).toMatchObject({ schemaVersion: 2, notifiedCrossings });
    expect(() => store.save({ ...settings, notifiedCrossings: { local: { x: 'secret-looking-value' } } } as never)).toThrow(/schema violation/i);
    expect(() => store.save({ ...settings, notifiedCrossings: { 'Not An Id': { x: 'warning' } } } as never)).toThrow(/schema violation/i);
    expect(fileText()).not.toContain('secret-looking-value');
  });
});

