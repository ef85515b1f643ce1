/**
 * The tray's core as one facade that implements the renderer's TrayBridge: Electron's IPC
 * handlers and the browser preview server both just delegate to it. It owns one
 * AccountMonitor per profile, the settings and secret stores, the embedded emulator, and
 * the notification fan-out.
 */
import type {
  AccountView,
  CommandConfirmation,
  CommandConfirmationRequest,
  CommandOutcome,
  ConnectionTestResult,
  DashboardSnapshot,
  HeadlineView,
  LanguageSetting,
  ProfileInput,
  ProfileSettingsView,
  ProfileSummary,
  SettingsView,
  TrayBridge,
  TrayLevel,
  TrayNotification,
} from '../shared/bridge.js';
import { sameEndpoint, validateProfileInput } from '../shared/ipc.js';
import { createI18n, resolveLocale, type I18n, type Locale } from '../shared/i18n/index.js';
import { AccountMonitor, CredentialsError, resolveTarget, SecretEndpointError, testConnectionTo, thresholdsOf } from './accountMonitor.js';
import { ConfirmationGate } from './confirmations.js';
import { createClientApiFactory, type SpeechApiFactory } from './api.js';
import { localError, toCallErrorView } from './callError.js';
import { systemClock, type Clock } from './clock.js';
import { EmulatorHost, startEmbeddedEmulator, type RunningEmulator, type StartEmulator } from './emulatorHost.js';
import { emptyAccountView } from './accountView.js';
import { worstLevel } from './levels.js';
import { concernOrder } from './headline.js';
import { crossingMessage, expiryMessage, serviceChangeMessage, type Notifier } from './notifier.js';
import { defaultWatchedServices, knownServiceViews, resourceLabel } from './resources.js';
import type { SecretStore } from './secrets/secretStore.js';
import type { SettingsStore } from './settings/settingsStore.js';
import { boundNotified } from './settings/migrations.js';
import { localEmulatorProfile, type StoredProfile, type StoredSettings } from './settings/settingsTypes.js';
import type { NotifiedCrossings } from './thresholds.js';

export interface LoginItems {
  setStartAtLogin(enabled: boolean): void | Promise<void>;
}

export interface TrayCoreOptions {
  settings: SettingsStore;
  secrets: SecretStore;
  /** Desktop notifications (Electron's Notification in the app). Listeners of onNotification get them too. */
  notifier?: Notifier;
  clock?: Clock;
  /** Default: the real VolcSpeechClient. */
  apiFactory?: SpeechApiFactory;
  /** Default: @volc-speech/emulator's startEmulator on a free loopback port. */
  startEmulator?: StartEmulator;
  loginItems?: LoginItems;
  /** Default: the profile's pollIntervalSec. The bench polls at 0. */
  pollIntervalMs?: (profile: StoredProfile) => number;
  /** ServiceStatus reads after a pause/resume while waiting for the target state (default 3 reads, 1 s apart). */
  commandConfirm?: { reads?: number; delayMs?: number };
  /** Called after every completed poll of a profile, with its new view (diagnostics, the bench). */
  onPoll?: (profileId: string, account: AccountView) => void;
  log?: (message: string) => void;
  /** The OS locale (Electron: app.getLocale()); the language follows it unless the setting says otherwise. */
  systemLocale?: string;
}

/** What the tray icon and its menu need: every profile's account, not only the active one. */
export interface TrayModel {
  /** The worst level of the accounts that count (the demo account only while no real one exists). */
  overall: TrayLevel;
  /**
   * The figure the tray shows: the percentage in use of what caused `overall` (pack spend or
   * rate-limit use), or null (paused, error, nothing measured yet).
   */
  figure: number | null;
  /** The account whose headline caused `overall`, and that headline. */
  cause: { profileId: string; profileName: string; headline: HeadlineView } | null;
  /** Highest pack usage across the accounts that count, or null before any figures arrive. */
  maxPercentUsed: number | null;
  activeProfileId: string;
  locale: Locale;
  profiles: Array<ProfileSummary & { active: boolean; account: AccountView; inAggregate: boolean }>;
}

/**
 * The accounts whose state the app's aggregate shows: the demo (emulator) account leaves it
 * once a real account exists, so a demo warning never colours a real user's tray.
 */
export function aggregateProfiles<T extends { usesEmulator: boolean }>(profiles: readonly T[]): T[] {
  const real = profiles.filter((p) => !p.usesEmulator);
  return real.length > 0 ? real : [...profiles];
}

