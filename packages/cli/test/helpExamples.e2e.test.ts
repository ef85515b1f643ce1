/**
 * Every example `help <Action>` prints runs as printed (through sh, with `volc-speech` on the
 * PATH) against a real emulator, and succeeds. Examples of actions that stop service or spend
 * money carry --dry-run, so they send nothing.
 */
import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ACTION_NAMES, ACTIONS, needsExplicitConfirmation } from '@volc-speech/client';
import { startEmulator, type EmulatorHandle } from '@volc-speech/emulator';
import { afterAll, beforeAll, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const run = promisify(execFile);

let emulator: EmulatorHandle;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  emulator = await startEmulator({ quiet: true });
  const bin = mkdtempSync(join(tmpdir(), 'volc-cli-path-'));
  writeFileSync(join(bin, 'volc-speech'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(join(bin, 'volc-speech'), 0o755);
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VOLC_') && !key.startsWith('XDG_')));
  env = { ...clean, HOME: mkdtempSync(join(tmpdir(), 'volc-cli-examples-')), PATH: `${bin}:${process.env['PATH']}`, VOLC_SPEECH_ENDPOINT: emulator.url };
});
afterAll(() => emulator?.close());

it('every help example runs as printed against the emulator', async () => {
  const failures: string[] = [];
  for (const action of ACTION_NAMES) {
    emulator.control.reset();
    const help = (await run('volc-speech', ['help', action], { env })).stdout;
    const example = /\nExample:\n {2}(volc-speech .+)\n/.exec(help)?.[1];
    expect(example, `${action} has an example`).toBeDefined();
    expect(example, action).not.toMatch(/<\w+>/);
    if (needsExplicitConfirmation(ACTIONS[action])) expect(example, action).toContain('--dry-run');
    try {
      await run('sh', ['-c', example!], { env, timeout: 60_000 });
    } catch (error) {
      failures.push(`${example}\n    → ${((error as { stderr?: string }).stderr ?? String(error)).trim().split('\n').at(-1)}`);
    }
  }
  expect(failures, failures.join('\n')).toEqual([]);
}, 300_000);
