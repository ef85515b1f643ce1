/**
 * TrayPresenter's icon: drawn at run time with the level and the figure that caused it, redrawn
 * when the panel turns dark, the static file only when drawing throws. The Electron objects are
 * recording fakes; createTrayImage runs for real (PNG per scale).
 */
import { describe, expect, it } from 'vitest';
import { emptyAccountView } from '../../src/core/accountView.js';
import { accountHeadline } from '../../src/core/headline.js';
import type { TrayModel } from '../../src/core/trayCore.js';
import { decodePng } from '../../src/main/trayIcon/png.js';
import { panelAppearance, parseSystemUsesLightTheme, readWindowsTaskbarLight, WINDOWS_THEME_KEY } from '../../src/main/trayIcon/appearance.js';
import { renderTrayIcon, type IconAppearance } from '../../src/main/trayIcon/renderTrayIcon.js';
import { createTrayImage } from '../../src/main/trayIconImage.js';
import { trayIconSpec, type TrayIconSpec } from '../../src/main/trayIconSpec.js';
import { TrayPresenter } from '../../src/main/trayPresenter.js';
import type { TrayLevel } from '../../src/shared/bridge.js';

const TTS = 'volc.service_type.10029';

function model(overall: TrayLevel, figures: { packs?: Array<[number, TrayLevel]>; rates?: Array<[number, TrayLevel]> } = {}, measured = true): TrayModel {
  const account = {
    ...emptyAccountView('local'),
    lastUpdatedAt: measured ? 1 : null,
    level: overall,
    packs: (figures.packs ?? []).map(([percentUsed, level]) => ({ resourceId: TTS, label: 'TTS', unit: 'chars', purchased: 100, used: percentUsed, remaining: 100 - percentUsed, percentUsed, level })),
    rateLimits: (figures.rates ?? []).map(([percent, level]) => ({ resourceId: TTS, quotaType: 'qps', value: percent, limit: 100, percent, level })),
  };
  const withHeadline = { ...account, headline: accountHeadline(account, { packsAnswered: measured }) };
  return {
    overall,
    figure: withHeadline.headline.figure,
    cause: { profileId: 'local', profileName: 'Local', headline: withHeadline.headline },
    maxPercentUsed: null,
    activeProfileId: 'local',
    locale: 'en',
    profiles: [{ id: 'local', name: 'Local', usesEmulator: true, level: overall, active: true, account: withHeadline, inAggregate: true }],
  };
}

describe('trayIconSpec: the level and the figure that caused it', () => {
  it.each<[string, TrayModel, TrayIconSpec]>([
    ['rate limit drives critical, not the pack', model('critical', { packs: [[24, 'ok']], rates: [[97, 'critical']] }), { level: 'critical', figure: '97%' }],
    ['pack drives warning', model('warning', { packs: [[83.4, 'warning'], [10, 'ok']], rates: [[40, 'ok']] }), { level: 'warning', figure: '83%' }],
    ['ok shows the main product, not the highest use', model('ok', { packs: [[24, 'ok']], rates: [[61.6, 'ok']] }), { level: 'ok', figure: '24%' }],
    ['error', model('error', { packs: [[24, 'ok']] }), { level: 'error', figure: '!' }],
    ['paused: the glyph says it', model('paused', { packs: [[24, 'ok']] }), { level: 'paused', figure: null }],
    ['nothing measured yet', model('ok', {}, false), { level: 'unknown', figure: null }],
    ['measured, no figures', model('ok'), { level: 'ok', figure: null }],
  ])('%s', (_name, m, expected) => {
    expect(trayIconSpec(m)).toEqual(expected);
  });
});

describe('panelAppearance', () => {
  const at = (platform: NodeJS.Platform, osUsesDarkColors: boolean, env: Record<string, string> = {}, windowsTaskbarLight: boolean | null = null) =>
    panelAppearance({ platform, osUsesDarkColors, env, windowsTaskbarLight });

  it('templates on macOS, dark on GNOME whatever the theme, the desktop theme on KDE', () => {
    expect(at('darwin', false)).toBe('template');
    expect(at('linux', false, { XDG_CURRENT_DESKTOP: 'ubuntu:GNOME' })).toBe('dark');
    expect(at('linux', false, { XDG_CURRENT_DESKTOP: 'KDE' })).toBe('light');
    expect(at('linux', true, { XDG_CURRENT_DESKTOP: 'KDE' })).toBe('dark');
  });

  it("on Windows the taskbar's own theme wins over the apps' theme (Windows 10 default: dark taskbar, light apps)", () => {
    expect(at('win32', false, {}, false)).toBe('dark');
    expect(at('win32', true, {}, true)).toBe('light');
    expect(at('win32', true)).toBe('dark'); // taskbar unknown: the apps' theme
  });

  it("reads the taskbar's theme from reg.exe's answer", async () => {
    const answer = (value: string) => `\r\nHKEY_CURRENT_USER\\${WINDOWS_THEME_KEY.slice(5)}\r\n    SystemUsesLightTheme    REG_DWORD    ${value}\r\n\r\n`;
    expect(parseSystemUsesLightTheme(answer('0x0'))).toBe(false);
    expect(parseSystemUsesLightTheme(answer('0x1'))).toBe(true);
    expect(parseSystemUsesLightTheme('ERROR: The system was unable to find the specified registry key or value.')).toBeNull();
    const calls: string[][] = [];
    expect(await readWindowsTaskbarLight(async (file, args) => (calls.push([file, ...args]), answer('0x1')))).toBe(true);
    expect(calls).toEqual([['reg', 'query', WINDOWS_THEME_KEY, '/v', 'SystemUsesLightTheme']]);
    expect(
      await readWindowsTaskbarLight(async () => {
        throw new Error('reg: not found');
      }),
    ).toBeNull();
  });
});

