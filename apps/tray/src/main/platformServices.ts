/**
 * Small Electron-facing services the core talks to through its interfaces: desktop
 * notifications and start-at-login. Electron objects are passed in (main.ts wires them).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { App, Notification as ElectronNotification, NotificationConstructorOptions } from 'electron';
import type { TrayNotification } from '../shared/bridge.js';
import type { LoginItems, Notifier } from '../core/index.js';

type NotificationClass = { new (options: NotificationConstructorOptions): ElectronNotification; isSupported(): boolean };

export class ElectronNotifier implements Notifier {
  constructor(
    private readonly NotificationImpl: NotificationClass,
    private readonly onClick: () => void = () => {},
  ) {}

  notify(notification: TrayNotification): void {
    if (!this.NotificationImpl.isSupported()) return;
    const shown = new this.NotificationImpl({
      title: notification.title,
      body: notification.body,
      silent: notification.level === 'ok',
      urgency: notification.level === 'critical' || notification.level === 'error' ? 'critical' : 'normal',
    });
    shown.on('click', () => this.onClick());
    shown.show();
  }
}

export const AUTOSTART_FILE = 'volc-speech-tray.desktop';

/** XDG autostart entry (Linux has no setLoginItemSettings). */
export function autostartDesktopEntry(exec: string): string {
  const quoted = /[\s"'\\$`]/.test(exec) ? `"${exec.replace(/(["\\$`])/g, '\\$1')}"` : exec;
  return ['[Desktop Entry]', 'Type=Application', 'Name=Doubao Speech', 'Name[zh_CN]=豆包语音', `Exec=${quoted}`, 'X-GNOME-Autostart-enabled=true', 'Terminal=false', ''].join('\n');
}

export function createLoginItems(deps: { app: Pick<App, 'setLoginItemSettings' | 'getPath'>; platform: NodeJS.Platform; execPath: string; env: NodeJS.ProcessEnv }): LoginItems {
  if (deps.platform !== 'linux') {
    return { setStartAtLogin: (enabled) => deps.app.setLoginItemSettings({ openAtLogin: enabled }) };
  }
  return {
    setStartAtLogin(enabled) {
      const dir = path.join(deps.env.XDG_CONFIG_HOME || path.join(deps.app.getPath('home'), '.config'), 'autostart');
      const file = path.join(dir, AUTOSTART_FILE);
      if (!enabled) {
        fs.rmSync(file, { force: true });
        return;
      }
      fs.mkdirSync(dir, { recursive: true });
      // An AppImage runs from a temporary mount: autostart the image file itself.
      fs.writeFileSync(file, autostartDesktopEntry(deps.env.APPIMAGE || deps.execPath));
    },
  };
}
