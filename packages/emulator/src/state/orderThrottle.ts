/**
 * The one documented rate limit (DOC23): at most ORDER_THROTTLE.voices voices ordered or
 * renewed per ORDER_THROTTLE.windowMs, per account; beyond it, 403
 * Forbidden.LimitedTradingFrequency. A sliding window over what was accepted. Not persisted:
 * a restart forgets it, as a real window would have moved on.
 */
import { ORDER_THROTTLE } from '@volc-speech/client';
import { forbidden } from '../errors.js';

export class OrderThrottle {
  #accepted: Array<{ at: number; count: number }> = [];

  constructor(
    readonly limit: number = ORDER_THROTTLE.voices,
    readonly windowMs: number = ORDER_THROTTLE.windowMs,
  ) {}

  /** Throws when `count` more voices would exceed the window; records them otherwise. */
  take(count: number, nowMs: number): void {
    this.#accepted = this.#accepted.filter((e) => e.at > nowMs - this.windowMs);
    const used = this.#accepted.reduce((sum, e) => sum + e.count, 0);
    if (used + count > this.limit) {
      throw forbidden(
        'Forbidden.LimitedTradingFrequency',
        `Too many voice orders: at most ${this.limit} voices per ${Math.round(this.windowMs / 60000)} minutes (${used} in the current window, ${count} requested)`,
      );
    }
    this.#accepted.push({ at: nowMs, count });
  }

  reset(): void {
    this.#accepted = [];
  }
}
