/**
 * Which service the CLI talks to, from the resolved settings (config/settings.ts):
 * - credentials (environment or profile) → Volcengine (or the chosen endpoint);
 * - none, and an endpoint chosen → it must be a running emulator (its demo keys are used);
 * - none at all → an emulator embedded in this process, whose state is kept between commands
 *   in a per-user file (`volc-speech emulator reset` starts it afresh).
 * So every command works on a fresh machine, and nothing reaches Volcengine by accident.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { VolcSpeechClient, type ClientEvent, type FetchLike, type VolcSpeechClientOptions } from '@volc-speech/client';
import type { ResolvedTarget } from '@volc-speech/emulator';
import { emulatorStateFile } from './config/paths.js';
import type { ResolvedSettings } from './config/settings.js';
import { UsageError } from './usageError.js';

export interface Target {
  client: VolcSpeechClient;
  /** Where calls go, for headers and notices: `https://open.volcengineapi.com (cn-north-1)`. */
  description: string;
  embedded: boolean;
  close(): Promise<void>;
}

export interface TargetOptions {
  settings: ResolvedSettings;
  env: Readonly<Record<string, string | undefined>>;
  timeoutMs?: number;
  /** Replaces fetch (--dry-run captures, --debug logs). */
  fetch?: FetchLike;
  onEvent?: (event: ClientEvent) => void;
  retry?: false;
  /** One line for stderr, e.g. that the emulator is in use. */
  notice: (line: string) => void;
}

/** Loaded only without credentials: with real keys the CLI never loads (let alone starts) the emulator. */
async function loadEmulator(): Promise<typeof import('@volc-speech/emulator')> {
  try {
    return await import('@volc-speech/emulator');
  } catch (error) {
    throw new UsageError(
      `no credentials are set and the embedded emulator could not be loaded (${(error as Error).message.split('\n')[0]}): set VOLC_ACCESSKEY and VOLC_SECRETKEY, run volc-speech configure, or install @volc-speech/emulator`,
    );
  }
}

export async function resolveCliTarget(options: TargetOptions): Promise<Target> {
  const { settings } = options;
  const base: VolcSpeechClientOptions = {
    env: {},
    region: settings.region.value,
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.onEvent ? { onEvent: options.onEvent } : {}),
    ...(options.retry === false ? { retry: false } : {}),
  };
  if (settings.credentials) {
    const client = new VolcSpeechClient({ ...base, credentials: settings.credentials.value, endpoint: settings.endpoint.value });
    return { client, description: `${client.endpoint} (${client.region})`, embedded: false, close: async () => undefined };
  }

  const emulator = await loadEmulator();
  let resolved: ResolvedTarget;
  const stateFile = emulatorStateFile(options.env);
  if (!settings.endpointChosen) await mkdir(dirname(stateFile), { recursive: true, mode: 0o700 });
  try {
    // Only the endpoint (if chosen) is passed on: credentials were settled above.
    resolved = await emulator.resolveTarget(settings.endpointChosen ? { VOLC_SPEECH_ENDPOINT: settings.endpoint.value } : {}, { emulator: { stateFile } });
  } catch (error) {
    const message = (error as Error).message;
    if (/state file/i.test(message)) throw new UsageError(`the embedded emulator's saved state cannot be used (${message}): run volc-speech emulator reset`);
    throw new UsageError(
      settings.endpointChosen
        ? `${settings.endpoint.value} (from ${settings.endpoint.source}) does not answer as a volc-speech emulator, and no credentials are set: set VOLC_ACCESSKEY and VOLC_SECRETKEY (or run volc-speech configure) for a real endpoint`
        : message,
    );
  }
  const client = new VolcSpeechClient({ ...base, credentials: resolved.credentials, endpoint: resolved.endpoint });
  const embedded = !settings.endpointChosen;
  options.notice(
    embedded
      ? `no credentials set: using the embedded emulator at ${client.endpoint}; its state is kept between commands in ${stateFile} (volc-speech emulator reset starts afresh)`
      : `no credentials set: using the emulator at ${client.endpoint} with its demo credentials`,
  );
  return {
    client,
    description: `${client.endpoint} (${embedded ? 'embedded emulator' : 'emulator'}, ${client.region})`,
    embedded,
    close: () => resolved.close(),
  };
}
