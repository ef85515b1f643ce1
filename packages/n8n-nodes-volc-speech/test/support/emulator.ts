/** An in-process emulator for the tests, plus the few control calls they use. */
import { VolcSpeechClient } from '@volc-speech/client';
import { startEmulator } from '@volc-speech/emulator';
import type { EmulatorHandle, EmulatorOptions } from '@volc-speech/emulator';

import type { VolcSpeechApiCredentials } from '../../nodes/VolcSpeech/transport';

export interface TestEmulator {
  emulator: EmulatorHandle;
  /** The n8n credential that points at it. */
  credentials: VolcSpeechApiCredentials;
  /** A client of our own, to check the emulator's state after a workflow ran. */
  client: VolcSpeechClient;
  control(path: string, body?: unknown): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

export async function startTestEmulator(options: EmulatorOptions = {}): Promise<TestEmulator> {
  const emulator = await startEmulator({ port: 0, quiet: true, ...options });
  const credentials: VolcSpeechApiCredentials = {
    accessKeyId: emulator.credentials.accessKeyId,
    secretAccessKey: emulator.credentials.secretAccessKey,
    region: 'cn-north-1',
    endpoint: emulator.url,
  };
  const client = new VolcSpeechClient({ credentials: emulator.credentials, endpoint: emulator.url, region: 'cn-north-1', env: {} });
  return {
    emulator,
    credentials,
    client,
    async control(path, body) {
      const response = await fetch(`${emulator.url}/__emulator/${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const json = (await response.json()) as Record<string, unknown>;
      if (!response.ok) throw new Error(`/__emulator/${path}: ${response.status} ${JSON.stringify(json)}`);
      return json;
    },
    close: () => emulator.close(),
  };
}

/** How much usage takes a resource's packs to `percent` of what was bought (Harvest numbers). */
export async function usageToReach(client: VolcSpeechClient, resourceId: string, percent: number): Promise<number> {
  const packs = (await client.listAllUnchecked('ResourcePacksStatus', { ProjectName: 'default', ResourceIDs: [resourceId] })) as Array<{
    State?: string;
    Harvest?: { PurchasedAmount?: number; CurrentUsage?: number };
  }>;
  let purchased = 0;
  let used = 0;
  for (const pack of packs) {
    if (/expire|invalid|refund|closed|terminat/i.test(pack.State ?? '')) continue;
    purchased += pack.Harvest?.PurchasedAmount ?? 0;
    used += pack.Harvest?.CurrentUsage ?? 0;
  }
  return Math.max(0, Math.ceil((purchased * percent) / 100 - used));
}
