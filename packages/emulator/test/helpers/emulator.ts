/** Starts an emulator for a test and a real client pointed at it; both are torn down by `close()`. */
import { VolcSpeechClient } from '@volc-speech/client';
import { startEmulator, type EmulatorHandle, type EmulatorOptions } from '../../src/index.js';

export interface TestTarget {
  emulator: EmulatorHandle;
  client: VolcSpeechClient;
  close(): Promise<void>;
}

/** The real client as the toolkit uses it, minus retries and the client-side limiter (tests want the raw answer). */
export function clientFor(emulator: EmulatorHandle, overrides: Partial<ConstructorParameters<typeof VolcSpeechClient>[0]> = {}): VolcSpeechClient {
  return new VolcSpeechClient({
    credentials: emulator.credentials,
    region: 'cn-north-1',
    endpoint: emulator.url,
    retry: false,
    rateLimit: false,
    env: {},
    ...overrides,
  });
}

export async function startTarget(options: EmulatorOptions = {}): Promise<TestTarget> {
  const emulator = await startEmulator({ quiet: true, ...options });
  const client = clientFor(emulator, options.clock ? { clock: { now: () => options.clock!.now(), sleep: async () => {} } } : {});
  return { emulator, client, close: () => emulator.close() };
}

/** The rejection of `promise` (fails the test if it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<Record<string, unknown> & { code: string; httpStatus?: number; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as Record<string, unknown> & { code: string; httpStatus?: number; message: string };
  }
  throw new Error('expected the call to fail, but it succeeded');
}
