/**
 * Desktop notifications: the core decides what to say, a Notifier shows it
 * (Electron's Notification in main; recorded in tests and the preview).
 */
import type { TrayNotification } from '../shared/bridge.js';
import { bilingual, formatAmount, formatWithUnit, quotaTypeText } from '../shared/format.js';
import { QUOTA_MEANING_LABEL } from '../shared/levels.js';
import type { ServiceStateChange } from './accountView.js';
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

const STATE_WORDS: Record<string, string> = {
  running: 'running',
  paused: 'paused',
  terminated: 'terminated',
  notActivated: 'not activated',
  unknown: 'in an unknown state',
};

/**
 * A threshold crossing. The title starts with which "quota" it is about, in the words of the
 * popover's cards: 剩余额度 Remaining quota (pack spend) or 限流 Rate limit (QPS, concurrency).
 */
export function crossingMessage(profileName: string, crossing: ThresholdCrossing): Omit<TrayNotification, 'id' | 'at'> {
  const meaning = bilingual(QUOTA_MEANING_LABEL[crossing.meaning]);
  const threshold = `the ${crossing.level} threshold (${crossing.thresholdPercent}%)`;
  if (crossing.meaning === 'rateLimit') {
    const quotaType = quotaTypeText(crossing.quotaType);
    return {
      title: `${meaning} · ${crossing.label} ${quotaType}: ${crossing.percentUsed}% of the limit`,
      body: `${profileName}: ${quotaType} use passed ${threshold}; ${formatAmount(crossing.value)} of ${formatAmount(crossing.limit)} in use.`,
      level: crossing.level,
    };
  }
  return {
    title: `${meaning} · ${crossing.label}: ${crossing.percentUsed}% used`,
    body: `${profileName}: resource-pack use passed ${threshold}; ${formatWithUnit(crossing.remaining, crossing.unit)} left.`,
    level: crossing.level,
  };
}

export function serviceChangeMessage(profileName: string, change: ServiceStateChange): Omit<TrayNotification, 'id' | 'at'> {
  return {
    title: `${change.label} is now ${STATE_WORDS[change.to] ?? change.to}`,
    body: `${profileName}: the service changed from ${STATE_WORDS[change.from] ?? change.from} to ${STATE_WORDS[change.to] ?? change.to}${
      change.status ? ` (reported "${change.status}")` : ''
    } without a request from this app.`,
    level: change.to === 'paused' ? 'paused' : change.to === 'running' ? 'ok' : 'error',
  };
}
