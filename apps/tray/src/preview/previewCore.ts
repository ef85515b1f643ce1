/**
 * The TrayCore behind the browser preview: the real core, with settings and secrets in
 * memory (nothing on disk, no keychain prompt) and, by default, the single "Local emulator"
 * profile on the core's embedded emulator, so the preview shows live figures at once.
 */
import {
  MemorySecretStore,
  MemorySettingsStore,
  TrayCore,
  type RunningEmulator,
  type SecretStoreInfo,
  type StartEmulator,
  type StoredProfile,
  type TrayCoreOptions,
} from '../core/index.js';
import type { TrayBridge } from '../shared/bridge.js';

/** The preview never writes a secret anywhere, and the settings page says so. */
const PREVIEW_SECRET_STORE: SecretStoreInfo = {
  kind: 'memory',
  persistent: false,
  description: '预览：密钥仅保存在内存中 Browser preview: secrets are kept in memory only, never on disk, and are gone when it stops.',
};

export interface PreviewCoreOptions {
  /** Initial settings document (migrated like a settings file). Default: empty, i.e. the local emulator profile. */
  settings?: unknown;
  /** Secrets by profile id, as if already in the keychain. */
  secrets?: Record<string, string>;
  /** Poll period override (tests poll every second). Default: each profile's pollIntervalSec. */
  pollIntervalMs?: (profile: StoredProfile) => number;
  /** How the embedded emulator starts (tests hand over one they control). */
  startEmulator?: StartEmulator;
  commandConfirm?: TrayCoreOptions['commandConfirm'];
  log?: (message: string) => void;
}

export interface PreviewCore extends TrayBridge {
  close(): Promise<void>;
  /** The embedded emulator once a profile started it (its control endpoint is on the same URL). */
  runningEmulator(): Promise<RunningEmulator | null>;
}

export async function createPreviewCore(options: PreviewCoreOptions = {}): Promise<PreviewCore> {
  const core = new TrayCore({
    settings: new MemorySettingsStore(options.settings ?? {}),
    secrets: new MemorySecretStore(options.secrets ?? {}, PREVIEW_SECRET_STORE),
    // The preview has no OS login items; the setting is kept in memory only.
    loginItems: { setStartAtLogin: () => undefined },
    ...(options.pollIntervalMs ? { pollIntervalMs: options.pollIntervalMs } : {}),
    ...(options.startEmulator ? { startEmulator: options.startEmulator } : {}),
    ...(options.commandConfirm ? { commandConfirm: options.commandConfirm } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  await core.start();
  return Object.assign(core, { close: () => core.stop() });
}
