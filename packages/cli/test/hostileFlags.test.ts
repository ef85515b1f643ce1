/**
 * Every flag, fed hostile values, through runCli against a real emulator: no stack trace, no
 * "unexpected error", and a refusal is exit 2 with one line naming the flag.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type EmulatorHandle } from '@volc-speech/emulator';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FLAGS } from '../src/commandLine.js';
import { runCli } from '../src/main.js';

let emulator: EmulatorHandle;
beforeAll(async () => {
  emulator = await startEmulator({ quiet: true });
});
afterAll(() => emulator?.close());

const HOSTILE = ['not a region', '', ' ', '-1', '0', '1.5', '1e309', 'NaN', 'Infinity', '../../etc/passwd', '\u0007\u001b[2J', '💥', 'a'.repeat(5000), '{"__proto__":{"x":1}}', 'constructor', '$(rm -rf /)', '@', '@/nonexistent', '-', 'http://', 'https://evil.example/?q#f'];

it('no flag value, however hostile, produces a stack trace', async () => {
  const home = mkdtempSync(join(tmpdir(), 'volc-cli-hostile-'));
  for (const flag of FLAGS.filter((f) => f.value)) {
    const scope = flag.scope?.[0];
    const base =
      scope === 'status' ? ['status'] : scope === 'configure' ? ['configure'] : ['BatchListMegaTTSTrainStatus', '--all', '-p', 'ProjectName=default', '-p', 'State=Success', '--max-items', '3'];
    for (const value of HOSTILE) {
      if (flag.name === '--max-items' && base.includes('--max-items')) base.splice(base.indexOf('--max-items'), 2);
      let stdout = '';
      let stderr = '';
      const argv = [...base, flag.name, value];
      const code = await runCli(argv, {
        stdout: { write: (t: string) => (stdout += t) },
        stderr: { write: (t: string) => (stderr += t) },
        env: { HOME: home, VOLC_SPEECH_ENDPOINT: emulator.url },
        // A --watch loop ends at its first wait.
        sleep: () => Promise.reject(new Error('stop watching')),
      });
      const label = `${argv.slice(0, 1).join(' ')} ${flag.name} ${JSON.stringify(value.slice(0, 30))}`;
      expect(stderr, label).not.toMatch(/\n\s+at |unexpected error|TypeError|RangeError/);
      expect([0, 1, 2], label).toContain(code);
      if (code === 2) {
        expect(stderr.trim().split('\n').filter((line) => !line.includes('no credentials set')), label).toHaveLength(1);
        expect(stdout, label).toBe('');
      }
    }
  }
}, 120_000);
