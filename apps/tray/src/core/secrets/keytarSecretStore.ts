/**
 * Secrets in the OS keychain through keytar: macOS Keychain, Windows Credential Vault,
 * the Secret Service (gnome-keyring, KWallet) on Linux. One entry per profile.
 */
import type { SecretStore, SecretStoreInfo } from './secretStore.js';

/** The part of keytar used here (keytar's default export satisfies it). */
export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export const KEYCHAIN_SERVICE = 'volc-speech-tray';

export class KeytarSecretStore implements SecretStore {
  readonly info: SecretStoreInfo = {
    kind: 'keychain',
    persistent: true,
    description: '密钥保存在系统钥匙串 Secrets are kept in the system keychain (keytar).',
  };

  constructor(
    private readonly keytar: KeytarLike,
    private readonly service: string = KEYCHAIN_SERVICE,
  ) {}

  /**
   * Loads keytar (an optional native module) only when the app runs, and checks that it
   * reaches a keychain. Rejects where keytar did not build (no libsecret at install time)
   * or no keychain answers (no Secret Service on this desktop): the app then falls back.
   */
  static async load(service: string = KEYCHAIN_SERVICE, importKeytar: () => Promise<unknown> = () => import('keytar')): Promise<KeytarSecretStore> {
    const mod = (await importKeytar()) as { default?: KeytarLike } & KeytarLike;
    const keytar = mod.default ?? mod;
    // A lookup that finds nothing never prompts; it fails where no keychain answers.
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('the keychain did not answer within 5 s')), 5000);
    });
    try {
      await Promise.race([keytar.getPassword(service, '__volc_speech_probe__'), timeout]);
    } finally {
      clearTimeout(timer);
    }
    return new KeytarSecretStore(keytar, service);
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
