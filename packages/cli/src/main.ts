/**
 * The CLI as a function of (argv, io) → exit code, so tests run it in-process with fake
 * streams and a fake target; bin.ts only wires it to the real process.
 */
import { readFile } from 'node:fs/promises';
import { ACTIONS, VolcSpeechError, needsExplicitConfirmation, validateRequest, type ActionSpec, type Env, type PageProgress } from '@volc-speech/client';
import { coerceParams } from './coerceParams.js';
import { COMMAND_NAMES } from './commandLine.js';
import { registeredCommand } from './commandRegistry.js';
import { completionScript } from './completion.js';
import { runConfigure } from './commands/configure.js';
import { runEmulatorTask } from './commands/emulator.js';
import { runWhoami } from './commands/whoami.js';
import { resolveSettings, type ResolvedSettings } from './config/settings.js';
import { formatActionHelp, formatActionList, formatCommandHelp, usageText } from './formatActions.js';
import { debugEvent, debugFetch } from './http/debugLog.js';
import { dryRunFetch, type CapturedRequest } from './http/dryRun.js';
import { redactHeaders } from './http/redactHeaders.js';
import { ItemPrinter, renderValue } from './output/formats.js';
import { maskSecretFields } from './output/secrets.js';
import { terminalColumns, writeOut, type OutputStream } from './output/stream.js';
import { parseArgs, parseJsonObject, type Command, type GlobalOptions, type JsonSource } from './parseArgs.js';
import type { InputStream } from './prompt.js';
import { readAll } from './prompt.js';
import { runStatus } from './commands/status.js';
import './probe/register.js';
import { resolveCliTarget, type Target, type TargetOptions } from './target.js';
import { EXIT_FAILURE, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, UsageError } from './usageError.js';

export const CLI_VERSION = '0.1.0';

export type { OutputStream } from './output/stream.js';

export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  stdin?: InputStream;
  env: Env;
  /** Aborted on Ctrl-C: stops a --watch loop or a long --all listing. */
  signal?: AbortSignal;
  /** Replaces target resolution (tests). */
  resolveTarget?: (options: TargetOptions) => Promise<Target>;
  now?: () => Date;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export const PROGRAM = 'volc-speech';

/** Library words in the client's hints, in the CLI's own words (flags and commands). */
function inCliWords(text: string): string {
  return text
    .replace(/raise timeoutMs/g, 'raise --timeout')
    .replace(/lower the request rate \(rateLimit\.qps\) or retry later/g, 'wait a moment and retry')
    .replace(/, pass `credentials`, or run against the emulator \(@volc-speech\/emulator\)/g, ', or run volc-speech configure')
    .replace(/\(VOLC_SPEECH_ENDPOINT\)/g, '(--endpoint or VOLC_SPEECH_ENDPOINT)');
}

function printError(io: CliIo, error: unknown, debug: boolean): number {
  if (error instanceof UsageError) {
    io.stderr.write(`${PROGRAM}: ${error.message}\n`);
    return EXIT_USAGE;
  }
  if (error instanceof VolcSpeechError) {
    if (error.kind === 'aborted' && io.signal?.aborted) return EXIT_INTERRUPTED;
    // The message already reads: <Action> failed: HTTP <status> <Code> (<CodeN>): <message> [RequestId …]. <hint>
    let message = inCliWords(error.message);
    if (error.kind === 'validation' && error.field) message = message.replace(/^(\w+) failed: /, `$1: --param ${error.field.split(/[.[]/)[0]}: `);
    io.stderr.write(`${PROGRAM}: ${message}\n`);
    return error.kind === 'validation' ? EXIT_USAGE : EXIT_FAILURE;
  }
  const text = error instanceof Error ? error.message : String(error);
  io.stderr.write(`${PROGRAM}: unexpected error: ${text.split('\n')[0]}${debug ? '' : ' (run again with --debug for details)'}\n`);
  if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
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
  return `${why}. Nothing was sent. Re-run with --yes if you mean it (or --dry-run to see the request).`;
}

export function stderrLine(io: CliIo): (line: string) => void {
  return (line) => io.stderr.write(`${PROGRAM}: ${line}\n`);
}

export async function settingsFor(io: CliIo, globals: GlobalOptions, services?: string[]): Promise<ResolvedSettings> {
  return resolveSettings({
    env: io.env,
    ...(globals.profile ? { profile: globals.profile } : {}),
    ...(globals.region ? { region: globals.region } : {}),
    ...(globals.endpoint ? { endpoint: globals.endpoint } : {}),
    ...(services ? { services } : {}),
  });
}

