/**
 * What the tray shows, as pure functions of the TrayModel: the icon per level, the macOS
 * title, the tooltip, the confirmation texts, and the context menu template. On Linux the
 * context menu is the whole UI (many panels never deliver a click), so everything is in it:
 * open the popover, refresh, pause/resume each service (with confirmation), switch profile,
 * settings, start at login, quit.
 */
import type { ServiceView, TrayLevel } from '../shared/bridge.js';
import type { TrayModel } from '../core/index.js';

/** Electron's MenuItemConstructorOptions, reduced to what the tray uses (plain data + click). */
export interface MenuItemSpec {
  id?: string;
  label?: string;
  type?: 'normal' | 'separator' | 'submenu' | 'checkbox' | 'radio';
  enabled?: boolean;
  checked?: boolean;
  submenu?: MenuItemSpec[];
  click?: () => void;
}

export interface TrayMenuActions {
  openPopover(): void;
  refresh(): void;
  /** Asks for confirmation, then pauses (paused = true) or resumes. */
  setServicePaused(profileId: string, service: ServiceView, paused: boolean): void;
  selectProfile(profileId: string): void;
  openSettings(): void;
  setStartAtLogin(enabled: boolean): void;
  quit(): void;
}

export const LEVEL_WORDS: Readonly<Record<TrayLevel, string>> = {
  ok: 'OK',
  warning: 'Quota warning',
  critical: 'Quota critical',
  paused: 'Service paused',
  error: 'Error / offline',
};

const STATE_WORDS: Readonly<Record<ServiceView['state'], string>> = {
  running: 'Running',
  paused: 'Paused',
  terminated: 'Terminated',
  notActivated: 'Not activated',
  unknown: 'Unknown',
};

/**
 * Icon file per level. macOS gets template images (black + alpha, tinted by the system),
 * so the level shows in the glyph's shape: ● ok, ▲ warning, ◆ critical, ❚❚ paused, ✕ error.
 * Elsewhere the same shapes in colour.
 */
export function trayIconFile(level: TrayLevel, platform: NodeJS.Platform): string {
  return platform === 'darwin' ? `tray-${level}Template.png` : `tray-${level}.png`;
}

/** The short text beside the macOS icon: the highest quota use, e.g. "83%". */
export function trayTitle(model: Pick<TrayModel, 'maxPercentUsed' | 'overall'>): string {
  if (model.maxPercentUsed === null) return model.overall === 'error' ? '!' : '';
  return `${Math.round(model.maxPercentUsed)}%`;
}

/** The highest of some percentages, or null when there are none. */
function highest(percents: readonly number[]): number | null {
  return percents.length > 0 ? Math.max(...percents) : null;
}

/** Highest rate-limit use (QuotaMonitoring) of some accounts: the other meaning of "quota", beside pack spend. */
function highestRateLimit(accounts: ReadonlyArray<TrayModel['profiles'][number]['account']>): number | null {
  return highest(accounts.flatMap((a) => a.rateLimits.map((r) => r.percent)));
}

export function trayTooltip(model: TrayModel): string {
  const lines = [`Volc Speech: ${LEVEL_WORDS[model.overall]}`];
  for (const profile of model.profiles) {
    const top = highest(profile.account.packs.map((p) => p.percentUsed));
    const rate = highestRateLimit([profile.account]);
    lines.push(
      `${profile.name}: ${LEVEL_WORDS[profile.level]}${top === null ? '' : `, ${Math.round(top)}% used`}${rate === null ? '' : `, rate limit ${Math.round(rate)}%`}`,
    );
  }
  // Windows cuts tooltips at 127 characters.
  const text = lines.join('\n');
  return text.length > 127 ? `${text.slice(0, 126)}…` : text;
}

export interface ConfirmationText {
  message: string;
  detail: string;
  confirmLabel: string;
}

