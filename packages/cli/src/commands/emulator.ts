/** `volc-speech emulator reset|where`: the embedded emulator's state file, kept per user between commands. */
import { rm } from 'node:fs/promises';
import { emulatorStateFile } from '../config/paths.js';
import type { CliIo } from '../main.js';
import { EXIT_OK } from '../usageError.js';

export async function runEmulatorTask(io: CliIo, task: 'reset' | 'where'): Promise<number> {
  const file = emulatorStateFile(io.env);
  if (task === 'where') {
    io.stdout.write(`${file}\n`);
    return EXIT_OK;
  }
  await rm(file, { force: true });
  io.stdout.write(`The embedded emulator starts afresh from its demo account on the next command (removed ${file}).\n`);
  return EXIT_OK;
}
