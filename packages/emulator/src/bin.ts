#!/usr/bin/env node
/**
 * volc-speech-emulator [--port N] [--host 127.0.0.1] [--state FILE] [--state-writes group|sync] [--latency MS] [--qps N]
 *                      [--error-rate R] [--drop-rate R] [--voices N] [--accept-empty-voice-state] [--quiet]
 *
 * Prints the URL and the credentials it accepts. The demo secret is public, so it is printed;
 * when VOLC_ACCESSKEY / VOLC_SECRETKEY replace the demo pair, only the access key is shown.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_ACTION_QPS } from '@volc-speech/client';
import { DEMO_CREDENTIALS, type AccessKeyEntry } from './auth/accessKeys.js';
import type { FaultSettings } from './faults.js';
import { DEFAULT_HOST, startEmulator } from './server.js';

export const DEFAULT_PORT = 8787;

const USAGE = `Usage: volc-speech-emulator [options]

  --port N          port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)
  --host HOST       address to bind (default ${DEFAULT_HOST})
  --state FILE      load state from FILE and save every change to it (each change is answered
                    once it is on disk; the changes of one moment share one write)
  --state-writes sync
                    one synchronous write per change instead (slower, blocks reads; for comparison)
  --latency MS      delay every answer by MS milliseconds
  --qps N           per access key and action (default ${DEFAULT_ACTION_QPS}; 0 turns throttling off)
  --error-rate R    fraction (0–1) of requests that fail with a random 5xx
  --drop-rate R     fraction (0–1) of requests whose connection is dropped
  --voices N        seed N cloned voices instead of the demo dozen
  --accept-empty-voice-state
                    answer State "" on the voice lists with every voice (OPEN: no source says the
                    live service does; refused by default)
  --quiet           no per-request log lines
  -h, --help        this text

Credentials: the public demo pair, or VOLC_ACCESSKEY / VOLC_SECRETKEY when both are set.`;

function numberOption(name: string, value: string | undefined, range: { min: number; max?: number; integer?: boolean }): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < range.min || (range.max !== undefined && n > range.max) || (range.integer && !Number.isInteger(n))) {
    throw new Error(`--${name} must be ${range.integer ? 'an integer' : 'a number'} ≥ ${range.min}${range.max !== undefined ? ` and ≤ ${range.max}` : ''}, got ${value}`);
  }
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      state: { type: 'string' },
      'state-writes': { type: 'string' },
      latency: { type: 'string' },
      qps: { type: 'string' },
      'error-rate': { type: 'string' },
      'drop-rate': { type: 'string' },
      voices: { type: 'string' },
      quiet: { type: 'boolean' },
      'accept-empty-voice-state': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }

  const faults: FaultSettings = { qps: numberOption('qps', values.qps, { min: 0 }) ?? DEFAULT_ACTION_QPS };
  const latencyMs = numberOption('latency', values.latency, { min: 0 });
  const errorRate = numberOption('error-rate', values['error-rate'], { min: 0, max: 1 });
  const dropRate = numberOption('drop-rate', values['drop-rate'], { min: 0, max: 1 });
  if (latencyMs !== undefined) faults.latencyMs = latencyMs;
  if (errorRate !== undefined) faults.errorRate = errorRate;
  if (dropRate !== undefined) faults.dropRate = dropRate;
  const stateWrites = values['state-writes'];
  if (stateWrites !== undefined && stateWrites !== 'group' && stateWrites !== 'sync') {
    throw new Error(`--state-writes must be group or sync, got ${JSON.stringify(stateWrites)}`);
  }
  const voices = numberOption('voices', values.voices, { min: 0, integer: true });

  const envAccessKey = process.env['VOLC_ACCESSKEY']?.trim();
  const envSecretKey = process.env['VOLC_SECRETKEY']?.trim();
  const fromEnv = Boolean(envAccessKey && envSecretKey);
  const accessKeys: AccessKeyEntry[] = fromEnv ? [{ accessKeyId: envAccessKey as string, secretAccessKey: envSecretKey as string }] : [{ ...DEMO_CREDENTIALS }];

  const emulator = await startEmulator({
    port: numberOption('port', values.port, { min: 0, max: 65535, integer: true }) ?? DEFAULT_PORT,
    host: values.host ?? DEFAULT_HOST,
    ...(values.state ? { stateFile: values.state } : {}),
    ...(stateWrites ? { stateWriteMode: stateWrites } : {}),
    ...(voices !== undefined ? { seed: { voices } } : {}),
    accessKeys,
    faults,
    quiet: values.quiet ?? false,
    acceptEmptyVoiceState: values['accept-empty-voice-state'] ?? false,
  });

  // Registered before the banner: whoever waits for the banner may signal at once.
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    console.log(`\n${signal}: closing the emulator`);
    emulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  const lines = [
    `volc-speech emulator listening on ${emulator.url}`,
    `  Access key:  ${emulator.credentials.accessKeyId}${fromEnv ? '  (from VOLC_ACCESSKEY)' : ''}`,
    fromEnv ? '  Secret key:  (from VOLC_SECRETKEY, not shown)' : `  Secret key:  ${emulator.credentials.secretAccessKey}  (public demo secret)`,
    '  Region:      any (echoed in ResponseMetadata.Region)',
    `  Faults:      ${JSON.stringify(emulator.control.faults())}`,
    `  State:       ${values.state ?? 'in memory'}`,
    `  Control:     ${emulator.url}/__emulator/health`,
  ];
  if (!fromEnv) {
    lines.push(
      '',
      `  export VOLC_SPEECH_ENDPOINT=${emulator.url} VOLC_ACCESSKEY=${emulator.credentials.accessKeyId} VOLC_SECRETKEY=${emulator.credentials.secretAccessKey}`,
    );
  }
  console.log(lines.join('\n'));
}

main().catch((error: unknown) => {
  const { code, address, port } = error as NodeJS.ErrnoException & { address?: string; port?: number };
  if (code === 'EADDRINUSE' || code === 'EACCES') {
    const why = code === 'EADDRINUSE' ? 'is in use (another emulator, or `npm start`?)' : 'may not be used by this user';
    console.error(`volc-speech-emulator: port ${port} on ${address} ${why}: stop what holds it, or pass --port 0 to take a free port.`);
    process.exit(1);
  }
  console.error(`volc-speech-emulator: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
