/**
 * The OS keychain through keytar, loaded only when needed and only if installed (it is an
 * optional native dependency): macOS Keychain, Windows Credential Vault, or the Secret
 * Service (GNOME Keyring, KWallet) on Linux. Absent or unreachable → undefined, and the
 * caller falls back to a 0600 file and says so.
 */
export const KEYCHAIN_SERVICE = 'volc-speech';

export interface Keychain {
  get(account: string): Promise<string | undefined>;
  set(account: string, secret: string): Promise<void>;
  remove(account: string): Promise<void>;
}

interface KeytarModule {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export function keychainAccount(profile: string): string {
  return `profile:${profile}`;
}

/** Why the keychain is not usable, for the plain-spoken fallback message. */
export let keychainUnavailableReason = '';

export async function openKeychain(): Promise<Keychain | undefined> {
  let keytar: KeytarModule;
  try {
    // A variable, so bundlers and tsc do not require the optional module to exist.
    const name = 'keytar';
    const loaded = (await import(name)) as { default?: KeytarModule } & KeytarModule;
    keytar = loaded.default ?? loaded;
  } catch (error) {
    keychainUnavailableReason = `keytar is not installed (${(error as Error).message.split('\n')[0]})`;
    return undefined;
  }
  try {
    // A harmless read proves the keychain answers (on Linux: a running Secret Service).
    await keytar.getPassword(KEYCHAIN_SERVICE, '__probe__');
  } catch (error) {
    keychainUnavailableReason = `the OS keychain did not answer (${(error as Error).message.split('\n')[0]})`;
    return undefined;
  }
  return {
    get: async (account) => (await keytar.getPassword(KEYCHAIN_SERVICE, account)) ?? undefined,
    set: (account, secret) => keytar.setPassword(KEYCHAIN_SERVICE, account, secret),
    remove: async (account) => {
      await keytar.deletePassword(KEYCHAIN_SERVICE, account);
    },
  };
}
