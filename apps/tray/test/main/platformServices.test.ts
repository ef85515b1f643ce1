import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { autostartDesktopEntry, AUTOSTART_FILE, createLoginItems, ElectronNotifier } from '../../src/main/platformServices.js';

describe('start at login', () => {
  it('uses login items on macOS and Windows', async () => {
    const calls: unknown[] = [];
    const items = createLoginItems({ app: { setLoginItemSettings: (s: unknown) => calls.push(s), getPath: () => '/home/x' } as never, platform: 'darwin', execPath: '/x', env: {} });
    await items.setStartAtLogin(true);
    expect(calls).toEqual([{ openAtLogin: true }]);
  });

  it('writes and removes an XDG autostart entry on Linux (the AppImage itself when run from one)', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'tray-autostart-'));
    try {
      const items = createLoginItems({ app: { setLoginItemSettings: () => {}, getPath: () => home } as never, platform: 'linux', execPath: '/opt/tray/volc', env: { APPIMAGE: '/home/me/Volc Speech.AppImage' } });
      await items.setStartAtLogin(true);
      const file = path.join(home, '.config', 'autostart', AUTOSTART_FILE);
      expect(fs.readFileSync(file, 'utf8')).toContain('Exec="/home/me/Volc Speech.AppImage"');
      await items.setStartAtLogin(false);
      expect(fs.existsSync(file)).toBe(false);
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });

  it('quotes the Exec line safely', () => {
    expect(autostartDesktopEntry('/usr/bin/volc')).toContain('Exec=/usr/bin/volc\n');
    expect(autostartDesktopEntry('/a b/$x"y')).toContain('Exec="/a b/\\$x\\"y"');
  });
});

describe('ElectronNotifier', () => {
  it('shows a desktop notification, critical ones as critical', () => {
    const shown: unknown[] = [];
    class FakeNotification {
      static isSupported = () => true;
      constructor(readonly options: unknown) {}
      on() {}
      show() {
        shown.push(this.options);
      }
    }
    new ElectronNotifier(FakeNotification as never).notify({ id: 'n1', title: 'T', body: 'B', level: 'critical', at: 1 });
    expect(shown).toEqual([{ title: 'T', body: 'B', silent: false, urgency: 'critical' }]);
  });
});
