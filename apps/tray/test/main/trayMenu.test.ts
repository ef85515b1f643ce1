import { describe, expect, it, vi } from 'vitest';
import type { TrayModel } from '../../src/core/trayCore.js';
import { emptyAccountView } from '../../src/core/accountView.js';
import { buildTrayMenuTemplate, commandConfirmation, trayIconFile, trayTitle, trayTooltip, type MenuItemSpec, type TrayMenuActions } from '../../src/main/trayMenu.js';
import type { ServiceView } from '../../src/shared/bridge.js';
import { TRAY_LEVEL_ORDER } from '../../src/shared/bridge.js';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TTS = 'volc.service_type.10029';
const service = (over: Partial<ServiceView> = {}): ServiceView => ({ resourceId: TTS, label: 'Doubao TTS (big model)', status: 'Running', state: 'running', pending: null, ...over });

function model(profiles: Array<{ id: string; name: string; services?: ServiceView[]; percent?: number; level?: TrayModel['overall'] }>, overall: TrayModel['overall'] = 'ok'): TrayModel {
  return {
    overall,
    maxPercentUsed: profiles.some((p) => p.percent !== undefined) ? Math.max(...profiles.map((p) => p.percent ?? 0)) : null,
    activeProfileId: profiles[0]!.id,
    profiles: profiles.map((p, i) => ({
      id: p.id,
      name: p.name,
      usesEmulator: p.id === 'local',
      level: p.level ?? 'ok',
      active: i === 0,
      account: { ...emptyAccountView(p.id), services: p.services ?? [service()] },
    })),
  };
}

function actions(): TrayMenuActions & Record<string, ReturnType<typeof vi.fn>> {
  return {
    openPopover: vi.fn(),
    refresh: vi.fn(),
    setServicePaused: vi.fn(),
    selectProfile: vi.fn(),
    openSettings: vi.fn(),
    setStartAtLogin: vi.fn(),
    quit: vi.fn(),
  };
}

const byId = (items: MenuItemSpec[], id: string): MenuItemSpec | undefined => {
  for (const item of items) {
    if (item.id === id) return item;
    const inner = item.submenu && byId(item.submenu, id);
    if (inner) return inner;
  }
  return undefined;
};
const labels = (items: MenuItemSpec[]) => items.map((i) => (i.type === 'separator' ? '---' : i.label));

describe('tray menu template', () => {
  it('puts everything in the menu (Linux has no popover click)', () => {
    const a = actions();
    const template = buildTrayMenuTemplate(model([{ id: 'local', name: 'Local emulator', percent: 83.4 }], 'warning'), a, { startAtLogin: false });
    expect(labels(template)).toEqual([
      'Volc Speech: Quota warning · 83% used',
      'Open',
      'Refresh now',
      '---',
      'Doubao TTS (big model): Running',
      'Pause Doubao TTS (big model)…',
      '---',
      'Switch profile',
      'Settings…',
      'Start at login',
      '---',
      'Quit Volc Speech',
    ]);
    for (const [id, action] of [['open', 'openPopover'], ['refresh', 'refresh'], ['settings', 'openSettings'], ['quit', 'quit']] as const) {
      byId(template, id)!.click!();
      expect(a[action]).toHaveBeenCalledOnce();
    }
    byId(template, 'start-at-login')!.click!();
    expect(a.setStartAtLogin).toHaveBeenCalledWith(true);
  });

  it('pause/resume items go through the confirming action with the service', () => {
    const a = actions();
    const template = buildTrayMenuTemplate(model([{ id: 'local', name: 'L', services: [service({ state: 'paused', status: 'Paused' })] }]), a, { startAtLogin: true });
    expect(byId(template, `pause:local:${TTS}`)).toBeUndefined();
    byId(template, `resume:local:${TTS}`)!.click!();
    expect(a.setServicePaused).toHaveBeenCalledWith('local', expect.objectContaining({ resourceId: TTS }), false);
    expect(byId(template, 'start-at-login')!.checked).toBe(true);
  });

  it('shows progress instead of a command while one is pending, and the last failure', () => {
    const pending = buildTrayMenuTemplate(model([{ id: 'local', name: 'L', services: [service({ pending: 'pausing' })] }]), actions(), { startAtLogin: false });
    expect(labels(pending)).toContain('Pausing…');
    expect(byId(pending, `pause:local:${TTS}`)).toBeUndefined();
    const failed = buildTrayMenuTemplate(
      model([{ id: 'local', name: 'L', services: [service({ lastCommandError: { action: 'PauseService', code: 'AccessDenied', message: 'no', at: 1 } })] }]),
      actions(),
      { startAtLogin: false },
    );
    expect(labels(failed)).toContain('Last command failed: AccessDenied');
  });

  it('offers no command for a terminated or unknown service', () => {
    const template = buildTrayMenuTemplate(model([{ id: 'local', name: 'L', services: [service({ state: 'terminated', status: 'Terminated' })] }]), actions(), { startAtLogin: false });
    expect(template.some((i) => i.id?.startsWith('pause:') || i.id?.startsWith('resume:'))).toBe(false);
    const none = buildTrayMenuTemplate(model([{ id: 'local', name: 'L', services: [] }]), actions(), { startAtLogin: false });
    expect(labels(none)).toContain('No service status yet');
  });

  it('with several profiles: one submenu each, and a radio list to switch', () => {
    const a = actions();
    const template = buildTrayMenuTemplate(
      model([
        { id: 'local', name: 'Local emulator' },
        { id: 'prod', name: 'Prod', level: 'critical' },
      ]),
      a,
      { startAtLogin: false },
    );
    expect(byId(template, 'profile:prod')!.label).toBe('Prod (Quota critical)');
    expect(byId(template, `pause:prod:${TTS}`)).toBeDefined();
    const switcher = byId(template, 'switch-profile')!.submenu!;
    expect(switcher.map((i) => [i.label, i.type, i.checked])).toEqual([
      ['Local emulator (emulator)', 'radio', true],
      ['Prod', 'radio', false],
    ]);
    byId(template, 'select:prod')!.click!();
    expect(a.selectProfile).toHaveBeenCalledWith('prod');
  });
});

