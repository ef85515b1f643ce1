/**
 * The tray's core as one facade that implements the renderer's TrayBridge: Electron's IPC
 * handlers and the browser preview server both just delegate to it. It owns one
 * AccountMonitor per profile, the settings and secret stores, the embedded emulator, and
 * the notification fan-out.
 */
import type {
  AccountView,
  CommandOutcome,
  ConnectionTestResult,
  DashboardSnapshot,
  ProfileInput,
  ProfileSettingsView,
  ProfileSummary,
  SettingsView,
  TrayBridge,
  TrayLevel,
  TrayNotification,
} from '../shared/bridge.js';
import { validateProfileInput } from '../shared/ipc.js';
import { AccountMonitor, NoCredentialsError, resolveTarget, testConnectionTo, thresholdsOf } from './accountMonitor.js';
import { createClientApiFactory, type SpeechApiFactory } from './api.js';
import { localError, toCallErrorView } from './callError.js';
import { systemClock, type Clock } from './clock.js';
import { EmulatorHost, startEmbeddedEmulator, type RunningEmulator, type StartEmulator } from './emulatorHost.js';
import { emptyAccountView } from './accountView.js';
import { worstLevel } from './levels.js';
import { crossingMessage, serviceChangeMessage, type Notifier } from './notifier.js';
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
}

/** What the tray icon and its menu need: every profile's account, not only the active one. */
export interface TrayModel {
  overall: TrayLevel;
  /** Highest pack usage across all profiles, or null before any figures arrive. */
  maxPercentUsed: number | null;
  activeProfileId: string;
  profiles: Array<ProfileSummary & { active: boolean; account: AccountView }>;
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
  private started = false;
  private snapshotQueued = false;

  constructor(private readonly options: TrayCoreOptions) {
    this.clock = options.clock ?? systemClock;
    this.log = options.log ?? (() => {});
    this.emulator = new EmulatorHost(options.startEmulator ?? startEmbeddedEmulator);
    let factory: Promise<SpeechApiFactory> | null = options.apiFactory ? Promise.resolve(options.apiFactory) : null;
    this.apiFactory = () => (factory ??= createClientApiFactory());
    this.settings = options.settings.load();
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

  async setServicePaused(profileId: string, resourceId: string, paused: boolean): Promise<CommandOutcome> {
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
    if (!this.monitors.has(profileId)) throw new Error(`There is no profile ${profileId}.`);
    if (this.settings.activeProfileId === profileId) return;
    this.persist({ ...this.settings, activeProfileId: profileId });
    this.queueSnapshot();
  }

  async getSettings(): Promise<SettingsView> {
    const profiles: ProfileSettingsView[] = await Promise.all(
      this.settings.profiles.map(async (p) => ({ ...p, hasSecret: await this.hasSecret(p.id) })),
    );
    const { kind, description } = this.options.secrets.info;
    return { profiles, activeProfileId: this.settings.activeProfileId, startAtLogin: this.settings.startAtLogin, secretStore: { kind, description } };
  }

  async saveProfile(rawInput: ProfileInput): Promise<SettingsView> {
    const input = this.validInput(rawInput);
    const { secretAccessKey, id: requestedId, ...fields } = input;
    const existing = requestedId ? this.settings.profiles.find((p) => p.id === requestedId) : undefined;
    const id = existing?.id ?? requestedId ?? this.newProfileId(fields.name);
    const profile: StoredProfile = { id, ...fields };
    const secret = secretAccessKey?.trim();
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
    if (!monitor) throw new Error(`There is no profile ${profileId}.`);
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
      const target = await resolveTarget({ ...input, id: stored?.id ?? '' }, { emulator: this.emulator, secrets: this.options.secrets }, input.secretAccessKey?.trim());
      let requestId: string | undefined;
      const api = (await this.apiFactory())(target, {
        onResponse: (response) => {
          if (response.action === 'ListAPIKeys' && response.requestId) requestId = response.requestId;
        },
      });
      return await testConnectionTo(api, target, input.projectName, () => this.clock.now(), () => requestId);
    } catch (error) {
      const view = toCallErrorView(error, 'ListAPIKeys', this.clock.now());
      if (error instanceof NoCredentialsError) view.hint = error.hint;
      return { ok: false, error: view };
    }
  }

  // ── For the tray presenter ──────────────────────────────────────────────────────────────

  trayModel(): TrayModel {
    const profiles = this.settings.profiles.map((p) => {
      const account = this.monitors.get(p.id)?.view;
      return {
        ...this.summary(p),
        active: p.id === this.settings.activeProfileId,
        account: account ?? emptyAccountView(p.id),
      };
    });
    const percents = profiles.flatMap((p) => p.account.packs.map((pack) => pack.percentUsed));
    return {
      overall: worstLevel(profiles.map((p) => p.level)),
      maxPercentUsed: percents.length > 0 ? Math.max(...percents) : null,
      activeProfileId: this.settings.activeProfileId,
      profiles,
    };
  }

  // ── Internals ─────────────────────────────────────────────────────────────────────────

  private snapshot(): DashboardSnapshot {
    const active = this.settings.profiles.find((p) => p.id === this.settings.activeProfileId) ?? this.settings.profiles[0]!;
    const profiles = this.settings.profiles.map((p) => this.summary(p));
    return {
      profiles,
      activeProfileId: active.id,
      overall: worstLevel(profiles.map((p) => p.level)),
      account: structuredClone(this.monitors.get(active.id)!.view),
      thresholds: thresholdsOf(active),
      now: this.clock.now(),
    };
  }

  private summary(profile: StoredProfile): ProfileSummary {
    return { id: profile.id, name: profile.name, usesEmulator: profile.useEmulator, level: this.monitors.get(profile.id)?.view.level ?? 'ok' };
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
        for (const crossing of crossings) this.notify(crossingMessage(monitor.profile.name, crossing));
      },
      notified: this.settings.notifiedCrossings?.[profile.id] ?? {},
      onNotifiedChange: (monitor, notified) => this.persistNotified(monitor.profile.id, notified),
      onServiceChanges: (monitor, changes) => {
        for (const change of changes) this.notify(serviceChangeMessage(monitor.profile.name, change));
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
