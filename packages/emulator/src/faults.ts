/**
 * Fault injection: what the network and the gateway do to a client on a bad day.
 *
 * - `latencyMs`: every API answer waits this long.
 * - `qps`: a token bucket per access key per action (burst = qps, refill qps/s on the emulator's
 *   clock); an empty bucket answers 429 FlowLimitExceeded with Retry-After. unknowns.ts
 *   DEFAULT_ACTION_QPS is the realistic value; 0 or absent turns it off.
 * - `errorRate`: that fraction of requests fail with a random 5xx row of the gateway table.
 * - `dropRate`: that fraction of requests get their socket destroyed, no answer at all.
 * - `failNext`: the next `count` requests (of `action`, when given) fail exactly as described;
 *   `httpStatus: 200` gives an Error inside a 200, as callers report seeing.
 * - `simpleError`: error bodies use the Go SDK's "simple error" shape instead of the envelope.
 * Control requests (/__emulator/*) are never subject to faults.
 */
import { ApiError, gatewayError, SERVER_FAULT_CODES } from './errors.js';
import type { RandomSource } from './state/ids.js';

export interface FailNextSpec {
  count: number;
  httpStatus: number;
  code: string;
  message?: string;
  codeN?: number;
  /** Only requests of this action fail (and count down). */
  action?: string;
  /** This failure uses the simple error body. */
  simpleError?: boolean;
}

export interface FaultSettings {
  latencyMs?: number;
  qps?: number;
  errorRate?: number;
  dropRate?: number;
  failNext?: FailNextSpec;
  simpleError?: boolean;
}

/** A patch: absent keys stay as they are, `null` turns a fault off. */
export type FaultPatch = { [K in keyof FaultSettings]?: FaultSettings[K] | null };

export class FaultInjector {
  #settings: FaultSettings = {};
  readonly #buckets = new Map<string, { tokens: number; updatedAt: number }>();

  constructor(
    initial: FaultSettings = {},
    private readonly random: RandomSource,
  ) {
    this.update(initial);
  }

  get settings(): FaultSettings {
    return structuredClone(this.#settings);
  }

  /** Applies a patch after checking every value; returns the settings now in force. */
  update(patch: FaultPatch): FaultSettings {
    const next: FaultSettings = { ...this.#settings };
    for (const [key, value] of Object.entries(patch) as Array<[keyof FaultSettings, unknown]>) {
      if (value === null || value === undefined) {
        if (value === null) delete next[key];
        continue;
      }
      switch (key) {
        case 'latencyMs':
          next[key] = nonNegative(key, value, MAX_LATENCY_MS);
          break;
        case 'qps':
          next[key] = nonNegative(key, value, MAX_QPS);
          break;
        case 'errorRate':
        case 'dropRate':
          next[key] = probability(key, value);
          break;
        case 'simpleError':
          if (typeof value !== 'boolean') throw new TypeError('simpleError must be true or false');
          next.simpleError = value;
          break;
        case 'failNext':
          next.failNext = failNextSpec(value);
          break;
        default:
          throw new TypeError(`Unknown fault setting ${String(key)}`);
      }
    }
    if (next.qps !== this.#settings.qps) this.#buckets.clear();
    this.#settings = next;
    return this.settings;
  }

  reset(): void {
    this.#settings = {};
    this.#buckets.clear();
  }

  shouldDrop(): boolean {
    const rate = this.#settings.dropRate ?? 0;
    return rate > 0 && this.random() < rate;
  }

  get latencyMs(): number {
    return this.#settings.latencyMs ?? 0;
  }

  get simpleError(): boolean {
    return this.#settings.simpleError ?? false;
  }

  /** The injected failure for this request, if any: failNext first, then the random 5xx. */
  injectedFailure(action: string): { error: ApiError; simpleError: boolean } | undefined {
    const failNext = this.#settings.failNext;
    if (failNext && failNext.count > 0 && (failNext.action === undefined || failNext.action === action)) {
      failNext.count -= 1;
      if (failNext.count === 0) delete this.#settings.failNext;
      const error = new ApiError(failNext.httpStatus, failNext.code, failNext.message ?? `Injected failure ${failNext.code}`, failNext.codeN);
      return { error, simpleError: failNext.simpleError ?? this.simpleError };
    }
    const rate = this.#settings.errorRate ?? 0;
    if (rate > 0 && this.random() < rate) {
      const code = SERVER_FAULT_CODES[Math.floor(this.random() * SERVER_FAULT_CODES.length)] ?? 'InternalError';
      return { error: gatewayError(code, 'Injected server error (emulator errorRate)'), simpleError: this.simpleError };
    }
    return undefined;
  }

  /** Takes a token for (access key, action), or throws 429 FlowLimitExceeded. */
  throttle(accessKeyId: string, action: string, nowMs: number): void {
    const qps = this.#settings.qps ?? 0;
    if (qps <= 0) return;
    const bucketKey = `${accessKeyId}\u0000${action}`;
    const capacity = Math.max(1, qps);
    const bucket = this.#buckets.get(bucketKey) ?? { tokens: capacity, updatedAt: nowMs };
    bucket.tokens = Math.min(capacity, bucket.tokens + (Math.max(0, nowMs - bucket.updatedAt) / 1000) * qps);
    bucket.updatedAt = nowMs;
    if (bucket.tokens < 1) {
      this.#buckets.set(bucketKey, bucket);
      const waitSeconds = Math.max(1, Math.ceil((1 - bucket.tokens) / qps));
      throw gatewayError('FlowLimitExceeded', `Request rate of ${action} exceeds ${qps} per second for this access key`, { 'Retry-After': String(waitSeconds) });
    }
    bucket.tokens -= 1;
    this.#buckets.set(bucketKey, bucket);
  }
}

/** Ten minutes: longer than any client timeout; a larger delay would only hold sockets open. */
export const MAX_LATENCY_MS = 600_000;
export const MAX_QPS = 1_000_000;
export const MAX_FAIL_NEXT_COUNT = 1_000_000;

function nonNegative(key: string, value: unknown, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > max) throw new TypeError(`${key} must be a number from 0 to ${max}`);
  return value;
}

function probability(key: string, value: unknown): number {
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) throw new TypeError(`${key} must be a number from 0 to 1`);
  return value;
}

function failNextSpec(value: unknown): FailNextSpec {
  if (typeof value !== 'object' || value === null) throw new TypeError('failNext must be an object');
  const v = value as Record<string, unknown>;
  const count = v['count'] ?? 1;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > MAX_FAIL_NEXT_COUNT) {
    throw new TypeError(`failNext.count must be an integer from 1 to ${MAX_FAIL_NEXT_COUNT}`);
  }
  if (typeof v['httpStatus'] !== 'number' || !Number.isInteger(v['httpStatus']) || v['httpStatus'] < 200 || v['httpStatus'] > 599) {
    throw new TypeError('failNext.httpStatus must be an HTTP status (200–599)');
  }
  if (typeof v['code'] !== 'string' || v['code'] === '') throw new TypeError('failNext.code must be a non-empty string');
  const spec: FailNextSpec = { count, httpStatus: v['httpStatus'], code: v['code'] };
  if (v['message'] !== undefined) spec.message = String(v['message']);
  if (v['codeN'] !== undefined) {
    if (typeof v['codeN'] !== 'number' || !Number.isSafeInteger(v['codeN'])) throw new TypeError('failNext.codeN must be an integer');
    spec.codeN = v['codeN'];
  }
  if (typeof v['action'] === 'string') spec.action = v['action'];
  if (typeof v['simpleError'] === 'boolean') spec.simpleError = v['simpleError'];
  return spec;
}
