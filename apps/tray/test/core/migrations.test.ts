import { describe, expect, it } from 'vitest';
import { CURRENT_SETTINGS_VERSION, migrateSettings, normalizeSettings, SettingsVersionError, type SettingsMigration } from '../../src/core/settings/migrations.js';
import { localEmulatorProfile } from '../../src/core/settings/settingsTypes.js';


const TTS_WATCHED = { resourceId: 'volc.service_type.10029', blueprintId: 10029 };

describe('settings migrations', () => {
  it('an empty or missing file becomes the current version with the local emulator profile', () => {
    for (const raw of [undefined, null, {}, [], 'garbage']) {
      const result = migrateSettings(raw);
      expect(result.settings).toEqual({ schemaVersion: CURRENT_SETTINGS_VERSION, activeProfileId: 'local', startAtLogin: false, profiles: [localEmulatorProfile()] });
      expect(result.changed).toBe(true);
    }
  });

  it('v0 → v1 → v2: the flat single-account layout becomes one profile watching the default services, and its secret is pulled out', () => {
    const result = migrateSettings({
      accessKeyId: 'AKLTFLAT',
      secretAccessKey: 'plain-text-secret',
      region: 'cn-beijing',
      projectName: 'voice',
      pollIntervalSec: 30,
      warningPercent: 70,
      startAtLogin: true,
    });
    expect(result.fromVersion).toBe(0);
    expect(result.applied).toEqual([1, 2]);
    expect(result.settings).toEqual({
      schemaVersion: 2,
      activeProfileId: 'default',
      startAtLogin: true,
      profiles: [
        {
          id: 'default',
          name: 'Default',
          accessKeyId: 'AKLTFLAT',
          region: 'cn-beijing',
          endpoint: 'https://open.volcengineapi.com',
          projectName: 'voice',
          useEmulator: false,
          pollIntervalSec: 30,
          warningPercent: 70,
          criticalPercent: 95,
          watchedServices: [TTS_WATCHED],
        },
      ],
    });
    expect(result.legacySecrets).toEqual([{ profileId: 'default', secret: 'plain-text-secret' }]);
    expect(JSON.stringify(result.settings)).not.toContain('plain-text-secret');
  });

  it('a current file passes through unchanged', () => {
    const current = migrateSettings({}).settings;
    const again = migrateSettings(structuredClone(current));
    expect(again).toMatchObject({ settings: current, applied: [], changed: false, legacySecrets: [] });
  });

  it('refuses a file from a newer app instead of guessing', () => {
    expect(() => migrateSettings({ schemaVersion: CURRENT_SETTINGS_VERSION + 1 })).toThrow(SettingsVersionError);
  });

  it('repairs what a hand edit broke: bad values fall back, unknown keys and secrets go', () => {
    const { settings, legacySecrets } = normalizeSettings({
      schemaVersion: 1,
      activeProfileId: 'missing',
      startAtLogin: 'yes',
      extra: 1,
      profiles: [
        { id: 'a', name: 'A', accessKeyId: 'AK', region: 'Bad Region!', endpoint: 'ftp://x', pollIntervalSec: 1, warningPercent: 99, criticalPercent: 50, secret: 'hidden', colour: 'red' },
        { id: 'a', name: 'Duplicate id' },
        'not a profile',
      ],
    });
    expect(settings.activeProfileId).toBe('a');
    expect(settings.startAtLogin).toBe(false);
    expect(settings.profiles).toHaveLength(2);
    expect(settings.profiles[0]).toEqual({
      id: 'a',
      name: 'A',
      accessKeyId: 'AK',
      region: 'cn-beijing', // a bad region falls back to the default (DEFAULT_REGION)
      endpoint: 'https://open.volcengineapi.com',
      projectName: 'default',
      useEmulator: false,
      pollIntervalSec: 60,
      warningPercent: 80,
      criticalPercent: 95,
      watchedServices: [TTS_WATCHED],
    });
    expect(settings.profiles[1]!.id).not.toBe('a');
    expect(settings.profiles[1]!.useEmulator).toBe(true); // no access key: the emulator
    expect(legacySecrets).toEqual([{ profileId: 'a', secret: 'hidden' }]);
    expect(Object.keys(settings)).toEqual(['schemaVersion', 'activeProfileId', 'startAtLogin', 'profiles']);
  });

  it('runs the steps in order from the file’s version (the framework, with a hypothetical v2)', () => {
    const steps: SettingsMigration[] = [
      { to: 2, description: 'rename', migrate: (doc) => ({ ...doc, note: `${String(doc.note)}→2` }) },
      { to: 1, description: 'start', migrate: (doc) => ({ ...doc, note: 'v1', profiles: [], activeProfileId: '' }) },
    ];
    expect(migrateSettings({}, steps)).toMatchObject({ applied: [1, 2], settings: { schemaVersion: 2 } });
    expect(migrateSettings({ schemaVersion: 1, profiles: [] }, steps)).toMatchObject({ applied: [2], fromVersion: 1 });
  });

  it('keeps the announced crossings of existing profiles, and only valid ones', () => {
    const { settings } = normalizeSettings({
      schemaVersion: 1,
      profiles: [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }],
      notifiedCrossings: {
        a: { 'volc.service_type.10029': 'warning', 'rate-limit:volc.service_type.10029/qps': 'critical', bad: 'ok', worse: 3, ['x'.repeat(301)]: 'warning' },
        b: { only: 'nonsense' },
        ghost: { 'volc.tts.default': 'critical' },
      },
    });
    expect(settings.notifiedCrossings).toEqual({ a: { 'volc.service_type.10029': 'warning', 'rate-limit:volc.service_type.10029/qps': 'critical' } });
    expect(Object.keys(settings)).toEqual(['schemaVersion', 'activeProfileId', 'startAtLogin', 'profiles', 'notifiedCrossings']);
    expect(normalizeSettings({ schemaVersion: 1, profiles: [{ id: 'a' }], notifiedCrossings: 'junk' }).settings).not.toHaveProperty('notifiedCrossings');
  });

  it('announced crossings and the language need no migration step: a current file with them passes through unchanged', () => {
    const current = { ...migrateSettings({}).settings, language: 'zh-CN' as const, notifiedCrossings: { local: { 'volc.service_type.10029': 'warning' as const } } };
    expect(migrateSettings(structuredClone(current))).toMatchObject({ settings: current, applied: [], changed: false });
    expect(CURRENT_SETTINGS_VERSION).toBe(2);
    expect(normalizeSettings({ schemaVersion: 2, profiles: [{ id: 'a' }], language: 'fr' }).settings).not.toHaveProperty('language');
  });

  it('v1 → v2: every existing profile watches the default services; its other settings and announced crossings stay', () => {
    const v1 = {
      schemaVersion: 1,
      activeProfileId: 'prod',
      startAtLogin: true,
      profiles: [
        { id: 'prod', name: 'Prod', accessKeyId: 'AKLTPROD', region: 'cn-beijing', endpoint: 'https://open.volcengineapi.com', projectName: 'voice', useEmulator: false, pollIntervalSec: 30, warningPercent: 70, criticalPercent: 90 },
        { id: 'local', name: 'Local emulator', accessKeyId: '', region: 'cn-north-1', endpoint: 'https://open.volcengineapi.com', projectName: 'default', useEmulator: true, pollIntervalSec: 60, warningPercent: 80, criticalPercent: 95 },
      ],
      notifiedCrossings: { prod: { 'volc.service_type.10029': 'warning' } },
    };
    const result = migrateSettings(v1);
    expect(result).toMatchObject({ fromVersion: 1, applied: [2], changed: true });
    expect(result.settings).toEqual({
      ...v1,
      schemaVersion: 2,
      profiles: v1.profiles.map((p) => ({ ...p, watchedServices: [TTS_WATCHED] })),
    });
  });

  it('a watched-services list keeps its valid entries, each once; nothing valid falls back to the defaults', () => {
    const { settings } = normalizeSettings({
      schemaVersion: 2,
      profiles: [
        {
          id: 'a',
          name: 'A',
          watchedServices: [
            { resourceId: 'volc.bigasr.auc', blueprintId: 7 },
            { resourceId: 'volc.bigasr.auc' },
            { resourceId: '../etc/passwd' },
            { resourceId: 'volc.seedasr.auc', blueprintId: -3 },
            { resourceId: 'volc.tts.default', apiKey: 'secret' },
            'junk',
          ],
        },
        { id: 'b', name: 'B', watchedServices: [{ resourceId: 'nope' }] },
      ],
    });
    expect(settings.profiles[0]!.watchedServices).toEqual([{ resourceId: 'volc.bigasr.auc', blueprintId: 7 }, { resourceId: 'volc.seedasr.auc' }, { resourceId: 'volc.tts.default' }]);
    expect(settings.profiles[1]!.watchedServices).toEqual([TTS_WATCHED]);
  });
});

