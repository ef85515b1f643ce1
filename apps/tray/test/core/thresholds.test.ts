import { describe, expect, it } from 'vitest';
import { levelForPercent } from '../../src/core/levels.js';
import { crossingKey, detectCrossings, ThresholdTracker } from '../../src/core/thresholds.js';
import type { PackBalanceView, RateLimitView } from '../../src/shared/bridge.js';

const T = { warningPercent: 80, criticalPercent: 95 };
const pack = (percentUsed: number, resourceId = 'r1'): PackBalanceView => ({
  resourceId,
  label: resourceId,
  unit: 'chars',
  purchased: 100,
  used: percentUsed,
  remaining: 100 - percentUsed,
  percentUsed,
  level: levelForPercent(percentUsed, T),
});

const rate = (percent: number, resourceId = 'r1', quotaType = 'qps', judge = true): RateLimitView => ({
  resourceId,
  quotaType,
  value: percent,
  limit: 100,
  percent,
  ...(judge ? { level: levelForPercent(percent, T) } : {}),
});

describe('threshold crossings', () => {
  it('announces each crossing once, not on every poll', () => {
    const tracker = new ThresholdTracker();
    const seen = [50, 79, 80, 85, 90, 94].map((p) => tracker.update([pack(p)], T));
    expect(seen.map((c) => c.map((x) => x.level))).toEqual([[], [], ['warning'], [], [], []]);
    expect(tracker.update([pack(95)], T).map((c) => c.level)).toEqual(['critical']);
    expect(tracker.update([pack(99)], T)).toEqual([]);
  });

  it('re-arms when usage drops back below a threshold', () => {
    const tracker = new ThresholdTracker();
    tracker.update([pack(85)], T);
    expect(tracker.update([pack(40)], T)).toEqual([]); // a new pack was bought
    expect(tracker.update([pack(81)], T).map((c) => c.level)).toEqual(['warning']);
  });

  it('falling from critical to warning re-arms only critical', () => {
    const tracker = new ThresholdTracker();
    tracker.update([pack(96)], T);
    expect(tracker.update([pack(90)], T)).toEqual([]);
    expect(tracker.update([pack(96)], T).map((c) => c.level)).toEqual(['critical']);
  });

  it('jumping past both thresholds in one poll announces critical only', () => {
    const { crossings, fired } = detectCrossings(new Map(), [pack(97)], T);
    expect(crossings).toHaveLength(1);
    expect(crossings[0]).toMatchObject({ level: 'critical', thresholdPercent: 95, percentUsed: 97, remaining: 3, unit: 'chars' });
    expect(fired.get('r1')).toBe('critical');
  });

  it('usage already above a threshold at start-up is announced once', () => {
    const tracker = new ThresholdTracker();
    expect(tracker.update([pack(88)], T)).toHaveLength(1);
    expect(tracker.update([pack(88)], T)).toHaveLength(0);
  });

  it('tracks resources separately and forgets vanished ones', () => {
    const tracker = new ThresholdTracker();
    expect(tracker.update([pack(85, 'a'), pack(10, 'b')], T).map((c) => c.resourceId)).toEqual(['a']);
    expect(tracker.update([pack(85, 'a'), pack(85, 'b')], T).map((c) => c.resourceId)).toEqual(['b']);
    tracker.update([pack(85, 'b')], T);
    expect([...tracker.state.keys()]).toEqual(['b']);
    expect(tracker.update([pack(85, 'a'), pack(85, 'b')], T).map((c) => c.resourceId)).toEqual(['a']);
  });
});

