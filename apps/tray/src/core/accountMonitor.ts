/**
 * One profile's live account: connects (keychain secret or the embedded emulator), polls,
 * folds the answers into its AccountView, reports threshold crossings and unrequested
 * service changes, and runs pause/resume. Polls and commands for one account never overlap.
 */
import type { AccountView, CommandOutcome, ConnectionTestResult, ServiceView } from '../shared/bridge.js';
import { endpointSchemeAllowed, sameEndpoint } from '../shared/ipc.js';
import { accountLevel, applyFetch, emptyAccountView, relevel, withHeadline, type ServiceStateChange } from './accountView.js';
import { failedFetch, fetchAccount, type AccountFetch } from './accountFetch.js';
import type { ConnectionTarget, SpeechApi, SpeechApiFactory } from './api.js';
import { localError, toCallErrorView, type RedactionContext } from './callError.js';
import type { Clock } from './clock.js';
import { runServiceCommand } from './commandFlow.js';
import type { EmulatorHost } from './emulatorHost.js';
import type { Thresholds } from './levels.js';
import { Poller } from './poller.js';
import { ExpiryTracker, type ExpiryWarning } from './expiry.js';
import { resourceLabel, statusServices } from './resources.js';
import type { SecretStore } from './secrets/secretStore.js';
import type { StoredProfile } from './settings/settingsTypes.js';
import { ThresholdTracker, type NotifiedCrossings, type ThresholdCrossing } from './thresholds.js';

export interface AccountMonitorDeps {
  clock: Clock;
  apiFactory: () => Promise<SpeechApiFactory>;
  emulator: EmulatorHost;
  secrets: SecretStore;
  pollIntervalMs: (profile: StoredProfile) => number;
  commandConfirm?: { reads?: number; delayMs?: number };
  onViewChange: (monitor: AccountMonitor) => void;
  onCrossings: (monitor: AccountMonitor, crossings: ThresholdCrossing[]) => void;
  /** Crossings announced before a restart (from the settings): not announced again. */
  notified?: NotifiedCrossings;
  /** The announced-and-not-re-armed crossings changed: keep them for the next start. */
  onNotifiedChange?: (monitor: AccountMonitor, notified: NotifiedCrossings) => void;
  onServiceChanges: (monitor: AccountMonitor, changes: ServiceStateChange[]) => void;
  /** Packs with balance now 7, 3 or 1 days from expiry (each step once). */
  onExpiry?: (monitor: AccountMonitor, warnings: ExpiryWarning[]) => void;
  /** After every completed poll (the bench counts them). */
  onPoll?: (monitor: AccountMonitor) => void;
}

interface Connection {
  api: SpeechApi;
  redaction: RedactionContext;
}

/** Why a profile's calls cannot be signed; `hint` says what to do in Settings (catalogue key in shared/headlineText). */
export class CredentialsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'CredentialsError';
  }
}

export class NoCredentialsError extends CredentialsError {
  /** The hint's catalogue key is hint.noCredentials (shared/i18n): the page and the dialogs say it in their language. */
  constructor(message: string) {
    super('NoCredentials', message, 'Enter the Access Key ID and Secret Access Key in Settings, or turn on “use the local emulator”.');
    this.name = 'NoCredentialsError';
  }
}

/** The stored secret was saved with another endpoint: it never signs for this one (hint.secretEndpoint). */
export class SecretEndpointError extends CredentialsError {
  constructor(boundTo: string, endpoint: string) {
    super(
      'SecretNeededForEndpoint',
      `Endpoint is now ${endpoint}, but the stored Secret Access Key was saved for ${boundTo}.`,
      'Enter the Secret Access Key again to use it with the new endpoint.',
    );
    this.name = 'SecretEndpointError';
  }
}

