/**
 * The contract between the tray's renderer (a plain web page) and whatever backs it:
 * the Electron preload (contextBridge → IPC → main → core) or, in the browser preview
 * and the Chromium tests, an HTTP bridge to the same core running in Node.
 * The renderer sees only these types: never a secret, never Node or Electron.
 */

/** What the tray icon says at a glance; ordered from best to worst by TRAY_LEVEL_ORDER. */
export type TrayLevel = 'ok' | 'warning' | 'critical' | 'paused' | 'error';
export const TRAY_LEVEL_ORDER: readonly TrayLevel[] = ['ok', 'warning', 'critical', 'paused', 'error'];

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
  /** Earliest expiry among the packs, as the service displays it. */
  expires?: string;
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
}

export interface UsageTrendView {
  resourceId: string;
  unit: string;
  points: Array<{ label: string; value: number }>;
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
}

export interface ProfileSummary {
  id: string;
  name: string;
  usesEmulator: boolean;
  level: TrayLevel;
}

export interface DashboardSnapshot {
  profiles: ProfileSummary[];
  activeProfileId: string;
  overall: TrayLevel;
  account: AccountView;
  thresholds: { warningPercent: number; criticalPercent: number };
  now: number;
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
}

export interface ProfileInput extends Omit<ProfileSettingsView, 'hasSecret' | 'id'> {
  id?: string;
  /** Write-only: set to store a new secret; omit to keep the stored one. */
  secretAccessKey?: string;
}

export type CommandOutcome =
  | { ok: true; state: ServiceStateView; status: string }
  | { ok: false; error: CallErrorView; state: ServiceStateView; status: string };

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
  /** Pause or resume one service. The renderer asks the user to confirm a pause before calling. */
  setServicePaused(profileId: string, resourceId: string, paused: boolean): Promise<CommandOutcome>;
  selectProfile(profileId: string): Promise<void>;
  getSettings(): Promise<SettingsView>;
  saveProfile(input: ProfileInput): Promise<SettingsView>;
  deleteProfile(profileId: string): Promise<SettingsView>;
  setStartAtLogin(enabled: boolean): Promise<SettingsView>;
  testConnection(input: ProfileInput): Promise<ConnectionTestResult>;
  /**
   * Optional: main asks the popover to show a view (Electron only; the core and the preview
   * do not implement it). The renderer subscribes when the bridge has it.
   */
  onNavigate?(listener: (view: PopoverView) => void): () => void;
}
