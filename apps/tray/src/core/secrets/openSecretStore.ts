/**
 * Picks where the tray app keeps secrets, best first:
 *   1. the OS keychain through keytar (an optional native module: it needs libsecret to build on Linux);
 *   2. Electron's safeStorage, an encrypted file whose key the OS keychain holds;
 *   3. memory only, until the app quits, and the settings page says so.
 * Each step that is skipped is logged with its reason.
 */
import { KeytarSecretStore } from './keytarSecretStore.js';
import { SafeStorageSecretStore, safeStorageUnavailable, type SafeStorageLike } from './safeStorageSecretStore.js';
import { MemorySecretStore, type SecretStore } from './secretStore.js';

export interface OpenSecretStoreOptions {
  /** Loads the keytar store; rejects where keytar is missing or no keychain answers. */
  loadKeytar?: () => Promise<SecretStore>;
  /** Electron's safeStorage (after app ready), and the folder its file goes in. */
  safeStorage?: SafeStorageLike;
  directory: string;
  log?: (message: string) => void;
}

export async function openSecretStore(options: OpenSecretStoreOptions): Promise<SecretStore> {
  const log = options.log ?? (() => undefined);
  const reasons: string[] = [];
  try {
    const store = await (options.loadKeytar ?? (() => KeytarSecretStore.load()))();
    log(`secrets: ${store.info.description}`);
    return store;
  } catch (error) {
    reasons.push(`keytar: ${firstLine(error)}`);
  }
  if (options.safeStorage) {
    const unavailable = safeStorageUnavailable(options.safeStorage);
    if (unavailable === null) {
      const store = new SafeStorageSecretStore(options.safeStorage, options.directory);
      log(`secrets: keytar is not available (${reasons.join('; ')}). ${store.info.description}`);
      return store;
    }
    reasons.push(unavailable);
  }
  const store = new MemorySecretStore(
    {},
    {
      kind: 'memory',
      persistent: false,
      description: `密钥仅保存在内存中，退出即丢失 Secrets are kept in memory only until you quit: no system keychain is available (${reasons.join('; ')}). Install libsecret and gnome-keyring (or KWallet) to keep them.`,
    },
  );
  log(`secrets: ${store.info.description}`);
  return store;
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.slice(0, 200);
}
