/**
 * Runs one account's poll on an interval. Ticks never overlap; the next one is scheduled
 * when the previous one ends. Failed ticks back off exponentially (offline, bad gateway),
 * the machine's sleep suspends the schedule, and an action asks for an immediate refresh.
 */
import type { Clock, TimerHandle } from './clock.js';

export type PollOutcome = 'ok' | 'failed';

export interface PollerOptions {
  clock: Clock;
  intervalMs: number;
  /** One poll; resolve 'failed' (or throw) to back off. */
  tick: () => Promise<PollOutcome>;
  /** Longest wait between failed polls; never shorter than the interval. Default 5 minutes (DEFAULT_MAX_BACKOFF_MS). */
  maxBackoffMs?: number;
  /** First backoff step when the interval is very short (the bench polls at 0 ms). Default 1 s. */
  minBackoffMs?: number;
  onTickError?: (error: unknown) => void;
  /** The next poll was scheduled (at: when it fires) or is no longer scheduled (null). */
  onSchedule?: (at: number | null) => void;
}

/** "A few minutes": the longest an outage that ended can stay on screen without a click. */
export const DEFAULT_MAX_BACKOFF_MS = 5 * 60_000;

export interface PollerState {
  started: boolean;
  stopped: boolean;
  suspended: boolean;
  inFlight: boolean;
  consecutiveFailures: number;
  ticks: number;
  /** Delay the poller uses (or will use) for the next scheduled tick. */
  nextDelayMs: number;
}

export class Poller {
  private readonly clock: Clock;
  private readonly tick: () => Promise<PollOutcome>;
  private readonly onTickError: ((error: unknown) => void) | undefined;
  private readonly onSchedule: ((at: number | null) => void) | undefined;
  private scheduledAt: number | null = null;
  private intervalMs: number;
  private readonly maxBackoffMs: number;
  private readonly minBackoffMs: number;
  private timer: TimerHandle | null = null;
  private inFlight: Promise<void> | null = null;
  private followUp: Promise<void> | null = null;
  private started = false;
  private stopped = false;
  private suspended = false;
  private failures = 0;
  private ticks = 0;

  constructor(options: PollerOptions) {
    this.clock = options.clock;
    this.tick = options.tick;
    this.onTickError = options.onTickError;
    this.onSchedule = options.onSchedule;
    this.intervalMs = Math.max(0, options.intervalMs);
    this.maxBackoffMs = options.maxBackoffMs ?? DEFAULT_MAX_BACKOFF_MS;
    this.minBackoffMs = options.minBackoffMs ?? 1_000;
  }

  /** Polls at once, then on the interval. */
  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    if (!this.suspended) void this.refreshNow();
  }

  stop(): void {
    this.stopped = true;
    this.cancelTimer();
  }

  /** The machine is going to sleep: no timer fires until resume(). A poll in flight may finish. */
  suspend(): void {
    this.suspended = true;
    this.cancelTimer();
  }

  /** The machine woke up: poll now (the figures are stale) and go back to the interval. */
  resume(): void {
    if (!this.suspended) return;
    this.suspended = false;
    if (this.started && !this.stopped) void this.refreshNow();
  }

  /**
   * Polls as soon as possible: at once when idle, or right after the poll in flight (whose
   * answers may predate the action that asked for the refresh). Concurrent requests share one poll.
   */
  refreshNow(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.followUp) return this.followUp;
    if (this.inFlight) {
      const followUp = this.inFlight.then(() => {
        this.followUp = null;
        return this.runTick();
      });
      this.followUp = followUp;
      return followUp;
    }
    return this.runTick();
  }

  setIntervalMs(intervalMs: number): void {
    this.intervalMs = Math.max(0, intervalMs);
    if (this.timer !== null) {
      this.cancelTimer();
      this.schedule();
    }
  }

  /** The wait before the next poll: the interval, doubled per consecutive failure, capped. */
  nextDelayMs(): number {
    if (this.failures === 0) return this.intervalMs;
    const base = Math.max(this.intervalMs, this.minBackoffMs);
    const cap = Math.max(this.maxBackoffMs, this.intervalMs);
    return Math.min(cap, base * 2 ** Math.min(this.failures, 30));
  }

  get state(): PollerState {
    return {
      started: this.started,
      stopped: this.stopped,
      suspended: this.suspended,
      inFlight: this.inFlight !== null,
      consecutiveFailures: this.failures,
      ticks: this.ticks,
      nextDelayMs: this.nextDelayMs(),
    };
  }

  private runTick(): Promise<void> {
    this.cancelTimer();
    const run = (async () => {
      let outcome: PollOutcome;
      try {
        outcome = await this.tick();
      } catch (error) {
        outcome = 'failed';
        this.onTickError?.(error);
      }
      this.failures = outcome === 'ok' ? 0 : this.failures + 1;
      this.ticks++;
    })().finally(() => {
      this.inFlight = null;
      if (!this.followUp) this.schedule();
    });
    this.inFlight = run;
    return run;
  }

  /** When the next scheduled poll fires, or null when none is scheduled. */
  get nextAt(): number | null {
    return this.scheduledAt;
  }

  private schedule(): void {
    if (!this.started || this.stopped || this.suspended || this.timer !== null) return;
    const delay = this.nextDelayMs();
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      this.setScheduled(null);
      void this.runTick();
    }, delay);
    this.setScheduled(this.clock.now() + delay);
  }

  private cancelTimer(): void {
    if (this.timer !== null) {
      this.clock.clearTimeout(this.timer);
      this.timer = null;
      this.setScheduled(null);
    }
  }

  private setScheduled(at: number | null): void {
    if (this.scheduledAt === at) return;
    this.scheduledAt = at;
    this.onSchedule?.(at);
  }
}
