/**
 * Time as the emulator sees it. Every handler, the signature window and the usage that
 * accrues with time read this clock, so a test can move time instead of waiting.
 * Structurally compatible with the client's `Clock` (only `now()` is needed here).
 */
export interface EmulatorClock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

export const systemClock: EmulatorClock = { now: () => Date.now() };

export interface ManualClock extends EmulatorClock {
  set(ms: number): void;
  advance(ms: number): void;
}

/** A clock that stands still until told to move; for tests. */
export function manualClock(startMs: number = Date.now()): ManualClock {
  let current = startMs;
  return {
    now: () => current,
    set: (ms) => {
      current = ms;
    },
    advance: (ms) => {
      current += ms;
    },
  };
}
