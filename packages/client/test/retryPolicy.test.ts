import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VolcSpeechError } from '../src/errors.js';
import {
  DEFAULT_RETRY_OPTIONS,
  MAX_HONOURED_RETRY_AFTER_MS,
  backoffDelayMs,
  decideRetry,
  parseRetryAfter,
  type RetryInput,
} from '../src/retryPolicy.js';

const serviceError = (httpStatus: number, code: string, extra: { retryAfterMs?: number } = {}) =>
  new VolcSpeechError({ action: 'ListAPIKeys', kind: 'service', httpStatus, code, serviceMessage: 'x', ...extra });
const networkError = (code: string) => new VolcSpeechError({ action: 'ListAPIKeys', kind: 'network', code, serviceMessage: 'x' });
const timeoutError = () => new VolcSpeechError({ action: 'ListAPIKeys', kind: 'timeout', code: 'RequestTimeout', serviceMessage: 'x' });

const decide = (input: Partial<RetryInput> & Pick<RetryInput, 'error'>) =>
  decideRetry({ effect: 'read', attempt: 1, options: { ...DEFAULT_RETRY_OPTIONS }, random: () => 0.5, ...input });

describe('backoffDelayMs (full jitter)', () => {
  it('grows the ceiling exponentially and caps it', () => {
    const top = () => 0.999999;
    const opts = { baseDelayMs: 100, maxDelayMs: 1000 };
    expect(backoffDelayMs(0, opts, top)).toBe(99);
    expect(backoffDelayMs(1, opts, top)).toBe(199);
    expect(backoffDelayMs(2, opts, top)).toBe(399);
    expect(backoffDelayMs(3, opts, top)).toBe(799);
    expect(backoffDelayMs(4, opts, top)).toBe(999); // capped at maxDelayMs
    expect(backoffDelayMs(60, opts, top)).toBe(999); // 2^60 does not overflow the cap
  });

  it('can be zero (full jitter starts at 0, not at half the ceiling)', () => {
    expect(backoffDelayMs(3, { baseDelayMs: 200, maxDelayMs: 5000 }, () => 0)).toBe(0);
  });

  it('always stays within [0, min(cap, base·2^n))', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (n, base, cap, r) => {
          const delay = backoffDelayMs(n, { baseDelayMs: base, maxDelayMs: cap }, () => r);
          return delay >= 0 && delay < Math.min(cap, base * 2 ** n) + 1e-9 && Number.isInteger(delay);
        },
      ),
    );
  });
});

describe('parseRetryAfter', () => {
  const now = Date.UTC(2025, 5, 1, 8, 0, 0);
  it('reads delta-seconds', () => {
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('1.5', now)).toBe(1500);
  });
  it('reads an HTTP date relative to now, never negative', () => {
    expect(parseRetryAfter('Sun, 01 Jun 2025 08:00:07 GMT', now)).toBe(7000);
    expect(parseRetryAfter('Sun, 01 Jun 2025 07:59:00 GMT', now)).toBe(0);
  });
  it('ignores absent or malformed values', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
  });
});

describe('decideRetry', () => {
  it('retries throttling, 5xx and network errors on read actions', () => {
    expect(decide({ error: serviceError(429, 'FlowLimitExceeded') }).retry).toBe(true);
    expect(decide({ error: serviceError(200, 'FlowLimitExceeded') }).retry).toBe(true); // Error inside a 200
    expect(decide({ error: serviceError(503, 'ServiceUnavailableTemp') }).retry).toBe(true);
    expect(decide({ error: serviceError(500, 'InternalError') }).retry).toBe(true);
    expect(decide({ error: networkError('ECONNRESET') }).retry).toBe(true);
    expect(decide({ error: timeoutError() }).retry).toBe(true);
  });

  it('does not retry client faults', () => {
    expect(decide({ error: serviceError(401, 'SignatureDoesNotMatch') }).retry).toBe(false);
    expect(decide({ error: serviceError(400, 'InvalidParameter') }).retry).toBe(false);
    expect(decide({ error: serviceError(403, 'AccessDenied') }).retry).toBe(false);
    expect(decide({ error: new VolcSpeechError({ action: 'A', kind: 'aborted', code: 'RequestAborted', serviceMessage: '' }) }).retry).toBe(false);
  });

  for (const effect of ['write', 'disruptive', 'spends'] as const) {
    it(`${effect}: retries only failures that provably never reached the service`, () => {
      for (const code of ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']) expect(decide({ effect, error: networkError(code) }).retry).toBe(true);
      expect(decide({ effect, error: networkError('ECONNRESET') }).retry).toBe(false);
      expect(decide({ effect, error: networkError('ResponseReadFailed') }).retry).toBe(false);
      expect(decide({ effect, error: networkError('UND_ERR_SOCKET') }).retry).toBe(false);
      expect(decide({ effect, error: timeoutError() }).retry).toBe(false);
      expect(decide({ effect, error: serviceError(503, 'ServiceUnavailableTemp') }).retry).toBe(false);
      expect(decide({ effect, error: serviceError(429, 'FlowLimitExceeded') }).retry).toBe(false);
    });
  }

  it('stops after maxAttempts', () => {
    const error = serviceError(503, 'ServiceUnavailableTemp');
    const options = { maxAttempts: 3, baseDelayMs: 200, maxDelayMs: 5000 };
    expect(decide({ error, attempt: 2, options }).retry).toBe(true);
    expect(decide({ error, attempt: 3, options })).toEqual({ retry: false, reason: 'all 3 attempts failed' });
    expect(decide({ error, options: false }).retry).toBe(false);
  });

  it('waits at least Retry-After, even beyond the backoff cap', () => {
    const decision = decide({ error: serviceError(429, 'FlowLimitExceeded', { retryAfterMs: 7000 }), random: () => 0.5 });
    expect(decision).toMatchObject({ retry: true, delayMs: 7000 });
    // A small Retry-After does not shorten a larger jittered backoff.
    const small = decide({ error: serviceError(429, 'FlowLimitExceeded', { retryAfterMs: 10 }), attempt: 2, random: () => 0.99 });
    expect(small).toMatchObject({ retry: true, delayMs: Math.floor(0.99 * 400) });
  });

  it('gives up instead of waiting out a very long Retry-After', () => {
    const decision = decide({ error: serviceError(429, 'FlowLimitExceeded', { retryAfterMs: MAX_HONOURED_RETRY_AFTER_MS + 1 }) });
    expect(decision.retry).toBe(false);
  });

  it('uses full jitter from the injected random source', () => {
    const error = serviceError(503, 'ServiceUnavailableTemp');
    const options = { maxAttempts: 10, baseDelayMs: 200, maxDelayMs: 5000 };
    expect(decide({ error, attempt: 1, options, random: () => 0.25 })).toMatchObject({ delayMs: 50 });
    expect(decide({ error, attempt: 3, options, random: () => 0.25 })).toMatchObject({ delayMs: 200 });
    expect(decide({ error, attempt: 9, options, random: () => 0.5 })).toMatchObject({ delayMs: 2500 });
  });
});
