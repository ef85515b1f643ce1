/**
 * argv → what to do. Pure (no files, no environment), so every spelling the CLI accepts is
 * pinned by a unit test. Which flags exist and where they apply comes from commandLine.ts.
 */
import { ACTION_NAMES, closestActionNames, parseEndpoint, type ActionName } from '@volc-speech/client';
import { COMMAND_NAMES, FLAGS, OUTPUT_FORMATS, findFlag, type CommandName, type FlagScope, type OutputFormat } from './commandLine.js';
import { compileQuery, type CompiledQuery } from './output/query.js';
import { didYouMean } from './suggest.js';
import { UsageError } from './usageError.js';

export interface GlobalOptions {
  region?: string;
  endpoint?: string;
  timeoutMs?: number;
  profile?: string;
  debug?: boolean;
  output?: OutputFormat;
  query?: CompiledQuery;
}

/** Where --json comes from; files and stdin are read by the caller, so parsing stays pure. */
export type JsonSource = { kind: 'inline'; value: Record<string, unknown> } | { kind: 'file'; path: string } | { kind: 'stdin' };

export type Command =
  | { kind: 'usage' }
  | { kind: 'version' }
  | { kind: 'actions' }
  | { kind: 'help'; action?: ActionName; command?: CommandName }
  | { kind: 'status'; watchSeconds?: number; count?: number; projectName: string; services?: string[] }
  | { kind: 'configure'; accessKey?: string; services?: string[]; secretFile: boolean }
  | { kind: 'whoami' }
  | { kind: 'completion'; shell: 'bash' | 'zsh' | 'fish' }
  | { kind: 'emulator'; task: 'reset' | 'where' }
  | {
      kind: 'call';
      action: ActionName;
      json?: JsonSource;
      params: Array<[key: string, value: string]>;
      all: boolean;
      yes: boolean;
      dryRun: boolean;
      showSecrets: boolean;
      pageSize?: number;
      maxItems?: number;
      concurrency?: number;
    };

export interface ParsedArgs {
  command: Command;
  globals: GlobalOptions;
}

/** Exact name, else the one action that matches ignoring case (so `listAPIKeys` works too). */
export function resolveActionName(input: string): ActionName {
  if ((ACTION_NAMES as readonly string[]).includes(input)) return input as ActionName;
  const byCase = ACTION_NAMES.filter((name) => name.toLowerCase() === input.toLowerCase());
  if (byCase.length === 1) return byCase[0]!;
  const close = [...closestActionNames(input, 2), ...COMMAND_NAMES.filter((name) => didYouMean(input, [name]) !== '')].slice(0, 3);
  throw new UsageError(
    `unknown action or command "${input}"${close.length ? `: did you mean ${close.join(', ')}?` : ''} (volc-speech actions lists the actions, volc-speech --help the commands)`,
  );
}

function positiveNumber(flag: string, text: string, { integer, max }: { integer: boolean; max?: number }): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value)) || (max !== undefined && value > max)) {
    throw new UsageError(`${flag} needs a ${integer ? 'whole ' : ''}number above 0${max !== undefined ? ` and at most ${max}` : ''}, got ${JSON.stringify(text)}`);
  }
  return value;
}

/** Regions look like `cn-beijing` or `cn-north-1`; anything else would break the signature's scope. */
export function checkRegion(where: string, text: string): string {
  if (!/^[a-z]{2,}(?:-[a-z0-9]+){1,3}$/.test(text) || text.length > 40) {
    throw new UsageError(`${where} must be a region such as cn-beijing or cn-north-1, got ${JSON.stringify(text)}`);
  }
  return text;
}

export function checkEndpoint(where: string, text: string): string {
  try {
    parseEndpoint(text);
  } catch (error) {
    throw new UsageError(`${where} must be an http(s) URL such as https://open.volcengineapi.com, got ${JSON.stringify(text)} (${(error as Error).message})`);
  }
  return text;
}

function checkProfileName(text: string): string {
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(text)) throw new UsageError(`--profile must be a name of letters, digits, "_", "." or "-", got ${JSON.stringify(text)}`);
  return text;
}

