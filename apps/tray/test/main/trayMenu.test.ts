import { describe, expect, it, vi } from 'vitest';
import type { TrayModel } from '../../src/core/trayCore.js';
import { accountLevel, emptyAccountView } from '../../src/core/accountView.js';
import { accountHeadline } from '../../src/core/headline.js';
import { aggregateProfiles, causingProfile, localizedAccount } from '../../src/core/trayCore.js';
import { worstLevel } from '../../src/shared/levels.js';
import { createI18n } from '../../src/shared/i18n/index.js';
import { buildTrayMenuTemplate, commandConfirmation, trayIconFile, trayTitle, trayTooltip, type MenuItemSpec, type TrayMenuActions } from '../../src/main/trayMenu.js';
import type { AccountView, PackBalanceView, RateLimitView, ServiceView } from '../../src/shared/bridge.js';
import { TRAY_LEVEL_ORDER } from '../../src/shared/bridge.js';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TTS = 'volc.service_type.10029';
const service = (over: Partial<ServiceView> = {}): ServiceView => ({ resourceId: TTS, label: 'Doubao TTS (big model)', status: 'Running', state: 'running', pending: null, ...over });

interface ProfileSpec {
  id: string;
  name: string;
  services?: ServiceView[];
  packs?: PackBalanceView[];
  rateLimits?: RateLimitView[];
  level?: TrayModel['overall'];
  measured?: boolean;
}

/** An account as the core builds it: level from its figures (or as given), headline computed. */
function account(p: ProfileSpec): AccountView {
  const base = { ...emptyAccountView(p.id, [TTS]), services: p.services ?? [service()], packs: p.packs ?? [], rateLimits: p.rateLimits ?? [], lastUpdatedAt: p.measured === false ? null : 1 };
  const level = p.level ?? accountLevel(base);
  return { ...base, level, headline: accountHeadline({ ...base, level }, { packsAnswered: p.measured !== false }) };
}

function model(profiles: ProfileSpec[], locale: 'en' | 'zh-CN' = 'en'): TrayModel {
  const accounts = profiles.map((p) => ({ spec: p, account: localizedAccount(account(p), locale) }));
  const summaries = accounts.map(({ spec, account: a }, i) => ({ id: spec.id, name: spec.name, usesEmulator: spec.id === 'local', level: a.level, active: i === 0, account: a, inAggregate: true }));
  const counted = new Set(aggregateProfiles(summaries).map((p) => p.id));
  for (const s of summaries) s.inAggregate = counted.has(s.id);
  const inAggregate = summaries.filter((s) => s.inAggregate);
  const causing = causingProfile(inAggregate, summaries[0]!.id);
  return {
    overall: worstLevel(inAggregate.map((p) => p.level)),
    figure: causing?.account.headline.figure ?? null,
    cause: causing ? { profileId: causing.id, profileName: causing.name, headline: causing.account.headline } : null,
    maxPercentUsed: null,
    activeProfileId: summaries[0]!.id,
    locale,
    profiles: summaries,
  };
}

