/**
 * The tray core: plain TypeScript, no Electron. The Electron main process and the browser
 * preview server build a TrayCore and delegate to it.
 */
export { aggregateProfiles, causingProfile, localizedAccount, TrayCore, UnknownProfileError, type TrayCoreOptions, type TrayModel, type LoginItems } from './trayCore.js';
export { accountHeadline, concernOrder, mainProduct } from './headline.js';
export { EXPIRY_WARNING_DAYS, ExpiryTracker, expiryStep, type ExpiryWarning } from './expiry.js';
export { AccountMonitor, CredentialsError, InsecureEndpointError, NoCredentialsError, resolveTarget, SecretEndpointError, testConnectionTo } from './accountMonitor.js';
export { CONFIRMATION_TTL_MS, ConfirmationGate, ConfirmationRequiredError } from './confirmations.js';
export { applyFetch, accountLevel, emptyAccountView, parseServiceTime, withHeadline, packBalances, rateLimits, relevel, usageTrends, type AccountUpdate, type ServiceStateChange } from './accountView.js';
export { fetchAccount, fetchAllPacks, failedFetch, type AccountFetch, type CallResult } from './accountFetch.js';
export { createClientApiFactory, type ApiHooks, type ConnectionTarget, type SpeechApi, type SpeechApiFactory } from './api.js';
export { localError, redact, toCallErrorView } from './callError.js';
export { sleep, systemClock, type Clock, type TimerHandle } from './clock.js';
export { runServiceCommand, type CommandContext } from './commandFlow.js';
export { EmulatorHost, startEmbeddedEmulator, type RunningEmulator, type StartEmulator } from './emulatorHost.js';
export { DEFAULT_THRESHOLDS, levelForPercent, levelRank, worstLevel, type Thresholds } from './levels.js';
export { crossingMessage, expiryMessage, RecordingNotifier, serviceChangeMessage, type Notifier } from './notifier.js';
export { Poller, type PollOutcome, type PollerOptions, type PollerState } from './poller.js';
export { defaultWatchedServices, knownServiceViews, productImportance, resourceLabel, statusServices } from './resources.js';
export { detectCrossings, ThresholdTracker, type ThresholdCrossing } from './thresholds.js';
export { MEMORY_STORE_INFO, MemorySecretStore, type SecretStore, type SecretStoreInfo } from './secrets/secretStore.js';
export { openSecretStore, type OpenSecretStoreOptions } from './secrets/openSecretStore.js';
export { SAFE_STORAGE_FILE, SafeStorageSecretStore, safeStorageUnavailable, type SafeStorageLike } from './secrets/safeStorageSecretStore.js';
export { KEYCHAIN_SERVICE, KeytarSecretStore, type KeytarLike } from './secrets/keytarSecretStore.js';
export { FileSettingsStore, type FileSettingsStoreOptions, type KeyValueFile, type KeyValueFileOptions } from './settings/fileSettingsStore.js';
export { MemorySettingsStore } from './settings/memorySettingsStore.js';
export { CURRENT_SETTINGS_VERSION, migrateSettings, normalizeSettings, SETTINGS_MIGRATIONS, SettingsVersionError, type MigrationResult } from './settings/migrations.js';
export { PROFILE_JSON_SCHEMA, SETTINGS_PROPERTIES_SCHEMA, SETTINGS_ROOT_SCHEMA } from './settings/schema.js';
export type { SettingsStore } from './settings/settingsStore.js';
export { DEFAULT_POLL_INTERVAL_SEC, LOCAL_PROFILE_ID, localEmulatorProfile, type StoredProfile, type StoredSettings } from './settings/settingsTypes.js';
