import { describe, expect, it } from 'vitest';
import type { ConnectionTarget } from '../../src/core/api.js';
import { RecordingNotifier } from '../../src/core/notifier.js';
import { MemorySecretStore } from '../../src/core/secrets/secretStore.js';
import { MemorySettingsStore } from '../../src/core/settings/memorySettingsStore.js';
import { TrayCore, type TrayCoreOptions } from '../../src/core/trayCore.js';
import { CURRENT_SETTINGS_VERSION } from '../../src/core/settings/migrations.js';
import type { DashboardSnapshot, ProfileInput } from '../../src/shared/bridge.js';
import { FakeClock, flush } from '../support/fakeClock.js';
import { apiError, FakeSpeechApi, TTS } from '../support/fakeSpeechApi.js';
import { confirmedCommand, confirmFor } from '../support/confirm.js';

const EMULATOR_URL = 'http://127.0.0.1:9';

function profileInput(overrides: Partial<ProfileInput> = {}): ProfileInput {
  return {
    name: 'Production',
    accessKeyId: 'AKLTPRODUCTION0001',
    region: 'cn-north-1',
    endpoint: 'https://open.volcengineapi.com',
    projectName: 'default',
    useEmulator: false,
    pollIntervalSec: 60,
    warningPercent: 80,
    criticalPercent: 95,
    ...overrides,
  };
}

function setup(options: { initialSettings?: unknown; secrets?: Record<string, string> } = {}) {
  const clock = new FakeClock();
  const apis = new Map<string, FakeSpeechApi>();
  const targets: ConnectionTarget[] = [];
  const apiFor = (key: string) => {
    let api = apis.get(key);
    if (!api) apis.set(key, (api = new FakeSpeechApi()));
    return api;
  };
  const settings = new MemorySettingsStore(options.initialSettings ?? {});
  const secrets = new MemorySecretStore(options.secrets ?? {});
  const notifier = new RecordingNotifier();
  let emulatorStarts = 0;
  let emulatorClosed = 0;
  const loginItems: boolean[] = [];
  const coreOptions: TrayCoreOptions = {
    settings,
    secrets,
    notifier,
    clock,
    apiFactory: (target, hooks) => {
      targets.push(target);
      const api = apiFor(target.endpoint === EMULATOR_URL ? 'emulator' : target.credentials.accessKeyId);
      api.onResponse = hooks?.onResponse;
      return api;
    },
    startEmulator: async () => {
      emulatorStarts++;
      return { url: EMULATOR_URL, credentials: { accessKeyId: 'AKLTDEMO', secretAccessKey: 'demo-secret' }, close: () => void emulatorClosed++ };
    },
    loginItems: { setStartAtLogin: (enabled) => void loginItems.push(enabled) },
    commandConfirm: { reads: 2, delayMs: 500 },
    systemLocale: 'en-US',
  };
  const core = new TrayCore(coreOptions);
  const snapshots: DashboardSnapshot[] = [];
  core.onSnapshot((s) => snapshots.push(s));
  return {
    core,
    clock,
    settings,
    secrets,
    notifier,
    apiFor,
    targets,
    snapshots,
    loginItems,
    emulatorStarts: () => emulatorStarts,
    emulatorClosed: () => emulatorClosed,
  };
}

