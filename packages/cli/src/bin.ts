#!/usr/bin/env node
// The `volc-speech` executable: wires runCli to the real process (argv, streams, env, Ctrl-C).
import { runCli } from './main.js';

const interrupt = new AbortController();
process.once('SIGINT', () => interrupt.abort(new Error('interrupted')));

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  signal: interrupt.signal,
});
