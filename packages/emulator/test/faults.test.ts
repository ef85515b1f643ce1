/** Fault injection, seen from the real client: latency, throttling, scripted failures, drops, random 5xx. */
import { VolcSpeechError } from '@volc-speech/client';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS, GATEWAY_ERRORS, manualClock } from '../src/index.js';
import { clientFor, rejectionOf, startTarget, type TestTarget } from './helpers/emulator.js';
import { send } from './helpers/raw.js';

const LIST = { ProjectName: 'default' } as const;
let t: TestTarget;
afterEach(() => t?.close());

describe('latency', () => {
  it('delays every answer by latencyMs', async () => {
    t = await startTarget({ faults: { latencyMs: 150 } });
    const started = performance.now();
    await t.client.call('ListAPIKeys', LIST);
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);
  });
});

describe('qps throttle', () => {
  it('answers 429 FlowLimitExceeded with Retry-After once the bucket of (AK, action) is empty, and refills with the clock', async () => {
    const clock = manualClock(Date.now());
    const other = { accessKeyId: 'AKLTb3RoZXIta2V5LWZvci10ZXN0cw', secretAccessKey: 'b3RoZXI=' };
    t = await startTarget({ clock, faults: { qps: 2 }, accessKeys: [DEMO_CREDENTIALS, other] });
    await t.client.call('ListAPIKeys', LIST);
    await t.client.call('ListAPIKeys', LIST);
    const error = await rejectionOf(t.client.call('ListAPIKeys', LIST));
    expect(error).toMatchObject({ httpStatus: 429, code: 'FlowLimitExceeded', retryable: true, retryAfterMs: 1000 });
    // Other actions and other access keys have their own buckets.
    await t.client.call('ListSpeakers', { ResourceIDs: ['seed-tts-2.0'] });
    await clientFor(t.emulator, { credentials: other }).call('ListAPIKeys', LIST);
    clock.advance(500);
    await t.client.call('ListAPIKeys', LIST);
  });

  it('the control endpoint turns it off with null', async () => {
    t = await startTarget({ faults: { qps: 1 } });
    await t.client.call('ListAPIKeys', LIST);
    t.emulator.control.setFaults({ qps: null });
    for (let i = 0; i < 5; i++) await t.client.call('ListAPIKeys', LIST);
  });
});

describe('failNext', () => {
  it('fails exactly `count` requests of the named action, then stops', async () => {
    t = await startTarget();
    t.emulator.control.setFaults({ failNext: { count: 2, httpStatus: 503, code: 'ServiceUnavailableTemp', message: 'try later', action: 'ListAPIKeys' } });
    await t.client.call('ListSpeakers', { ResourceIDs: ['seed-tts-2.0'] });
    for (let i = 0; i < 2; i++) {
      const error = await rejectionOf(t.client.call('ListAPIKeys', LIST));
      expect(error).toMatchObject({ httpStatus: 503, code: 'ServiceUnavailableTemp', serviceMessage: 'try later', retryable: true });
    }
    await t.client.call('ListAPIKeys', LIST);
    expect(t.emulator.control.faults().failNext).toBeUndefined();
  });

  it('httpStatus 200 gives an Error inside a 200 envelope, which the client still treats as a failure', async () => {
    t = await startTarget();
    t.emulator.control.setFaults({ failNext: { count: 1, httpStatus: 200, code: 'InternalError.NotCaptured', message: 'odd' } });
    const error = await rejectionOf(t.client.call('ListAPIKeys', LIST));
    expect(error).toMatchObject({ httpStatus: 200, code: 'InternalError.NotCaptured', kind: 'service' });
  });

  it('simpleError emits the Go SDK simple error body instead of the envelope', async () => {
    t = await startTarget();
    t.emulator.control.setFaults({ failNext: { count: 1, httpStatus: 502, code: 'InternalServiceError', message: 'upstream', simpleError: true } });
    const raw = await send(`${t.emulator.url}/?Action=ListAPIKeys&Version=2025-05-20`, { method: 'POST', body: '{}' });
    // Unsigned: the auth error comes first and failNext is not consumed.
    expect(raw.status).toBe(401);
    const error = await rejectionOf(t.client.call('ListAPIKeys', LIST));
    expect(error).toMatchObject({ httpStatus: 502, code: 'InternalServiceError', serviceMessage: 'upstream' });
  });

  it('a global simpleError mode applies to every error', async () => {
    t = await startTarget({ faults: { simpleError: true } });
    const raw = await send(`${t.emulator.url}/?Action=ListAPIKeys&Version=2025-05-20`, { method: 'POST', body: '{}' });
    expect(raw.json).toEqual({ HTTPCode: 401, errorcode: 'MissingAuthenticationToken', message: expect.any(String) });
  });

  it('the client retries an injected 503 on a read and succeeds', async () => {
    t = await startTarget();
    t.emulator.control.setFaults({ failNext: { count: 1, httpStatus: 503, code: 'ServiceUnavailableTemp' } });
    const client = clientFor(t.emulator, { retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2 } });
    expect((await client.call('ListAPIKeys', LIST)).TotalCount).toBe(2);
  });
});

describe('drops and random errors', () => {
  it('dropRate 1 destroys the connection without an answer', async () => {
    t = await startTarget({ faults: { dropRate: 1 } });
    const error = await rejectionOf(t.client.call('ListAPIKeys', LIST));
    expect(error).toBeInstanceOf(VolcSpeechError);
    expect(error['kind']).toBe('network');
    t.emulator.control.setFaults({ dropRate: null });
    await t.client.call('ListAPIKeys', LIST);
  });

  it('errorRate picks a 5xx row of the gateway table', async () => {
    const sequence = [0.1, 0.5];
    let i = 0;
    t = await startTarget({ faults: { errorRate: 0.2 }, random: () => sequence[i++ % sequence.length] as number });
    const error = await rejectionOf(t.client.call('ListAPIKeys', LIST));
    expect(error.httpStatus).toBe(GATEWAY_ERRORS.ServiceUnavailableTemp.httpStatus);
    expect(error.code).toBe('ServiceUnavailableTemp');
  });

  it('rejects nonsense fault settings', () => {
    return startTarget().then((target) => {
      t = target;
      expect(() => t.emulator.control.setFaults({ errorRate: 2 })).toThrow(/errorRate/);
      expect(() => t.emulator.control.setFaults({ failNext: { count: 0, httpStatus: 500, code: 'X' } })).toThrow(/count/);
    });
  });
});