describe('TrayCore', () => {
  it('starts a new user on the embedded emulator and shows its figures at once', async () => {
    const t = setup();
    await t.core.start();
    await flush();
    const snap = await t.core.getSnapshot();
    expect(snap.profiles).toMatchObject([{ id: 'local', name: 'Local emulator', usesEmulator: true, level: 'ok' }]);
    expect(snap.locale).toBe('en');
    expect(snap.account.services[0]).toMatchObject({ resourceId: TTS, state: 'running' });
    expect(snap.account.packs[0]).toMatchObject({ percentUsed: 10 });
    expect(snap.thresholds).toEqual({ warningPercent: 80, criticalPercent: 95 });
    expect(t.emulatorStarts()).toBe(1);
    expect(t.targets[0]).toMatchObject({ endpoint: EMULATOR_URL });
    await t.core.stop();
    expect(t.emulatorClosed()).toBe(1);
  });

  it('pushes snapshots to listeners (polling flag, then figures)', async () => {
    const t = setup();
    await t.core.start();
    await flush();
    expect(t.snapshots.length).toBeGreaterThan(0);
    expect(t.snapshots.at(-1)!.account.polling).toBe(false);
    expect(t.snapshots.at(-1)!.account.lastUpdatedAt).toBe(t.clock.now());
  });

  it('saves a profile: secret to the keychain only, never to settings or the renderer', async () => {
    const t = setup();
    await t.core.start();
    const view = await t.core.saveProfile(profileInput({ secretAccessKey: 'TOP-SECRET-KEY-1' }));
    const saved = view.profiles.find((p) => p.name === 'Production')!;
    expect(saved).toMatchObject({ id: 'production', hasSecret: true, accessKeyId: 'AKLTPRODUCTION0001' });
    expect(await t.secrets.get('production')).toBe('TOP-SECRET-KEY-1');
    expect(JSON.stringify(t.settings.saves)).not.toContain('TOP-SECRET-KEY-1');
    expect(JSON.stringify(view)).not.toContain('TOP-SECRET-KEY-1');
    await flush();
    expect(JSON.stringify(t.snapshots)).not.toContain('TOP-SECRET-KEY-1');
    expect(t.targets.some((x) => x.credentials.secretAccessKey === 'TOP-SECRET-KEY-1' && x.endpoint === 'https://open.volcengineapi.com')).toBe(true);
  });

  it('keeps the stored secret when the form omits it, and gives new profiles unique ids', async () => {
    const t = setup();
    await t.core.saveProfile(profileInput({ secretAccessKey: 's1-secret' }));
    await t.core.saveProfile(profileInput({ id: 'production', name: 'Prod (renamed)' }));
    expect(await t.secrets.get('production')).toBe('s1-secret');
    const second = await t.core.saveProfile(profileInput());
    expect(second.profiles.map((p) => p.id)).toEqual(['local', 'production', 'production-2']);
  });

  it('rejects an invalid profile with the reason', async () => {
    const t = setup();
    await expect(t.core.saveProfile(profileInput({ warningPercent: 96 }))).rejects.toThrow(/warningPercent must be below the critical threshold/);
    await expect(t.core.saveProfile({ ...profileInput(), hasSecret: true } as ProfileInput)).rejects.toThrow(/hasSecret is not an allowed field/);
    await expect(t.core.saveProfile(profileInput({ endpoint: 'file:///etc/passwd' }))).rejects.toThrow(/endpoint/);
  });

  it('a profile without a secret reports why instead of calling anything', async () => {
    const t = setup();
    await t.core.start();
    await t.core.saveProfile(profileInput());
    await t.core.selectProfile('production');
    await t.core.refresh();
    const snap = await t.core.getSnapshot();
    expect(snap.account.error).toMatchObject({ code: 'NoCredentials' });
    expect(snap.account.level).toBe('error');
    expect(t.apiFor('AKLTPRODUCTION0001').calls).toHaveLength(0);
  });

  it('shows the worst state across profiles in the tray; the popover shows the selected one', async () => {
    const t = setup({ secrets: {} });
    await t.core.start();
    await t.core.saveProfile(profileInput({ secretAccessKey: 'sec-prod' }));
    t.apiFor('AKLTPRODUCTION0001').used = 970_000;
    await t.core.refresh();
    const snap = await t.core.getSnapshot();
    expect(snap.activeProfileId).toBe('local');
    expect(snap.account.level).toBe('ok');
    expect(snap.profiles.map((p) => [p.id, p.level])).toEqual([
      ['local', 'ok'],
      ['production', 'critical'],
    ]);
    expect(snap.overall).toBe('critical');
    const model = t.core.trayModel();
    expect(model).toMatchObject({ overall: 'critical', maxPercentUsed: 97, figure: 97 });
    await t.core.selectProfile('production');
    expect((await t.core.getSnapshot()).account.profileId).toBe('production');
    expect(t.settings.load().activeProfileId).toBe('production');
    await expect(t.core.selectProfile('nope')).rejects.toThrow(/no profile/);
  });

  it('notifies once per threshold crossing, and again after it re-arms', async () => {
    const t = setup();
    await t.core.start();
    await flush();
    const api = t.apiFor('emulator');
    const received: string[] = [];
    t.core.onNotification((n) => received.push(n.title));
    for (const used of [850_000, 860_000, 960_000, 970_000, 100_000, 810_000]) {
      api.used = used;
      await t.core.refresh();
    }
    expect(t.notifier.notifications.map((n) => n.level)).toEqual(['warning', 'critical', 'warning']);
    expect(received).toHaveLength(3);
    expect(t.notifier.notifications[0]).toMatchObject({ title: 'Resource packs · Doubao TTS (big model): 85% used', level: 'warning' });
    expect(t.notifier.notifications[0]!.body).toContain('Local emulator');
    expect(t.notifier.notifications[0]!.body).toContain('150,000 characters left');
  });

  it('notifies when a service changes state without the user asking', async () => {
    const t = setup();
    await t.core.start();
    await flush();
    t.apiFor('emulator').status[TTS] = 'Paused';
    await t.core.refresh();
    expect(t.notifier.notifications).toHaveLength(1);
    expect(t.notifier.notifications[0]).toMatchObject({ title: 'Doubao TTS (big model) is now Paused', level: 'paused' });
    expect((await t.core.getSnapshot()).overall).toBe('paused');
  });

  it('pause: pending first, then the state the service reports, then a fresh poll; no notification', async () => {
    const t = setup();
    await t.core.start();
    await flush();
    const api = t.apiFor('emulator');
    const before = api.count('resourcePacksStatus');
    const token = await confirmFor(t.core, 'local', TTS, true);
    const outcome = t.core.setServicePaused('local', TTS, true, token);
    await flush(1);
    expect(t.snapshots.some((s) => s.account.services[0]?.pending === 'pausing' && s.account.services[0]?.state === 'running')).toBe(true);
    expect(await outcome).toEqual({ ok: true, state: 'paused', status: 'Paused' });
    await flush();
    const snap = await t.core.getSnapshot();
    expect(snap.account.services[0]).toMatchObject({ state: 'paused', pending: null });
    expect(api.count('pauseService')).toBe(1);
    expect(api.count('resourcePacksStatus')).toBe(before + 1); // immediate refresh after the action
    expect(t.notifier.notifications).toEqual([]);
  });

  it('a failed pause keeps the reported state, records why, and is not retried', async () => {
    const t = setup();
    await t.core.start();
    await flush();
    const api = t.apiFor('emulator');
    api.failNext('pauseService', apiError('PauseService', 'AccessDenied', { httpStatus: 403, hint: 'Grant the permission.' }));
    const outcome = await confirmedCommand(t.core, 'local', TTS, true);
    expect(outcome).toMatchObject({ ok: false, state: 'running', error: { code: 'AccessDenied', httpStatus: 403 } });
    await flush();
    const service = (await t.core.getSnapshot()).account.services[0]!;
    expect(service).toMatchObject({ state: 'running', pending: null, lastCommandError: { code: 'AccessDenied' } });
    expect(api.count('pauseService')).toBe(1);
    // A later poll keeps the command error on the service.
    await t.core.refresh();
    expect((await t.core.getSnapshot()).account.services[0]!.lastCommandError).toMatchObject({ code: 'AccessDenied' });
  });

  it('refuses a second command while one is pending, and unknown profiles or services', async () => {
    const t = setup();
    await t.core.start();
    await flush();
    const [token1, token2] = [await confirmFor(t.core, 'local', TTS, true), await confirmFor(t.core, 'local', TTS, true)];
    const first = t.core.setServicePaused('local', TTS, true, token1);
    const second = await t.core.setServicePaused('local', TTS, true, token2);
    expect(second).toMatchObject({ ok: false, error: { code: 'CommandInProgress' } });
    await first;
    await expect(t.core.confirmCommand({ operation: 'pause', profileId: 'ghost', resourceId: TTS })).rejects.toThrow(/no profile ghost/);
    expect(await confirmedCommand(t.core, 'local', 'volc.unknown', true)).toMatchObject({ ok: false, error: { code: 'UnknownService' } });
    expect(t.apiFor('emulator').count('pauseService')).toBe(1);
  });

  it('keeps polling on the interval, backs off while failing, and sleeps with the machine', async () => {
    const t = setup();
    await t.core.start();
    await flush();
    const api = t.apiFor('emulator');
    const polls = () => api.count('resourcePacksStatus');
    expect(polls()).toBe(1);
    await t.clock.advance(60_000);
    expect(polls()).toBe(2);
    api.failAlways('serviceStatus', apiError('ServiceStatus', 'ECONNREFUSED'));
    api.failAlways('resourcePacksStatus', apiError('ResourcePacksStatus', 'ECONNREFUSED'));
    await t.clock.advance(60_000); // fails → next in 120 s
    expect(polls()).toBe(3);
    await t.clock.advance(119_000);
    expect(polls()).toBe(3);
    await t.clock.advance(1_000);
    expect(polls()).toBe(4);
    const snap = await t.core.getSnapshot();
    expect(snap.account.level).toBe('error');
    expect(snap.account.packs[0]).toMatchObject({ percentUsed: 10 }); // last good figures
    api.clearFailures();
    t.core.suspend();
    await t.clock.advance(3_600_000);
    expect(polls()).toBe(4);
    t.core.resume();
    await flush();
    expect(polls()).toBe(5);
    expect((await t.core.getSnapshot()).account.level).toBe('ok');
  });

  it('re-judges figures when thresholds change, and starts over when the connection changes', async () => {
    const t = setup();
    await t.core.start();
    await flush();
    t.apiFor('emulator').used = 700_000;
    await t.core.refresh();
    const local = (await t.core.getSettings()).profiles[0]!;
    const { hasSecret: _h, ...form } = local;
    await t.core.saveProfile({ ...form, warningPercent: 60, criticalPercent: 90 });
    expect((await t.core.getSnapshot()).account.level).toBe('warning');
    expect(t.notifier.notifications.map((n) => n.level)).toEqual(['warning']);
    await t.core.saveProfile({ ...form, warningPercent: 60, criticalPercent: 90, projectName: 'other' });
    const reset = await t.core.getSnapshot();
    expect(reset.account.lastUpdatedAt === null || reset.account.lastUpdatedAt === t.clock.now()).toBe(true);
    await flush();
    expect(t.apiFor('emulator').calls.at(-1)!.request).toMatchObject({ ProjectName: 'other' });
  });

  it('deletes a profile with its secret; the last one falls back to the emulator', async () => {
    const t = setup();
    await t.core.start();
    await t.core.saveProfile(profileInput({ secretAccessKey: 'sec' }));
    await t.core.selectProfile('production');
    let view = await t.core.deleteProfile('production');
    expect(await t.secrets.get('production')).toBeNull();
    expect(view.activeProfileId).toBe('local');
    view = await t.core.deleteProfile('local');
    expect(view.profiles.map((p) => [p.id, p.useEmulator])).toEqual([['local', true]]);
    await expect(t.core.deleteProfile('ghost')).rejects.toThrow(/no profile/);
  });

  it('start at login goes to the OS and the settings', async () => {
    const t = setup();
    const view = await t.core.setStartAtLogin(true);
    expect(view.startAtLogin).toBe(true);
    expect(t.loginItems).toEqual([true]);
    expect(t.settings.load().startAtLogin).toBe(true);
  });

  it('test connection: a cheap read with the form’s values, the stored secret, or the emulator', async () => {
    const t = setup();
    const ok = await t.core.testConnection(profileInput({ secretAccessKey: 'typed-secret' }));
    expect(ok).toEqual({ ok: true, detail: 'Connected to https://open.volcengineapi.com: project "default" has 1 API key.', requestId: 'req-ListAPIKeys-1' });
    expect(t.apiFor('AKLTPRODUCTION0001').calls.map((c) => c.method)).toEqual(['listAPIKeys']);
    expect(await t.secrets.get('production')).toBeNull(); // testing does not save

    const missing = await t.core.testConnection(profileInput());
    expect(missing).toMatchObject({ ok: false, error: { code: 'NoCredentials' } });

    t.apiFor('AKLTPRODUCTION0001').failNext('listAPIKeys', apiError('ListAPIKeys', 'SignatureDoesNotMatch', { httpStatus: 401, message: 'sig typed-secret' }));
    const bad = await t.core.testConnection(profileInput({ secretAccessKey: 'typed-secret' }));
    expect(bad).toMatchObject({ ok: false, error: { code: 'SignatureDoesNotMatch', httpStatus: 401 } });
    expect(JSON.stringify(bad)).not.toContain('typed-secret');

    const emu = await t.core.testConnection(profileInput({ useEmulator: true }));
    expect(emu.ok).toBe(true);
  });

  it('a stored secret signs only for the endpoint it was saved with: a new endpoint needs it typed again', async () => {
    const t = setup();
    await t.core.start();
    await t.core.saveProfile(profileInput({ secretAccessKey: 'stored-secret' }));
    const profile = (await t.core.getSettings()).profiles.find((p) => p.id === 'production')!;
    expect(profile).toMatchObject({ hasSecret: true, secretEndpoint: 'https://open.volcengineapi.com' });
    const signedFor = (endpoint: string) => t.targets.filter((x) => x.endpoint === endpoint && x.credentials.secretAccessKey === 'stored-secret');
    expect(signedFor('https://open.volcengineapi.com').length).toBeGreaterThan(0);

    // "Test connection" with another endpoint in the form and the secret field empty: nothing is signed.
    const attacker = 'https://collector.example.net';
    const test = await t.core.testConnection(profileInput({ id: 'production', endpoint: attacker }));
    expect(test).toMatchObject({ ok: false, error: { code: 'SecretNeededForEndpoint', hint: 'Enter the Secret Access Key again to use it with the new endpoint.' } });
    if (!test.ok) expect(test.error.message).toBe(`Endpoint is now ${attacker}, but the stored Secret Access Key was saved for https://open.volcengineapi.com.`);
    // Saving the new endpoint without the secret is refused, and the profile stays as it was.
    await expect(t.core.saveProfile(profileInput({ id: 'production', endpoint: attacker }))).rejects.toThrow(/saved for https:\/\/open\.volcengineapi\.com/);
    expect(t.settings.load().profiles.find((p) => p.id === 'production')!.endpoint).toBe('https://open.volcengineapi.com');
    await t.core.refresh();
    expect(signedFor(attacker)).toEqual([]);

    // The same endpoint spelled with a trailing slash or another host case is the same endpoint.
    expect((await t.core.testConnection(profileInput({ id: 'production', endpoint: 'https://OPEN.volcengineapi.com/' }))).ok).toBe(true);
    // Typed again, the secret goes with the new endpoint (and from then on only with it).
    await t.core.saveProfile(profileInput({ id: 'production', endpoint: 'https://open.volcengineapi.com.example.org', secretAccessKey: 'new-secret' }));
    expect((await t.core.getSettings()).profiles.find((p) => p.id === 'production')!.secretEndpoint).toBe('https://open.volcengineapi.com.example.org');
    // An emulator profile keeps the binding while it uses the emulator, and changes nothing.
    await t.core.saveProfile(profileInput({ id: 'production', endpoint: attacker, useEmulator: true }));
    expect((await t.core.getSettings()).profiles.find((p) => p.id === 'production')!.secretEndpoint).toBe('https://open.volcengineapi.com.example.org');
    await expect(t.core.saveProfile(profileInput({ id: 'production', endpoint: attacker }))).rejects.toThrow(/Secret Access Key was saved for/);
  });

  it('a settings file whose secret belongs to another endpoint, or with plain http to a remote host, polls nothing signed', async () => {
    const base = { schemaVersion: CURRENT_SETTINGS_VERSION, activeProfileId: 'p', startAtLogin: false };
    const stored = (endpoint: string, extra: object = {}) => ({
      ...base,
      profiles: [{ ...profileInput({ endpoint }), id: 'p', watchedServices: [{ resourceId: TTS, blueprintId: 10029 }], ...extra }],
    });
    for (const [settings, code] of [
      [stored('https://elsewhere.example.net', { secretEndpoint: 'https://open.volcengineapi.com' }), 'SecretNeededForEndpoint'],
      [stored('http://open.volcengineapi.com'), 'InsecureEndpoint'],
    ] as const) {
      const t = setup({ initialSettings: settings, secrets: { p: 'file-secret' } });
      await t.core.start();
      await flush();
      expect(t.targets.filter((x) => x.credentials.secretAccessKey === 'file-secret')).toEqual([]);
      expect((await t.core.getSnapshot()).account.error).toMatchObject({ code });
      await t.core.stop();
    }
  });

  it('http:// only for loopback endpoints (127.0.0.0/8, ::1, localhost); anything else must be https', async () => {
    const t = setup();
    for (const endpoint of ['http://open.volcengineapi.com', 'http://10.0.0.8:8080', 'http://localhost.example.com', 'http://[::ffff:7f00:1]:80']) {
      await expect(t.core.saveProfile(profileInput({ endpoint, secretAccessKey: 's' })), endpoint).rejects.toThrow(
        'Invalid profile: profile.endpoint must start with https:// (http:// only for 127.0.0.1, ::1 or localhost)',
      );
      await expect(t.core.testConnection(profileInput({ endpoint, secretAccessKey: 'typed' })), endpoint).rejects.toThrow(/must start with https:\/\//);
    }
    expect(t.targets).toEqual([]);
    for (const endpoint of ['http://127.0.0.1:8080', 'http://127.9.9.9', 'http://[::1]:9000', 'http://localhost:3000']) {
      expect(await t.core.testConnection(profileInput({ endpoint, secretAccessKey: 'typed' })), endpoint).toMatchObject({ ok: true });
    }
  });

  it('pause and resume run only with a fresh one-time confirmation for exactly that command', async () => {
    const t = setup();
    await t.core.start();
    await flush();
    const api = t.apiFor('emulator');
    const sent = () => api.count('pauseService') + api.count('resumeService');
    await expect(t.core.setServicePaused('local', TTS, true)).rejects.toMatchObject({ code: 'ConfirmationRequired', message: expect.stringMatching(/needs the user's confirmation/) });
    await expect(t.core.setServicePaused('local', TTS, true, 'made-up-token-made-up-token')).rejects.toThrow(/unknown or was already used/);
    // A token for a resume does not pause; one for another service does not pause this one.
    await expect(t.core.setServicePaused('local', TTS, true, await confirmFor(t.core, 'local', TTS, false))).rejects.toThrow(/another command or service/);
    await expect(t.core.setServicePaused('local', TTS, true, await confirmFor(t.core, 'local', 'volc.bigasr.auc', true))).rejects.toThrow(/another command or service/);
    // Expired.
    const late = await confirmFor(t.core, 'local', TTS, true);
    await t.clock.advance(30_001);
    await expect(t.core.setServicePaused('local', TTS, true, late)).rejects.toThrow(/expired/);
    expect(sent()).toBe(0);
    // Used once, then never again.
    const token = await confirmFor(t.core, 'local', TTS, true);
    expect(await t.core.setServicePaused('local', TTS, true, token)).toMatchObject({ ok: true, state: 'paused' });
    await expect(t.core.setServicePaused('local', TTS, true, token)).rejects.toThrow(/already used/);
    expect(sent()).toBe(1);
  });

  it('moves a secret found in an old settings file into the keychain on start', async () => {
    const t = setup({ initialSettings: { accessKeyId: 'AKLTOLD', secretAccessKey: 'old-plain-secret' } });
    expect(JSON.stringify(t.settings.load())).not.toContain('old-plain-secret');
    await t.core.start();
    expect(await t.secrets.get('default')).toBe('old-plain-secret');
  });

  it('rate-limit use: its own notification once per crossing, and it counts towards the level', async () => {
    const t = setup();
    await t.core.start();
    await flush();
    const api = t.apiFor('emulator');
    for (const value of [50, 51, 58, 59, 10, 49]) {
      api.quota.qps!.value = value;
      await t.core.refresh();
      if (value === 50) {
        const snap = await t.core.getSnapshot();
        expect(snap.account.rateLimits[0]).toMatchObject({ quotaType: 'qps', percent: 83.3, level: 'warning' });
        expect(snap.account.packs[0]!.level).toBe('ok');
        expect([snap.account.level, snap.overall, snap.profiles[0]!.level]).toEqual(['warning', 'warning', 'warning']);
      }
    }
    expect(t.notifier.notifications.map((n) => [n.level, n.title])).toEqual([
      ['warning', 'Rate limit · Doubao TTS (big model) QPS: 83.3% of the limit'],
      ['critical', 'Rate limit · Doubao TTS (big model) QPS: 96.7% of the limit'],
      ['warning', 'Rate limit · Doubao TTS (big model) QPS: 81.7% of the limit'],
    ]);
    expect(t.notifier.notifications[0]!.body).toBe('Local emulator: QPS use passed the Warning threshold (80%); 50 of 60 in use.');
    expect(t.core.trayModel().overall).toBe('warning');
  });

  it('pack spend and rate-limit use of the same service cross separately, each with its own title', async () => {
    const t = setup();
    await t.core.start();
    await flush();
    const api = t.apiFor('emulator');
    api.used = 850_000;
    api.quota.qps!.value = 50;
    await t.core.refresh();
    expect(t.notifier.notifications.map((n) => n.title.split(' · ')[0])).toEqual(['Resource packs', 'Rate limit']);
    api.used = 100_000; // a pack was bought: only pack spend re-arms
    await t.core.refresh();
    api.used = 850_000;
    await t.core.refresh();
    expect(t.notifier.notifications.map((n) => n.title.split(' · ')[0])).toEqual(['Resource packs', 'Rate limit', 'Resource packs']);
  });

  it('a restart does not announce again what was announced; a first observation does, once', async () => {
    const busy = (api: FakeSpeechApi) => {
      api.used = 850_000;
      api.quota.qps!.value = 50;
    };
    const first = setup();
    busy(first.apiFor('emulator'));
    await first.core.start();
    await flush();
    expect(first.notifier.notifications.map((n) => n.level)).toEqual(['warning', 'warning']); // usage already high at the first start
    expect(first.settings.load().notifiedCrossings).toEqual({ local: { [TTS]: 'warning', [`rate-limit:${TTS}/qps`]: 'warning' } });
    await first.core.stop();

    const second = setup({ initialSettings: first.settings.load() });
    busy(second.apiFor('emulator'));
    await second.core.start();
    await flush();
    await second.core.refresh();
    expect(second.notifier.notifications).toEqual([]);
    // Further up is a new crossing; down re-arms, and what re-armed is announced again after the next restart.
    second.apiFor('emulator').used = 960_000;
    await second.core.refresh();
    second.apiFor('emulator').used = 100_000;
    await second.core.refresh();
    expect(second.notifier.notifications.map((n) => [n.level, n.title.split(' · ')[0]])).toEqual([['critical', 'Resource packs']]);
    expect(second.settings.load().notifiedCrossings).toEqual({ local: { [`rate-limit:${TTS}/qps`]: 'warning' } });
    await second.core.stop();

    const third = setup({ initialSettings: second.settings.load() });
    busy(third.apiFor('emulator'));
    await third.core.start();
    await flush();
    expect(third.notifier.notifications.map((n) => [n.level, n.title.split(' · ')[0]])).toEqual([['warning', 'Resource packs']]);
  });

  it('a start-up while offline keeps what was announced before', async () => {
    const t = setup({ initialSettings: { schemaVersion: 1, notifiedCrossings: { local: { [TTS]: 'warning', [`rate-limit:${TTS}/qps`]: 'warning' } } } });
    const api = t.apiFor('emulator');
    api.used = 850_000;
    api.quota.qps!.value = 50;
    for (const method of ['serviceStatus', 'resourcePacksStatus', 'quotaMonitoring', 'usageMonitoring'] as const) {
      api.failAlways(method, apiError(method, 'ECONNREFUSED'));
    }
    await t.core.start();
    await flush();
    expect((await t.core.getSnapshot()).account.level).toBe('error');
    api.clearFailures();
    await t.core.refresh();
    expect((await t.core.getSnapshot()).account.level).toBe('warning');
    expect(t.notifier.notifications).toEqual([]);
    expect(t.settings.load().notifiedCrossings).toEqual({ local: { [TTS]: 'warning', [`rate-limit:${TTS}/qps`]: 'warning' } });
  });

  it('keeps what fits the settings schema when a crossing key is unusually long', async () => {
    const t = setup();
    await t.core.start();
    await flush();
    const api = t.apiFor('emulator');
    api.quota = { qps: { value: 50, limit: 60 }, ['q'.repeat(400)]: { value: 50, limit: 60 } };
    await t.core.refresh();
    expect(t.notifier.notifications).toHaveLength(2); // both announced
    expect(t.settings.load().notifiedCrossings).toEqual({ local: { [`rate-limit:${TTS}/qps`]: 'warning' } }); // only the storable one kept
  });

  it('another account, or a deleted profile, leaves no announced crossings behind', async () => {
    const t = setup();
    await t.core.start();
    await t.core.saveProfile(profileInput({ secretAccessKey: 'sec' }));
    t.apiFor('AKLTPRODUCTION0001').used = 850_000;
    t.apiFor('emulator').quota.qps!.value = 50;
    await t.core.refresh();
    expect(Object.keys(t.settings.load().notifiedCrossings ?? {}).sort()).toEqual(['local', 'production']);

    await t.core.deleteProfile('production');
    expect(Object.keys(t.settings.load().notifiedCrossings ?? {})).toEqual(['local']);

    // New connection settings are another account: its state starts over (and its first poll announces).
    const local = (await t.core.getSettings()).profiles[0]!;
    const { hasSecret: _h, ...form } = local;
    t.apiFor('emulator').quota.qps!.value = 6;
    await t.core.saveProfile({ ...form, projectName: 'other' });
    await flush();
    expect(t.settings.load().notifiedCrossings).toBeUndefined();
  });
});

