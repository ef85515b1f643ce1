/** The secret key and the session token must never show in anything the client hands out. */
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { VolcSpeechClient } from '../src/client.js';
import { redactAccessKey } from '../src/credentials.js';
import { VolcSpeechError } from '../src/errors.js';
import type { ClientEvent } from '../src/events.js';
import { FakeClock, STS_CREDENTIALS, connectionRefused, errorEnvelope, fakeFetch, waitForAbort, type FakeHandler } from './support/fakes.js';

const SECRETS = [STS_CREDENTIALS.secretAccessKey, STS_CREDENTIALS.sessionToken];

function renderings(value: unknown): string[] {
  return [
    JSON.stringify(value) ?? '',
    inspect(value, { showHidden: true, depth: Infinity, getters: true }),
    String(value),
    value instanceof Error ? `${value.stack}` : '',
  ];
}

function expectNoSecret(value: unknown, label: string): void {
  for (const text of renderings(value)) {
    for (const secret of SECRETS) expect(text, `${label} leaks a secret`).not.toContain(secret);
  }
}

function clientWith(handler: FakeHandler, events: ClientEvent[] = [], extra: Record<string, unknown> = {}) {
  return new VolcSpeechClient({
    credentials: STS_CREDENTIALS,
    fetch: fakeFetch(handler).fetch,
    clock: new FakeClock(),
    retry: false,
    rateLimit: false,
    env: {},
    timeoutMs: 20,
    onEvent: (e) => events.push(e),
    ...extra,
  });
}

async function errorOf(promise: Promise<unknown>): Promise<VolcSpeechError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(VolcSpeechError);
  return error as VolcSpeechError;
}

describe('no secret leaks', () => {
  it('JSON.stringify, util.inspect and String of a client show no secret', () => {
    const client = clientWith(() => new Response('{}'));
    expectNoSecret(client, 'client');
    expect(inspect(client)).toContain(redactAccessKey(STS_CREDENTIALS.accessKeyId));
    expect(JSON.stringify(client)).not.toContain(STS_CREDENTIALS.accessKeyId);
    // The same with credentials from a function and from the environment.
    expectNoSecret(new VolcSpeechClient({ credentials: async () => STS_CREDENTIALS, env: {} }), 'client with a credentials function');
    expectNoSecret(
      new VolcSpeechClient({ env: { VOLC_ACCESSKEY: STS_CREDENTIALS.accessKeyId, VOLC_SECRETKEY: STS_CREDENTIALS.secretAccessKey, VOLC_SESSION_TOKEN: STS_CREDENTIALS.sessionToken } }),
      'client from env',
    );
  });

  it('errors of every kind show no secret, even when the service echoes it', async () => {
    const events: ClientEvent[] = [];
    const echo = `bad key [${STS_CREDENTIALS.accessKeyId}] with secret ${STS_CREDENTIALS.secretAccessKey} and token ${STS_CREDENTIALS.sessionToken}`;
    const errors: Record<string, VolcSpeechError> = {
      service: await errorOf(clientWith(() => errorEnvelope('ListAPIKeys', 401, 'InvalidAccessKey', echo, { codeN: 100009 }), events).listAPIKeys({ ProjectName: 'default' })),
      network: await errorOf(
        clientWith(() => {
          throw connectionRefused();
        }, events).listAPIKeys({ ProjectName: 'default' }),
      ),
      timeout: await errorOf(clientWith((r) => waitForAbort(r.signal), events).listAPIKeys({ ProjectName: 'default' })),
      aborted: await errorOf(clientWith(() => new Response('{}'), events).listAPIKeys({ ProjectName: 'default' }, { signal: AbortSignal.abort() })),
      validation: await errorOf(clientWith(() => new Response('{}'), events).callUnchecked('ListAPIKeys', { ProjectName: 7 })),
      credentials: await errorOf(new VolcSpeechClient({ env: {}, credentials: { accessKeyId: 'AKLTonly', secretAccessKey: '' } }).listAPIKeys({ ProjectName: 'default' })),
      protocol: await errorOf(clientWith(() => new Response(`<html>${echo}</html>`, { status: 502 }), events).listAPIKeys({ ProjectName: 'default' })),
    };
    expect(Object.entries(errors).map(([label, e]) => [label, e.kind])).toEqual(Object.keys(errors).map((k) => [k, k]));
    for (const [label, error] of Object.entries(errors)) expectNoSecret(error, `${label} error`);
    expect(errors['service']!.message).not.toContain(STS_CREDENTIALS.accessKeyId);
    expect(errors['service']!.message).toContain(redactAccessKey(STS_CREDENTIALS.accessKeyId));
    expect(errors['service']!.hint).toContain(redactAccessKey(STS_CREDENTIALS.accessKeyId));
    expectNoSecret(events, 'events');
    expect(JSON.stringify(events)).not.toContain(STS_CREDENTIALS.accessKeyId);
  });
});
