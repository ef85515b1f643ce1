/**
 * Which credentials, region, endpoint and watched services are in effect, and where each came
 * from (for `whoami`). Order, first wins:
 *   credentials: VOLC_ACCESSKEY/VOLC_SECRETKEY → our profile → the Volcengine CLI's profile → none (emulator)
 *   region / endpoint: flag → environment → profile → default
 *   services (status): --services → VOLC_SPEECH_SERVICES → profile → default set
 * The profile is --profile, else VOLC_PROFILE, else "default" (for the Volcengine CLI's file:
 * its own `current` profile when none was named).
 */
import { DEFAULT_ENDPOINT, DEFAULT_REGION, type Env, type SigningCredentials } from '@volc-speech/client';
import { checkEndpoint, checkRegion, splitList } from '../parseArgs.js';
import { defaultWatchedServices } from '../status/watchedServices.js';
import { UsageError } from '../usageError.js';
import { keychainAccount, openKeychain } from './keychain.js';
import { ProfileStore } from './profileStore.js';
import { readVolcengineCliConfig } from './volcengineCli.js';

export interface Sourced<T> {
  value: T;
  /** e.g. `--region`, `VOLC_REGION`, `profile "ops" (~/.config/volc-speech/config.json)`, `default`. */
  source: string;
}

export interface ResolvedSettings {
  profileName: Sourced<string>;
  credentials?: Sourced<SigningCredentials>;
  region: Sourced<string>;
  endpoint: Sourced<string>;
  /** True when the endpoint was chosen (flag, environment or profile), not the default. */
  endpointChosen: boolean;
  services: Sourced<string[]>;
}

export interface SettingsInput {
  env: Env;
  profile?: string;
  region?: string;
  endpoint?: string;
  services?: string[];
}

