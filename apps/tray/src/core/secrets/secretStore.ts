/**
 * Where each profile's secret access key lives: the OS keychain (keytar) in the app, or an
 * Electron safeStorage file where keytar cannot load, and memory in tests and the preview.
 * Nothing else in the app ever stores a secret. Every store says where it keeps them, so
 * the settings page can tell the user.
 */

/** Which kind of store holds the secrets, and one sentence for the settings page. */
export interface SecretStoreInfo {
  kind: 'keychain' | 'safeStorage' | 'memory';
  /** Kept after the app quits. */
  persistent: boolean;
  /** One line for the settings page, e.g. "Secrets are kept in the system keychain (keytar)." */
  description: string;
}

export interface SecretStore {
  readonly info: SecretStoreInfo;
  get(profileId: string): Promise<string | null>;
  set(profileId: string, secret: string): Promise<void>;
  delete(profileId: string): Promise<void>;
}

export const MEMORY_STORE_INFO: SecretStoreInfo = {
  kind: 'memory',
  persistent: false,
  description: '密钥仅保存在内存中 Secrets are kept in memory only: they are gone when this stops.',
};

export class MemorySecretStore implements SecretStore {
  private readonly secrets = new Map<string, string>();

  constructor(
    initial: Record<string, string> = {},
    readonly info: SecretStoreInfo = MEMORY_STORE_INFO,
  ) {
    for (const [id, secret] of Object.entries(initial)) this.secrets.set(id, secret);
  }

  async get(profileId: string): Promise<string | null> {
    return this.secrets.get(profileId) ?? null;
  }

  async set(profileId: string, secret: string): Promise<void> {
    this.secrets.set(profileId, secret);
  }

  async delete(profileId: string): Promise<void> {
    this.secrets.delete(profileId);
  }

  /** Never print the secrets, even by accident. */
  toJSON(): Record<string, string> {
    return Object.fromEntries([...this.secrets.keys()].map((id) => [id, '[redacted]']));
  }
}
