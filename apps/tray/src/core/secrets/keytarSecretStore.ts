/**
 * Secrets in the OS keychain through keytar: macOS Keychain, Windows Credential Vault,
 * the Secret Service (gnome-keyring, KWallet) on Linux. One entry per profile.
 */
import type { SecretStore } from './secretStore.js';

/** The part of keytar used here (keytar's default export satisfies it). */
export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export const KEYCHAIN_SERVICE = 'volc-speech-tray';

export class KeytarSecretStore implements SecretStore {
  constructor(
    private readonly keytar: KeytarLike,
    private readonly service: string = KEYCHAIN_SERVICE,
  ) {}

  /** Loads keytar (a native module) only when the app runs, never in the core's unit tests. */
  static async load(service: string = KEYCHAIN_SERVICE): Promise<KeytarSecretStore> {
    const mod = (await import('keytar')) as unknown as { default?: KeytarLike } & KeytarLike;
    return new KeytarSecretStore(mod.default ?? mod, service);
  }

  get(profileId: string): Promise<string | null> {
    return this.keytar.getPassword(this.service, profileId);
  }

  set(profileId: string, secret: string): Promise<void> {
    return this.keytar.setPassword(this.service, profileId, secret);
  }

  async delete(profileId: string): Promise<void> {
    await this.keytar.deletePassword(this.service, profileId);
  }
}
