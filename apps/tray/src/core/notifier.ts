/**
 * Desktop notifications: the core decides what to say, in the app's language, and a Notifier
 * shows it (Electron's Notification in main; recorded in tests and the preview).
 */
import type { TrayNotification } from '../shared/bridge.js';
import type { I18n, MessageKey } from '../shared/i18n/index.js';
import type { ServiceStateChange } from './accountView.js';
import type { ExpiryWarning } from './expiry.js';
import { resourceLabel } from './resources.js';
import type { ThresholdCrossing } from './thresholds.js';

export interface Notifier {
  notify(notification: TrayNotification): void;
}

export class RecordingNotifier implements Notifier {
  readonly notifications: TrayNotification[] = [];
  notify(notification: TrayNotification): void {
    this.notifications.push(notification);
  }
}

const STATE_KEYS: Readonly<Record<string, MessageKey>> = {
  running: 'service.running',
  paused: 'service.paused',
  terminated: 'service.terminated',
  notActivated: 'service.notActivated',
  unknown: 'service.unknown',
};

function stateWord(state: string, i18n: I18n): string {
  const key = Object.hasOwn(STATE_KEYS, state) ? STATE_KEYS[state] : undefined;
  return key ? i18n.t(key) : state;
}

/**
 * A threshold crossing. The title starts with which "quota" it is about, in the words of the
 * popover's cards: resource packs (what is left to spend) or rate limit (QPS, concurrency).
 */
export function crossingMessage(profileName: string, crossing: ThresholdCrossing, i18n: I18n): Omit<TrayNotification, 'id' | 'at'> {
  const resource = resourceLabel(crossing.resourceId, crossing.label, i18n.locale);
  const level = i18n.t(`level.${crossing.level}`);
  const threshold = i18n.percent(crossing.thresholdPercent);
  if (crossing.meaning === 'rateLimit') {
    const quotaType = i18n.quotaType(crossing.quotaType);
    return {
      title: i18n.t('notify.rateTitle', { resource, quotaType, percent: i18n.percent(crossing.percentUsed) }),
      body: i18n.t('notify.rateBody', { profile: profileName, quotaType, level, threshold, value: i18n.number(crossing.value), limit: i18n.number(crossing.limit) }),
      level: crossing.level,
    };
  }
  return {
    title: i18n.t('notify.packTitle', { resource, percent: i18n.percent(crossing.percentUsed) }),
    body: i18n.t('notify.packBody', { profile: profileName, level, threshold, left: i18n.amount(crossing.remaining, crossing.unit) }),
    level: crossing.level,
  };
}

export function serviceChangeMessage(profileName: string, change: ServiceStateChange, i18n: I18n): Omit<TrayNotification, 'id' | 'at'> {
  const resource = resourceLabel(change.resourceId, change.label, i18n.locale);
  return {
    title: i18n.t('notify.serviceTitle', { resource, state: stateWord(change.to, i18n) }),
    body: i18n.t('notify.serviceBody', { profile: profileName, from: stateWord(change.from, i18n), to: stateWord(change.to, i18n) }),
    level: change.to === 'paused' ? 'paused' : change.to === 'running' ? 'ok' : 'error',
  };
}

export function expiryMessage(profileName: string, warning: ExpiryWarning, i18n: I18n): Omit<TrayNotification, 'id' | 'at'> {
  const resource = resourceLabel(warning.resourceId, undefined, i18n.locale);
  return {
    title: i18n.t('notify.expiryTitle', { resource, relative: i18n.relativeDays(warning.days) }),
    body: i18n.t('notify.expiryBody', { profile: profileName, left: i18n.amount(warning.remaining, warning.unit), date: i18n.date(warning.at) }),
    level: warning.step <= 1 ? 'critical' : 'warning',
  };
}
