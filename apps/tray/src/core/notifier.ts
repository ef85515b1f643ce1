/**
 * Desktop notifications: the core decides what to say, a Notifier shows it
 * (Electron's Notification in main; recorded in tests and the preview).
 */
import type { TrayNotification } from '../shared/bridge.js';
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

function formatAmount(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString('en-US') : n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

export function crossingMessage(profileName: string, crossing: ThresholdCrossing): Omit<TrayNotification, 'id' | 'at'> {
  const remaining = `${formatAmount(crossing.remaining)}${crossing.unit ? ` ${crossing.unit}` : ''} left`;
  return {
    title: `${crossing.label}: ${crossing.percentUsed}% used`,
    body: `${profileName}: quota passed the ${crossing.level} threshold (${crossing.thresholdPercent}%); ${remaining}.`,
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