export function commandConfirmation(profileName: string, service: Pick<ServiceView, 'label' | 'resourceId'>, paused: boolean): ConfirmationText {
  return paused
    ? {
        message: `Pause ${service.label}?`,
        detail: `Profile "${profileName}" (${service.resourceId}). Pausing stops production traffic: calls to this service fail until it is resumed.`,
        confirmLabel: 'Pause service',
      }
    : {
        message: `Resume ${service.label}?`,
        detail: `Profile "${profileName}" (${service.resourceId}). The service accepts calls again, and usage is billed again.`,
        confirmLabel: 'Resume service',
      };
}

function serviceItems(profileId: string, services: ServiceView[], actions: TrayMenuActions): MenuItemSpec[] {
  if (services.length === 0) return [{ label: 'No service status yet', enabled: false }];
  return services.flatMap((service): MenuItemSpec[] => {
    const status: MenuItemSpec = {
      label: `${service.label}: ${STATE_WORDS[service.state]}${service.status && service.state === 'unknown' ? ` (${service.status})` : ''}`,
      enabled: false,
    };
    if (service.pending) {
      return [status, { label: service.pending === 'pausing' ? 'Pausing…' : 'Resuming…', enabled: false }];
    }
    const items: MenuItemSpec[] = [status];
    if (service.state === 'running') {
      items.push({ id: `pause:${profileId}:${service.resourceId}`, label: `Pause ${service.label}…`, click: () => actions.setServicePaused(profileId, service, true) });
    } else if (service.state === 'paused') {
      items.push({ id: `resume:${profileId}:${service.resourceId}`, label: `Resume ${service.label}…`, click: () => actions.setServicePaused(profileId, service, false) });
    }
    if (service.lastCommandError) items.push({ label: `Last command failed: ${service.lastCommandError.code}`, enabled: false });
    return items;
  });
}

export function buildTrayMenuTemplate(model: TrayModel, actions: TrayMenuActions, options: { startAtLogin: boolean }): MenuItemSpec[] {
  const percent = model.maxPercentUsed === null ? '' : ` · ${Math.round(model.maxPercentUsed)}% used`;
  const topRate = highestRateLimit(model.profiles.map((p) => p.account));
  const rate = topRate === null ? '' : ` · rate limit ${Math.round(topRate)}%`;
  const template: MenuItemSpec[] = [
    { id: 'status', label: `Volc Speech: ${LEVEL_WORDS[model.overall]}${percent}${rate}`, enabled: false },
    { id: 'open', label: 'Open', click: () => actions.openPopover() },
    { id: 'refresh', label: 'Refresh now', click: () => actions.refresh() },
    { type: 'separator' },
  ];

  if (model.profiles.length === 1) {
    const only = model.profiles[0]!;
    template.push(...serviceItems(only.id, only.account.services, actions));
  } else {
    for (const profile of model.profiles) {
      template.push({
        id: `profile:${profile.id}`,
        label: `${profile.name} (${LEVEL_WORDS[profile.level]})`,
        type: 'submenu',
        submenu: serviceItems(profile.id, profile.account.services, actions),
      });
    }
  }

  template.push(
    { type: 'separator' },
    {
      id: 'switch-profile',
      label: 'Switch profile',
      type: 'submenu',
      submenu: model.profiles.map((profile) => ({
        id: `select:${profile.id}`,
        label: profile.usesEmulator ? `${profile.name} (emulator)` : profile.name,
        type: 'radio' as const,
        checked: profile.active,
        click: () => actions.selectProfile(profile.id),
      })),
    },
    { id: 'settings', label: 'Settings…', click: () => actions.openSettings() },
    { id: 'start-at-login', label: 'Start at login', type: 'checkbox', checked: options.startAtLogin, click: () => actions.setStartAtLogin(!options.startAtLogin) },
    { type: 'separator' },
    { id: 'quit', label: 'Quit Volc Speech', click: () => actions.quit() },
  );
  return template;
}
