/**
 * Where the CLI, the n8n examples and the tray send their calls when nobody configured anything.
 *
 * 1. VOLC_ACCESSKEY and VOLC_SECRETKEY set → the real service, with VOLC_SESSION_TOKEN,
 *    VOLC_REGION and VOLC_SPEECH_ENDPOINT when given (read by the client's configFromEnv, so
 *    both packages agree on the variables).
 * 2. Otherwise, VOLC_SPEECH_ENDPOINT set → it must be a running emulator (checked with its
 *    /__emulator/health); the demo credentials are used. A set endpoint that is not an
 *    emulator is an error rather than silently ignored: the user asked for that endpoint.
 * 3. Otherwise → an emulator started in this process on 127.0.0.1 with a free port; `close()`
 *    stops it.
 * Only one of the two keys set is an error too: half a credential is a mistake, and falling
 * back to the emulator would hide it.
 */
import { configFromEnv, DEFAULT_ENDPOINT, DEFAULT_REGION, SERVICE_NAME, type Env } from '@volc-speech/client';
import { DEMO_CREDENTIALS, type EmulatorCredentials } from './auth/accessKeys.js';
import { CONTROL_PREFIX } from './control.js';
import { startEmulator, type EmulatorOptions } from './server.js';

export interface ResolvedTarget {
  kind: 'real' | 'emulator';
  credentials: EmulatorCredentials;
  region: string;
  endpoint: string;
  /** Stops the embedded emulator; a no-op otherwise. */
  close(): Promise<void>;
}

export interface ResolveTargetOptions {
  /** Options of the embedded emulator (default: quiet). */
  emulator?: EmulatorOptions;
  /** How long to wait for VOLC_SPEECH_ENDPOINT's health answer (default 2000 ms). */
  probeTimeoutMs?: number;
  fetch?: typeof fetch;
}

const isSet = (env: Env, name: string) => Boolean(env[name]?.trim());

export async function resolveTarget(env: Env = process.env, opts: ResolveTargetOptions = {}): Promise<ResolvedTarget> {
  const config = configFromEnv(env);
  const region = config.region ?? DEFAULT_REGION;
  const noop = async () => {};

  if (config.credentials) {
    return { kind: 'real', credentials: config.credentials, region, endpoint: config.endpoint ?? DEFAULT_ENDPOINT, close: noop };
  }
  if (isSet(env, 'VOLC_ACCESSKEY') || isSet(env, 'VOLC_SECRETKEY')) {
    const missing = isSet(env, 'VOLC_ACCESSKEY') ? 'VOLC_SECRETKEY' : 'VOLC_ACCESSKEY';
    throw new Error(`${missing} is not set: set both VOLC_ACCESSKEY and VOLC_SECRETKEY, or neither to use the emulator`);
  }

  if (config.endpoint) {
    if (!(await isEmulator(config.endpoint, opts))) {
      throw new Error(
        `VOLC_SPEECH_ENDPOINT=${config.endpoint} does not answer as a volc-speech emulator, and no VOLC_ACCESSKEY/VOLC_SECRETKEY are set: set the credentials for a real endpoint, or unset VOLC_SPEECH_ENDPOINT to start an embedded emulator`,
      );
    }
    return { kind: 'emulator', credentials: { ...DEMO_CREDENTIALS }, region, endpoint: config.endpoint.replace(/\/+$/, ''), close: noop };
  }

  const emulator = await startEmulator({ quiet: true, ...opts.emulator, host: opts.emulator?.host ?? '127.0.0.1', port: opts.emulator?.port ?? 0 });
  return { kind: 'emulator', credentials: emulator.credentials, region, endpoint: emulator.url, close: () => emulator.close() };
}

async function isEmulator(endpoint: string, opts: ResolveTargetOptions): Promise<boolean> {
  const fetchImpl = opts.fetch ?? fetch;
  try {
    const response = await fetchImpl(new URL(`${CONTROL_PREFIX}health`, endpoint), { signal: AbortSignal.timeout(opts.probeTimeoutMs ?? 2000) });
    if (!response.ok) return false;
    const health = (await response.json()) as { ok?: unknown; service?: unknown };
    return health.ok === true && health.service === SERVICE_NAME;
  } catch {
    return false;
  }
}