/** http:// to a host that is not this machine: the signed calls would cross the network readable (hint.insecureEndpoint). */
export class InsecureEndpointError extends CredentialsError {
  constructor(endpoint: string) {
    super('InsecureEndpoint', `Endpoint ${endpoint} uses http:// to a host that is not this machine.`, 'Use an https:// endpoint in Settings (http:// only for 127.0.0.1, ::1 or localhost).');
    this.name = 'InsecureEndpointError';
  }
}

export function thresholdsOf(profile: StoredProfile): Thresholds {
  return { warningPercent: profile.warningPercent, criticalPercent: profile.criticalPercent };
}

/**
 * Resolves where a profile's calls go. Shared by polling and "test connection". A typed
 * `secretOverride` signs for whatever endpoint the form has (https, or http on loopback); the
 * stored secret signs only for the endpoint it was saved with (`secretEndpoint`, else `endpoint`).
 */
export async function resolveTarget(
  profile: Pick<StoredProfile, 'id' | 'accessKeyId' | 'region' | 'endpoint' | 'useEmulator' | 'secretEndpoint'>,
  deps: { emulator: EmulatorHost; secrets: SecretStore },
  secretOverride?: string,
): Promise<ConnectionTarget> {
  if (profile.useEmulator) return deps.emulator.target(profile.region);
  if (!profile.accessKeyId) throw new NoCredentialsError('No access key ID is set for this profile.');
  if (!endpointSchemeAllowed(profile.endpoint)) throw new InsecureEndpointError(profile.endpoint);
  let secret = secretOverride;
  if (!secret) {
    const boundTo = profile.secretEndpoint ?? profile.endpoint;
    if (!sameEndpoint(boundTo, profile.endpoint)) throw new SecretEndpointError(boundTo, profile.endpoint);
    secret = (await deps.secrets.get(profile.id)) ?? undefined;
  }
  if (!secret) throw new NoCredentialsError('No secret access key is stored in the keychain for this profile.');
  return { endpoint: profile.endpoint, region: profile.region, credentials: { accessKeyId: profile.accessKeyId, secretAccessKey: secret } };
}

/** A cheap read (ListAPIKeys) that proves the endpoint, region and credentials work. */
export async function testConnectionTo(
  api: SpeechApi,
  target: ConnectionTarget,
  projectName: string,
  now: () => number,
  requestId: () => string | undefined = () => undefined,
): Promise<ConnectionTestResult> {
  try {
    const result = await api.listAPIKeys({ ProjectName: projectName });
    const keys = result.TotalCount ?? result.APIKeys?.length ?? 0;
    const detail = `Connected to ${target.endpoint}: project "${projectName}" has ${keys} API key${keys === 1 ? '' : 's'}.`;
    const id = requestId();
    return id ? { ok: true, detail, requestId: id } : { ok: true, detail };
  } catch (error) {
    return { ok: false, error: toCallErrorView(error, 'ListAPIKeys', now(), { secrets: [target.credentials.secretAccessKey] }) };
  }
}

export class AccountMonitor {
  private profileSettings: StoredProfile;
  private accountView: AccountView;
  private readonly poller: Poller;
  private readonly thresholdTracker: ThresholdTracker;
  private readonly expiryTracker = new ExpiryTracker();
  private notifiedKey: string;
  private connection: Promise<Connection> | null = null;
  /** Bumped when the connection settings change: answers of an older poll are dropped. */
  private generation = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private stopped = false;

  constructor(
    profile: StoredProfile,
    private readonly deps: AccountMonitorDeps,
  ) {
    this.profileSettings = profile;
    this.accountView = emptyAccountView(profile.id, watchedIds(profile));
    this.thresholdTracker = new ThresholdTracker(deps.notified);
    this.notifiedKey = JSON.stringify(this.thresholdTracker.notified());
    this.poller = new Poller({
      clock: deps.clock,
      intervalMs: deps.pollIntervalMs(profile),
      tick: () => this.pollOnce(),
      onSchedule: (at) => {
        if (this.accountView.nextPollAt === at) return;
        this.accountView = { ...this.accountView, nextPollAt: at };
        this.deps.onViewChange(this);
      },
    });
  }