describe('tray icon, title, tooltip, confirmation', () => {
  it('has an icon per level: template images on macOS, colour elsewhere, all present in assets/', () => {
    const assets = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../assets');
    for (const level of TRAY_LEVEL_ORDER) {
      for (const platform of ['darwin', 'linux', 'win32'] as const) {
        const file = trayIconFile(level, platform);
        expect(fs.existsSync(path.join(assets, file)), file).toBe(true);
        expect(fs.existsSync(path.join(assets, file.replace('.png', '@2x.png'))), file).toBe(true);
      }
    }
    expect(trayIconFile('paused', 'darwin')).toBe('tray-pausedTemplate.png');
    expect(trayIconFile('critical', 'linux')).toBe('tray-critical.png');
    expect(new Set(TRAY_LEVEL_ORDER.map((l) => trayIconFile(l, 'darwin'))).size).toBe(5);
  });

  it('macOS title shows the quota %', () => {
    expect(trayTitle({ maxPercentUsed: 83.6, overall: 'warning' })).toBe('84%');
    expect(trayTitle({ maxPercentUsed: null, overall: 'ok' })).toBe('');
    expect(trayTitle({ maxPercentUsed: null, overall: 'error' })).toBe('!');
  });

  it('tooltip lists each profile and stays short', () => {
    const m = model([{ id: 'local', name: 'Local emulator' }]);
    m.profiles[0]!.account.packs = [{ resourceId: TTS, label: 'x', unit: '', purchased: 1, used: 0.5, remaining: 0.5, percentUsed: 50, level: 'ok' }];
    expect(trayTooltip(m)).toBe('Volc Speech: OK\nLocal emulator: OK, 50% used');
    const many = model(Array.from({ length: 10 }, (_, i) => ({ id: `p${i}`, name: `A long profile name ${i}` })));
    expect(trayTooltip(many).length).toBeLessThanOrEqual(127);
  });

  it('tooltip and status line also show rate-limit use, the other meaning of quota', () => {
    const m = model([{ id: 'local', name: 'Local emulator', percent: 10, level: 'critical' }], 'critical');
    m.profiles[0]!.account.packs = [{ resourceId: TTS, label: 'x', unit: '', purchased: 10, used: 1, remaining: 9, percentUsed: 10, level: 'ok' }];
    m.profiles[0]!.account.rateLimits = [
      { resourceId: TTS, quotaType: 'qps', value: 30, limit: 60, percent: 50, level: 'ok' },
      { resourceId: TTS, quotaType: 'concurrency', value: 19, limit: 20, percent: 95, level: 'critical' },
    ];
    expect(trayTooltip(m)).toBe('Volc Speech: Quota critical\nLocal emulator: Quota critical, 10% used, rate limit 95%');
    expect(buildTrayMenuTemplate(m, actions(), { startAtLogin: false })[0]!.label).toBe('Volc Speech: Quota critical · 10% used · rate limit 95%');
  });

  it('the pause confirmation says what pausing does', () => {
    const text = commandConfirmation('Prod', service(), true);
    expect(text.message).toBe('Pause Doubao TTS (big model)?');
    expect(text.detail).toMatch(/stops production traffic/);
    expect(commandConfirmation('Prod', service(), false).confirmLabel).toBe('Resume service');
  });
});