describe('threshold crossings of rate-limit use (the same detector)', () => {
  it('announces each crossing once and re-arms below, like pack spend', () => {
    const tracker = new ThresholdTracker();
    const seen = [50, 82, 90, 96, 99, 40, 85].map((p) => tracker.update([rate(p)], T).map((c) => c.level));
    expect(seen).toEqual([[], ['warning'], [], ['critical'], [], [], ['warning']]);
  });

  it('describes the crossing with its meaning, quota type and figures', () => {
    const { crossings, fired } = detectCrossings(new Map(), [{ ...rate(97), value: 58.2, limit: 60 }], T);
    expect(crossings).toEqual([
      {
        key: 'rate-limit:r1/qps',
        meaning: 'rateLimit',
        resourceId: 'r1',
        label: 'r1',
        level: 'critical',
        percentUsed: 97,
        thresholdPercent: 95,
        quotaType: 'qps',
        value: 58.2,
        limit: 60,
      },
    ]);
    expect(fired.get('rate-limit:r1/qps')).toBe('critical');
    expect(detectCrossings(new Map(), [pack(85)], T).crossings[0]).toMatchObject({ key: 'r1', meaning: 'remaining' });
  });

  it('keeps a pack and the rate limits of the same resource apart', () => {
    expect(new Set([crossingKey(pack(1)), crossingKey(rate(1, 'r1', 'qps')), crossingKey(rate(1, 'r1', 'concurrency'))]).size).toBe(3);
    const tracker = new ThresholdTracker();
    const both = tracker.update([pack(85), rate(85), rate(10, 'r1', 'concurrency')], T);
    expect(both.map((c) => [c.meaning, c.level])).toEqual([
      ['remaining', 'warning'],
      ['rateLimit', 'warning'],
    ]);
    // The pack drops back (a pack was bought) while the rate limit stays up: only the pack re-arms.
    expect(tracker.update([pack(20), rate(88), rate(10, 'r1', 'concurrency')], T)).toEqual([]);
    const again = tracker.update([pack(86), rate(88), rate(96, 'r1', 'concurrency')], T);
    expect(again.map((c) => [c.key, c.level])).toEqual([
      ['r1', 'warning'],
      ['rate-limit:r1/concurrency', 'critical'],
    ]);
  });

  it('judges a rate limit that carries no level against the thresholds', () => {
    expect(detectCrossings(new Map(), [rate(96, 'r1', 'qps', false)], T).crossings.map((c) => c.level)).toEqual(['critical']);
    expect(detectCrossings(new Map(), [rate(50, 'r1', 'qps', false)], T).crossings).toEqual([]);
  });
});

describe('announced crossings across a restart', () => {
  it('does not announce again what was announced before the restart', () => {
    const before = new ThresholdTracker();
    before.update([pack(88), rate(97)], T);
    const notified = before.notified();
    expect(notified).toEqual({ r1: 'warning', 'rate-limit:r1/qps': 'critical' });

    const after = new ThresholdTracker(notified);
    expect(after.update([pack(88), rate(97)], T)).toEqual([]);
    // Rising further is a new crossing; falling back re-arms, as without a restart.
    expect(after.update([pack(96), rate(97)], T).map((c) => [c.key, c.level])).toEqual([['r1', 'critical']]);
    expect(after.update([pack(50), rate(50)], T)).toEqual([]);
    expect(after.notified()).toEqual({});
    expect(after.update([pack(81), rate(81)], T)).toHaveLength(2);
  });

  it('a first poll without figures (offline at start-up) forgets nothing restored', () => {
    const tracker = new ThresholdTracker({ r1: 'warning', 'rate-limit:r1/qps': 'warning' });
    expect(tracker.update([], T)).toEqual([]);
    expect(tracker.notified()).toEqual({ r1: 'warning', 'rate-limit:r1/qps': 'warning' });
    // Packs answer, QuotaMonitoring does not yet: the rate limit's entry waits for its figure.
    expect(tracker.update([pack(85)], T)).toEqual([]);
    expect(tracker.notified()).toEqual({ r1: 'warning', 'rate-limit:r1/qps': 'warning' });
    expect(tracker.update([pack(85), rate(85)], T)).toEqual([]);
  });

  it('without anything restored, usage already above a threshold is announced once (first observation)', () => {
    const tracker = new ThresholdTracker({});
    expect(tracker.update([rate(85)], T).map((c) => c.level)).toEqual(['warning']);
    expect(tracker.update([rate(85)], T)).toEqual([]);
  });

  it('reset forgets restored entries too (another account)', () => {
    const tracker = new ThresholdTracker({ r1: 'critical' });
    tracker.reset();
    expect(tracker.notified()).toEqual({});
    expect(tracker.update([pack(97)], T)).toHaveLength(1);
  });
});