/** The account that sets the aggregate: worst level, the active one on a tie, then list order. */
export function causingProfile<T extends { id: string; level: TrayLevel }>(profiles: readonly T[], activeId: string): T | undefined {
  const worst = worstLevel(profiles.map((p) => p.level));
  const atWorst = profiles.filter((p) => p.level === worst);
  return atWorst.find((p) => p.id === activeId) ?? atWorst[0];
}

/** A call named a profile that does not exist (the preview answers 404). */
export class UnknownProfileError extends Error {
  readonly code = 'UnknownProfile';
  constructor(profileId: string) {
    super(`There is no profile ${profileId}.`);
    this.name = 'UnknownProfileError';
  }
}

export class TrayCore implements TrayBridge {
  private settings: StoredSettings;
  private readonly monitors = new Map<string, AccountMonitor>();
  private readonly snapshotListeners = new Set<(snapshot: DashboardSnapshot) => void>();
  private readonly notificationListeners = new Set<(notification: TrayNotification) => void>();
  private readonly clock: Clock;
  private readonly emulator: EmulatorHost;
  private readonly apiFactory: () => Promise<SpeechApiFactory>;
  private readonly log: (message: string) => void;
  private notificationSeq = 0;
  private readonly systemLocale: string;
  private started = false;
  private snapshotQueued = false;
  private readonly confirmations: ConfirmationGate;

  constructor(private readonly options: TrayCoreOptions) {
    this.clock = options.clock ?? systemClock;
    this.log = options.log ?? (() => {});
    this.emulator = new EmulatorHost(options.startEmulator ?? startEmbeddedEmulator);
    this.confirmations = new ConfirmationGate(this.clock);
    let factory: Promise<SpeechApiFactory> | null = options.apiFactory ? Promise.resolve(options.apiFactory) : null;
    this.apiFactory = () => (factory ??= createClientApiFactory());
    this.settings = options.settings.load();
    this.systemLocale = options.systemLocale ?? Intl.DateTimeFormat().resolvedOptions().locale;
    for (const profile of this.settings.profiles) this.monitors.set(profile.id, this.createMonitor(profile));
  }

  // ── Lifecycle ─────────────────────────────────────────────────────────────────────────

  /** Moves secrets a settings migration found into the keychain, then starts polling every profile. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    for (const { profileId, secret } of this.options.settings.takeLegacySecrets()) {
      try {
        await this.options.secrets.set(profileId, secret);
        this.log(`moved the secret of profile ${profileId} from the settings file to the keychain`);
      } catch (error) {
        this.log(`could not move the secret of profile ${profileId} to the keychain: ${(error as Error).message}`);
      }
    }
    for (const monitor of this.monitors.values()) monitor.start();
  }

  async stop(): Promise<void> {
    for (const monitor of this.monitors.values()) monitor.stop();
    this.snapshotListeners.clear();
    this.notificationListeners.clear();
    await this.emulator.close();
  }

  /** The machine goes to sleep: no polls until resume(). */
  suspend(): void {
    for (const monitor of this.monitors.values()) monitor.suspend();
  }

  /** The machine woke up: every profile polls at once. */
  resume(): void {
    for (const monitor of this.monitors.values()) monitor.resume();
  }

  /** The embedded emulator, if a profile started it (the preview points its control panel at it). */
  runningEmulator(): Promise<RunningEmulator | null> {
    return this.emulator.current();
  }

  // ── TrayBridge ────────────────────────────────────────────────────────────────────────

  async getSnapshot(): Promise<DashboardSnapshot> {
    return this.snapshot();
  }

  onSnapshot(listener: (snapshot: DashboardSnapshot) => void): () => void {
    this.snapshotListeners.add(listener);
    return () => this.snapshotListeners.delete(listener);
  }

  onNotification(listener: (notification: TrayNotification) => void): () => void {
    this.notificationListeners.add(listener);
    return () => this.notificationListeners.delete(listener);
  }

  /** Polls every profile now; resolves when all have answered. */
  async refresh(): Promise<void> {
    await Promise.all([...this.monitors.values()].map((m) => m.refresh()));
  }

  /** The user said yes to this command (a dialog): a one-time token for exactly it. */
  async confirmCommand(request: CommandConfirmationRequest): Promise<CommandConfirmation> {
    if (!this.monitors.has(request.profileId)) throw new UnknownProfileError(request.profileId);
    return this.confirmations.issue(request);
  }

