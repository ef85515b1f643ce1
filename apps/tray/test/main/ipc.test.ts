import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../../src/core/secrets/secretStore.js';
import { MemorySettingsStore } from '../../src/core/settings/memorySettingsStore.js';
import { TrayCore } from '../../src/core/trayCore.js';
import { createIpcRouter, registerIpcHandlers } from '../../src/main/ipcHandlers.js';
import { createIpcBridge, type IpcRendererLike } from '../../src/preload/ipcBridge.js';
import type { DashboardSnapshot, ProfileInput, TrayBridge } from '../../src/shared/bridge.js';
import { INVOKE_OPERATIONS, IPC_EVENT_CHANNELS, IPC_INVOKE_CHANNELS, validateInvokeArgs, validateProfileInput } from '../../src/shared/ipc.js';
import { flush } from '../support/fakeClock.js';
import { FakeSpeechApi, TTS } from '../support/fakeSpeechApi.js';
import { confirmedCommand } from '../support/confirm.js';

const good: ProfileInput = {
  name: 'Prod',
  accessKeyId: 'AKLTabc123',
  region: 'cn-north-1',
  endpoint: 'https://open.volcengineapi.com/',
  projectName: 'default',
  useEmulator: false,
  pollIntervalSec: 60,
  warningPercent: 80,
  criticalPercent: 95,
};

