import { describe, expect, it } from 'vitest';
import { levelForPercent } from '../../src/core/levels.js';
import { detectCrossings, ThresholdTracker } from '../../src/core/thresholds.js';
import type { PackBalanceView } from '../../src/shared/bridge.js';

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
