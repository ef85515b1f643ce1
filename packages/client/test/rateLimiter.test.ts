import { describe, expect, it } from 'vitest';
import { ActionRateLimiter, TokenBucket } from '../src/rateLimiter.js';
import { DEFAULT_ACTION_QPS } from '../src/unknowns.js';
import { FakeClock } from './support/fakes.js';

describe('TokenBucket', () => {
  it('lets a burst of `capacity` through, then spaces calls at the rate', async () => {
    const clock = new FakeClock(0);
    const bucket = new TokenBucket({ ratePerSecond: 5, clock });
    for (let i = 0; i < 5; i++) await bucket.acquire();
    expect(clock.sleeps).toEqual([]);
    await bucket.acquire();
    await bucket.acquire();
    expect(clock.sleeps).toEqual([200, 200]);
    expect(clock.now()).toBe(400);
  });

  it('refills with time, up to capacity only', async () => {
    const clock = new FakeClock(0);
    const bucket = new TokenBucket({ ratePerSecond: 2, capacity: 2, clock });
    await bucket.acquire();
    await bucket.acquire();
    clock.nowMs += 60_000; // a long idle period does not bank more than `capacity`
    expect(bucket.available()).toBe(2);
  });

  it('serves concurrent waiters in arrival order at the rate', async () => {
    const clock = new FakeClock(0);
    const bucket = new TokenBucket({ ratePerSecond: 10, capacity: 1, clock });
    const waits: number[] = [];
    const sleep = clock.sleep.bind(clock);
    clock.sleep = async (ms, signal) => {
      waits.push(ms);
      await sleep(0, signal);
    };
    await Promise.all([bucket.acquire(), bucket.acquire(), bucket.acquire()]);
    // Each later waiter reserved the next slot: 100 ms, then 200 ms after the start.
    expect(waits).toEqual([100, 200]);
  });

  it('gives the reservation back when a waiter aborts', async () => {
    const clock = new FakeClock(0);
    const bucket = new TokenBucket({ ratePerSecond: 1, capacity: 1, clock });
    await bucket.acquire();
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(bucket.acquire(controller.signal)).rejects.toThrow('stop');
    expect(bucket.available()).toBe(0);
  });
});

describe('ActionRateLimiter', () => {
  it('keeps one bucket per action, at DEFAULT_ACTION_QPS unless told otherwise', async () => {
    const clock = new FakeClock(0);
    const limiter = new ActionRateLimiter({ clock, qpsByAction: { OrderAccessResourcePacks: 1 } });
    expect(limiter.bucketFor('ListAPIKeys').ratePerSecond).toBe(DEFAULT_ACTION_QPS);
    for (let i = 0; i < DEFAULT_ACTION_QPS; i++) await limiter.acquire('ListAPIKeys');
    await limiter.acquire('ServiceStatus'); // another action is not slowed by the first one
    expect(clock.sleeps).toEqual([]);
    await limiter.acquire('ListAPIKeys');
    expect(clock.sleeps).toEqual([1000 / DEFAULT_ACTION_QPS]);
    expect(limiter.bucketFor('OrderAccessResourcePacks').ratePerSecond).toBe(1);
  });
});
