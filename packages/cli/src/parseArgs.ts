/**
 * argv → what to do. Pure, so every spelling the CLI accepts is pinned by a unit test.
 *
 *   volc-speech <Action> [--json '{...}'] [--param Key=Value ...] [--all] [--yes]
 *   volc-speech actions | help [Action] | status [--watch N] [--count M]
 * Global: --region R, --endpoint URL, --timeout MS, --help.
 */
import { ACTION_NAMES, closestActionNames, type ActionName } from '@volc-speech/client';
import { UsageError } from './usageError.js';

export interface GlobalOptions {
  region?: string;
  endpoint?: string;
  timeoutMs?: number;
}

export type Command =
  | { kind: 'usage' }
  | { kind: 'version' }
  | { kind: 'actions' }
  | { kind: 'help'; action?: ActionName }
  | { kind: 'status'; watchSeconds?: number; count?: number; projectName: string }
  | {
      kind: 'call';
      action: ActionName;
      /** From --json, before --param values are applied on top. */
      json?: Record<string, unknown>;
      params: Array<[key: string, value: string]>;
      all: boolean;
      yes: boolean;
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
  const close = closestActionNames(input);
  throw new UsageError(
    `unknown action or command "${input}"${close.length ? `: did you mean ${close.join(', ')}?` : ''} (volc-speech actions lists them)`,
  );
}

function positiveNumber(flag: string, text: string | undefined, { integer }: { integer: boolean }): number {
  const value = Number(text);
  if (text === undefined || text.trim() === '' || !Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new UsageError(`${flag} needs a ${integer ? 'whole ' : ''}number above 0, got ${text === undefined ? 'nothing' : JSON.stringify(text)}`);
  }
  return value;
}

function parseJsonObject(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--json is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new UsageError('--json must be a JSON object, e.g. \'{"ProjectName":"default"}\'');
  return value as Record<string, unknown>;
}

function splitParam(text: string): [string, string] {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new UsageError(`--param needs Key=Value, got ${JSON.stringify(text)}`);
  return [text.slice(0, eq).trim(), text.slice(eq + 1)];
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const globals: GlobalOptions = {};
  const positionals: string[] = [];
  const params: Array<[string, string]> = [];
  let json: Record<string, unknown> | undefined;
  let all = false;
  let yes = false;
  let help = false;
  let version = false;
  let watchSeconds: number | undefined;
  let count: number | undefined;
  let pageSize: number | undefined;
  let maxItems: number | undefined;
  let concurrency: number | undefined;
  let projectName: string | undefined;

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
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = arg.startsWith('--') && eq > 0 ? arg.slice(eq + 1) : undefined;
    const takeValue = (): string => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined) throw new UsageError(`${flag} needs a value`);
      i++;
      return next;
    };
    const noValue = () => {
      if (inline !== undefined) throw new UsageError(`${flag} takes no value`);
    };
    switch (flag) {
      case '--help':
      case '-h':
        noValue();
        help = true;
        break;
      case '--version':
        noValue();
        version = true;
        break;
      case '--region':
        globals.region = takeValue();
        break;
      case '--endpoint':
        globals.endpoint = takeValue();
        break;
      case '--timeout':
        globals.timeoutMs = positiveNumber(flag, takeValue(), { integer: true });
        break;
      case '--json':
        if (json !== undefined) throw new UsageError('--json given twice');
        json = parseJsonObject(takeValue());
        break;
      case '--param':
      case '-p':
        params.push(splitParam(takeValue()));
        break;
      case '--all':
        noValue();
        all = true;
        break;
      case '--yes':
      case '-y':
        noValue();
        yes = true;
        break;
      case '--watch':
        watchSeconds = positiveNumber(flag, takeValue(), { integer: false });
        break;
      case '--count':
        count = positiveNumber(flag, takeValue(), { integer: true });
        break;
      case '--project':
        projectName = takeValue();
        break;
      case '--page-size':
        pageSize = positiveNumber(flag, takeValue(), { integer: true });
        break;
      case '--max-items':
        maxItems = positiveNumber(flag, takeValue(), { integer: true });
        break;
      case '--concurrency':
        concurrency = positiveNumber(flag, takeValue(), { integer: true });
        break;
      default:
        throw new UsageError(`unknown option ${flag} (volc-speech --help lists them)`);
    }
  }

  const [first, ...rest] = positionals;
  const extra = (allowed: number) => {
    if (rest.length > allowed) throw new UsageError(`unexpected argument ${JSON.stringify(rest[allowed])}`);
  };
  const onlyFor = (where: string, flags: Array<[string, boolean]>) => {
    const stray = flags.find(([, given]) => given);
    if (stray) throw new UsageError(`${stray[0]} only applies to ${where}`);
  };
  const callFlags: Array<[string, boolean]> = [
    ['--json', json !== undefined],
    ['--param', params.length > 0],
    ['--all', all],
    ['--yes', yes],
    ['--page-size', pageSize !== undefined],
    ['--max-items', maxItems !== undefined],
    ['--concurrency', concurrency !== undefined],
  ];
  const statusFlags: Array<[string, boolean]> = [
    ['--watch', watchSeconds !== undefined],
    ['--count', count !== undefined],
    ['--project', projectName !== undefined],
  ];

  if (version) return { command: { kind: 'version' }, globals };
  if (first === 'help') {
    extra(1);
    return { command: rest[0] === undefined ? { kind: 'usage' } : { kind: 'help', action: resolveActionName(rest[0]) }, globals };
  }
  if (help) {
    // `volc-speech ListAPIKeys --help` is help for that action; anything else shows the usage.
    const action = first !== undefined && first !== 'actions' && first !== 'status' ? resolveActionName(first) : undefined;
    return { command: action ? { kind: 'help', action } : { kind: 'usage' }, globals };
  }
  if (first === undefined) throw new UsageError('no action given (volc-speech actions lists them; volc-speech --help explains the options)');
  if (first === 'actions') {
    extra(0);
    onlyFor('an action call', callFlags);
    onlyFor('status', statusFlags);
    return { command: { kind: 'actions' }, globals };
  }
  if (first === 'status') {
    extra(0);
    onlyFor('an action call', callFlags);
    if (count !== undefined && watchSeconds === undefined) throw new UsageError('--count only applies together with --watch');
    const command: Command = { kind: 'status', projectName: projectName ?? 'default' };
    if (watchSeconds !== undefined) command.watchSeconds = watchSeconds;
    if (count !== undefined) command.count = count;
    return { command, globals };
  }
  const action = resolveActionName(first);
  extra(0);
  onlyFor('status', statusFlags);
  if (!all) onlyFor('--all', [['--page-size', pageSize !== undefined], ['--max-items', maxItems !== undefined], ['--concurrency', concurrency !== undefined]]);
  const command: Command = { kind: 'call', action, params, all, yes };
  if (json !== undefined) command.json = json;
  if (pageSize !== undefined) command.pageSize = pageSize;
  if (maxItems !== undefined) command.maxItems = maxItems;
  if (concurrency !== undefined) command.concurrency = concurrency;
  return { command, globals };
}
