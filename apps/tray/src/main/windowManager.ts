/**
 * The popover window: created on first use, shown next to the tray icon, hidden when it
 * loses focus. Electron's classes are passed in, so this module loads in plain Node and
 * `popoverWindowOptions()` is unit-tested.
 */
import type { BrowserWindow, BrowserWindowConstructorOptions, Rectangle } from 'electron';

export const POPOVER_SIZE = { width: 380, height: 560 } as const;

export interface PopoverOptionsInput {
  preloadPath: string;
  /** Dev tools only in development builds. */
  devTools?: boolean;
}

/** The BrowserWindow options of the popover: a locked-down renderer. */
export function popoverWindowOptions({ preloadPath, devTools = false }: PopoverOptionsInput): BrowserWindowConstructorOptions {
  return {
    width: POPOVER_SIZE.width,
    height: POPOVER_SIZE.height,
    show: false,
    frame: false,
    resizable: false,
    movable: false,
    minimizable: false,
    maximizable: false,
    fullscreenable: false,
    skipTaskbar: true,
    alwaysOnTop: true,
    title: 'Doubao Speech',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      experimentalFeatures: false,
      spellcheck: false,
      devTools,
    },
  };
}

/**
 * Where the popover goes: under a tray icon at the top of the screen (macOS, most Linux
 * panels), above one at the bottom (Windows), centred on the icon and kept inside the work
 * area. Linux often reports empty tray bounds: then the top-right corner.
 */
export function popoverPosition(
  trayBounds: Rectangle | undefined,
  size: { width: number; height: number },
  workArea: Rectangle,
): { x: number; y: number } {
  const clampX = (x: number) => Math.min(Math.max(x, workArea.x), workArea.x + workArea.width - size.width);
  const clampY = (y: number) => Math.min(Math.max(y, workArea.y), workArea.y + workArea.height - size.height);
  if (!trayBounds || (trayBounds.width === 0 && trayBounds.height === 0)) {
    return { x: workArea.x + workArea.width - size.width, y: workArea.y };
  }
  const x = Math.round(trayBounds.x + trayBounds.width / 2 - size.width / 2);
  const trayAtTop = trayBounds.y + trayBounds.height / 2 < workArea.y + workArea.height / 2;
  const y = trayAtTop ? trayBounds.y + trayBounds.height + 4 : trayBounds.y - size.height - 4;
  return { x: clampX(x), y: clampY(y) };
}

/** What the window manager needs from Electron. */
export interface WindowManagerDeps {
  createWindow: (options: BrowserWindowConstructorOptions) => BrowserWindow;
  workAreaNear: (point: { x: number; y: number }) => Rectangle;
  rendererFile: string;
  preloadPath: string;
  devTools?: boolean;
  log?: (message: string) => void;
}

export class WindowManager {
  private window: BrowserWindow | null = null;
  /** A blur right before a tray click must not re-open the popover it just closed. */
  private hiddenAt = 0;

  constructor(private readonly deps: WindowManagerDeps) {}

  toggle(trayBounds?: Rectangle): void {
    const win = this.window;
    if (win && !win.isDestroyed() && win.isVisible()) win.hide();
    else if (Date.now() - this.hiddenAt > 250) this.show(trayBounds);
  }

  show(trayBounds?: Rectangle): void {
    const win = this.ensureWindow();
    const anchor = trayBounds && (trayBounds.width > 0 || trayBounds.height > 0) ? { x: trayBounds.x, y: trayBounds.y } : { x: 0, y: 0 };
    const { x, y } = popoverPosition(trayBounds, POPOVER_SIZE, this.deps.workAreaNear(anchor));
    win.setPosition(x, y, false);
    win.show();
    win.focus();
  }

  hide(): void {
    if (this.window && !this.window.isDestroyed()) this.window.hide();
  }

  /** Pushes an event to the page (a no-op before the window exists). */
  send(channel: string, payload: unknown): void {
    const win = this.window;
    if (win && !win.isDestroyed() && !win.webContents.isDestroyed()) win.webContents.send(channel, payload);
  }

  destroy(): void {
    if (this.window && !this.window.isDestroyed()) this.window.destroy();
    this.window = null;
  }

  private ensureWindow(): BrowserWindow {
    if (this.window && !this.window.isDestroyed()) return this.window;
    const options = popoverWindowOptions(this.deps.devTools === undefined ? { preloadPath: this.deps.preloadPath } : { preloadPath: this.deps.preloadPath, devTools: this.deps.devTools });
    const win = this.deps.createWindow(options);
    win.on('blur', () => {
      if (win.webContents.isDevToolsOpened()) return;
      this.hiddenAt = Date.now();
      win.hide();
    });
    win.on('closed', () => {
      if (this.window === win) this.window = null;
    });
    win.loadFile(this.deps.rendererFile).catch((error: unknown) => this.deps.log?.(`could not load the popover: ${(error as Error).message}`));
    this.window = win;
    return win;
  }
}
