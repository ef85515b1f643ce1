/**
 * An in-memory TrayBridge with fixed figures, for looking at states the emulator does not
 * easily produce (pending commands, terminated services, long names) and at the dark theme.
 * The tests of behaviour use the real core and the emulator instead.
 */
import { accountHeadline } from '../../src/core/headline.js';
import { localizedAccount } from '../../src/core/trayCore.js';
import { knownServiceViews } from '../../src/core/resources.js';
import { ConfirmationGate } from '../../src/core/confirmations.js';
import { systemClock } from '../../src/core/clock.js';
import type {
  CommandConfirmation,
  CommandConfirmationRequest,
  AccountView,
  LanguageSetting,
  CommandOutcome,
  ConnectionTestResult,
  DashboardSnapshot,
  ProfileInput,
  ServiceStateView,
  SettingsView,
  TrayBridge,
  TrayNotification,
} from '../../src/shared/bridge.js';

const HOUR = 3_600_000;

const TTS_WATCHED = { resourceId: 'volc.service_type.10029', blueprintId: 10029 };

/** An account with its headline computed by the core's own function, named in `locale`. */
export function withHeadline(account: Omit<AccountView, 'headline' | 'nextPollAt' | 'watched'> & Partial<AccountView>, locale: 'en' | 'zh-CN' = 'en'): AccountView {
  const base = { nextPollAt: null, watched: [TTS_WATCHED.resourceId], ...account };
  return localizedAccount({ ...base, headline: accountHeadline(base, { packsAnswered: true }) }, locale);
}

export function sampleSnapshot(now = Date.now(), locale: 'en' | 'zh-CN' = 'en'): DashboardSnapshot {
  const points = Array.from({ length: 24 }, (_, i) => ({
    label: `${String((new Date(now - (23 - i) * HOUR).getHours())).padStart(2, '0')}:00`,
    value: Math.round(800 + 600 * Math.sin(i / 3) + i * 40),
  }));
  return {
    profiles: [
      { id: 'prod', name: 'Production 生产', usesEmulator: false, level: 'warning' },
      { id: 'local', name: 'Local emulator', usesEmulator: true, level: 'ok' },
    ],
    activeProfileId: 'prod',
    overall: 'warning',
    thresholds: { warningPercent: 80, criticalPercent: 95 },
    now,
    locale,
    account: withHeadline({
      profileId: 'prod',
      lastUpdatedAt: now - 7_000,
      polling: false,
      error: null,
      level: 'warning',
      packs: [
        { resourceId: 'volc.service_type.10029', label: 'Doubao TTS (big model)', unit: '万字符', purchased: 2000, used: 1712.5, remaining: 287.5, percentUsed: 85.6, level: 'warning', expires: '2026-03-31' },
        { resourceId: 'volc.bigasr.sauc.duration', label: 'Streaming ASR 1.0', unit: '小时', purchased: 500, used: 121.25, remaining: 378.75, percentUsed: 24.3, level: 'ok' },
        { resourceId: 'volc.megatts.voiceclone', label: 'Voice clone slots with a rather long product name', unit: '个', purchased: 10, used: 9, remaining: 1, percentUsed: 90, level: 'warning' },
      ],
      rateLimits: [
        { resourceId: 'volc.service_type.10029', quotaType: 'qps', value: 7, limit: 10, percent: 70 },
        { resourceId: 'volc.bigasr.sauc.concurrent', quotaType: 'concurrency', value: 19, limit: 20, percent: 95 },
      ],
      usageTrends: [{ resourceId: 'volc.service_type.10029', unit: '字', points }],
      services: [
        { resourceId: 'volc.service_type.10029', label: 'Doubao TTS (big model)', status: 'Running', state: 'running', pending: null },
        { resourceId: 'volc.bigasr.auc', label: 'File ASR', status: 'Paused', state: 'paused', pending: 'resuming' },
        {
          resourceId: 'volc.service_type.10050',
          label: 'Podcast',
          status: 'Terminated',
          state: 'terminated',
          pending: null,
          lastCommandError: { action: 'ResumeService', httpStatus: 403, code: 'AccessDenied', message: 'The service is terminated and cannot be resumed.', requestId: '20250101120000ABCDEF0123456789', at: now - 3_000 },
        },
      ],
    }, locale),
  };
}

