/**
 * The contract between the tray's renderer (a plain web page) and whatever backs it:
 * the Electron preload (contextBridge → IPC → main → core) or, in the browser preview
 * and the Chromium tests, an HTTP bridge to the same core running in Node.
 * The renderer sees only these types: never a secret, never Node or Electron.
 */

/** What the tray icon says at a glance; ordered from best to worst by TRAY_LEVEL_ORDER. */
export type TrayLevel = 'ok' | 'warning' | 'critical' | 'paused' | 'error';
export const TRAY_LEVEL_ORDER: readonly TrayLevel[] = ['ok', 'warning', 'critical', 'paused', 'error'];

/** The language setting: a locale, or `system` (follow the OS locale). */
export type LanguageSetting = 'system' | 'zh-CN' | 'en';

export interface CallErrorView {
  action: string;
  httpStatus?: number;
  code: string;
  message: string;
  requestId?: string;
  hint?: string;
  at: number;
}

/** Remaining spend of one resource: purchased − used over its resource packs (ResourcePacksStatus Harvest). */
export interface PackBalanceView {
  resourceId: string;
  label: string;
  unit: string;
  purchased: number;
  used: number;
  remaining: number;
  percentUsed: number;
  level: TrayLevel;
  /**
   * Expiry of the earliest pack that still has balance, as the service displays it (a used-up
   * pack's date says nothing about what is left). Absent when no pack with balance has one.
   */
  expires?: string;
  /** `expires` as a time (the service's display time is Beijing time), when it parses. */
  expiresAt?: number;
  /** Left in that pack. */
  expiresRemaining?: number;
}

/**
 * Rate-limit use (QuotaMonitoring): QPS or concurrency against its limit. Not to be confused
 * with PackBalanceView, what is left to spend; both feed the account's level.
 */
export interface RateLimitView {
  resourceId: string;
  quotaType: string;
  value: number;
  limit: number;
  percent: number;
  /**
   * `percent` judged against the profile's thresholds, as it counts towards AccountView.level.
   * The core always sets it; a backend that predates it leaves it out, and the page then
   * judges `percent` against DashboardSnapshot.thresholds itself.
   */
  level?: TrayLevel;
  /** The product's name in the snapshot's language (set by the core when it builds a snapshot). */
  label?: string;
}

export interface UsageTrendView {
  resourceId: string;
  unit: string;
  points: Array<{ label: string; value: number }>;
  /** The product's name in the snapshot's language. */
  label?: string;
}

export type ServiceStateView = 'running' | 'paused' | 'terminated' | 'notActivated' | 'unknown';

export interface ServiceView {
  resourceId: string;
  label: string;
  /** The Status string exactly as the service reported it. */
  status: string;
  state: ServiceStateView;
  /** A pause/resume the user asked for that the service has not yet confirmed. */
  pending: null | 'pausing' | 'resuming';
  lastCommandError?: CallErrorView;
  /** When this app first saw the service paused (its own pause, or a poll that found it so). */
  pausedSince?: number;
}

/**
 * What drives an account's state: the figure of the worst level, the more important product
 * first. The tray figure is this one's percentage.
 */
export type HeadlineCause =
  | { kind: 'pack'; resourceId: string; percentUsed: number; level: TrayLevel }
  | { kind: 'rateLimit'; resourceId: string; quotaType: string; percent: number; level: TrayLevel }
  | { kind: 'paused'; resourceId: string; since: number | null }
  | { kind: 'error'; action: string; code: string };

/** The glance: one account's state in the few figures that matter. Language-neutral. */
export interface HeadlineView {
  level: TrayLevel;
  cause: HeadlineCause | null;
  /** Percent in use of the cause (pack spend or rate-limit use), rounded; null for paused/error/none. */
  figure: number | null;
  /** The main product (the most important watched product with packs, else the most important watched). */
  mainResourceId: string | null;
  /** What is left of the main product's packs. */
  main: { remaining: number; purchased: number; unit: string; percentLeft: number } | null;
  /** Today's highest rate-limit use. */
  ratePeak: { resourceId: string; quotaType: string; percent: number } | null;
  /** The earliest expiry of a pack that still has balance. */
  expiry: { resourceId: string; expires: string; at: number; remaining: number; unit: string } | null;
  /** ResourcePacksStatus answered with nothing for the watched services. */
  nothingFound: boolean;
}

export interface AccountView {
  profileId: string;
  lastUpdatedAt: number | null;
  polling: boolean;
  error: CallErrorView | null;
  packs: PackBalanceView[];
  rateLimits: RateLimitView[];
  usageTrends: UsageTrendView[];
  services: ServiceView[];
  level: TrayLevel;
  headline: HeadlineView;
  /** When the next poll is due (backoff included), if one is scheduled. */
  nextPollAt: number | null;
  /** The watched services' resource IDs (for "nothing found for these services"). */
  watched: string[];
}

export interface ProfileSummary {
  id: string;
  name: string;
  usesEmulator: boolean;
  level: TrayLevel;
  /** The account's headline, so the header can name what needs attention elsewhere. */
  headline?: HeadlineView;
}

