/**
 * The access keys the emulator accepts: AK → {SK, optional STS token, optional allowed actions}.
 *
 * The demo pair is public on purpose (printed by the CLI, written in docs): it only ever
 * opens this local emulator. Real keys never belong here; the CLI swaps in VOLC_ACCESSKEY /
 * VOLC_SECRETKEY only when the user sets them for a local run.
 */
import type { SigningCredentials } from '@volc-speech/client';

/** The client's credential shape, so a handle's credentials go straight into VolcSpeechClient. */
export type EmulatorCredentials = SigningCredentials;

export interface AccessKeyEntry extends EmulatorCredentials {
  /** When set, only these actions are allowed (others answer 403 AccessDenied, like a missing IAM policy). */
  allowedActions?: readonly string[];
}

export const DEMO_CREDENTIALS: Readonly<EmulatorCredentials> = Object.freeze({
  accessKeyId: 'AKLTZW11bGF0b3ItZGVtby1hY2Nlc3Mta2V5',
  secretAccessKey: 'ZW11bGF0b3ItZGVtby1zZWNyZXQ=',
});

export class AccessKeyTable {
  readonly #byId = new Map<string, AccessKeyEntry>();

  constructor(entries: readonly AccessKeyEntry[]) {
    if (entries.length === 0) throw new Error('The emulator needs at least one access key');
    for (const entry of entries) {
      if (!entry.accessKeyId || !entry.secretAccessKey) throw new Error('Every access key needs accessKeyId and secretAccessKey');
      this.#byId.set(entry.accessKeyId, { ...entry });
    }
  }

  find(accessKeyId: string): AccessKeyEntry | undefined {
    return this.#byId.get(accessKeyId);
  }

  /** The first entry: what `startEmulator` hands back as `credentials`. */
  primary(): EmulatorCredentials {
    const first = this.#byId.values().next().value as AccessKeyEntry;
    const { accessKeyId, secretAccessKey, sessionToken } = first;
    return sessionToken ? { accessKeyId, secretAccessKey, sessionToken } : { accessKeyId, secretAccessKey };
  }
}
