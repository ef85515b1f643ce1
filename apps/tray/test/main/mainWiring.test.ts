/**
 * Electron cannot start on the build machines, so this runs the BUILT main process
 * (dist/main/main.js) in Node with `electron` and `keytar` swapped for recording fakes
 * (test/main/fixtures/), and checks the wiring: tray, menu, IPC, popover window, security
 * hooks, the pause flow with confirmation, settings on disk without the secret.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePng } from '../../src/main/trayIcon/png.js';
import { renderTrayIcon, type IconAppearance } from '../../src/main/trayIcon/renderTrayIcon.js';

const here = path.dirname(fileURLToPath(import.meta.url));
let userData: string;
let report: Record<string, unknown>;

interface ReportedImage {
  file: string | null;
  template: boolean;
  representations: Array<{ scaleFactor: number; width: number; height: number; png: string }>;
}

/** The drawn tray image is exactly the renderer's icon for this level and figure, at 1× and 2×. */
function expectDrawnIcon(image: ReportedImage, level: 'ok' | 'paused', figure: string | null, appearance: IconAppearance): void {
  expect(image.file).toBeNull();
  expect(image.representations.map((r) => [r.scaleFactor, r.width, r.height])).toEqual([
    [1, 16, 16],
    [2, 32, 32],
  ]);
  for (const rep of image.representations) {
    const decoded = decodePng(Buffer.from(rep.png, 'base64'));
    const expected = renderTrayIcon({ level, figure, scale: rep.scaleFactor as 1 | 2, appearance });
    expect([decoded.width, decoded.height]).toEqual([expected.width, expected.height]);
    expect(Buffer.from(decoded.rgba).equals(Buffer.from(expected.rgba)), `${level} ${figure} ${appearance} @${rep.scaleFactor}x`).toBe(true);
  }
}

beforeAll(async () => {
  userData = fs.mkdtempSync(path.join(os.tmpdir(), 'tray-main-'));
  const { stdout } = await promisify(execFile)(process.execPath, [path.join(here, 'fixtures/runMainWithFakeElectron.mjs')], {
    env: { ...process.env, XDG_CURRENT_DESKTOP: 'KDE', FAKE_ELECTRON_DARK: '0', FAKE_ELECTRON_USER_DATA: userData, FAKE_ELECTRON_HOME: userData, XDG_CONFIG_HOME: path.join(userData, 'config') },
    timeout: 40_000,
  });
  report = JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;
}, 60_000);
afterAll(() => fs.rmSync(userData, { recursive: true, force: true }));