  /** Refused (ConfirmationRequiredError) unless `confirmation` is a fresh confirmCommand token for this very command. */
  async setServicePaused(profileId: string, resourceId: string, paused: boolean, confirmation?: string): Promise<CommandOutcome> {
    this.confirmations.consume({ operation: paused ? 'pause' : 'resume', profileId, resourceId }, confirmation);
    const monitor = this.monitors.get(profileId);
    if (!monitor) {
      return {
        ok: false,
        error: localError(paused ? 'PauseService' : 'ResumeService', 'UnknownProfile', `There is no profile ${profileId}.`, this.clock.now()),
        state: 'unknown',
        status: '',
      };
    }
    return monitor.setServicePaused(resourceId, paused);
  }

  async selectProfile(profileId: string): Promise<void> {
    if (!this.monitors.has(profileId)) throw new UnknownProfileError(profileId);
    if (this.settings.activeProfileId === profileId) return;
    this.persist({ ...this.settings, activeProfileId: profileId });
    this.queueSnapshot();
  }

  async getSettings(): Promise<SettingsView> {
    const profiles: ProfileSettingsView[] = await Promise.all(
      this.settings.profiles.map(async (p) => ({ ...p, hasSecret: await this.hasSecret(p.id) })),
    );
    const locale = this.locale();
    const { kind, description } = this.options.secrets.info;
    return {
      profiles,
      activeProfileId: this.settings.activeProfileId,
      startAtLogin: this.settings.startAtLogin,
      secretStore: { kind, description },
      language: this.settings.language ?? 'system',
      locale,
      knownServices: knownServiceViews(locale),
      defaultWatchedServices: defaultWatchedServices(),
    };
  }

  async setLanguage(language: LanguageSetting): Promise<SettingsView> {
    const { language: _previous, ...rest } = this.settings;
    this.persist(language === 'system' ? rest : { ...rest, language });
    this.queueSnapshot();
    return this.getSettings();
  }

  /** The language everything is shown in now: the setting, else the OS locale. */
  locale(): Locale {
    return resolveLocale(this.settings.language, this.systemLocale);
  }

  i18n(): I18n {
    return createI18n(this.locale());
  }

  async saveProfile(rawInput: ProfileInput): Promise<SettingsView> {
    const input = this.validInput(rawInput);
    const { secretAccessKey, id: requestedId, ...fields } = input;
    const existing = requestedId ? this.settings.profiles.find((p) => p.id === requestedId) : undefined;
    const id = existing?.id ?? requestedId ?? this.newProfileId(fields.name);
    const { watchedServices, ...rest } = fields;
    const profile: StoredProfile = { id, ...rest, watchedServices: watchedServices ?? existing?.watchedServices ?? defaultWatchedServices() };
    const secret = secretAccessKey?.trim();
    // The stored secret belongs to the endpoint it was saved with; a new endpoint needs it typed again.
    const boundTo = existing ? (existing.secretEndpoint ?? existing.endpoint) : undefined;
    if (secret) {
      profile.secretEndpoint = profile.endpoint;
    } else if (existing && boundTo !== undefined) {
      if (!profile.useEmulator && !sameEndpoint(boundTo, profile.endpoint) && (await this.hasSecret(id))) {
        throw new SecretEndpointError(boundTo, profile.endpoint);
      }
      profile.secretEndpoint = boundTo;
    }
    if (secret) await this.options.secrets.set(id, secret);

    const profiles = existing ? this.settings.profiles.map((p) => (p.id === id ? profile : p)) : [...this.settings.profiles, profile];
    this.persist({ ...this.settings, profiles });
    const monitor = this.monitors.get(id);
    if (monitor) {
      monitor.updateProfile(profile, { secretChanged: Boolean(secret) });
    } else {
      const created = this.createMonitor(profile);
      this.monitors.set(id, created);
      if (this.started) created.start();
    }
    this.queueSnapshot();
    return this.getSettings();
  }

  async deleteProfile(profileId: string): Promise<SettingsView> {
    const monitor = this.monitors.get(profileId);
    if (!monitor) throw new UnknownProfileError(profileId);
    monitor.stop();
    this.monitors.delete(profileId);
    await this.options.secrets.delete(profileId).catch((error: unknown) => this.log(`could not delete a keychain entry: ${(error as Error).message}`));
    let profiles = this.settings.profiles.filter((p) => p.id !== profileId);
    // Never without a profile: fall back to the emulator, as on first start.
    const fallback = profiles.length === 0 ? localEmulatorProfile() : null;
    if (fallback) profiles = [fallback];
    const activeProfileId = profiles.some((p) => p.id === this.settings.activeProfileId) ? this.settings.activeProfileId : profiles[0]!.id;
    // Its announced crossings go with it (before a fallback under the same id could restore them).
    this.persist(withNotified({ ...this.settings, profiles, activeProfileId }, profileId, {}));
    if (fallback) {
      const created = this.createMonitor(fallback);
      this.monitors.set(fallback.id, created);
      if (this.started) created.start();
    }
    this.queueSnapshot();
    return this.getSettings();
  }

