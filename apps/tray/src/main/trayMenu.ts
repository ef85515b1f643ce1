/**
 * What the tray shows, as pure functions of the TrayModel: the icon per level, the macOS
 * title, the tooltip, the confirmation texts, and the context menu template. On Linux the
 * context menu is the whole UI (many panels never deliver a click), so everything is in it:
 * open the popover, refresh, pause/resume each service (with confirmation), switch profile,
 * settings, start at login, quit.
 */
import type { ServiceView, TrayLevel } from '../shared/bridge.js';
import type { TrayModel } from '../core/index.js';
import { causeText } from '../shared/headlineText.js';
import { createI18n, type I18n } from '../shared/i18n/index.js';

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

/**
 * Icon file per level. macOS gets template images (black + alpha, tinted by the system),
 * so the level shows in the glyph's shape: ● ok, ▲ warning, ◆ critical, ❚❚ paused, ✕ error.
 * Elsewhere the same shapes in colour.
 */
export function trayIconFile(level: TrayLevel, platform: NodeJS.Platform): string {
  return platform === 'darwin' ? `tray-${level}Template.png` : `tray-${level}.png`;
}

type ModelProfile = TrayModel['profiles'][number];

function labelsOf(profile: ModelProfile): (resourceId: string) => string {
  const labels = new Map<string, string>();
  for (const item of [...profile.account.packs, ...profile.account.services]) if (item.label) labels.set(item.resourceId, item.label);
  for (const rate of profile.account.rateLimits) if (rate.label) labels.set(rate.resourceId, rate.label);
  return (resourceId) => labels.get(resourceId) ?? resourceId;
}

function levelWord(level: TrayLevel, i18n: I18n): string {
  return i18n.t(`level.${level}`);
}

/** What drives one account's state, in words ("QPS 97%"), or '' when nothing is measured yet. */
function profileCause(profile: ModelProfile, i18n: I18n): string {
  if (profile.account.lastUpdatedAt === null && !profile.account.error) return '';
  return causeText(profile.account.headline, i18n, labelsOf(profile));
}

/** The short text beside the macOS icon: the figure that caused the state, e.g. "97%"; "!" on error. */
export function trayTitle(model: Pick<TrayModel, 'figure' | 'overall'>): string {
  if (model.overall === 'error') return '!';
  return model.figure === null ? '' : `${model.figure}%`;
}

/** Every account's state, the one that drives the tray first. */
export function trayTooltip(model: TrayModel): string {
  const i18n = createI18n(model.locale);
  const app = i18n.t('app.name');
  const causing = model.profiles.find((p) => p.id === model.cause?.profileId);
  const head = causing ? profileCause(causing, i18n) : '';
  const lines = [head ? i18n.t('menu.statusWith', { app, level: levelWord(model.overall, i18n), cause: head }) : i18n.t('menu.status', { app, level: levelWord(model.overall, i18n) })];
  for (const profile of model.profiles) {
    const cause = profileCause(profile, i18n);
    const name = profile.usesEmulator ? i18n.t('menu.demoSuffix', { name: profile.name }) : profile.name;
    lines.push(cause ? i18n.t('tooltip.profileWith', { name, level: levelWord(profile.level, i18n), cause }) : i18n.t('tooltip.profile', { name, level: levelWord(profile.level, i18n) }));
  }
  // Windows cuts tooltips at 127 characters.
  const text = lines.join('\n');
  return text.length > 127 ? `${text.slice(0, 126)}…` : text;
}

export interface ConfirmationText {
  message: string;
  detail: string;
  confirmLabel: string;
  cancelLabel: string;
}

export function commandConfirmation(profileName: string, service: Pick<ServiceView, 'label' | 'resourceId'>, paused: boolean, i18n: I18n = createI18n('en')): ConfirmationText {
  const params = { resource: service.label, name: profileName, resourceId: service.resourceId };
  return paused
    ? { message: i18n.t('dialog.pauseMessage', params), detail: i18n.t('dialog.pauseDetail', params), confirmLabel: i18n.t('dialog.pauseButton'), cancelLabel: i18n.t('dialog.cancel') }
    : { message: i18n.t('dialog.resumeMessage', params), detail: i18n.t('dialog.resumeDetail', params), confirmLabel: i18n.t('dialog.resumeButton'), cancelLabel: i18n.t('dialog.cancel') };
}