export async function withTarget(
  io: CliIo,
  globals: GlobalOptions,
  settings: ResolvedSettings,
  work: (target: Target) => Promise<number>,
  extra: Partial<Pick<TargetOptions, 'fetch' | 'retry'>> = {},
): Promise<number> {
  const debugLine = (line: string) => io.stderr.write(`[debug] ${line}\n`);
  const options: TargetOptions = {
    settings,
    env: io.env,
    ...(globals.timeoutMs ? { timeoutMs: globals.timeoutMs } : {}),
    ...extra,
    notice: stderrLine(io),
  };
  if (globals.debug) {
    options.fetch = debugFetch(extra.fetch ?? ((input, init) => globalThis.fetch(input, init)), debugLine, false);
    options.onEvent = debugEvent(debugLine);
  }
  const target = await (io.resolveTarget ?? resolveCliTarget)(options);
  try {
    return await work(target);
  } finally {
    await target.close();
  }
}

export function outputFormat(io: CliIo, globals: GlobalOptions) {
  return globals.output ?? (io.stdout.isTTY ? 'table' : 'json');
}

async function readJsonSource(io: CliIo, source: JsonSource | undefined): Promise<Record<string, unknown>> {
  if (!source) return {};
  if (source.kind === 'inline') return source.value;
  if (source.kind === 'file') {
    let text: string;
    try {
      text = await readFile(source.path, 'utf8');
    } catch (error) {
      throw new UsageError(`--json @${source.path}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
    return parseJsonObject(`--json @${source.path}`, text);
  }
  if (!io.stdin) throw new UsageError('--json - reads standard input, which is not available here');
  if (io.stdin.isTTY) throw new UsageError('--json - reads the request from standard input: pipe it in, e.g. echo \'{"ProjectName":"default"}\' | volc-speech ListAPIKeys --json -');
  return parseJsonObject('--json - (standard input)', await readAll(io.stdin));
}

function dryRunText(request: CapturedRequest): string {
  const lines = [`${request.method} ${request.url}`];
  for (const [name, value] of redactHeaders(request.headers)) lines.push(`${name}: ${value}`);
  lines.push('');
  if (request.body) lines.push(request.body);
  return `${lines.join('\n')}\n`;
}

async function runCall(io: CliIo, globals: GlobalOptions, command: Extract<Command, { kind: 'call' }>): Promise<number> {
  const spec: ActionSpec = ACTIONS[command.action];
  const base = await readJsonSource(io, command.json);
  const request = coerceParams(spec, command.params, base, (note) => io.stderr.write(`${PROGRAM}: note: ${note}\n`));
  if (command.all && !spec.paging) throw new UsageError(`${spec.name} is not paged, so --all does not apply`);
  if (command.pageSize !== undefined && spec.paging && command.pageSize > spec.paging.maxPageSize) {
    throw new UsageError(`--page-size for ${spec.name} is at most ${spec.paging.maxPageSize}, got ${command.pageSize}`);
  }
  if (needsExplicitConfirmation(spec) && !command.yes && !command.dryRun) {
    io.stderr.write(`${PROGRAM}: ${confirmationMessage(spec)}\n`);
    return EXIT_USAGE;
  }
  // Checked here as well as in the client, so a bad request does not even start the emulator.
  validateRequest(spec, request);
  const settings = await settingsFor(io, globals);
  const format = outputFormat(io, globals);
  const columns = terminalColumns(io.stdout);
  const printOptions = { format, ...(columns ? { columns } : {}), note: stderrLine(io), ...(spec.paging ? { pagedItemsField: spec.paging.itemsField } : {}) };
  const reveal = (value: unknown) => (command.showSecrets ? value : maskSecretFields(value));

  if (command.dryRun) {
    const captured: CapturedRequest[] = [];
    return withTarget(
      io,
      globals,
      settings,
      async ({ client }) => {
        if (command.all) {
          const pages = client.paginateUnchecked(spec.name, request, { ...(command.pageSize ? { pageSize: command.pageSize } : {}), concurrency: 1 });
          await pages.next();
          await pages.return(undefined);
        } else {
          await client.callUnchecked(spec.name, request);
        }
        const sent = captured[0]!;
        const shown = { method: sent.method, url: sent.url, headers: Object.fromEntries(redactHeaders(sent.headers)), body: sent.body ? (JSON.parse(sent.body) as unknown) : null };
        const text = format === 'table' ? dryRunText(sent) : renderValue(globals.query ? globals.query.apply(shown) : shown, printOptions);
        await writeOut(io.stdout, text);
        io.stderr.write(`${PROGRAM}: dry run: nothing was sent${command.all ? ' (this is the first page; --all would request the rest the same way)' : ''}\n`);
        return EXIT_OK;
      },
      { fetch: dryRunFetch(captured), retry: false },
    );
  }

  return withTarget(io, globals, settings, async ({ client }) => {
    const signal = io.signal;
    if (!command.all) {
      const result = reveal(await client.callUnchecked(spec.name, request, signal ? { signal } : {}));
      await writeOut(io.stdout, renderValue(globals.query ? globals.query.apply(result) : result, printOptions));
      return EXIT_OK;
    }
    const showProgress = io.stderr.isTTY === true;
    const onPage = (p: PageProgress) => {
      if (showProgress) io.stderr.write(`\r${PROGRAM}: page ${p.page}${p.pages ? `/${p.pages}` : ''}, ${p.items}${p.total !== undefined ? ` of ${p.total}` : ''} items`);
    };
    const pages = client.paginateUnchecked(spec.name, request, {
      ...(command.pageSize ? { pageSize: command.pageSize } : {}),
      ...(command.maxItems ? { maxItems: command.maxItems } : {}),
      ...(command.concurrency ? { concurrency: command.concurrency } : {}),
      ...(signal ? { signal } : {}),
      onPage,
    });
    if (globals.query) {
      // A query sees the whole list (as aws applies it), so the items are collected first.
      const items: unknown[] = [];
      for await (const item of pages) items.push(reveal(item));
      if (showProgress) io.stderr.write('\n');
      await writeOut(io.stdout, renderValue(globals.query.apply(items), printOptions));
      return EXIT_OK;
    }
    const printer = new ItemPrinter(io.stdout, printOptions);
    try {
      for await (const item of pages) await printer.item(reveal(item));
    } catch (error) {
      if (signal?.aborted) {
        // Ctrl-C: what was printed stays, and stays well-formed.
        await printer.close();
        if (showProgress) io.stderr.write('\n');
        io.stderr.write(`${PROGRAM}: interrupted after ${printer.count} items\n`);
        return EXIT_INTERRUPTED;
      }
      await printer.close();
      if (showProgress) io.stderr.write('\n');
      throw error;
    }
    await printer.close();
    if (showProgress) io.stderr.write('\n');
    return EXIT_OK;
  });
}

async function runActions(io: CliIo, globals: GlobalOptions): Promise<number> {
  const format = globals.output ?? 'table';
  if (format === 'table' && !globals.query) {
    await writeOut(io.stdout, `${formatActionList()}\n`);
    return EXIT_OK;
  }
  const list = Object.values(ACTIONS).map((spec: ActionSpec) => ({
    name: spec.name,
    group: spec.group,
    method: spec.method,
    version: spec.version,
    effect: spec.effect,
    paged: Boolean(spec.paging),
    summary: spec.summary,
  }));
  const columns = terminalColumns(io.stdout);
  await writeOut(io.stdout, renderValue(globals.query ? globals.query.apply(list) : list, { format, ...(columns ? { columns } : {}), note: stderrLine(io) }));
  return EXIT_OK;
}

/** The first word names a command another module registered (e.g. probe): hand it the rest. */
function registeredFirst(argv: readonly string[]): { name: string; rest: string[] } | undefined {
  const index = argv.findIndex((arg) => !arg.startsWith('-'));
  if (index < 0) return undefined;
  const name = argv[index]!;
  if ((COMMAND_NAMES as readonly string[]).includes(name) || !registeredCommand(name)) return undefined;
  return { name, rest: [...argv.slice(0, index), ...argv.slice(index + 1)] };
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    const external = registeredFirst(argv);
    if (external) return await registeredCommand(external.name)!.run(external.rest, io);
    if (argv[0] === 'help' && argv[1] && registeredCommand(argv[1])) {
      const command = registeredCommand(argv[1])!;
      io.stdout.write(`${command.help ?? `volc-speech ${command.usage}\n\n  ${command.summary}`}\n`);
      return EXIT_OK;
    }
    const { command, globals } = parseArgs(argv);
    switch (command.kind) {
      case 'usage':
        await writeOut(io.stdout, `${usageText()}\n`);
        return EXIT_OK;
      case 'version':
        io.stdout.write(`${CLI_VERSION}\n`);
        return EXIT_OK;
      case 'actions':
        return await runActions(io, globals);
      case 'help':
        await writeOut(io.stdout, `${command.action ? formatActionHelp(ACTIONS[command.action]) : formatCommandHelp(command.command!)}\n`);
        return EXIT_OK;
      case 'call':
        return await runCall(io, globals, command);
      case 'status':
        return await runStatus(io, globals, command);
      case 'configure':
        return await runConfigure(io, globals, command);
      case 'whoami':
        return await runWhoami(io, globals);
      case 'completion':
        await writeOut(io.stdout, completionScript(command.shell));
        return EXIT_OK;
      case 'emulator':
        return await runEmulatorTask(io, command.task);
    }
  } catch (error) {
    return printError(io, error, debug);
  }
}

export { EXIT_FAILURE };
