/**
 * Secrets encrypted with Electron's safeStorage (the OS keychain holds the key: Keychain on
 * macOS, DPAPI on Windows, the Secret Service or KWallet on Linux) in one file in the app's
 * data folder. The tray uses it where keytar did not build or cannot load.
 *
 * The file holds `{ "version": 1, "secrets": { "<profileId>": "<base64 ciphertext>" } }`,
 * written atomically with mode 0600; the plain secret never reaches the disk.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { SecretStore, SecretStoreInfo } from './secretStore.js';

/** The part of Electron's `safeStorage` used here. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: 'basic_text' means no keychain holds the key (a fixed, well-known one does). */
  getSelectedStorageBackend?(): string;
}

export const SAFE_STORAGE_FILE = 'secrets.safe-storage.json';

/**
 * Why safeStorage cannot keep secrets safely here, or null when it can. On Linux with no
 * Secret Service or KWallet, safeStorage "encrypts" with a fixed key: that is plain text in
 * all but name, so the tray does not use it.
 */
export function safeStorageUnavailable(safeStorage: SafeStorageLike): string | null {
  if (!safeStorage.isEncryptionAvailable()) return 'Electron safeStorage has no encryption here';
  const backend = safeStorage.getSelectedStorageBackend?.();
  if (backend === 'basic_text' || backend === 'unknown') return `Electron safeStorage found no keychain for its key (backend ${backend})`;
  return null;
}

export class SafeStorageSecretStore implements SecretStore {
  readonly info: SecretStoreInfo;
  private readonly file: string;

  constructor(
    private readonly safeStorage: SafeStorageLike,
    directory: string,
  ) {
    this.file = path.join(directory, SAFE_STORAGE_FILE);
    const backend = safeStorage.getSelectedStorageBackend?.();
    this.info = {
      kind: 'safeStorage',
      persistent: true,
      description: `密钥加密保存 Secrets are kept encrypted by Electron safeStorage${backend ? ` (key in ${backend})` : ''} in ${this.file}.`,
    };
  }

  async get(profileId: string): Promise<string | null> {
    const encrypted = this.read().get(profileId);
    return encrypted === undefined ? null : this.safeStorage.decryptString(Buffer.from(encrypted, 'base64'));
  }

  async set(profileId: string, secret: string): Promise<void> {
    const entries = this.read();
    entries.set(profileId, this.safeStorage.encryptString(secret).toString('base64'));
    this.write(entries);
  }

  async delete(profileId: string): Promise<void> {
    const entries = this.read();
    if (entries.delete(profileId)) this.write(entries);
  }

  /** Profile id → base64 ciphertext. A Map: profile ids come from a file. */
  private read(): Map<string, string> {
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
      throw error;
    }
    const doc = JSON.parse(text) as { version?: unknown; secrets?: unknown };
    if (doc.version !== 1 || typeof doc.secrets !== 'object' || doc.secrets === null) {
      throw new Error(`${this.file} is not a secrets file this app wrote (version ${String(doc.version)}); move it away to start afresh.`);
    }
    const entries = new Map<string, string>();
    for (const [id, value] of Object.entries(doc.secrets as Record<string, unknown>)) {
      if (typeof value === 'string') entries.set(id, value);
    }
    return entries;
  }

  private write(entries: Map<string, string>): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const secrets = Object.fromEntries(entries);
    const temp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, `${JSON.stringify({ version: 1, secrets }, null, 2)}\n`, { mode: 0o600 });
    fs.renameSync(temp, this.file);
  }
}