describe('IPC payload validators', () => {
  it('accept well-formed arguments (and normalise them)', () => {
    expect(validateInvokeArgs('getSnapshot', [])).toEqual({ ok: true, value: [] });
    expect(validateInvokeArgs('setServicePaused', ['local', TTS, true])).toEqual({ ok: true, value: ['local', TTS, true] });
    const saved = validateInvokeArgs('saveProfile', [{ ...good, name: '  Prod  ', secretAccessKey: 's' }]);
    expect(saved).toEqual({ ok: true, value: [{ ...good, name: 'Prod', endpoint: 'https://open.volcengineapi.com', secretAccessKey: 's' }] });
  });

  const bad: Array<[string, (typeof INVOKE_OPERATIONS)[number], unknown, RegExp]> = [
    ['not a list', 'refresh', 'x', /arguments must be a list/],
    ['extra argument', 'refresh', [1], /expected 0 argument/],
    ['missing argument', 'setServicePaused', ['local', TTS], /expected 4 argument/],
    ['confirmation not a string', 'setServicePaused', ['local', TTS, true, 42], /argument 4 must be a string/],
    ['unknown command', 'confirmCommand', [{ operation: 'terminate', profileId: 'local', resourceId: TTS }], /operation must be one of pause, resume/],
    ['confirmation of nothing', 'confirmCommand', [{ operation: 'pause', profileId: 'local' }], /resourceId is required/],
    ['plain http to another host', 'saveProfile', [{ ...good, endpoint: 'http://open.volcengineapi.com' }], /endpoint must start with https:\/\/ \(http:\/\/ only for 127\.0\.0\.1, ::1 or localhost\)/],
    ['plain http to a look-alike of loopback', 'testConnection', [{ ...good, endpoint: 'http://127.0.0.1.example.com' }], /must start with https:\/\//],
    ['wrong type', 'setServicePaused', ['local', TTS, 'yes'], /argument 3 must be true or false/],
    ['bad profile id', 'selectProfile', ['../etc'], /argument 1 has characters/],
    ['empty profile id', 'deleteProfile', [''], /must not be empty/],
    ['overlong resource id', 'setServicePaused', ['local', 'x'.repeat(200), true], /at most 128/],
    ['object instead of boolean', 'setStartAtLogin', [{ valueOf: () => true }], /must be true or false/],
    ['profile not an object', 'saveProfile', ['{}'], /must be an object/],
    ['profile is an array', 'saveProfile', [[good]], /must be an object/],
    ['unknown field', 'saveProfile', [{ ...good, hasSecret: true }], /hasSecret is not an allowed field/],
    ['prototype pollution', 'saveProfile', [JSON.parse(`{"__proto__": {"x": 1}, "name": "a"}`)], /__proto__ is not an allowed field/],
    ['missing field', 'saveProfile', [{ ...good, region: undefined }], /region is required/],
    ['empty name', 'saveProfile', [{ ...good, name: '   ' }], /name must not be empty/],
    ['not a URL', 'saveProfile', [{ ...good, endpoint: 'open.volcengineapi.com' }], /endpoint must be a URL/],
    ['javascript URL', 'testConnection', [{ ...good, endpoint: 'javascript:alert(1)' }], /must start with https/],
    ['URL with password', 'saveProfile', [{ ...good, endpoint: 'https://u:p@host' }], /user name or password/],
    ['poll too fast', 'saveProfile', [{ ...good, pollIntervalSec: 1 }], /between 5 and 3600/],
    ['fractional interval', 'saveProfile', [{ ...good, pollIntervalSec: 6.5 }], /whole number/],
    ['NaN threshold', 'saveProfile', [{ ...good, warningPercent: Number.NaN }], /must be a number/],
    ['inverted thresholds', 'saveProfile', [{ ...good, warningPercent: 95, criticalPercent: 80 }], /below the critical/],
    ['odd access key', 'saveProfile', [{ ...good, accessKeyId: 'AK LT' }], /accessKeyId has characters/],
    ['huge secret', 'saveProfile', [{ ...good, secretAccessKey: 'x'.repeat(10_000) }], /at most 256/],
    ['bad region', 'saveProfile', [{ ...good, region: 'CN North' }], /region has characters/],
  ];
  it.each(bad)('reject %s', (_name, operation, args, message) => {
    const result = validateInvokeArgs(operation, args);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it('reject a class instance posing as a profile', () => {
    class Sneaky {
      name = 'x';
    }
    expect(validateProfileInput(new Sneaky()).ok).toBe(false);
  });
});

describe('IPC router and handlers', () => {
  const core = { getSnapshot: async () => 'snap', setServicePaused: async (...a: unknown[]) => a } as unknown as TrayBridge;

  it('routes a valid call and rejects unknown channels and bad payloads before the core', async () => {
    const route = createIpcRouter(core);
    expect(await route(IPC_INVOKE_CHANNELS.getSnapshot, [])).toBe('snap');
    expect(await route(IPC_INVOKE_CHANNELS.setServicePaused, ['local', TTS, false])).toEqual(['local', TTS, false]);
    await expect(route('volc-speech:eval', [])).rejects.toThrow(/Unknown channel/);
    await expect(route(IPC_INVOKE_CHANNELS.setServicePaused, ['local', TTS, 1])).rejects.toThrow(/setServicePaused: argument 3/);
  });

  it('registers one handler per operation and refuses untrusted frames', async () => {
    const handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
    const ipcMain = { handle: (ch: string, fn: never) => handlers.set(ch, fn), removeHandler: (ch: string) => handlers.delete(ch) };
    const dispose = registerIpcHandlers(ipcMain as never, core, (event) => (event as unknown as { trusted: boolean }).trusted);
    expect([...handlers.keys()].sort()).toEqual(Object.values(IPC_INVOKE_CHANNELS).sort());
    const getSnapshot = handlers.get(IPC_INVOKE_CHANNELS.getSnapshot)!;
    expect(await getSnapshot({ trusted: true })).toBe('snap');
    await expect(async () => getSnapshot({ trusted: false })).rejects.toThrow(/untrusted/);
    dispose();
    expect(handlers.size).toBe(0);
  });
});

/** ipcRenderer ↔ ipcMain in one process: invoke goes through the real handlers, send reaches `on`. */
function fakeIpc() {
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  const rendererSide = new EventEmitter();
  const ipcMain = { handle: (ch: string, fn: (event: unknown, ...args: unknown[]) => unknown) => handlers.set(ch, fn), removeHandler: (ch: string) => handlers.delete(ch) };
  const ipcRenderer: IpcRendererLike = {
    // Structured clone, as Electron does: nothing but data crosses.
    invoke: async (ch, ...args) => structuredClone(await handlers.get(ch)!({ senderFrame: { url: 'file:///r/index.html' } }, ...structuredClone(args))),
    on: (ch, fn) => rendererSide.on(ch, fn),
    removeListener: (ch, fn) => rendererSide.removeListener(ch, fn),
  };
  const send = (ch: string, payload: unknown) => rendererSide.emit(ch, { sender: 'ipc-event' }, structuredClone(payload));
  return { ipcMain, ipcRenderer, send, listeners: (ch: string) => rendererSide.listenerCount(ch) };
}

describe('preload bridge → IPC → main → TrayCore', () => {
  it('implements the whole TrayBridge over IPC', async () => {
    const api = new FakeSpeechApi();
    const core = new TrayCore({
      settings: new MemorySettingsStore(),
      secrets: new MemorySecretStore(),
      apiFactory: () => api,
      startEmulator: async () => ({ url: 'http://127.0.0.1:9', credentials: { accessKeyId: 'AKLTDEMO', secretAccessKey: 'demo' }, close() {} }),
      commandConfirm: { reads: 1 },
    });
    const ipc = fakeIpc();
    registerIpcHandlers(ipc.ipcMain as never, core, () => true);
    core.onSnapshot((s) => ipc.send(IPC_EVENT_CHANNELS.snapshot, s));
    const bridge = createIpcBridge(ipc.ipcRenderer);

    const pushed: DashboardSnapshot[] = [];
    const unsubscribe = bridge.onSnapshot((s) => pushed.push(s));
    await core.start();
    await flush();
    await bridge.refresh();
    const snap = await bridge.getSnapshot();
    expect(snap.account.services[0]).toMatchObject({ state: 'running' });
    expect(pushed.length).toBeGreaterThan(0);

    await expect(bridge.setServicePaused('local', TTS, true)).rejects.toThrow(/needs the user's confirmation/);
    expect(await confirmedCommand(bridge, 'local', TTS, true)).toEqual({ ok: true, state: 'paused', status: 'Paused' });
    const settings = await bridge.saveProfile({ ...good, secretAccessKey: 'ipc-secret-value' });
    expect(JSON.stringify(settings)).not.toContain('ipc-secret-value');
    expect(settings.profiles.map((p) => p.id)).toEqual(['local', 'prod']);
    await bridge.selectProfile('prod');
    expect((await bridge.getSettings()).activeProfileId).toBe('prod');
    expect((await bridge.testConnection({ ...good, useEmulator: true })).ok).toBe(true);
    expect((await bridge.setStartAtLogin(true)).startAtLogin).toBe(true);
    expect((await bridge.deleteProfile('prod')).profiles.map((p) => p.id)).toEqual(['local']);
    await expect(bridge.saveProfile({ ...good, pollIntervalSec: 0 })).rejects.toThrow(/pollIntervalSec/);

    const navigations: string[] = [];
    bridge.onNavigate!((view) => navigations.push(view));
    ipc.send(IPC_EVENT_CHANNELS.navigate, 'settings');
    ipc.send(IPC_EVENT_CHANNELS.navigate, 'somewhere-else');
    expect(navigations).toEqual(['settings']);

    unsubscribe();
    expect(ipc.listeners(IPC_EVENT_CHANNELS.snapshot)).toBe(0);
    await core.stop();
  });

  it('never hands the IPC event object to the page', () => {
    const ipc = fakeIpc();
    const bridge = createIpcBridge(ipc.ipcRenderer);
    const received: unknown[][] = [];
    bridge.onNotification((...args: unknown[]) => received.push(args));
    ipc.send(IPC_EVENT_CHANNELS.notification, { id: 'n1', title: 't', body: 'b', level: 'ok', at: 1 });
    expect(received).toEqual([[{ id: 'n1', title: 't', body: 'b', level: 'ok', at: 1 }]]);
  });
});
