/**
 * The CLI as a function of (argv, io) → exit code, so tests run it in-process with fake
 * streams and a fake target; bin.ts only wires it to the real process.
 */
import { setTimeout as delay } from 'node:timers/promises';
import {
  ACTIONS,
  VolcSpeechError,
  needsExplicitConfirmation,
  validateRequest,
  type ActionSpec,
  type Env,
  type PageProgress,
} from '@volc-speech/client';
import { coerceParams } from './coerceParams.js';
import { USAGE, formatActionHelp, formatActionList } from './formatActions.js';
import { parseArgs, type Command, type GlobalOptions } from './parseArgs.js';
import { collectStatus, formatStatus, statusHasErrors } from './statusDashboard.js';
import { resolveCliTarget, type Target, type TargetOptions } from './target.js';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError } from './usageError.js';

export const CLI_VERSION = '0.1.0';

export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  env: Env;
  /** Aborted on Ctrl-C: stops a --watch loop or a long --all listing. */
  signal?: AbortSignal;
  /** Replaces target resolution (tests). */
  resolveTarget?: (options: TargetOptions) => Promise<Target>;
  now?: () => Date;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

const PROGRAM = 'volc-speech';

function printError(io: CliIo, error: unknown): number {
  if (error instanceof UsageError) {
    io.stderr.write(`${PROGRAM}: ${error.message}\n`);
    return EXIT_USAGE;
  }
  if (error instanceof VolcSpeechError) {
    // The message already reads: <Action> failed: HTTP <status> <Code> (<CodeN>): <message> [RequestId …]. <hint>
    io.stderr.write(`${PROGRAM}: ${error.message}\n`);
    return error.kind === 'validation' ? EXIT_USAGE : EXIT_FAILURE;
  }
  io.stderr.write(`${PROGRAM}: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return EXIT_FAILURE;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** Why an action needs --yes, in words a person can weigh. */
export function confirmationMessage(spec: ActionSpec): string {
  const why =
    spec.effect === 'spends'
      ? `${spec.name} spends money: it would ${lowerFirst(spec.summary.replace(/ \(costs money.*\)$/, ''))} and charge the account`
      : `${spec.name} is disruptive: it would ${lowerFirst(spec.summary)}`;
  return `${why}. Nothing was sent. Re-run with --yes if you mean it.`;
}

function targetOptions(io: CliIo, globals: GlobalOptions): TargetOptions {
  return {
    env: io.env,
    ...(globals.region ? { region: globals.region } : {}),
    ...(globals.endpoint ? { endpoint: globals.endpoint } : {}),
    ...(globals.timeoutMs ? { timeoutMs: globals.timeoutMs } : {}),
    notice: (line) => io.stderr.write(`${PROGRAM}: ${line}\n`),
  };
}

async function withTarget(io: CliIo, globals: GlobalOptions, work: (target: Target) => Promise<number>): Promise<number> {
  const target = await (io.resolveTarget ?? resolveCliTarget)(targetOptions(io, globals));
  try {
    return await work(target);
  } finally {
    await target.close();
  }
}

async function runCall(io: CliIo, globals: GlobalOptions, command: Extract<Command, { kind: 'call' }>): Promise<number> {
  const spec: ActionSpec = ACTIONS[command.action];
  const request = coerceParams(spec, command.params, command.json ?? {}, (note) => io.stderr.write(`${PROGRAM}: note: ${note}\n`));
  if (command.all && !spec.paging) throw new UsageError(`${spec.name} is not paged, so --all does not apply`);
  if (needsExplicitConfirmation(spec) && !command.yes) {
    io.stderr.write(`${PROGRAM}: ${confirmationMessage(spec)}\n`);
    return EXIT_USAGE;
  }
  // Checked here as well as in the client, so a bad request does not even start the emulator.
  validateRequest(spec, request);

  return withTarget(io, globals, async ({ client }) => {
    const signal = io.signal;
    if (command.all) {
      const showProgress = io.stderr.isTTY === true;
      const onPage = (p: PageProgress) => {
        if (showProgress) io.stderr.write(`\r${PROGRAM}: page ${p.page}${p.pages ? `/${p.pages}` : ''}, ${p.items}${p.total !== undefined ? ` of ${p.total}` : ''} items`);
      };
      const items = await client.listAllUnchecked(spec.name, request, {
        ...(command.pageSize ? { pageSize: command.pageSize } : {}),
        ...(command.maxItems ? { maxItems: command.maxItems } : {}),
        ...(command.concurrency ? { concurrency: command.concurrency } : {}),
        ...(signal ? { signal } : {}),
        onPage,
      });
      if (showProgress) io.stderr.write('\n');
      io.stdout.write(`${JSON.stringify(items, null, 2)}\n`);
    } else {
      const result = await client.callUnchecked(spec.name, request, signal ? { signal } : {});
      io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    }
    return EXIT_OK;
  });
}

async function runStatus(io: CliIo, globals: GlobalOptions, command: Extract<Command, { kind: 'status' }>): Promise<number> {
  const now = io.now ?? (() => new Date());
  const sleep = io.sleep ?? ((ms: number, signal?: AbortSignal) => delay(ms, undefined, signal ? { signal } : undefined));
  const polls = command.watchSeconds === undefined ? 1 : (command.count ?? Infinity);
  return withTarget(io, globals, async (target) => {
    let exitCode = EXIT_OK;
    for (let poll = 0; poll < polls; poll++) {
      if (poll > 0) {
        try {
          await sleep(command.watchSeconds! * 1000, io.signal);
        } catch {
          break; // Ctrl-C while waiting: a normal way to leave --watch
        }
      }
      const snapshot = await collectStatus(target.client, { projectName: command.projectName, now: now(), ...(io.signal ? { signal: io.signal } : {}) });
      if (io.signal?.aborted) break;
      const text = formatStatus(snapshot, target.description);
      // On a terminal each refresh replaces the last; piped output keeps every poll.
      if (command.watchSeconds !== undefined && io.stdout.isTTY) io.stdout.write('\x1b[2J\x1b[H');
      else if (poll > 0) io.stdout.write('\n');
      io.stdout.write(`${text}\n`);
      exitCode = statusHasErrors(snapshot) ? EXIT_FAILURE : EXIT_OK;
    }
    return exitCode;
  });
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const { command, globals } = parseArgs(argv);
    switch (command.kind) {
      case 'usage':
        io.stdout.write(`${USAGE}\n`);
        return EXIT_OK;
      case 'version':
        io.stdout.write(`${CLI_VERSION}\n`);
        return EXIT_OK;
      case 'actions':
        io.stdout.write(`${formatActionList()}\n`);
        return EXIT_OK;
      case 'help':
        io.stdout.write(`${command.action ? formatActionHelp(ACTIONS[command.action]) : USAGE}\n`);
        return EXIT_OK;
      case 'call':
        return await runCall(io, globals, command);
      case 'status':
        return await runStatus(io, globals, command);
    }
  } catch (error) {
    return printError(io, error);
  }
}