export interface DashboardSnapshot {
  profiles: ProfileSummary[];
  activeProfileId: string;
  overall: TrayLevel;
  account: AccountView;
  thresholds: { warningPercent: number; criticalPercent: number };
  now: number;
  /** The language everything is shown in (the setting, or the OS locale). */
  locale: 'zh-CN' | 'en';
}

export interface ProfileSettingsView {
  id: string;
  name: string;
  accessKeyId: string;
  /** Whether a secret is stored (SettingsView.secretStore says where); the secret itself never reaches the renderer. */
  hasSecret: boolean;
  region: string;
  endpoint: string;
  projectName: string;
  useEmulator: boolean;
  pollIntervalSec: number;
  warningPercent: number;
  criticalPercent: number;
  /** Which services this account watches (the API cannot list them). */
  watchedServices: WatchedServiceSetting[];
  /**
   * The endpoint the stored secret was saved with: it signs calls to that endpoint only, and a
   * new endpoint needs the secret typed again. Absent on profiles saved before it existed: their
   * secret belongs to `endpoint` as it is. Set by the core, never by a form.
   */
  secretEndpoint?: string;
}

/** A watched service: its ResourceID, and the BlueprintID ServiceStatus needs (when known). */
export interface WatchedServiceSetting {
  resourceId: string;
  blueprintId?: number;
}

/** A product the settings offer in the services picker (from @volc-speech/client KNOWN_SERVICES). */
export interface KnownServiceView {
  resourceId: string;
  blueprintId?: number;
  name: string;
}

export interface SettingsView {
  profiles: ProfileSettingsView[];
  activeProfileId: string;
  startAtLogin: boolean;
  /**
   * Where the secrets are kept (system keychain, Electron safeStorage file, or memory only),
   * in one sentence for the settings page. The core always sets it.
   */
  secretStore?: { kind: 'keychain' | 'safeStorage' | 'memory'; description: string };
  language: LanguageSetting;
  locale: 'zh-CN' | 'en';
  /** The picker's products, named in `locale`. */
  knownServices: KnownServiceView[];
  /** What a new profile watches. */
  defaultWatchedServices: WatchedServiceSetting[];
}

export interface ProfileInput extends Omit<ProfileSettingsView, 'hasSecret' | 'id' | 'watchedServices' | 'secretEndpoint'> {
  id?: string;
  /** Omitted: a new profile watches the defaults, an existing one keeps its list. */
  watchedServices?: WatchedServiceSetting[];
  /** Write-only: set to store a new secret; omit to keep the stored one. */
  secretAccessKey?: string;
}

export type CommandOutcome =
  | { ok: true; state: ServiceStateView; status: string }
  | { ok: false; error: CallErrorView; state: ServiceStateView; status: string };

/** The disruptive service commands: each needs a confirmation the user gave (TrayBridge.confirmCommand). */
export type ServiceCommandName = 'pause' | 'resume';

/** What the user confirmed: one command on one service of one profile. */
export interface CommandConfirmationRequest {
  operation: ServiceCommandName;
  profileId: string;
  resourceId: string;
}

/** A one-time token for exactly that command, valid until `expiresAt` (core clock). */
export interface CommandConfirmation {
  token: string;
  expiresAt: number;
}

export type ConnectionTestResult = { ok: true; detail: string; requestId?: string } | { ok: false; error: CallErrorView };

export interface TrayNotification {
  id: string;
  title: string;
  body: string;
  level: TrayLevel;
  at: number;
}

/** Views the popover can be asked to show from outside (the tray menu's "Settings…"). */
export type PopoverView = 'dashboard' | 'settings';

export interface TrayBridge {
  getSnapshot(): Promise<DashboardSnapshot>;
  onSnapshot(listener: (snapshot: DashboardSnapshot) => void): () => void;
  onNotification(listener: (notification: TrayNotification) => void): () => void;
  refresh(): Promise<void>;
  /**
   * The user confirmed a pause or resume (the page's dialog, the tray menu's native dialog):
   * a one-time token for exactly that command on that service, short-lived.
   */
  confirmCommand(request: CommandConfirmationRequest): Promise<CommandConfirmation>;
  /**
   * Pause or resume one service. `confirmation` is a token from confirmCommand for this very
   * command; without a valid one the call is refused (ConfirmationRequiredError) and nothing is sent.
   */
  setServicePaused(profileId: string, resourceId: string, paused: boolean, confirmation?: string): Promise<CommandOutcome>;
  selectProfile(profileId: string): Promise<void>;
  getSettings(): Promise<SettingsView>;
  saveProfile(input: ProfileInput): Promise<SettingsView>;
  deleteProfile(profileId: string): Promise<SettingsView>;
  setStartAtLogin(enabled: boolean): Promise<SettingsView>;
  /** The language setting (app-wide); the next snapshot carries the new locale. */
  setLanguage(language: LanguageSetting): Promise<SettingsView>;
  testConnection(input: ProfileInput): Promise<ConnectionTestResult>;
  /**
   * Optional: main asks the popover to show a view (Electron only; the core and the preview
   * do not implement it). The renderer subscribes when the bridge has it.
   */
  onNavigate?(listener: (view: PopoverView) => void): () => void;
}