  async setStartAtLogin(enabled: boolean): Promise<SettingsView> {
    await this.options.loginItems?.setStartAtLogin(enabled);
    this.persist({ ...this.settings, startAtLogin: enabled });
    return this.getSettings();
  }

  async testConnection(rawInput: ProfileInput): Promise<ConnectionTestResult> {
    const input = this.validInput(rawInput);
    const stored = input.id ? this.settings.profiles.find((p) => p.id === input.id) : undefined;
    try {
      // A stored secret only ever signs for the endpoint it was saved with (not whatever the form says now).
      const binding = stored ? { secretEndpoint: stored.secretEndpoint ?? stored.endpoint } : {};
      const target = await resolveTarget({ ...input, ...binding, id: stored?.id ?? '' }, { emulator: this.emulator, secrets: this.options.secrets }, input.secretAccessKey?.trim());
      let requestId: string | undefined;
      const api = (await this.apiFactory())(target, {
        onResponse: (response) => {
          if (response.action === 'ListAPIKeys' && response.requestId) requestId = response.requestId;
        },
      });
      return await testConnectionTo(api, target, input.projectName, () => this.clock.now(), () => requestId);
    } catch (error) {
      const view = toCallErrorView(error, 'ListAPIKeys', this.clock.now());
      if (error instanceof CredentialsError) view.hint = error.hint;
      return { ok: false, error: view };
    }
  }

  // ── For the tray presenter ──────────────────────────────────────────────────────────────

  trayModel(): TrayModel {
    const locale = this.locale();
    const counted = new Set(aggregateProfiles(this.settings.profiles.map((p) => this.summary(p))).map((p) => p.id));
    const profiles = this.settings.profiles.map((p) => {
      const account = this.monitors.get(p.id)?.view;
      return {
        ...this.summary(p),
        active: p.id === this.settings.activeProfileId,
        account: localizedAccount(account ?? emptyAccountView(p.id), locale),
        inAggregate: counted.has(p.id),
      };
    });
    const inAggregate = profiles.filter((p) => p.inAggregate);
    const percents = inAggregate.flatMap((p) => p.account.packs.map((pack) => pack.percentUsed));
    const causing = causingProfile(inAggregate, this.settings.activeProfileId);
    return {
      overall: worstLevel(inAggregate.map((p) => p.level)),
      figure: causing?.account.headline.figure ?? null,
      cause: causing ? { profileId: causing.id, profileName: causing.name, headline: causing.account.headline } : null,
      maxPercentUsed: percents.length > 0 ? Math.max(...percents) : null,
      activeProfileId: this.settings.activeProfileId,
      locale,
      profiles,
    };
  }

  // ── Internals ─────────────────────────────────────────────────────────────────────────

  private snapshot(): DashboardSnapshot {
    const active = this.settings.profiles.find((p) => p.id === this.settings.activeProfileId) ?? this.settings.profiles[0]!;
    const profiles = this.settings.profiles.map((p) => this.summary(p));
    const locale = this.locale();
    return {
      profiles,
      activeProfileId: active.id,
      overall: worstLevel(aggregateProfiles(profiles).map((p) => p.level)),
      // A snapshot queued before a profile was deleted can run after its monitor is gone.
      account: localizedAccount(structuredClone(this.monitors.get(active.id)?.view ?? emptyAccountView(active.id)), locale),
      thresholds: thresholdsOf(active),
      now: this.clock.now(),
      locale,
    };
  }

  private summary(profile: StoredProfile): ProfileSummary {
    const view = this.monitors.get(profile.id)?.view;
    const summary: ProfileSummary = { id: profile.id, name: profile.name, usesEmulator: profile.useEmulator, level: view?.level ?? 'ok' };
    if (view) summary.headline = view.headline;
    return summary;
  }

