/**
 * The Electron main process: wiring only. Each service has one job (core: poller, state,
 * commands; settings store; secret store; tray presenter; window manager) and is built here.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeImage, nativeTheme, Notification, powerMonitor, safeStorage, screen, session, shell, Tray } from 'electron';
import ElectronStore from 'electron-store';
import { FileSettingsStore, openSecretStore, TrayCore, type KeyValueFile } from '../core/index.js';
import type { ServiceView } from '../shared/bridge.js';
import { IPC_EVENT_CHANNELS } from '../shared/ipc.js';
import { registerIpcHandlers } from './ipcHandlers.js';
import { createLoginItems, ElectronNotifier } from './platformServices.js';
import { installSecurity, isTrustedSenderUrl } from './security.js';
import { panelAppearance, readWindowsTaskbarLight } from './trayIcon/appearance.js';
import { createTrayImage } from './trayIconImage.js';
import { errorHintKey } from '../shared/headlineText.js';
import { commandConfirmation } from './trayMenu.js';
import { TrayPresenter } from './trayPresenter.js';
import { WindowManager } from './windowManager.js';

const distDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const assetsDir = path.resolve(distDir, '..', 'assets');
const rendererFile = path.join(distDir, 'renderer', 'index.html');
const rendererUrl = pathToFileURL(rendererFile).href;
const rendererDirUrl = pathToFileURL(path.dirname(rendererFile)).href;
const preloadPath = path.join(distDir, 'preload', 'preload.cjs');
const log = (message: string) => console.log(`[volc-speech-tray] ${message}`);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // A tray app keeps running with no window open.
  app.on('window-all-closed', () => {});
  app.whenReady().then(start, (error: unknown) => {
    log(`failed to start: ${(error as Error).message}`);
    app.exit(1);
  });
}

async function start(): Promise<void> {
  if (process.platform === 'darwin') app.dock?.hide();
  installSecurity({ app, session: session.defaultSession, rendererUrl, rendererDirUrl, log, openExternal: (url) => void shell.openExternal(url) });

  const settings = new FileSettingsStore({
    directory: app.getPath('userData'),
    open: (options) =>
      new ElectronStore({
        cwd: options.cwd,
        name: options.name,
        schema: options.schema,
        rootSchema: options.rootSchema,
      } as unknown as ConstructorParameters<typeof ElectronStore>[0]) as unknown as KeyValueFile,
    log,
  });
  // The keychain through keytar where it built and answers; else Electron's safeStorage; else memory (said in settings).
  const secrets = await openSecretStore({ safeStorage, directory: app.getPath('userData'), log });

  const windows = new WindowManager({
    createWindow: (options) => new BrowserWindow(options),
    workAreaNear: (point) => screen.getDisplayNearestPoint(point).workArea,
    rendererFile,
    preloadPath,
    devTools: !app.isPackaged,
    log,
  });
  const tray = new Tray(nativeImage.createEmpty());

  const core = new TrayCore({
    settings,
    secrets,
    notifier: new ElectronNotifier(Notification, () => windows.show(tray.getBounds())),
    loginItems: createLoginItems({ app, platform: process.platform, execPath: process.execPath, env: process.env }),
    systemLocale: app.getLocale(),
    log,
  });

  const confirmAndRun = async (profileId: string, service: ServiceView, paused: boolean) => {
    const profileName = core.trayModel().profiles.find((p) => p.id === profileId)?.name ?? profileId;
    const i18n = core.i18n();
    const text = commandConfirmation(profileName, service, paused, i18n);
    const answer = await dialog.showMessageBox({
      type: paused ? 'warning' : 'question',
      message: text.message,
      detail: text.detail,
      buttons: [text.confirmLabel, text.cancelLabel],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    });
    if (answer.response !== 0) return;
    // The same confirmation step as the popover's: the core runs the command only with this token.
    const { token } = await core.confirmCommand({ operation: paused ? 'pause' : 'resume', profileId, resourceId: service.resourceId });
    const outcome = await core.setServicePaused(profileId, service.resourceId, paused, token);
    if (!outcome.ok) {
      const hintKey = errorHintKey(outcome.error);
      await dialog.showMessageBox({
        type: 'error',
        message: i18n.t(paused ? 'dialog.pauseFailed' : 'dialog.resumeFailed', { resource: service.label }),
        detail: [
          `${outcome.error.code}${outcome.error.httpStatus ? ` (HTTP ${outcome.error.httpStatus})` : ''}: ${outcome.error.message}`,
          outcome.error.requestId ? `RequestId: ${outcome.error.requestId}` : '',
          hintKey ? i18n.t(hintKey) : '',
          i18n.t('dialog.reports', { status: outcome.status || i18n.t(`service.${outcome.state}`) }),
        ]
          .filter(Boolean)
          .join('\n\n'),
      });
    }
  };

  let startAtLogin = (await core.getSettings()).startAtLogin;
  let windowsTaskbarLight: boolean | null = null;
  const presenter = new TrayPresenter({
    tray,
    platform: process.platform,
    buildMenu: (template) => Menu.buildFromTemplate(template),
    loadIcon: (file) => {
      const image = nativeImage.createFromPath(path.join(assetsDir, file));
      if (process.platform === 'darwin') image.setTemplateImage(true);
      return image;
    },
    drawIcon: (spec, appearance) => createTrayImage(nativeImage, spec, appearance),
    appearance: () => panelAppearance({ platform: process.platform, osUsesDarkColors: nativeTheme.shouldUseDarkColors, env: process.env, windowsTaskbarLight }),
    log,
    onClick: () => windows.toggle(tray.getBounds()),
    actions: {
      openPopover: () => windows.show(tray.getBounds()),
      refresh: () => void core.refresh(),
      setServicePaused: (profileId, service, paused) => void confirmAndRun(profileId, service, paused),
      selectProfile: (profileId) => void core.selectProfile(profileId),
      openSettings: () => {
        windows.show(tray.getBounds());
        windows.send(IPC_EVENT_CHANNELS.navigate, 'settings');
      },
      setStartAtLogin: (enabled) =>
        void core.setStartAtLogin(enabled).then((s) => {
          startAtLogin = s.startAtLogin;
          presenter.render(core.trayModel(), { startAtLogin });
        }),
      quit: () => app.quit(),
    },
  });

  registerIpcHandlers(ipcMain, core, (event) => isTrustedSenderUrl(event.senderFrame?.url, rendererUrl));
  core.onSnapshot((snapshot) => {
    windows.send(IPC_EVENT_CHANNELS.snapshot, snapshot);
    presenter.render(core.trayModel(), { startAtLogin });
  });
  core.onNotification((notification) => windows.send(IPC_EVENT_CHANNELS.notification, notification));

  // A dark/light switch redraws the tray icon for the new panel colour (on Windows the taskbar
  // has its own switch, read from the registry).
  const readPanelTheme = async () => {
    if (process.platform === 'win32') {
      windowsTaskbarLight = await readWindowsTaskbarLight(async (file, args) => (await promisify(execFile)(file, args, { windowsHide: true })).stdout);
    }
    presenter.render(core.trayModel(), { startAtLogin });
  };
  nativeTheme.on('updated', () => void readPanelTheme());
  void readPanelTheme();
  powerMonitor.on('suspend', () => core.suspend());
  powerMonitor.on('resume', () => core.resume());
  app.on('before-quit', () => {
    windows.destroy();
    void core.stop();
  });

  presenter.render(core.trayModel(), { startAtLogin });
  await core.start();
}