  get profile(): StoredProfile {
    return this.profileSettings;
  }

  get view(): AccountView {
    return this.accountView;
  }

  get pollerState() {
    return this.poller.state;
  }

  start(): void {
    this.poller.start();
  }

  stop(): void {
    this.stopped = true;
    this.poller.stop();
  }

  suspend(): void {
    this.poller.suspend();
  }

  resume(): void {
    this.poller.resume();
  }

  refresh(): Promise<void> {
    return this.poller.refreshNow();
  }

  /**
   * New settings for this profile. Different connection settings (or a new secret) mean a
   * different account: figures and threshold state start over. New thresholds re-judge the figures.
   */
  updateProfile(profile: StoredProfile, options: { secretChanged?: boolean } = {}): void {
    const before = this.profileSettings;
    this.profileSettings = profile;
    const connectionChanged =
      options.secretChanged ||
      before.accessKeyId !== profile.accessKeyId ||
      before.region !== profile.region ||
      before.endpoint !== profile.endpoint ||
      before.projectName !== profile.projectName ||
      before.useEmulator !== profile.useEmulator;
    const watchedChanged = JSON.stringify(before.watchedServices) !== JSON.stringify(profile.watchedServices);
    if (connectionChanged || watchedChanged) {
      this.generation++;
      if (connectionChanged) this.connection = null;
      this.thresholdTracker.reset();
      this.expiryTracker.reset();
      this.reportNotifiedChange();
      this.accountView = emptyAccountView(profile.id, watchedIds(profile));
      this.deps.onViewChange(this);
      void this.poller.refreshNow();
    } else if (before.warningPercent !== profile.warningPercent || before.criticalPercent !== profile.criticalPercent) {
      this.accountView = relevel(this.accountView, thresholdsOf(profile));
      this.reportCrossings();
      this.deps.onViewChange(this);
    }
    if (before.pollIntervalSec !== profile.pollIntervalSec) this.poller.setIntervalMs(this.deps.pollIntervalMs(profile));
  }

  /** Pause (paused = true) or resume one service. Only ever called on an explicit user action. */
  async setServicePaused(resourceId: string, paused: boolean): Promise<CommandOutcome> {
    const now = () => this.deps.clock.now();
    const action = paused ? 'PauseService' : 'ResumeService';
    const blueprintId = statusServices(this.profileSettings.watchedServices).find((s) => s.resourceId === resourceId)?.blueprintId;
    const before = this.accountView.services.find((s) => s.resourceId === resourceId);
    const lastKnown = { state: before?.state ?? ('unknown' as const), status: before?.status ?? '' };
    if (blueprintId === undefined) {
      return { ok: false, error: localError(action, 'UnknownService', `The tray does not watch ${resourceId}.`, now()), ...lastKnown };
    }
    if (before?.pending) {
      return {
        ok: false,
        error: localError(action, 'CommandInProgress', `A ${before.pending === 'pausing' ? 'pause' : 'resume'} of this service is still running.`, now()),
        ...lastKnown,
      };
    }
    this.patchService(resourceId, { pending: paused ? 'pausing' : 'resuming', lastCommandError: undefined });

    const generation = this.generation;
    const outcome = await this.exclusive(async (): Promise<CommandOutcome> => {
      let connection: Connection;
      try {
        connection = await this.connect();
      } catch (error) {
        return { ok: false, error: toCallErrorView(error, action, now()), ...lastKnown };
      }
      return runServiceCommand(
        {
          api: connection.api,
          clock: this.deps.clock,
          projectName: this.profileSettings.projectName,
          redaction: connection.redaction,
          confirmReads: this.deps.commandConfirm?.reads,
          confirmDelayMs: this.deps.commandConfirm?.delayMs,
        },
        { resourceId, blueprintId },
        paused,
        lastKnown,
      );
    });

    if (generation === this.generation && !this.stopped) {
      this.patchService(resourceId, {
        pending: null,
        state: outcome.state,
        status: outcome.status,
        lastCommandError: outcome.ok ? undefined : outcome.error,
      });
      // The whole picture may have moved (e.g. usage stops while paused): read it all again now.
      void this.poller.refreshNow();
    }
    return outcome;
  }