export class FakeBridge implements TrayBridge {
  snapshot: DashboardSnapshot;
  private readonly snapshotListeners = new Set<(s: DashboardSnapshot) => void>();
  private readonly notificationListeners = new Set<(n: TrayNotification) => void>();
  settings: SettingsView = {
    activeProfileId: 'prod',
    startAtLogin: false,
    profiles: [
      { id: 'prod', name: 'Production 生产', accessKeyId: 'AKLTexample', hasSecret: true, region: 'cn-north-1', endpoint: 'https://open.volcengineapi.com', projectName: 'default', useEmulator: false, pollIntervalSec: 60, warningPercent: 80, criticalPercent: 95, watchedServices: [TTS_WATCHED] },
      { id: 'local', name: 'Local emulator', accessKeyId: '', hasSecret: false, region: 'cn-north-1', endpoint: 'https://open.volcengineapi.com', projectName: 'default', useEmulator: true, pollIntervalSec: 60, warningPercent: 80, criticalPercent: 95, watchedServices: [TTS_WATCHED] },
    ],
    language: 'system',
    locale: 'en',
    knownServices: knownServiceViews('en'),
    defaultWatchedServices: [TTS_WATCHED],
  };

  /** What saveProfile and selectProfile were asked, in order (the first-run test reads them). */
  readonly saved: ProfileInput[] = [];
  readonly selected: string[] = [];

  constructor(snapshot: DashboardSnapshot = sampleSnapshot()) {
    this.snapshot = snapshot;
  }

  push(snapshot: DashboardSnapshot): void {
    this.snapshot = snapshot;
    for (const listener of this.snapshotListeners) listener(snapshot);
  }

  notify(notification: TrayNotification): void {
    for (const listener of this.notificationListeners) listener(notification);
  }

  async getSnapshot(): Promise<DashboardSnapshot> {
    return this.snapshot;
  }
  onSnapshot(listener: (s: DashboardSnapshot) => void): () => void {
    this.snapshotListeners.add(listener);
    return () => this.snapshotListeners.delete(listener);
  }
  onNotification(listener: (n: TrayNotification) => void): () => void {
    this.notificationListeners.add(listener);
    return () => this.notificationListeners.delete(listener);
  }
  async refresh(): Promise<void> {
    this.push({ ...this.snapshot, now: Date.now() });
  }
  /** The real gate, so the page's confirmation step is exercised against the fake too. */
  private readonly confirmations = new ConfirmationGate(systemClock);
  async confirmCommand(request: CommandConfirmationRequest): Promise<CommandConfirmation> {
    return this.confirmations.issue(request);
  }
  async setServicePaused(profileId: string, resourceId: string, paused: boolean, confirmation?: string): Promise<CommandOutcome> {
    this.confirmations.consume({ operation: paused ? 'pause' : 'resume', profileId, resourceId }, confirmation);
    const state: ServiceStateView = paused ? 'paused' : 'running';
    const status = paused ? 'Paused' : 'Running';
    const services = this.snapshot.account.services.map((s) => (s.resourceId === resourceId ? { ...s, state, status, pending: null } : s));
    this.push({ ...this.snapshot, now: Date.now(), account: { ...this.snapshot.account, services } });
    return { ok: true, state, status };
  }
  async selectProfile(profileId: string): Promise<void> {
    this.selected.push(profileId);
    this.push({ ...this.snapshot, activeProfileId: profileId, now: Date.now() });
  }
  async getSettings(): Promise<SettingsView> {
    return this.settings;
  }
  async saveProfile(input: ProfileInput): Promise<SettingsView> {
    this.saved.push(input);
    const { secretAccessKey, ...rest } = input;
    const id = input.id ?? `p${this.settings.profiles.length + 1}`;
    const previous = this.settings.profiles.find((p) => p.id === id);
    const saved = { ...rest, id, hasSecret: Boolean(secretAccessKey) || Boolean(previous?.hasSecret), watchedServices: rest.watchedServices ?? previous?.watchedServices ?? [TTS_WATCHED] };
    this.settings = { ...this.settings, profiles: previous ? this.settings.profiles.map((p) => (p.id === id ? saved : p)) : [...this.settings.profiles, saved] };
    return this.settings;
  }
  async deleteProfile(profileId: string): Promise<SettingsView> {
    this.settings = { ...this.settings, profiles: this.settings.profiles.filter((p) => p.id !== profileId) };
    return this.settings;
  }
  async setStartAtLogin(enabled: boolean): Promise<SettingsView> {
    this.settings = { ...this.settings, startAtLogin: enabled };
    return this.settings;
  }
  async setLanguage(language: LanguageSetting): Promise<SettingsView> {
    const locale = language === 'zh-CN' ? 'zh-CN' : 'en';
    this.settings = { ...this.settings, language, locale, knownServices: knownServiceViews(locale) };
    this.push({ ...this.snapshot, locale, account: localizedAccount(this.snapshot.account, locale), now: Date.now() });
    return this.settings;
  }
  async testConnection(_input: ProfileInput): Promise<ConnectionTestResult> {
    return { ok: true, detail: 'ListAPIKeys answered: 2 keys', requestId: '20250101120000FAKE' };
  }
}
