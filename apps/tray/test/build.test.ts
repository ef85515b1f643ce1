/**
 * What build.mjs produces (nx runs the build before the tests): the module formats the
 * Electron entry points need, and nothing bundled that must stay outside.
 */
import fs from 'node:fs';
import vm from 'node:vm';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (...p: string[]) => path.join(root, 'dist', ...p);
const read = (...p: string[]) => fs.readFileSync(dist(...p), 'utf8');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { main: string; scripts: Record<string, string> };

describe('build output', () => {
  it('main: dist/main/main.js is package.json main, ESM, with electron, keytar and electron-store left outside', () => {
    expect(pkg.main).toBe('dist/main/main.js');
    const main = read('main', 'main.js');
    expect(main).toMatch(/^import .* from "electron";$/m);
    expect(main).toMatch(/from "electron-store"/);
    expect(main).toMatch(/import\("keytar"\)/);
    const bare = [...main.matchAll(/(?:from |import\()"([^"]+)"/g)].map((m) => m[1]!).filter((s) => !s.startsWith('node:'));
    expect(new Set(bare)).toEqual(new Set(['electron', 'electron-store', 'keytar']));
    // The workspace packages are bundled, so a packaged app needs no workspace links.
    expect(main).toMatch(/VolcSpeechClient = class|class VolcSpeechClient/);
    expect(main).toContain('async function startEmulator');
  });

  it('preload: dist/preload/preload.cjs is CommonJS that requires electron and nothing else', () => {
    const preload = read('preload', 'preload.cjs');
    expect(preload).not.toMatch(/^\s*(import|export) /m);
    expect([...preload.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])).toEqual(['electron']);
    expect(preload).toContain('exposeInMainWorld("volcSpeech"');
  });

  it('preload: runs in a bare context with only `electron` to require, and exposes the bridge', async () => {
    const exposed: Record<string, Record<string, unknown>> = {};
    const invoked: unknown[][] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => (exposed[key] = api) },
      ipcRenderer: { invoke: async (...args: unknown[]) => invoked.push(args), on: () => {}, removeListener: () => {} },
    };
    const sandbox = { require: (id: string) => (id === 'electron' ? electron : undefined), module: { exports: {} }, exports: {} };
    vm.runInNewContext(read('preload', 'preload.cjs'), sandbox);
    expect(Object.keys(exposed)).toEqual(['volcSpeech']);
    expect(Object.keys(exposed.volcSpeech!).sort()).toEqual(
      ['confirmCommand', 'deleteProfile', 'getSettings', 'getSnapshot', 'onNavigate', 'onNotification', 'onSnapshot', 'refresh', 'saveProfile', 'selectProfile', 'setLanguage', 'setServicePaused', 'setStartAtLogin', 'testConnection'].sort(),
    );
    await (exposed.volcSpeech!.setServicePaused as (...a: unknown[]) => Promise<unknown>)('local', 'volc.service_type.10029', true, 'token-from-confirmCommand');
    expect(invoked).toEqual([['volc-speech:set-service-paused', 'local', 'volc.service_type.10029', true, 'token-from-confirmCommand']]);
  });

  it('core: dist/core/index.js loads in plain Node (the bench uses it)', async () => {
    const core = (await import(dist('core', 'index.js'))) as Record<string, unknown>;
    expect(typeof core.TrayCore).toBe('function');
    expect(typeof core.MemorySettingsStore).toBe('function');
    expect(typeof core.Poller).toBe('function');
  });

  it('renderer and preview, once their sources exist, land where main and the preview script look', () => {
    if (fs.existsSync(path.join(root, 'src/renderer/app.ts'))) {
      for (const file of ['app.js', 'index.html', 'styles.css']) expect(fs.existsSync(dist('renderer', file)), file).toBe(true);
      expect(read('renderer', 'app.js')).not.toMatch(/^\s*(import|export) /m);
    }
    if (fs.existsSync(path.join(root, 'src/preview/server.ts'))) expect(fs.existsSync(dist('preview', 'server.js'))).toBe(true);
    expect(pkg.scripts.preview).toBe('node dist/preview/server.js');
    expect(pkg.scripts.electron).toBe('electron .');
    expect(pkg.scripts.test).toBe('sh ../../scripts/with-keyring.sh vitest run');
  });
});
