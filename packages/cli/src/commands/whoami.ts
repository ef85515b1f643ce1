/** `volc-speech whoami`: which credentials (masked), region, endpoint and services are in effect, and where each came from. */
import { redactAccessKey } from '@volc-speech/client';
import { emulatorStateFile } from '../config/paths.js';
import { settingsFor, stderrLine, type CliIo } from '../main.js';
import { renderValue } from '../output/formats.js';
import { writeOut } from '../output/stream.js';
import type { GlobalOptions } from '../parseArgs.js';
import { formatTable } from '../textTable.js';
import { EXIT_OK } from '../usageError.js';

export async function runWhoami(io: CliIo, globals: GlobalOptions): Promise<number> {
  const settings = await settingsFor(io, globals);
  const credentials = settings.credentials;
  const rows: Array<{ setting: string; value: string; source: string }> = [
    { setting: 'profile', value: settings.profileName.value, source: settings.profileName.source },
    credentials
      ? { setting: 'access key', value: redactAccessKey(credentials.value.accessKeyId), source: credentials.source }
      : {
          setting: 'access key',
          value: '(none)',
          source: settings.endpointChosen ? `the emulator at ${settings.endpoint.value} answers with its demo keys` : `the embedded emulator answers (state kept in ${emulatorStateFile(io.env)})`,
        },
    { setting: 'secret key', value: credentials ? '(set, never shown)' : '(none)', source: credentials ? credentials.source : '' },
    { setting: 'session token', value: credentials?.value.sessionToken ? '(set, never shown)' : '(none)', source: credentials?.value.sessionToken ? credentials.source : '' },
    { setting: 'region', value: settings.region.value, source: settings.region.source },
    { setting: 'endpoint', value: settings.endpointChosen || credentials ? settings.endpoint.value : '(embedded emulator)', source: settings.endpoint.source },
    { setting: 'services', value: settings.services.value.join(','), source: settings.services.source },
  ];
  const format = globals.output ?? 'table';
  if (format === 'table' && !globals.query) {
    await writeOut(io.stdout, `${formatTable(['SETTING', 'VALUE', 'FROM'], rows.map((r) => [r.setting, r.value, r.source]))}\n`);
    return EXIT_OK;
  }
  const data = Object.fromEntries(rows.map((r) => [r.setting.replace(/ (\w)/g, (_m, c: string) => c.toUpperCase()), { value: r.value, source: r.source }]));
  await writeOut(io.stdout, renderValue(globals.query ? globals.query.apply(data) : format === 'json' ? data : rows, { format, note: stderrLine(io) }));
  return EXIT_OK;
}