function envVar(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

interface ProfileView {
  accessKeyId?: string;
  secretAccessKey?: string;
  sessionToken?: string;
  region?: string;
  endpoint?: string;
  services?: string[];
  label: string;
  secretLabel?: string;
}

async function findProfile(env: Env, name: string, explicit: boolean, needSecret: boolean): Promise<ProfileView | undefined> {
  const store = new ProfileStore(env);
  const ours = store.profiles().get(name);
  if (ours) {
    const view: ProfileView = { label: `profile "${name}" (${store.configFile})` };
    if (ours.region) view.region = ours.region;
    if (ours.endpoint) view.endpoint = ours.endpoint;
    if (ours.services) view.services = ours.services;
    if (ours.accessKeyId) {
      view.accessKeyId = ours.accessKeyId;
      if (needSecret) {
        if (ours.secret === 'keychain') {
          const keychain = await openKeychain();
          const secret = await keychain?.get(keychainAccount(name));
          if (!secret) throw new UsageError(`profile "${name}" keeps its secret key in the OS keychain, which ${keychain ? 'has no entry for it' : 'cannot be reached here'}: run volc-speech configure --profile ${name} again, or set VOLC_ACCESSKEY and VOLC_SECRETKEY`);
          view.secretAccessKey = secret;
          view.secretLabel = 'OS keychain';
        } else {
          const secret = store.fileSecret(name);
          if (!secret) throw new UsageError(`profile "${name}" has no secret key in ${store.credentialsFile}: run volc-speech configure --profile ${name} again`);
          view.secretAccessKey = secret;
          view.secretLabel = store.credentialsFile;
        }
      }
    }
    return view;
  }
  const ve = readVolcengineCliConfig(env);
  const veName = explicit ? name : (ve?.current ?? name);
  const theirs = ve?.profiles.get(veName);
  if (ve && theirs) {
    const view: ProfileView = { label: `Volcengine CLI profile "${veName}" (${ve.file})`, secretLabel: ve.file };
    if (theirs.accessKeyId && theirs.secretAccessKey && (theirs.mode ?? 'ak') === 'ak') {
      view.accessKeyId = theirs.accessKeyId;
      view.secretAccessKey = theirs.secretAccessKey;
      if (theirs.sessionToken) view.sessionToken = theirs.sessionToken;
    }
    if (theirs.region) view.region = theirs.region;
    if (theirs.endpoint) view.endpoint = theirs.endpoint;
    return view;
  }
  if (explicit) {
    const known = [...store.profiles().keys(), ...(ve ? [...ve.profiles.keys()].map((p) => `${p} (Volcengine CLI)`) : [])];
    throw new UsageError(`no profile named "${name}"${known.length ? ` (known: ${known.join(', ')})` : ''}: create it with volc-speech configure --profile ${name}`);
  }
  return undefined;
}

export async function resolveSettings(input: SettingsInput): Promise<ResolvedSettings> {
  const { env } = input;
  const profileFromEnv = envVar(env, 'VOLC_PROFILE');
  const profileName: Sourced<string> = input.profile
    ? { value: input.profile, source: '--profile' }
    : profileFromEnv
      ? { value: profileFromEnv, source: 'VOLC_PROFILE' }
      : { value: 'default', source: 'default' };
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(profileName.value)) throw new UsageError(`VOLC_PROFILE must be a profile name, got ${JSON.stringify(profileName.value)}`);

  const envKey = envVar(env, 'VOLC_ACCESSKEY');
  const envSecret = envVar(env, 'VOLC_SECRETKEY');
  if (Boolean(envKey) !== Boolean(envSecret)) {
    const missing = envKey ? 'VOLC_SECRETKEY' : 'VOLC_ACCESSKEY';
    throw new UsageError(`${missing} is not set: set both VOLC_ACCESSKEY and VOLC_SECRETKEY, or neither (to use a profile or the emulator)`);
  }
  const profile = await findProfile(env, profileName.value, profileName.source !== 'default', !envKey);

  let credentials: Sourced<SigningCredentials> | undefined;
  if (envKey && envSecret) {
    const token = envVar(env, 'VOLC_SESSION_TOKEN');
    credentials = { value: { accessKeyId: envKey, secretAccessKey: envSecret, ...(token ? { sessionToken: token } : {}) }, source: 'VOLC_ACCESSKEY / VOLC_SECRETKEY' };
  } else if (profile?.accessKeyId && profile.secretAccessKey) {
    credentials = {
      value: { accessKeyId: profile.accessKeyId, secretAccessKey: profile.secretAccessKey, ...(profile.sessionToken ? { sessionToken: profile.sessionToken } : {}) },
      source: `${profile.label}, secret key in ${profile.secretLabel}`,
    };
  }
  if (credentials && !/^[\x21-\x7e]+$/.test(credentials.value.accessKeyId)) {
    throw new UsageError(`the access key from ${credentials.source} must be printable ASCII without spaces`);
  }

  const pick = (flag: string | undefined, flagName: string, envName: string, fromProfile: string | undefined, fallback: string, check: (where: string, v: string) => string): Sourced<string> => {
    if (flag !== undefined) return { value: flag, source: flagName };
    const fromEnv = envVar(env, envName);
    if (fromEnv !== undefined) return { value: check(envName, fromEnv), source: envName };
    if (fromProfile !== undefined && profile) return { value: check(`the region or endpoint of ${profile.label}`, fromProfile), source: profile.label };
    return { value: fallback, source: 'default' };
  };
  const region = pick(input.region, '--region', 'VOLC_REGION', profile?.region, DEFAULT_REGION, checkRegion);
  const endpoint = pick(input.endpoint, '--endpoint', 'VOLC_SPEECH_ENDPOINT', profile?.endpoint, DEFAULT_ENDPOINT, checkEndpoint);

  const envServices = envVar(env, 'VOLC_SPEECH_SERVICES');
  const services: Sourced<string[]> = input.services
    ? { value: input.services, source: '--services' }
    : envServices
      ? { value: splitList(envServices), source: 'VOLC_SPEECH_SERVICES' }
      : profile?.services?.length
        ? { value: profile.services, source: profile.label }
        : { value: defaultWatchedServices(), source: 'default' };

  const settings: ResolvedSettings = { profileName, region, endpoint, endpointChosen: endpoint.source !== 'default', services };
  if (credentials) settings.credentials = credentials;
  return settings;
}
