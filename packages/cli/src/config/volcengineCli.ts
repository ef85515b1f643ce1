/**
 * Profiles of the official Volcengine CLI (`ve`), read where its config file exists.
 * Its format (volcengine-cli cmd/configure.go): `~/.volcengine/config.json` =
 * `{ "current": NAME, "profiles": { NAME: { "mode": "ak"|"sso", "access-key", "secret-key",
 * "region", "endpoint", "session-token", ... } } }`. Only `ak` profiles carry keys we can use.
 */
import { readFileSync } from 'node:fs';
import type { Env } from '@volc-speech/client';
import { volcengineCliConfigFile } from './paths.js';

export interface VolcengineCliProfile {
  accessKeyId?: string;
  secretAccessKey?: string;
  sessionToken?: string;
  region?: string;
  endpoint?: string;
  mode?: string;
}

export interface VolcengineCliConfig {
  file: string;
  current?: string;
  profiles: Map<string, VolcengineCliProfile>;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function entries(value: unknown): Map<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? new Map(Object.entries(value)) : new Map();
}

/** Undefined when the file does not exist or is not JSON (that CLI's own problem, not ours to fail on). */
export function readVolcengineCliConfig(env: Env): VolcengineCliConfig | undefined {
  const file = volcengineCliConfigFile(env);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
  const top = entries(parsed);
  const profiles = new Map<string, VolcengineCliProfile>();
  for (const [name, value] of entries(top.get('profiles'))) {
    const fields = entries(value);
    const profile: VolcengineCliProfile = {};
    const set = (key: keyof VolcengineCliProfile, from: string) => {
      const v = str(fields.get(from));
      if (v) profile[key] = v;
    };
    set('accessKeyId', 'access-key');
    set('secretAccessKey', 'secret-key');
    set('sessionToken', 'session-token');
    set('region', 'region');
    set('endpoint', 'endpoint');
    set('mode', 'mode');
    profiles.set(name, profile);
  }
  const current = str(top.get('current'));
  return { file, profiles, ...(current ? { current } : {}) };
}
