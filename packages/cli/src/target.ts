/**
 * Which service the CLI talks to:
 * - VOLC_ACCESSKEY and VOLC_SECRETKEY set → Volcengine (or --endpoint), with those keys;
 * - otherwise → `resolveTarget()` of @volc-speech/emulator: the emulator at --endpoint /
 *   VOLC_SPEECH_ENDPOINT with its demo keys, else an emulator embedded in this process.
 * So every command works on a fresh machine, and nothing reaches Volcengine by accident.
 */
import { credentialsFromEnv, VolcSpeechClient, VolcSpeechError, type Env, type VolcSpeechClientOptions } from '@volc-speech/client';
import type { ResolvedTarget } from '@volc-speech/emulator';

export interface Target {
  client: VolcSpeechClient;
  /** Where calls go, for headers and notices: `https://open.volcengineapi.com (cn-north-1)`. */
  description: string;
  embedded: boolean;
  close(): Promise<void>;
}

export interface TargetOptions {
  env: Env;
  region?: string;
  endpoint?: string;
  timeoutMs?: number;
  /** One line for stderr, e.g. that the emulator is in use. */
  notice: (line: string) => void;
}

function noTarget(message: string, hint: string, cause?: unknown): VolcSpeechError {
  return new VolcSpeechError({ action: 'volc-speech', kind: 'credentials', code: 'MissingCredentials', serviceMessage: message, hint, ...(cause ? { cause } : {}) });
}

/** Loaded only without credentials: with real keys the CLI never loads (let alone starts) the emulator. */
async function resolveEmulatorTarget(env: Env): Promise<ResolvedTarget> {
  let emulator: typeof import('@volc-speech/emulator');
  try {
    emulator = await import('@volc-speech/emulator');
  } catch (error) {
    throw noTarget(
      `no VOLC_ACCESSKEY set, and the embedded emulator could not be loaded (${(error as Error).message})`,
      'Set VOLC_ACCESSKEY and VOLC_SECRETKEY to call Volcengine, or install @volc-speech/emulator.',
      error,
    );
  }
  try {
    return await emulator.resolveTarget(env);
  } catch (error) {
    // e.g. only one of the two keys set, or an endpoint that is not an emulator.
    throw noTarget((error as Error).message, 'Set both VOLC_ACCESSKEY and VOLC_SECRETKEY for Volcengine, or neither to use the embedded emulator.', error);
  }
}

export async function resolveCliTarget(options: TargetOptions): Promise<Target> {
  const base: VolcSpeechClientOptions = { env: options.env, ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) };
  const credentials = credentialsFromEnv(options.env);
  if (credentials) {
    const client = new VolcSpeechClient({
      ...base,
      credentials,
      ...(options.region ? { region: options.region } : {}),
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    });
    return { client, description: `${client.endpoint} (${client.region})`, embedded: false, close: async () => undefined };
  }

  // --region/--endpoint win over the environment, as they do with real credentials.
  const env: Env = {
    ...options.env,
    ...(options.region ? { VOLC_REGION: options.region } : {}),
    ...(options.endpoint ? { VOLC_SPEECH_ENDPOINT: options.endpoint } : {}),
  };
  const resolved = await resolveEmulatorTarget(env);
  const client = new VolcSpeechClient({ ...base, credentials: resolved.credentials, region: resolved.region, endpoint: resolved.endpoint });
  const external = Boolean(env['VOLC_SPEECH_ENDPOINT']?.trim());
  options.notice(
    external
      ? `no VOLC_ACCESSKEY set: using the emulator at ${client.endpoint} with its demo credentials`
      : `no VOLC_ACCESSKEY set: using the embedded emulator at ${client.endpoint}`,
  );
  return {
    client,
    description: `${client.endpoint} (${external ? 'emulator' : 'embedded emulator'}, ${client.region})`,
    embedded: !external,
    close: () => resolved.close(),
  };
}