describe('Electron main process wiring (fake electron)', () => {
  it('shows the tray with the Linux context menu and the level icon', () => {
    expect(report.menuLabels).toEqual(expect.arrayContaining(['Open', 'Refresh now', 'Switch account', 'Settings…', 'Start at login', 'Quit Doubao Speech']));
    expect(report.menuLabels).toContain('Pause Doubao TTS (big model)…');
    // The embedded emulator's seed keeps rate-limit use below 75% of every limit at any hour
    // (and packs well below 80% spent), so the demo account starts "OK".
    // The icon is drawn at run time with the figure that set the level (all figures are OK here).
    const figure = `${report.headlineFigure as number}%`;
    expectDrawnIcon(report.trayIcon as ReportedImage, 'ok', figure, 'light');
    // KDE follows the desktop theme: dark → the icon is redrawn for a dark panel.
    expectDrawnIcon(report.trayIconDark as ReportedImage, 'ok', figure, 'dark');
    // One app name everywhere, in the OS language (the fake Electron says en-US).
    expect(report.tooltip).toMatch(/^Doubao Speech: OK · Doubao TTS \(big model\) [\d.]+% used/);
  });

  it('registers every IPC channel, validates payloads and answers only the bundled page', () => {
    expect(report.ipcChannels).toHaveLength(11);
    expect(report.snapshot).toEqual({ overall: 'ok', services: ['running'], packs: expect.any(Number) });
    expect(report.rateLimits).toBeGreaterThan(0);
    expect(new Set(report.quotaLevels as string[])).toEqual(new Set(['ok']));
    expect(report.untrustedRejected).toBe(true);
    expect(report.badPayloadRejected).toMatch(/setServicePaused: argument 2 has characters|argument 3 must be true or false/);
  });

  it('keeps the secret out of the settings file, in the keychain, and says so', () => {
    expect(report.settingsProfiles).toEqual(['local', 'work']);
    expect(report.secretInSettingsFile).toBe(false);
    expect(report.hasSecret).toBe(true);
    expect(report.secretStore).toMatchObject({ kind: 'keychain', description: expect.stringMatching(/system keychain \(keytar\)/) });
    expect(report.safeStorageFile).toBeNull();
  });

  it('opens the locked-down popover with the built renderer and preload', () => {
    expect(report.window).toMatchObject({
      count: 1,
      loaded: path.join('..', 'renderer', 'index.html'),
      webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true },
    });
    expect(report.preloadExists).toBe(true);
  });

  it('pauses from the menu only after a confirmation, then shows the reported state', () => {
    expect(report.unconfirmedPauseRejected).toMatch(/PauseService of volc\.service_type\.10029 refused: it needs the user's confirmation first/);
    expect(report.serviceAfterUnconfirmedPause).toBe('running');
    expect(report.dialogs).toEqual(['Pause Doubao TTS (big model)?']);
    expectDrawnIcon(report.iconAfterPause as ReportedImage, 'paused', null, 'dark');
    expect(report.snapshotsSentToWindow).toBeGreaterThan(0);
    expect(report.navigate).toEqual(['settings']);
  });

  it('installs the CSP header, blocks remote requests and denies permissions', () => {
    expect(report.csp).toBe("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'");
    expect(report.remoteRequestCancelled).toBe(true);
    expect(report.permissionGranted).toBe(false);
    expect(report.quit).toBe(true);
  });
});

/** The main process as it runs where keytar did not build (no libsecret at `npm ci`): the optional dependency is absent. */
async function runMainWithoutKeytar(safeStorageBackend: string): Promise<Record<string, unknown>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tray-main-nokeytar-'));
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(here, 'fixtures/runMainWithFakeElectron.mjs')], {
      env: {
        ...process.env,
        FAKE_KEYTAR: 'missing',
        FAKE_SAFE_STORAGE_BACKEND: safeStorageBackend,
        FAKE_ELECTRON_USER_DATA: dir,
        FAKE_ELECTRON_HOME: dir,
        XDG_CONFIG_HOME: path.join(dir, 'config'),
      },
      timeout: 40_000,
    });
    const lines = stdout.trim().split('\n');
    return { ...(JSON.parse(lines.at(-1)!) as Record<string, unknown>), log: lines.slice(0, -1).join('\n') };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('Electron main process without keytar', () => {
  it('keeps secrets with Electron safeStorage: ciphertext only, mode 0600, and says which store', async () => {
    const run = await runMainWithoutKeytar('gnome_libsecret');
    expect(run.hasSecret).toBe(true);
    expect(run.secretInSettingsFile).toBe(false);
    expect(run.safeStorageFile).toEqual({ ids: ['work'], plain: false, mode: '600' });
    expect(run.secretStore).toMatchObject({ kind: 'safeStorage', description: expect.stringMatching(/Electron safeStorage \(key in gnome_libsecret\)/) });
    expect(run.log).toMatch(/keytar is not available \(keytar: Cannot find package 'keytar'/);
    // Everything else still works.
    expect(run.dialogs).toEqual(['Pause Doubao TTS (big model)?']);
  }, 60_000);

  it('keeps them in memory only, and says so, where safeStorage has no keychain for its key', async () => {
    const run = await runMainWithoutKeytar('basic_text');
    expect(run.hasSecret).toBe(true);
    expect(run.safeStorageFile).toBeNull();
    expect(run.secretStore).toMatchObject({ kind: 'memory', description: expect.stringMatching(/in memory only until you quit.*backend basic_text/) });
  }, 60_000);
});
