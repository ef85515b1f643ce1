/**
 * When to repeat a failed call, and how long to wait first. Pure: the random source
 * and the current time are passed in, so every decision is reproducible in a test.
 *
 * The rule that matters most: only `read` actions are retried after the request may
 * have reached the service. Repeating a `write`, `disruptive` or `spends` call that
 * timed out could pause a service twice or buy a pack twice, so those are retried only
 * when the connection provably never opened (refused, or the name did not resolve).
 */
import type { ActionEffect } from './actions/actionTable.js';
import type { VolcSpeechError } from './errors.js';

export interface RetryOptions {
  /** Attempts in total, the first one included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_OPTIONS: Readonly<RetryOptions> = { maxAttempts: 3, baseDelayMs: 200, maxDelayMs: 5000 };

/** A Retry-After longer than this is not waited out inside one call: the error goes to the caller instead. */
export const MAX_HONOURED_RETRY_AFTER_MS = 60_000;

/**
 * Network errors raised before a single byte of the request left this machine: the
 * TCP connection was refused, or DNS did not resolve the host. Resets and timeouts are
 * absent on purpose: by then the request may have been sent and acted on.
 */
export const PRE_SEND_NETWORK_CODES: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * Full jitter (AWS Architecture Blog, "Exponential Backoff and Jitter"): a uniform delay in
 * [0, min(cap, base·2^retryIndex)), which spreads out clients that failed together.
 * `retryIndex` is 0 before the first retry.
 */
export function backoffDelayMs(retryIndex: number, options: Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs'>, random: () => number): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, retryIndex));
  return Math.floor(random() * ceiling);
}

/** `Retry-After` as milliseconds from now: delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) {
    // So many digits that the number is Infinity: not a wait anyone can honour or show.
    const ms = Math.round(Number(text) * 1000);
    return Number.isFinite(ms) ? ms : undefined;
  }
  // Every HTTP-date form starts with a day name; this also keeps Date.parse from reading "-5" as a year.
  if (!/^[A-Za-z]{3}/.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}

/** True only when the request cannot have reached the service. */
export function neverReachedService(error: VolcSpeechError): boolean {
  return (error.kind === 'network' && PRE_SEND_NETWORK_CODES.has(error.code)) || error.kind === 'credentials' || error.kind === 'validation';
}

export type RetryDecision = { retry: true; delayMs: number; reason: string } | { retry: false; reason: string };

export interface RetryInput {
  error: VolcSpeechError;
  effect: ActionEffect;
  /** Attempts made so far, the failed one included (1 after the first failure). */
  attempt: number;
  options: RetryOptions | false;
  random: () => number;
}

export function decideRetry({ error, effect, attempt, options, random }: RetryInput): RetryDecision {
  if (options === false) return { retry: false, reason: 'retries are disabled' };
  if (error.kind === 'aborted' || error.kind === 'validation' || error.kind === 'credentials') {
    return { retry: false, reason: `a ${error.kind} error does not pass by retrying` };
  }
  if (!error.retryable) return { retry: false, reason: 'the error is not transient' };
  if (effect !== 'read' && !neverReachedService(error)) {
    return { retry: false, reason: `a ${effect} request that may have reached the service is never repeated automatically` };
  }
  if (attempt >= options.maxAttempts) return { retry: false, reason: `all ${options.maxAttempts} attempts failed` };
  if (error.retryAfterMs !== undefined && error.retryAfterMs > MAX_HONOURED_RETRY_AFTER_MS) {
    return { retry: false, reason: `the service asked to wait ${Math.ceil(error.retryAfterMs / 1000)} s, longer than a call waits` };
  }
  const jittered = backoffDelayMs(attempt - 1, options, random);
  const delayMs = error.retryAfterMs !== undefined ? Math.max(jittered, error.retryAfterMs) : jittered;
  return { retry: true, delayMs, reason: describeTransient(error) };
}

function describeTransient(error: VolcSpeechError): string {
  if (error.kind === 'network') return `network error ${error.code}`;
  if (error.kind === 'timeout') return 'timed out';
  return error.httpStatus !== undefined ? `HTTP ${error.httpStatus} ${error.code}` : error.code;
}
