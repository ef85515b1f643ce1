/**
 * Where each profile's secret access key lives: the OS keychain in the app, memory in tests
 * and the preview. Nothing else in the app ever stores a secret.
 */
export interface SecretStore {
  get(profileId: string): Promise<string | null>;
  set(profileId: string, secret: string): Promise<void>;
  delete(profileId: string): Promise<void>;
}

export class MemorySecretStore implements SecretStore {
  private readonly secrets = new Map<string, string>();

  constructor(initial: Record<string, string> = {}) {
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
