/**
 * Every command and flag the CLI accepts, in one table. The parser, `--help`, "did you mean",
 * shell completion and docs/cli.md are all drawn from it, so they cannot disagree.
 */

export const OUTPUT_FORMATS = ['table', 'json', 'ndjson', 'csv'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** The built-in commands (an action name is the other kind of first word). */
export const COMMANDS = {
  actions: { usage: 'actions', summary: 'every action with its group, method, version and effect' },
  help: { usage: 'help [Action|command]', summary: "an action's fields, docs, open questions and a runnable example" },
  status: { usage: 'status [--services IDS] [--watch N]', summary: 'service state, resource packs left and rate-limit use today' },
  configure: { usage: 'configure [--profile P]', summary: 'write a profile: access key, region, endpoint, watched services (secret to the OS keychain or a 0600 file)' },
  whoami: { usage: 'whoami', summary: 'the credentials (masked), region and endpoint in effect, and where each came from' },
  completion: { usage: 'completion bash|zsh|fish', summary: 'a shell completion script for commands, actions, flags and field names' },
  emulator: { usage: 'emulator reset|where', summary: "the embedded emulator's saved state: reset it, or show where it is kept" },
} as const;
export type CommandName = keyof typeof COMMANDS;
export const COMMAND_NAMES = Object.keys(COMMANDS) as CommandName[];

/** Where a flag applies: 'call' is an action call. */
export type FlagScope = 'call' | CommandName;

export interface FlagSpec {
  name: `--${string}`;
  short?: `-${string}`;
  /** Placeholder of the value; absent for a switch. */
  value?: string;
  choices?: readonly string[];
  repeatable?: boolean;
  /** Undefined: every command. */
  scope?: readonly FlagScope[];
  doc: string;
}

const FORMATTED: readonly FlagScope[] = ['call', 'status', 'actions', 'whoami'];

export const FLAGS: readonly FlagSpec[] = [
  // Call options
  { name: '--param', short: '-p', value: 'Key=Value', repeatable: true, scope: ['call'], doc: 'a request field, converted by its type: numbers, true/false, lists as a,b,c (or repeat the flag), objects as JSON' },
  { name: '--json', value: "'{...}'|@FILE|-", scope: ['call'], doc: 'the whole request as JSON, inline, from a file (@file) or from standard input (-); --param values apply on top' },
  { name: '--all', scope: ['call'], doc: 'page through a paged action and print every item as it arrives' },
  { name: '--page-size', value: 'N', scope: ['call'], doc: 'items per request with --all' },
  { name: '--max-items', value: 'N', scope: ['call'], doc: 'stop after N items with --all' },
  { name: '--concurrency', value: 'N', scope: ['call'], doc: 'pages fetched at once with --all (default 4)' },
  { name: '--yes', short: '-y', scope: ['call'], doc: 'confirm an action that stops service or spends money' },
  { name: '--dry-run', scope: ['call'], doc: 'print the exact request that would be signed and sent (signature and token redacted) and send nothing' },
  { name: '--show-secrets', scope: ['call'], doc: 'print API key secrets (APIKey) in full; they are masked by default' },
  // Output
  { name: '--output', short: '-o', value: 'FORMAT', choices: OUTPUT_FORMATS, scope: FORMATTED, doc: 'table, json, ndjson or csv (action calls: table on a terminal, json otherwise; status, actions, whoami: table)' },
  { name: '--query', short: '-q', value: 'JMESPATH', scope: FORMATTED, doc: "a JMESPath expression applied to the result before printing, e.g. 'APIKeys[].Name'" },
  // status
  { name: '--services', value: 'IDS', repeatable: true, scope: ['status', 'configure'], doc: 'resource IDs to watch, comma-separated (default VOLC_SPEECH_SERVICES, the profile, else the default set)' },
  { name: '--project', value: 'NAME', scope: ['status'], doc: 'project name (default "default")' },
  { name: '--watch', value: 'SECONDS', scope: ['status'], doc: 'refresh every N seconds' },
  { name: '--count', value: 'N', scope: ['status'], doc: 'with --watch, stop after N refreshes' },
  // configure
  { name: '--access-key', value: 'AK', scope: ['configure'], doc: 'the access key ID to store (the secret key is asked for, or read from standard input)' },
  { name: '--secret-file', scope: ['configure'], doc: 'keep the secret key in a file with mode 0600 even when an OS keychain is available' },
  // Global
  { name: '--profile', value: 'NAME', doc: 'use this profile (default VOLC_PROFILE, else "default")' },
  { name: '--region', value: 'REGION', doc: 'region (default VOLC_REGION, the profile, else the client default)' },
  { name: '--endpoint', value: 'URL', doc: 'endpoint (default VOLC_SPEECH_ENDPOINT, the profile, else https://open.volcengineapi.com)' },
  { name: '--timeout', value: 'MS', doc: 'per HTTP attempt, in milliseconds (default 10000)' },
  { name: '--debug', doc: 'print each HTTP exchange and retry on stderr (signature, token and secrets redacted)' },
  { name: '--help', short: '-h', doc: 'show help' },
  { name: '--version', doc: 'print the version' },
];

export function flagsFor(scope: FlagScope): FlagSpec[] {
  return FLAGS.filter((flag) => !flag.scope || flag.scope.includes(scope));
}

export function findFlag(spelling: string): FlagSpec | undefined {
  return FLAGS.find((flag) => flag.name === spelling || flag.short === spelling);
}

export const ENVIRONMENT: ReadonlyArray<readonly [string, string]> = [
  ['VOLC_ACCESSKEY, VOLC_SECRETKEY, VOLC_SESSION_TOKEN', 'credentials (over any profile); without any, the embedded emulator answers'],
  ['VOLC_REGION, VOLC_SPEECH_ENDPOINT', 'region and endpoint'],
  ['VOLC_PROFILE', 'the profile to use (--profile wins)'],
  ['VOLC_SPEECH_SERVICES', 'resource IDs `status` watches, comma-separated (--services wins)'],
  ['VOLC_SPEECH_CONFIG_DIR', 'where our config file lives (default $XDG_CONFIG_HOME/volc-speech or ~/.config/volc-speech)'],
  ['VOLC_SPEECH_STATE_DIR', "where the embedded emulator keeps its state (default $XDG_STATE_HOME/volc-speech or ~/.local/state/volc-speech)"],
];