export function parseJsonObject(where: string, text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${where} is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new UsageError(`${where} must be a JSON object, e.g. '{"ProjectName":"default"}'`);
  return value as Record<string, unknown>;
}

function jsonSource(text: string): JsonSource {
  if (text === '-') return { kind: 'stdin' };
  if (text.startsWith('@')) {
    if (text.length === 1) throw new UsageError('--json @FILE needs a file name after the @');
    return { kind: 'file', path: text.slice(1) };
  }
  return { kind: 'inline', value: parseJsonObject('--json', text) };
}

function splitParam(text: string): [string, string] {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new UsageError(`--param needs Key=Value, got ${JSON.stringify(text)}`);
  return [text.slice(0, eq).trim(), text.slice(eq + 1)];
}

export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

const SHELLS = ['bash', 'zsh', 'fish'] as const;

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const positionals: string[] = [];
  /** Canonical flag name → its values in order ('' for a switch). */
  const given = new Map<string, string[]>();

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    // --flag=value and --flag value are both accepted.
    const eq = arg.indexOf('=');
    const spelling = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = arg.startsWith('--') && eq > 0 ? arg.slice(eq + 1) : undefined;
    const flag = findFlag(spelling);
    if (!flag) {
      const all = FLAGS.flatMap((f) => (f.short ? [f.name, f.short] : [f.name]));
      throw new UsageError(`unknown option ${spelling}${didYouMean(spelling, all)} (volc-speech --help lists them)`);
    }
    let value = '';
    if (flag.value) {
      if (inline !== undefined) value = inline;
      else {
        const next = argv[i + 1];
        if (next === undefined) throw new UsageError(`${flag.name} needs a value (${flag.value})`);
        value = next;
        i++;
      }
    } else if (inline !== undefined) {
      throw new UsageError(`${flag.name} takes no value`);
    }
    const values = given.get(flag.name) ?? [];
    if (values.length && !flag.repeatable) throw new UsageError(`${flag.name} given twice`);
    values.push(value);
    given.set(flag.name, values);
  }

  const one = (name: string): string | undefined => given.get(name)?.[0];
  const has = (name: string): boolean => given.has(name);

  // Global options, checked whatever the command, so a bad value never reaches the signer.
  const globals: GlobalOptions = {};
  const region = one('--region');
  if (region !== undefined) globals.region = checkRegion('--region', region);
  const endpoint = one('--endpoint');
  if (endpoint !== undefined) globals.endpoint = checkEndpoint('--endpoint', endpoint);
  const timeout = one('--timeout');
  if (timeout !== undefined) globals.timeoutMs = positiveNumber('--timeout', timeout, { integer: true, max: 600_000 });
  const profile = one('--profile');
  if (profile !== undefined) globals.profile = checkProfileName(profile);
  if (has('--debug')) globals.debug = true;
  const output = one('--output');
  if (output !== undefined) {
    if (!(OUTPUT_FORMATS as readonly string[]).includes(output)) {
      throw new UsageError(`--output must be one of ${OUTPUT_FORMATS.join(', ')}, got ${JSON.stringify(output)}${didYouMean(output, OUTPUT_FORMATS)}`);
    }
    globals.output = output as OutputFormat;
  }
  const query = one('--query');
  if (query !== undefined) globals.query = compileQuery(query);

  const [first, ...rest] = positionals;
  const scope: FlagScope | undefined =
    first === undefined || has('--help') || has('--version') ? undefined : (COMMAND_NAMES as readonly string[]).includes(first) ? (first as CommandName) : 'call';
  if (scope) {
    for (const name of given.keys()) {
      const flag = findFlag(name)!;
      if (flag.scope && !flag.scope.includes(scope)) {
        throw new UsageError(`${flag.name} does not apply to ${scope === 'call' ? 'an action call' : scope} (it is for ${flag.scope.map((s) => (s === 'call' ? 'action calls' : s)).join(', ')})`);
      }
    }
  }
  const extra = (allowed: number) => {
    if (rest.length > allowed) throw new UsageError(`unexpected argument ${JSON.stringify(rest[allowed])}`);
  };
  const count = (name: string, max?: number) => {
    const text = one(name);
    return text === undefined ? undefined : positiveNumber(name, text, { integer: true, ...(max !== undefined ? { max } : {}) });
  };
  const services = given.get('--services')?.flatMap(splitList);

  if (has('--version')) return { command: { kind: 'version' }, globals };
  if (first === 'help' || (has('--help') && first !== undefined)) {
    const topic = first === 'help' ? rest[0] : first;
    if (first === 'help') extra(1);
    if (topic === undefined) return { command: { kind: 'usage' }, globals };
    if ((COMMAND_NAMES as readonly string[]).includes(topic)) return { command: { kind: 'help', command: topic as CommandName }, globals };
    return { command: { kind: 'help', action: resolveActionName(topic) }, globals };
  }
  if (has('--help')) return { command: { kind: 'usage' }, globals };
  if (first === undefined) throw new UsageError('no action or command given (volc-speech actions lists the actions; volc-speech --help explains the commands)');

  switch (first as CommandName | string) {
    case 'actions':
      extra(0);
      return { command: { kind: 'actions' }, globals };
    case 'whoami':
      extra(0);
      return { command: { kind: 'whoami' }, globals };
    case 'completion': {
      extra(1);
      const shell = rest[0];
      if (!shell || !(SHELLS as readonly string[]).includes(shell)) {
        throw new UsageError(`completion needs a shell: ${SHELLS.join(', ')}${shell ? `, got ${JSON.stringify(shell)}${didYouMean(shell, SHELLS)}` : ''}`);
      }
      return { command: { kind: 'completion', shell: shell as (typeof SHELLS)[number] }, globals };
    }
    case 'emulator': {
      extra(1);
      const task = rest[0];
      if (task !== 'reset' && task !== 'where') throw new UsageError(`emulator needs reset or where${task ? `, got ${JSON.stringify(task)}${didYouMean(task, ['reset', 'where'])}` : ''}`);
      return { command: { kind: 'emulator', task }, globals };
    }
    case 'configure': {
      extra(0);
      const command: Command = { kind: 'configure', secretFile: has('--secret-file') };
      const accessKey = one('--access-key');
      if (accessKey !== undefined) {
        if (!/^[\x21-\x7e]{4,128}$/.test(accessKey) || /[/,]/.test(accessKey)) throw new UsageError(`--access-key must be printable ASCII without spaces, "/" or ",", got ${JSON.stringify(accessKey.slice(0, 40))}`);
        command.accessKey = accessKey;
      }
      if (services) command.services = services;
      return { command, globals };
    }
    case 'status': {
      extra(0);
      const watch = one('--watch');
      const watchSeconds = watch === undefined ? undefined : positiveNumber('--watch', watch, { integer: false, max: 86_400 });
      const polls = count('--count', 1_000_000);
      if (polls !== undefined && watchSeconds === undefined) throw new UsageError('--count only applies together with --watch');
      const projectName = one('--project') ?? 'default';
      if (projectName.trim() === '') throw new UsageError('--project needs a project name, got ""');
      const command: Command = { kind: 'status', projectName };
      if (watchSeconds !== undefined) command.watchSeconds = watchSeconds;
      if (polls !== undefined) command.count = polls;
      if (services) {
        if (!services.length) throw new UsageError('--services needs at least one resource ID, e.g. volc.service_type.10029');
        command.services = services;
      }
      return { command, globals };
    }
  }

  const action = resolveActionName(first);
  extra(0);
  const all = has('--all');
  if (!all) {
    const stray = ['--page-size', '--max-items', '--concurrency'].find(has);
    if (stray) throw new UsageError(`${stray} only applies together with --all`);
  }
  const command: Command = {
    kind: 'call',
    action,
    params: (given.get('--param') ?? []).map(splitParam),
    all,
    yes: has('--yes'),
    dryRun: has('--dry-run'),
    showSecrets: has('--show-secrets'),
  };
  const json = one('--json');
  if (json !== undefined) command.json = jsonSource(json);
  const pageSize = count('--page-size', 10_000);
  if (pageSize !== undefined) command.pageSize = pageSize;
  const maxItems = count('--max-items');
  if (maxItems !== undefined) command.maxItems = maxItems;
  const concurrency = count('--concurrency', 16);
  if (concurrency !== undefined) command.concurrency = concurrency;
  return { command, globals };
}
