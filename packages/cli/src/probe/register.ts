/** Registers `volc-speech probe` with the CLI's command registry (main.ts imports this module). */
import { registerCommand } from '../commandRegistry.js';
import { PROBE_HELP } from './help.js';
import { runProbe } from './index.js';

registerCommand({
  name: 'probe',
  usage: 'volc-speech probe [--project NAME] [--resource ID ...] [--blueprint N] [--out FILE]',
  summary: 'read-only run against your account that records how the live service answers (redacted report)',
  help: PROBE_HELP,
  run: runProbe,
});
