/**
 * Our own profiles: `config.json` (no secrets) in configDir, each profile's secret key in the
 * OS keychain (keytar) or, where there is none, in `credentials.json` with mode 0600.
 *
 * Names in these files are treated as hostile: they are read into Maps, never used to index
 * plain objects.
 */
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Env } from '@volc-speech/client';
import { UsageError } from '../usageError.js';
import { configDir } from './paths.js';

export interface StoredProfile {
  accessKeyId?: string;
  region?: string;
  endpoint?: string;
  services?: string[];
  /** Where its secret key is kept. */
  secret?: 'keychain' | 'file';
}

export const CONFIG_FILE = 'config.json';
export const CREDENTIALS_FILE = 'credentials.json';

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file} is not valid JSON (${(error as Error).message}); fix it or run volc-speech configure again`);
  }
}

function entries(value: unknown): Map<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? new Map(Object.entries(value)) : new Map();
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function toProfile(value: unknown): StoredProfile {
  const fields = entries(value);
  const profile: StoredProfile = {};
  const accessKeyId = str(fields.get('accessKeyId'));
  if (accessKeyId) profile.accessKeyId = accessKeyId;
  const region = str(fields.get('region'));
  if (region) profile.region = region;
  const endpoint = str(fields.get('endpoint'));
  if (endpoint) profile.endpoint = endpoint;
  const services = fields.get('services');
  if (Array.isArray(services)) profile.services = services.filter((s): s is string => typeof s === 'string' && s.trim() !== '');
  const secret = fields.get('secret');
  if (secret === 'keychain' || secret === 'file') profile.secret = secret;
  return profile;
}

export class ProfileStore {
  readonly dir: string;
  constructor(env: Env) {
    this.dir = configDir(env);
  }

  get configFile(): string {
    return join(this.dir, CONFIG_FILE);
  }

  get credentialsFile(): string {
    return join(this.dir, CREDENTIALS_FILE);
  }

  profiles(): Map<string, StoredProfile> {
    const profiles = new Map<string, StoredProfile>();
    for (const [name, value] of entries(entries(readJson(this.configFile)).get('profiles'))) profiles.set(name, toProfile(value));
    return profiles;
  }

  /** The secret key kept in credentials.json, if any. */
  fileSecret(profile: string): string | undefined {
    return str(entries(entries(readJson(this.credentialsFile)).get(profile)).get('secretAccessKey'));
  }

  save(name: string, profile: StoredProfile): void {
    const profiles = this.profiles();
    profiles.set(name, profile);
    this.#write(this.configFile, { profiles: Object.fromEntries(profiles) }, 0o600);
  }

  /** Stores (or, with undefined, removes) a profile's secret in credentials.json. */
  saveFileSecret(name: string, secretAccessKey: string | undefined): void {
    const current = readJson(this.credentialsFile);
    if (current === undefined && secretAccessKey === undefined) return;
    const all = entries(current);
    if (secretAccessKey === undefined) all.delete(name);
    else all.set(name, { secretAccessKey });
    this.#write(this.credentialsFile, Object.fromEntries(all), 0o600);
  }

  /** temp file + rename, created with the final mode so the secret is never readable by others, not even briefly. */
  #write(file: string, value: unknown, mode: number): void {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, `${JSON.stringify(value, null, 2)}\n`, { mode });
    chmodSync(temp, mode);
    renameSync(temp, file);
  }
}