  private createMonitor(profile: StoredProfile): AccountMonitor {
    return new AccountMonitor(profile, {
      clock: this.clock,
      apiFactory: this.apiFactory,
      emulator: this.emulator,
      secrets: this.options.secrets,
      pollIntervalMs: this.options.pollIntervalMs ?? ((p) => p.pollIntervalSec * 1000),
      ...(this.options.commandConfirm ? { commandConfirm: this.options.commandConfirm } : {}),
      onViewChange: () => this.queueSnapshot(),
      onCrossings: (monitor, crossings) => {
        for (const crossing of crossings) this.notify(crossingMessage(monitor.profile.name, crossing, this.i18n()));
      },
      onExpiry: (monitor, warnings) => {
        for (const warning of warnings) this.notify(expiryMessage(monitor.profile.name, warning, this.i18n()));
      },
      notified: this.settings.notifiedCrossings?.[profile.id] ?? {},
      onNotifiedChange: (monitor, notified) => this.persistNotified(monitor.profile.id, notified),
      onServiceChanges: (monitor, changes) => {
        for (const change of changes) this.notify(serviceChangeMessage(monitor.profile.name, change, this.i18n()));
      },
      ...(this.options.onPoll ? { onPoll: (monitor: AccountMonitor) => this.options.onPoll?.(monitor.profile.id, monitor.view) } : {}),
    });
  }

  /** Several changes in one turn of the event loop become one snapshot. */
  private queueSnapshot(): void {
    if (this.snapshotListeners.size === 0 || this.snapshotQueued) return;
    this.snapshotQueued = true;
    queueMicrotask(() => {
      this.snapshotQueued = false;
      if (this.snapshotListeners.size === 0) return;
      const snapshot = this.snapshot();
      for (const listener of this.snapshotListeners) {
        try {
          listener(snapshot);
        } catch (error) {
          this.log(`snapshot listener failed: ${(error as Error).message}`);
        }
      }
    });
  }

  private notify(message: Omit<TrayNotification, 'id' | 'at'>): void {
    const notification: TrayNotification = { id: `n${++this.notificationSeq}`, at: this.clock.now(), ...message };
    try {
      this.options.notifier?.notify(notification);
    } catch (error) {
      this.log(`notifier failed: ${(error as Error).message}`);
    }
    for (const listener of this.notificationListeners) {
      try {
        listener(notification);
      } catch (error) {
        this.log(`notification listener failed: ${(error as Error).message}`);
      }
    }
  }

  private persist(settings: StoredSettings): void {
    this.options.settings.save(settings);
    this.settings = settings;
  }

  /** Keeps a profile's announced crossings for the next start (not for a profile that is gone). */
  private persistNotified(profileId: string, notified: NotifiedCrossings): void {
    if (!this.settings.profiles.some((p) => p.id === profileId)) return;
    try {
      this.persist(withNotified(this.settings, profileId, boundNotified(notified)));
    } catch (error) {
      // The worst outcome is one notification again after a restart: never stop polling over it.
      this.log(`could not save the announced crossings: ${(error as Error).message}`);
    }
  }

  private async hasSecret(profileId: string): Promise<boolean> {
    try {
      return (await this.options.secrets.get(profileId)) !== null;
    } catch {
      return false;
    }
  }

  private validInput(input: unknown): ProfileInput {
    const checked = validateProfileInput(input);
    if (!checked.ok) throw new Error(`Invalid profile: ${checked.error}`);
    return checked.value;
  }

  private newProfileId(name: string): string {
    const base =
      name
        .toLowerCase()
        .normalize('NFKD')
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 48) || 'profile';
    let id = base;
    for (let n = 2; this.monitors.has(id) || this.settings.profiles.some((p) => p.id === id); n++) id = `${base}-${n}`;
    return id;
  }
}

/** The settings with one profile's announced crossings replaced (none: its entry goes). */
function withNotified(settings: StoredSettings, profileId: string, notified: NotifiedCrossings): StoredSettings {
  const all = { ...settings.notifiedCrossings };
  if (Object.keys(notified).length > 0) all[profileId] = notified;
  else delete all[profileId];
  const { notifiedCrossings: _previous, ...rest } = settings;
  return Object.keys(all).length > 0 ? { ...rest, notifiedCrossings: all } : rest;
}

/**
 * The account as the page shows it: product names in the snapshot's language, packs and rate
 * limits in order of concern (worst level first, then product importance).
 */
export function localizedAccount(view: AccountView, locale: Locale): AccountView {
  const name = (resourceId: string, display?: string) => resourceLabel(resourceId, display, locale);
  return {
    ...view,
    packs: concernOrder(view.packs).map((p) => ({ ...p, label: name(p.resourceId, p.label) })),
    rateLimits: concernOrder(view.rateLimits).map((r) => ({ ...r, label: name(r.resourceId) })),
    usageTrends: view.usageTrends.map((u) => ({ ...u, label: name(u.resourceId) })),
    services: view.services.map((s) => ({ ...s, label: name(s.resourceId, s.label) })),
  };
}
