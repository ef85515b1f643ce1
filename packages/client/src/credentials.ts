/**
 * Where credentials and endpoint settings come from, and how an access key is shown.
 *
 * The environment variable names are the ones the official Volcengine SDKs read, so a
 * machine already set up for them works here unchanged.
 */
import type { SigningCredentials } from './signer/index.js';

export type Env = Readonly<Record<string, string | undefined>>;

export interface EnvConfig {
  credentials?: SigningCredentials;
  region?: string;
  endpoint?: string;
}

/** A variable that is set but blank counts as unset: an empty secret is a mistake, not a value. */
function readVar(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

/**
 * `VOLC_ACCESSKEY`, `VOLC_SECRETKEY` and (for STS) `VOLC_SESSION_TOKEN`.
 * Undefined unless both the access key and the secret key are set.
 */
export function credentialsFromEnv(env: Env = process.env): SigningCredentials | undefined {
  const accessKeyId = readVar(env, 'VOLC_ACCESSKEY');
  const secretAccessKey = readVar(env, 'VOLC_SECRETKEY');
  if (!accessKeyId || !secretAccessKey) return undefined;
  const sessionToken = readVar(env, 'VOLC_SESSION_TOKEN');
  return sessionToken ? { accessKeyId, secretAccessKey, sessionToken } : { accessKeyId, secretAccessKey };
}

/** Credentials plus `VOLC_REGION` and `VOLC_SPEECH_ENDPOINT`; absent values stay absent so callers can apply defaults. */
export function configFromEnv(env: Env = process.env): EnvConfig {
  const config: EnvConfig = {};
  const credentials = credentialsFromEnv(env);
  if (credentials) config.credentials = credentials;
  const region = readVar(env, 'VOLC_REGION');
  if (region) config.region = region;
  const endpoint = readVar(env, 'VOLC_SPEECH_ENDPOINT');
  if (endpoint) config.endpoint = endpoint;
  return config;
}

/**
 * An access key as it may appear in messages and logs: first 4 and last 4 characters.
 * Short keys are masked entirely, because 4 + 4 characters would show all of them.
 */
export function redactAccessKey(accessKeyId: string): string {
  if (accessKeyId.length <= 12) return '****';
  return `${accessKeyId.slice(0, 4)}****${accessKeyId.slice(-4)}`;
}

/**
 * Scrubs known secrets and access keys out of text the service or the network stack
 * produced (e.g. InvalidAccessKey echoes the key as `[AKLT…]`).
 */
export function redactText(text: string, known: { accessKeyId?: string; secrets?: readonly string[] } = {}): string {
  let out = text;
  for (const secret of known.secrets ?? []) {
    if (secret) out = out.split(secret).join('[redacted]');
  }
  if (known.accessKeyId) out = out.split(known.accessKeyId).join(redactAccessKey(known.accessKeyId));
  // Bracketed tokens that look like an access key (Volcengine AKs start with AK, e.g. AKLT…).
  out = out.replace(/\[(AK[A-Za-z0-9_\-+/=]{6,})\]/g, (_m, ak: string) => `[${redactAccessKey(ak)}]`);
  return out;
}