function serviceItems(profileId: string, services: ServiceView[], actions: TrayMenuActions, i18n: I18n): MenuItemSpec[] {
  if (services.length === 0) return [{ label: i18n.t('menu.noServices'), enabled: false }];
  return services.flatMap((service): MenuItemSpec[] => {
    const state = i18n.t(`service.${service.state}`);
    const status: MenuItemSpec = {
      label: i18n.t('menu.serviceState', { resource: service.label, state: service.status && service.state === 'unknown' ? `${state} (${service.status})` : state }),
      enabled: false,
    };
    if (service.pending) {
      return [status, { label: i18n.t(service.pending === 'pausing' ? 'service.pausing' : 'service.resuming'), enabled: false }];
    }
    const items: MenuItemSpec[] = [status];
    if (service.state === 'running') {
      items.push({ id: `pause:${profileId}:${service.resourceId}`, label: i18n.t('menu.pauseItem', { resource: service.label }), click: () => actions.setServicePaused(profileId, service, true) });
    } else if (service.state === 'paused') {
      items.push({ id: `resume:${profileId}:${service.resourceId}`, label: i18n.t('menu.resumeItem', { resource: service.label }), click: () => actions.setServicePaused(profileId, service, false) });
    }
    if (service.lastCommandError) items.push({ label: i18n.t('menu.lastFailed', { code: service.lastCommandError.code }), enabled: false });
    return items;
  });
}

export function buildTrayMenuTemplate(model: TrayModel, actions: TrayMenuActions, options: { startAtLogin: boolean }): MenuItemSpec[] {
  const i18n = createI18n(model.locale);
  const app = i18n.t('app.name');
  const causing = model.profiles.find((p) => p.id === model.cause?.profileId);
  const cause = causing ? profileCause(causing, i18n) : '';
  const level = levelWord(model.overall, i18n);
  const template: MenuItemSpec[] = [
    { id: 'status', label: cause ? i18n.t('menu.statusWith', { app, level, cause }) : i18n.t('menu.status', { app, level }), enabled: false },
    { id: 'open', label: i18n.t('menu.open'), click: () => actions.openPopover() },
    { id: 'refresh', label: i18n.t('menu.refresh'), click: () => actions.refresh() },
    { type: 'separator' },
  ];

  if (model.profiles.length === 1) {
    const only = model.profiles[0]!;
    template.push(...serviceItems(only.id, only.account.services, actions, i18n));
  } else {
    // Every account with its own state: one account never hides another's.
    for (const profile of model.profiles) {
      const profileCauseText = profileCause(profile, i18n);
      const name = profile.usesEmulator ? i18n.t('menu.demoSuffix', { name: profile.name }) : profile.name;
      const params = { name, level: levelWord(profile.level, i18n), cause: profileCauseText };
      template.push({
        id: `profile:${profile.id}`,
        label: profileCauseText ? i18n.t('menu.profileItemWith', params) : i18n.t('menu.profileItem', params),
        type: 'submenu',
        submenu: serviceItems(profile.id, profile.account.services, actions, i18n),
      });
    }
  }

  template.push(
    { type: 'separator' },
    {
      id: 'switch-profile',
      label: i18n.t('menu.switchProfile'),
      type: 'submenu',
      submenu: model.profiles.map((profile) => ({
        id: `select:${profile.id}`,
        label: profile.usesEmulator ? i18n.t('menu.demoSuffix', { name: profile.name }) : profile.name,
        type: 'radio' as const,
        checked: profile.active,
        click: () => actions.selectProfile(profile.id),
      })),
    },
    { id: 'settings', label: i18n.t('menu.settings'), click: () => actions.openSettings() },
    { id: 'start-at-login', label: i18n.t('menu.startAtLogin'), type: 'checkbox', checked: options.startAtLogin, click: () => actions.setStartAtLogin(!options.startAtLogin) },
    { type: 'separator' },
    { id: 'quit', label: i18n.t('menu.quit', { app }), click: () => actions.quit() },
  );
  return template;
}
