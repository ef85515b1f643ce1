/** Where the CLI keeps its files, per user, following XDG on every platform (overridable for tests and CI). */
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Env } from '@volc-speech/client';

function home(env: Env): string {
  return env['HOME']?.trim() || env['USERPROFILE']?.trim() || homedir();
}

/** Our config: `$VOLC_SPEECH_CONFIG_DIR`, else `$XDG_CONFIG_HOME/volc-speech`, else `~/.config/volc-speech`. */
export function configDir(env: Env): string {
  return env['VOLC_SPEECH_CONFIG_DIR']?.trim() || join(env['XDG_CONFIG_HOME']?.trim() || join(home(env), '.config'), 'volc-speech');
}

/** The embedded emulator's state: `$VOLC_SPEECH_STATE_DIR`, else `$XDG_STATE_HOME/volc-speech`, else `~/.local/state/volc-speech`. */
export function stateDir(env: Env): string {
  return env['VOLC_SPEECH_STATE_DIR']?.trim() || join(env['XDG_STATE_HOME']?.trim() || join(home(env), '.local', 'state'), 'volc-speech');
}

export function emulatorStateFile(env: Env): string {
  return join(stateDir(env), 'emulator-state.json');
}

/** The official Volcengine CLI (`ve`) keeps its profiles in ~/.volcengine/config.json (volcengine-cli util.GetConfigFileDir). */
export function volcengineCliConfigFile(env: Env): string {
  return join(home(env), '.volcengine', 'config.json');
}
