/**
 * `volc-speech status`: a loading line at once (on a terminal), the dashboard fitted to the
 * terminal width and redrawn when the window is resized, or the snapshot as data for scripts.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { settingsFor, stderrLine, withTarget, type CliIo } from '../main.js';
import { renderValue } from '../output/formats.js';
import { terminalColumns, writeOut } from '../output/stream.js';
import type { Command, GlobalOptions } from '../parseArgs.js';
import { describeServices } from '../status/watchedServices.js';
import { collectStatus, formatStatus, statusData, statusHasErrors, type StatusSnapshot } from '../statusDashboard.js';
import { EXIT_FAILURE, EXIT_INTERRUPTED, EXIT_OK } from '../usageError.js';

export async function runStatus(io: CliIo, globals: GlobalOptions, command: Extract<Command, { kind: 'status' }>): Promise<number> {
  const now = io.now ?? (() => new Date());
  const sleep = io.sleep ?? ((ms: number, signal?: AbortSignal) => delay(ms, undefined, signal ? { signal } : undefined));
  const polls = command.watchSeconds === undefined ? 1 : (command.count ?? Infinity);
  const settings = await settingsFor(io, globals, command.services);
  const services = describeServices(settings.services.value);
  // A dashboard: text by default even in a pipe or a cron mail; --output json|ndjson|csv for scripts.
  const format = globals.output ?? 'table';
  const tty = io.stdout.isTTY === true;
  const live = format === 'table' && !globals.query && tty;
  const watching = command.watchSeconds !== undefined;

  return withTarget(io, globals, settings, async (target) => {
    let exitCode = EXIT_OK;
    let last: StatusSnapshot | undefined;
    const draw = async (snapshot: StatusSnapshot, poll: number) => {
      if (format === 'table' && !globals.query) {
        const columns = terminalColumns(io.stdout);
        const text = formatStatus(snapshot, target.description, columns ? { columns: Math.max(columns, 40) } : {});
        // On a terminal the dashboard replaces what was there (the loading line, the last refresh).
        if (live) await writeOut(io.stdout, watching ? `\x1b[2J\x1b[H${text}\n` : `\r\x1b[K${text}\n`);
        else await writeOut(io.stdout, `${poll > 0 ? '\n' : ''}${text}\n`);
        return;
      }
      const data = statusData(snapshot, target.description);
      const shown = globals.query ? globals.query.apply(data) : data;
      await writeOut(io.stdout, format === 'ndjson' ? `${JSON.stringify(shown)}\n` : renderValue(shown, { format, note: stderrLine(io) }));
    };
    const onResize = () => {
      if (last) void draw(last, 1);
    };
    if (live && watching) io.stdout.on?.('resize', onResize);
    try {
      for (let poll = 0; poll < polls; poll++) {
        if (poll > 0) {
          try {
            await sleep(command.watchSeconds! * 1000, io.signal);
          } catch {
            break; // Ctrl-C while waiting: a normal way to leave --watch
          }
        }
        if (live) await writeOut(io.stdout, `${poll === 0 ? '' : '\x1b[H'}Reading status of ${services.length} service${services.length === 1 ? '' : 's'} from ${target.description}…`);
        const snapshot = await collectStatus(target.client, { projectName: command.projectName, now: now(), services, ...(io.signal ? { signal: io.signal } : {}) });
        if (io.signal?.aborted) {
          if (live) await writeOut(io.stdout, '\r\x1b[K');
          return watching ? exitCode : EXIT_INTERRUPTED;
        }
        last = snapshot;
        await draw(snapshot, poll);
        exitCode = statusHasErrors(snapshot) ? EXIT_FAILURE : EXIT_OK;
      }
    } finally {
      if (live && watching) io.stdout.off?.('resize', onResize);
    }
    return exitCode;
  });
}
