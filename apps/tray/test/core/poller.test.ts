import { describe, expect, it } from 'vitest';
import { Poller, type PollOutcome } from '../../src/core/poller.js';
import { FakeClock, flush } from '../support/fakeClock.js';

function setup(options: { intervalMs?: number; maxBackoffMs?: number; outcomes?: PollOutcome[] } = {}) {
  const clock = new FakeClock();
  const ticks: number[] = [];
  const outcomes = [...(options.outcomes ?? [])];
  let release: (() => void) | null = null;
  let hold = false;
  const poller = new Poller({
    clock,
    intervalMs: options.intervalMs ?? 60_000,
    maxBackoffMs: options.maxBackoffMs ?? 600_000,
    tick: async () => {
      ticks.push(clock.now());
      if (hold) await new Promise<void>((resolve) => (release = resolve));
      return outcomes.shift() ?? 'ok';
    },
  });
  return {
    clock,
    ticks,
    poller,
    outcomes,
    holdTicks: (on: boolean) => (hold = on),
    releaseTick: () => {
      const r = release;
      release = null;
      r?.();
    },
  };
}

describe('Poller', () => {
  it('polls at once on start, then every interval measured from the end of a poll', async () => {
    const { clock, ticks, poller } = setup({ intervalMs: 60_000 });
    poller.start();
    await flush();
    expect(ticks).toHaveLength(1);
    await clock.advance(59_999);
    expect(ticks).toHaveLength(1);
    await clock.advance(1);
    expect(ticks).toHaveLength(2);
    await clock.advance(120_000);
    expect(ticks).toHaveLength(4);
    expect(poller.state.ticks).toBe(4);
  });

  it('never overlaps polls: a slow poll delays the next one', async () => {
    const { clock, ticks, poller, holdTicks, releaseTick } = setup({ intervalMs: 1000 });
    holdTicks(true);
    poller.start();
    await clock.advance(10_000);
    expect(ticks).toHaveLength(1);
    expect(poller.state.inFlight).toBe(true);
    expect(clock.pending()).toEqual([]);
    holdTicks(false);
    releaseTick();
    await flush();
    expect(clock.pending()).toEqual([1000]);
  });

  it('backs off exponentially while polls fail, capped, and returns to the interval after a success', async () => {
    const { clock, poller } = setup({ intervalMs: 60_000, maxBackoffMs: 300_000, outcomes: ['failed', 'failed', 'failed', 'failed', 'ok'] });
    poller.start();
    await flush();
    expect(clock.pending()).toEqual([120_000]);
    await clock.advance(120_000);
    expect(clock.pending()).toEqual([240_000]);
    await clock.advance(240_000);
    expect(clock.pending()).toEqual([300_000]); // capped
    await clock.advance(300_000);
    expect(poller.state.consecutiveFailures).toBe(4);
    expect(clock.pending()).toEqual([300_000]);
    await clock.advance(300_000); // this one succeeds
    expect(poller.state.consecutiveFailures).toBe(0);
    expect(clock.pending()).toEqual([60_000]);
  });

  it('counts a throwing tick as a failure and reports the error', async () => {
    const clock = new FakeClock();
    const errors: unknown[] = [];
    const poller = new Poller({
      clock,
      intervalMs: 10_000,
      tick: async () => {
        throw new Error('offline');
      },
      onTickError: (e) => errors.push(e),
    });
    poller.start();
    await flush();
    expect(errors).toHaveLength(1);
    expect(poller.state.consecutiveFailures).toBe(1);
    expect(clock.pending()).toEqual([20_000]);
  });

  it('backs off from a floor when the interval is 0 (the bench)', async () => {
    const { clock, poller } = setup({ intervalMs: 0, outcomes: ['failed', 'failed'] });
    poller.start();
    await flush();
    expect(clock.pending()).toEqual([2000]);
    await clock.advance(2000);
    expect(clock.pending()).toEqual([4000]);
  });

  it('does not poll while the machine sleeps, and polls at once on wake-up', async () => {
    const { clock, ticks, poller } = setup({ intervalMs: 60_000 });
    poller.start();
    await flush();
    poller.suspend();
    expect(clock.pending()).toEqual([]);
    await clock.advance(3_600_000);
    expect(ticks).toHaveLength(1);
    poller.resume();
    await flush();
    expect(ticks).toHaveLength(2);
    expect(ticks[1]).toBe(clock.now());
    expect(clock.pending()).toEqual([60_000]);
  });

  it('a poll in flight when the machine sleeps finishes without scheduling another', async () => {
    const { clock, poller, holdTicks, releaseTick } = setup({ intervalMs: 60_000 });
    holdTicks(true);
    poller.start();
    await flush();
    poller.suspend();
    holdTicks(false);
    releaseTick();
    await flush();
    expect(clock.pending()).toEqual([]);
  });

  it('refreshNow polls at once and restarts the interval', async () => {
    const { clock, ticks, poller } = setup({ intervalMs: 60_000 });
    poller.start();
    await clock.advance(30_000);
    await poller.refreshNow();
    expect(ticks).toEqual([clock.now() - 30_000, clock.now()]);
    expect(clock.pending()).toEqual([60_000]);
  });

  it('refreshNow during a poll runs exactly one more poll right after it (answers may predate the action)', async () => {
    const { ticks, poller, holdTicks, releaseTick } = setup({ intervalMs: 60_000 });
    holdTicks(true);
    poller.start();
    await flush();
    const a = poller.refreshNow();
    const b = poller.refreshNow();
    expect(a).toBe(b);
    holdTicks(false);
    releaseTick();
    await a;
    expect(ticks).toHaveLength(2);
  });

  it('stop cancels the schedule and ignores refreshes', async () => {
    const { clock, ticks, poller } = setup({ intervalMs: 1000 });
    poller.start();
    await flush();
    poller.stop();
    await poller.refreshNow();
    await clock.advance(10_000);
    expect(ticks).toHaveLength(1);
  });

  it('setIntervalMs reschedules a pending poll', async () => {
    const { clock, poller } = setup({ intervalMs: 60_000 });
    poller.start();
    await flush();
    poller.setIntervalMs(5000);
    expect(clock.pending()).toEqual([5000]);
  });
});
