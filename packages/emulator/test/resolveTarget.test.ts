/** resolveTarget: real credentials from the environment, else an emulator (external or embedded). */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { VolcSpeechClient } from '@volc-speech/client';
import { describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS, resolveTarget, startEmulator } from '../src/index.js';

describe('resolveTarget', () => {
  it('uses the real service when both keys are set', async () => {
    const target = await resolveTarget({ VOLC_ACCESSKEY: 'AKLTreal', VOLC_SECRETKEY: 'secret', VOLC_SESSION_TOKEN: 'tok', VOLC_REGION: 'cn-beijing' });
    expect(target).toMatchObject({
      kind: 'real',
      credentials: { accessKeyId: 'AKLTreal', secretAccessKey: 'secret', sessionToken: 'tok' },
      region: 'cn-beijing',
      endpoint: 'https://open.volcengineapi.com',
    });
    await target.close();
  });

  it('refuses half a credential instead of silently using the emulator', async () => {
    await expect(resolveTarget({ VOLC_ACCESSKEY: 'AKLTreal' })).rejects.toThrow(/VOLC_SECRETKEY/);
  });

  it('starts an embedded emulator when nothing is set, and the real client works against it', async () => {
    const target = await resolveTarget({});
    try {
      expect(target).toMatchObject({ kind: 'emulator', credentials: DEMO_CREDENTIALS, region: 'cn-beijing', endpoint: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) });
      const client = new VolcSpeechClient({ credentials: target.credentials, region: target.region, endpoint: target.endpoint, env: {} });
      expect((await client.call('ListAPIKeys', { ProjectName: 'default' })).TotalCount).toBe(2);
    } finally {
      await target.close();
    }
    await expect(fetch(`${target.endpoint}/__emulator/health`)).rejects.toThrow();
  });

  it('uses a running emulator named by VOLC_SPEECH_ENDPOINT (and leaves it running)', async () => {
    const running = await startEmulator({ quiet: true });
    try {
      const target = await resolveTarget({ VOLC_SPEECH_ENDPOINT: `${running.url}/` });
      expect(target).toMatchObject({ kind: 'emulator', endpoint: running.url, credentials: DEMO_CREDENTIALS });
      await target.close();
      expect((await fetch(`${running.url}/__emulator/health`)).status).toBe(200);
    } finally {
      await running.close();
    }
  });

  it('refuses a VOLC_SPEECH_ENDPOINT that is not an emulator when no credentials are set', async () => {
    const other = createServer((_req, res) => res.writeHead(404).end('nope'));
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    try {
      const endpoint = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
      await expect(resolveTarget({ VOLC_SPEECH_ENDPOINT: endpoint })).rejects.toThrow(/not answer as a volc-speech emulator/);
    } finally {
      other.close();
    }
  });
});