  private patchService(resourceId: string, patch: Partial<ServiceView>): void {
    const services = [...this.accountView.services];
    const index = services.findIndex((s) => s.resourceId === resourceId);
    const base: ServiceView = index >= 0 ? services[index]! : { resourceId, label: resourceLabel(resourceId), status: '', state: 'unknown', pending: null };
    const next: ServiceView = { ...base, ...patch };
    if (next.lastCommandError === undefined) delete next.lastCommandError;
    if (next.state !== 'paused') delete next.pausedSince;
    else if (next.pausedSince === undefined) next.pausedSince = this.deps.clock.now();
    if (index >= 0) services[index] = next;
    else services.push(next);
    const view = { ...this.accountView, services };
    this.accountView = withHeadline({ ...view, level: accountLevel(view) });
    this.deps.onViewChange(this);
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private connect(): Promise<Connection> {
    this.connection ??= (async () => {
      const target = await resolveTarget(this.profileSettings, this.deps);
      const factory = await this.deps.apiFactory();
      return { api: factory(target), redaction: { secrets: [target.credentials.secretAccessKey] } };
    })();
    const pending = this.connection;
    // A failed connection (no secret yet, keychain locked) is tried again next time.
    pending.catch(() => {
      if (this.connection === pending) this.connection = null;
    });
    return pending;
  }

  private async pollOnce(): Promise<'ok' | 'failed'> {
    return this.exclusive(async () => {
      if (this.stopped) return 'ok';
      const generation = this.generation;
      this.accountView = { ...this.accountView, polling: true };
      this.deps.onViewChange(this);
      const now = this.deps.clock.now();
      let fetch: AccountFetch;
      try {
        const connection = await this.connect();
        fetch = await fetchAccount(connection.api, {
          projectName: this.profileSettings.projectName,
          watched: this.profileSettings.watchedServices,
          now,
          clockNow: () => this.deps.clock.now(),
          redaction: connection.redaction,
        });
      } catch (error) {
        fetch = failedFetch(now, toCallErrorView(error, 'Connect', this.deps.clock.now()), this.profileSettings.watchedServices);
      }
      if (generation !== this.generation || this.stopped) return 'ok';
      const update = applyFetch(this.accountView, fetch, thresholdsOf(this.profileSettings));
      this.accountView = { ...update.view, polling: false, nextPollAt: this.accountView.nextPollAt };
      this.reportCrossings();
      const expiring = this.expiryTracker.update(this.accountView.packs, this.deps.clock.now());
      if (expiring.length > 0) this.deps.onExpiry?.(this, expiring);
      if (update.unrequestedServiceChanges.length > 0) this.deps.onServiceChanges(this, update.unrequestedServiceChanges);
      this.deps.onViewChange(this);
      this.deps.onPoll?.(this);
      return this.accountView.level === 'error' ? 'failed' : 'ok';
    });
  }

  /** Both meanings of quota, through one tracker: pack spend and rate-limit use. */
  private reportCrossings(): void {
    const figures = [...this.accountView.packs, ...this.accountView.rateLimits];
    const crossings = this.thresholdTracker.update(figures, thresholdsOf(this.profileSettings));
    if (crossings.length > 0) this.deps.onCrossings(this, crossings);
    this.reportNotifiedChange();
  }

  private reportNotifiedChange(): void {
    const notified = this.thresholdTracker.notified();
    const key = JSON.stringify(notified);
    if (key === this.notifiedKey) return;
    this.notifiedKey = key;
    this.deps.onNotifiedChange?.(this, notified);
  }
}

function watchedIds(profile: StoredProfile): string[] {
  return profile.watchedServices.map((w) => w.resourceId);
}
