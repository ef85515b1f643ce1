/**
 * Client-side throttle: one token bucket per action, so that bulk work (paging through
 * 10,000 voices with 4 pages in flight) stays under the gateway's per-action limit
 * instead of collecting FlowLimitExceeded errors. The real limits are not documented;
 * the default is unknowns.ts DEFAULT_ACTION_QPS.
 */
import type { Clock } from './clock.js';
import { DEFAULT_ACTION_QPS } from './unknowns.js';

export interface TokenBucketOptions {
  /** Tokens added per second. */
  ratePerSecond: number;
  /** Most tokens held at once (the largest burst); defaults to one second's worth. */
  capacity?: number;
  clock: Clock;
}

/**
 * Waiters reserve their token up front (the balance may go negative), so they are served
 * in arrival order and nobody is starved by a luckier caller; an aborted waiter gives its
 * reservation back.
 */
export class TokenBucket {
  readonly ratePerSecond: number;
  readonly capacity: number;
  #tokens: number;
  #updatedAt: number;
  readonly #clock: Clock;

  constructor(options: TokenBucketOptions) {
    if (!(options.ratePerSecond > 0)) throw new RangeError('ratePerSecond must be > 0');
    this.ratePerSecond = options.ratePerSecond;
    this.capacity = Math.max(1, options.capacity ?? options.ratePerSecond);
    this.#clock = options.clock;
    this.#tokens = this.capacity;
    this.#updatedAt = options.clock.now();
  }

  #refill(): void {
    const now = this.#clock.now();
    const elapsed = Math.max(0, now - this.#updatedAt);
    this.#tokens = Math.min(this.capacity, this.#tokens + (elapsed * this.ratePerSecond) / 1000);
    this.#updatedAt = now;
  }

  /** Tokens available now (negative while waiters hold reservations). */
  available(): number {
    this.#refill();
    return this.#tokens;
  }

  /** Takes one token, waiting as long as needed. Rejects with the signal's reason if it aborts first. */
  async acquire(signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    this.#refill();
    this.#tokens -= 1;
    if (this.#tokens >= 0) return;
    const waitMs = Math.ceil((-this.#tokens * 1000) / this.ratePerSecond);
    try {
      await this.#clock.sleep(waitMs, signal);
    } catch (error) {
      this.#tokens += 1;
      throw error;
    }
  }
}

export interface RateLimitOptions {
  /** Requests per second per action. */
  qps: number;
  /** Overrides per action name. */
  qpsByAction?: Readonly<Record<string, number>>;
}

export class ActionRateLimiter {
  readonly #buckets = new Map<string, TokenBucket>();
  readonly #options: RateLimitOptions;
  readonly #clock: Clock;

  constructor(options: Partial<RateLimitOptions> & { clock: Clock }) {
    this.#options = { qps: options.qps ?? DEFAULT_ACTION_QPS, ...(options.qpsByAction ? { qpsByAction: options.qpsByAction } : {}) };
    this.#clock = options.clock;
  }

  bucketFor(action: string): TokenBucket {
    let bucket = this.#buckets.get(action);
    if (!bucket) {
      const qps = this.#options.qpsByAction?.[action] ?? this.#options.qps;
      bucket = new TokenBucket({ ratePerSecond: qps, clock: this.#clock });
      this.#buckets.set(action, bucket);
    }
    return bucket;
  }

  acquire(action: string, signal?: AbortSignal): Promise<void> {
    return this.bucketFor(action).acquire(signal);
  }
}
