#!/usr/bin/env node
// The `volc-speech` executable: wires runCli to the real process (argv, streams, env, Ctrl-C, closed pipes).
import { runCli } from './main.js';
import { EXIT_INTERRUPTED, EXIT_PIPE_CLOSED } from './usageError.js';

const interrupt = new AbortController();
process.on('SIGINT', () => {
  // First Ctrl-C: stop cleanly (what was printed stays); a second one: stop now.
  if (interrupt.signal.aborted) process.exit(EXIT_INTERRUPTED);
  interrupt.abort(new Error('interrupted'));
});

// `volc-speech ... | head -1`: the reader is gone. End quietly, as a C tool killed by SIGPIPE would.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(EXIT_PIPE_CLOSED);
    throw error;
  });
}

const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  signal: interrupt.signal,
});
process.exitCode = interrupt.signal.aborted && code !== 0 ? EXIT_INTERRUPTED : code;
