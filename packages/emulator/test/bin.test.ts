/** The volc-speech-emulator CLI: banner, credentials shown (or not), flags, clean shutdown on signals. */
import { describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS } from '../src/index.js';
import { startBin } from './helpers/bin.js';

describe('volc-speech-emulator', () => {
  it('prints the URL and the demo credentials (the public demo secret included), serves, and exits 0 on SIGTERM', async () => {
    const bin = await startBin(['--port', '0', '--quiet', '--latency', '1']);
    expect(bin.stdout()).toContain(`Access key:  ${DEMO_CREDENTIALS.accessKeyId}`);
    expect(bin.stdout()).toContain(`Secret key:  ${DEMO_CREDENTIALS.secretAccessKey}`);
    expect(bin.stdout()).toContain(`export VOLC_SPEECH_ENDPOINT=${bin.url}`);
    const health = (await fetch(`${bin.url}/__emulator/health`).then((r) => r.json())) as { faults: Record<string, number> };
    expect(health.faults).toEqual({ qps: 10, latencyMs: 1 });
    bin.child.kill('SIGTERM');
    expect(await bin.exited).toEqual({ code: 0, signal: null });
  });

  it('with VOLC_ACCESSKEY/VOLC_SECRETKEY it accepts those and prints the access key only', async () => {
    const secret = 'do-not-print-this-secret';
    const bin = await startBin(['--port', '0', '--quiet'], { VOLC_ACCESSKEY: 'AKLTbG9jYWwtdXNlci1rZXk', VOLC_SECRETKEY: secret });
    expect(bin.stdout()).toContain('Access key:  AKLTbG9jYWwtdXNlci1rZXk');
    expect(bin.stdout()).not.toContain(secret);
    expect(bin.stdout()).not.toContain(DEMO_CREDENTIALS.secretAccessKey);
    bin.child.kill('SIGINT');
    expect((await bin.exited).code).toBe(0);
    expect(bin.stdout()).not.toContain(secret);
  });

  it('rejects a bad flag value', async () => {
    await expect(startBin(['--port', '0', '--error-rate', '3'])).rejects.toThrow(/error-rate/);
  });
});