const pack = (over: Partial<PackBalanceView> = {}): PackBalanceView => ({ resourceId: TTS, label: 'x', unit: '字符', purchased: 100, used: 83, remaining: 17, percentUsed: 83, level: 'warning', ...over });

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
    const template = buildTrayMenuTemplate(model([{ id: 'local', name: 'Local emulator', packs: [pack()] }]), a, { startAtLogin: false });
    expect(labels(template)).toEqual([
      'Doubao Speech: Warning · Doubao TTS (big model) 83% used',
      'Open',
      'Refresh now',
      '---',
      'Doubao TTS (big model): Running',
      'Pause Doubao TTS (big model)…',
      '---',
      'Switch account',
      'Settings…',
      'Start at login',
      '---',
      'Quit Doubao Speech',
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
    expect(byId(template, 'profile:prod')!.label).toBe('Prod (Critical)');
    expect(byId(template, `pause:prod:${TTS}`)).toBeDefined();
    const switcher = byId(template, 'switch-profile')!.submenu!;
    expect(switcher.map((i) => [i.label, i.type, i.checked])).toEqual([
      ['Local emulator (demo)', 'radio', true],
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

  it('macOS title shows the figure that caused the state', () => {
    expect(trayTitle({ figure: 84, overall: 'warning' })).toBe('84%');
    expect(trayTitle({ figure: null, overall: 'ok' })).toBe('');
    expect(trayTitle({ figure: 30, overall: 'error' })).toBe('!');
  });

  it('a calm account names its main product, not the fullest pack', () => {
    const m = model([
      {
        id: 'local',
        name: 'Local emulator',
        packs: [pack({ percentUsed: 24, used: 24, remaining: 76, level: 'ok' }), pack({ resourceId: 'volc.megatts.voiceclone', percentUsed: 70, level: 'ok' })],
      },
    ]);
    expect(m.figure).toBe(24);
    expect(trayTooltip(m)).toBe('Doubao Speech: OK · Doubao TTS (big model) 24% used\nLocal emulator (demo): OK · Doubao TTS (big model) 24% used');
  });

  it('the figure is the one that caused the state: a critical rate limit beats a calmer pack', () => {
    const m = model([
      {
        id: 'prod',
        name: 'Prod',
        packs: [pack({ percentUsed: 10, used: 10, remaining: 90, level: 'ok' })],
        rateLimits: [
          { resourceId: TTS, quotaType: 'qps', value: 30, limit: 60, percent: 50, level: 'ok' },
          { resourceId: TTS, quotaType: 'qps2', value: 97, limit: 100, percent: 97, level: 'critical' },
        ],
      },
    ]);
    expect(m.overall).toBe('critical');
    expect(m.figure).toBe(97);
    expect(buildTrayMenuTemplate(m, actions(), { startAtLogin: false })[0]!.label).toBe('Doubao Speech: Critical · qps2 97%');
    expect(trayTitle(m)).toBe('97%');
    const zh = model([{ id: 'prod', name: '生产', rateLimits: [{ resourceId: TTS, quotaType: 'qps', value: 97, limit: 100, percent: 97, level: 'critical' }] }], 'zh-CN');
    expect(buildTrayMenuTemplate(zh, actions(), { startAtLogin: false })[0]!.label).toBe('豆包语音：严重 · QPS 97%');
  });

  it('every account shows its own state; the demo leaves the aggregate once a real account exists', () => {
    const m = model([
      { id: 'prod', name: 'Prod', packs: [pack({ percentUsed: 20, used: 20, remaining: 80, level: 'ok' })] },
      { id: 'local', name: 'Local emulator', packs: [pack({ percentUsed: 99, used: 99, remaining: 1, level: 'critical' })] },
      { id: 'staging', name: 'Staging', packs: [pack()] },
    ]);
    expect(m.overall).toBe('warning');
    expect(m.cause?.profileId).toBe('staging');
    const template = buildTrayMenuTemplate(m, actions(), { startAtLogin: false });
    expect(template[0]!.label).toBe('Doubao Speech: Warning · Doubao TTS (big model) 83% used');
    expect(byId(template, 'profile:local')!.label).toBe('Local emulator (demo) (Critical · Doubao TTS (big model) 99% used)');
    expect(byId(template, 'profile:prod')!.label).toBe('Prod (OK · Doubao TTS (big model) 20% used)');
    const tooltip = trayTooltip(m);
    expect(tooltip.split('\n')[0]).toBe('Doubao Speech: Warning · Doubao TTS (big model) 83% used');
    expect(tooltip).toContain('\nProd: OK');
    const many = model(Array.from({ length: 10 }, (_, i) => ({ id: `p${i}`, name: `A long profile name ${i}` })));
    expect(trayTooltip(many).length).toBeLessThanOrEqual(127);
  });

  it('menu and tooltip in Chinese carry no English word', () => {
    const m = model([{ id: 'prod', name: '生产', packs: [pack()] }, { id: 'local', name: '演示' }], 'zh-CN');
    const text = [trayTooltip(m), ...labels(buildTrayMenuTemplate(m, actions(), { startAtLogin: false }))].join('\n');
    expect(text.match(/[A-Za-z]{3,}/g) ?? []).toEqual([]);
    expect(text).toContain('豆包语音：预警 · 豆包语音合成模型 已用 83%');
  });

  it('the pause confirmation says what pausing does', () => {
    const text = commandConfirmation('Prod', service(), true);
    expect(text.message).toBe('Pause Doubao TTS (big model)?');
    expect(text.detail).toMatch(/stops production traffic/);
    expect(commandConfirmation('Prod', service(), false).confirmLabel).toBe('Resume service');
    const zh = commandConfirmation('生产', { ...service(), label: '豆包语音合成模型' }, true, createI18n('zh-CN'));
    expect(zh).toEqual({
      message: '暂停 豆包语音合成模型？',
      detail: '账号“生产”（volc.service_type.10029）。暂停将停止生产流量：恢复之前对此服务的调用都会失败。',
      confirmLabel: '暂停服务',
      cancelLabel: '取消',
    });
  });
});