interface FakeImage {
  file?: string;
  representations: Array<{ scaleFactor: number; buffer: Buffer }>;
  template: boolean;
}

function fakeNativeImage() {
  return {
    createEmpty: () => {
      const image = {
        representations: [] as FakeImage['representations'],
        template: false,
        addRepresentation(options: { scaleFactor: number; buffer: Buffer }) {
          image.representations.push(options);
        },
        isEmpty: () => image.representations.length === 0,
        setTemplateImage(on: boolean) {
          image.template = on;
        },
      };
      return image as never;
    },
  };
}

function presenter(platform: NodeJS.Platform, options: { appearance: () => IconAppearance; draw?: 'real' | 'throws' }) {
  const set: FakeImage[] = [];
  const logs: string[] = [];
  const tray = { on() {}, setImage: (image: FakeImage) => set.push(image), setTitle() {}, setToolTip() {}, setContextMenu() {}, popUpContextMenu() {} };
  const images = fakeNativeImage();
  const p = new TrayPresenter({
    tray: tray as never,
    platform,
    buildMenu: (template) => template as never,
    loadIcon: (file) => ({ file, representations: [], template: false }) as never,
    drawIcon:
      options.draw === 'throws'
        ? () => {
            throw new Error('no PNG today');
          }
        : (spec, appearance) => createTrayImage(images, spec, appearance),
    appearance: options.appearance,
    log: (m) => logs.push(m),
    actions: { openPopover() {}, refresh() {}, setServicePaused() {}, selectProfile() {}, openSettings() {}, setStartAtLogin() {}, quit() {} },
    onClick() {},
  });
  return { p, set, logs };
}

const pixels = (image: FakeImage, scale: number) => Buffer.from(decodePng(image.representations.find((r) => r.scaleFactor === scale)!.buffer).rgba);
const expected = (level: Parameters<typeof renderTrayIcon>[0]['level'], figure: string | null, appearance: IconAppearance, scale: 1 | 2) =>
  Buffer.from(renderTrayIcon({ level, figure, appearance, scale }).rgba);

describe('TrayPresenter icon', () => {
  it('draws level + figure at 1× and 2×, redraws only on change, and for a dark panel when the theme flips', () => {
    let appearance: IconAppearance = 'light';
    const { p, set } = presenter('win32', { appearance: () => appearance });
    const critical = model('critical', { packs: [[24, 'ok']], rates: [[97, 'critical']] });
    p.render(critical, { startAtLogin: false });
    expect(set).toHaveLength(1);
    expect(pixels(set[0]!, 1).equals(expected('critical', '97%', 'light', 1))).toBe(true);
    expect(pixels(set[0]!, 2).equals(expected('critical', '97%', 'light', 2))).toBe(true);

    p.render(critical, { startAtLogin: false });
    expect(set).toHaveLength(1); // same icon: not set again

    appearance = 'dark';
    p.render(critical, { startAtLogin: false });
    expect(set).toHaveLength(2);
    expect(pixels(set[1]!, 1).equals(expected('critical', '97%', 'dark', 1))).toBe(true);

    p.render(model('critical', { rates: [[98, 'critical']] }), { startAtLogin: false });
    expect(pixels(set[2]!, 2).equals(expected('critical', '98%', 'dark', 2))).toBe(true);
  });

  it('on macOS: a template image without the figure (the title beside it carries it)', () => {
    const { p, set } = presenter('darwin', { appearance: () => 'template' });
    p.render(model('warning', { packs: [[83, 'warning']] }), { startAtLogin: false });
    expect(set[0]!.template).toBe(true);
    expect(pixels(set[0]!, 2).equals(expected('warning', null, 'template', 2))).toBe(true);
  });

  it('falls back to the static file when drawing throws, and says so in the log', () => {
    const { p, set, logs } = presenter('linux', { appearance: () => 'dark', draw: 'throws' });
    p.render(model('paused', { packs: [[24, 'ok']] }), { startAtLogin: false });
    expect(set[0]!.file).toBe('tray-paused.png');
    expect(logs).toEqual(['tray icon: drawing failed (no PNG today); using the static icon']);
  });
});
