/** An in-process stand-in for the service: a VolcSpeechClient whose fetch answers from a table of handlers. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VolcSpeechClient } from '@volc-speech/client';
import type { CliIo } from '../../src/main.js';
import type { Target } from '../../src/target.js';

export type ActionHandler = (request: Record<string, unknown>) => { status?: number; result?: unknown; error?: { Code: string; Message: string; CodeN?: number } };

export interface FakeService {
  target: Target;
  calls: Array<{ action: string; request: Record<string, unknown> }>;
  closed: () => boolean;
}

export function fakeService(handlers: Record<string, ActionHandler>): FakeService {
  const calls: FakeService['calls'] = [];
  let closed = false;
  const fetch = async (input: string, init: RequestInit): Promise<Response> => {
    const action = new URL(input).searchParams.get('Action')!;
    const request = JSON.parse(String(init.body)) as Record<string, unknown>;
    calls.push({ action, request });
    const handler = handlers[action];
    const answer = handler ? handler(request) : { status: 404, error: { Code: 'InvalidActionOrVersion', Message: `no handler for ${action}` } };
    const metadata: Record<string, unknown> = { RequestId: `REQ-${calls.length}`, Action: action, Version: 'v', Service: 'speech_saas_prod', Region: 'cn-north-1' };
    if (answer.error) metadata['Error'] = answer.error;
    return new Response(JSON.stringify({ ResponseMetadata: metadata, ...(answer.error ? {} : { Result: answer.result ?? {} }) }), { status: answer.status ?? 200 });
  };
  const client = new VolcSpeechClient({
    credentials: { accessKeyId: 'AKLTfakeTargetKey000000', secretAccessKey: 'fake-secret' },
    endpoint: 'http://fake.invalid',
    fetch,
    env: {},
    retry: false,
    rateLimit: false,
  });
  return {
    target: {
      client,
      description: 'http://fake.invalid (test)',
      embedded: false,
      close: async () => {
        closed = true;
      },
    },
    calls,
    closed: () => closed,
  };
}

export function captureIo(service: FakeService | undefined, extra: Partial<CliIo> = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    // A home of its own: no test reads or writes the developer's profiles or emulator state.
    env: { HOME: mkdtempSync(join(tmpdir(), 'volc-cli-home-')) },
    resolveTarget: async () => {
      if (!service) throw new Error('this test must not reach a target');
      return service.target;
    },
    ...extra,
  };
  return { io, stdout: () => stdout, stderr: () => stderr };
}
