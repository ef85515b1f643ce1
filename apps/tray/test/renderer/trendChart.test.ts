import { describe, expect, it } from 'vitest';
import { trendGeometry } from '../../src/renderer/views/trendChart.js';

describe('trend chart geometry (300×56 viewBox)', () => {
  it('nothing to draw without points', () => {
    expect(trendGeometry([])).toBeNull();
  });

  it('spreads the points over the width; the highest touches the top padding', () => {
    const g = trendGeometry([0, 10, 5])!;
    expect(g.line).toBe('M0.0,56.0 L150.0,4.0 L300.0,30.0');
    expect(g.area).toBe('M0.0,56.0 L150.0,4.0 L300.0,30.0 L300.0,56 L0.0,56 Z');
    expect(g.last).toEqual({ x: '300.0', y: '30.0' });
    expect(g.max).toBe(10);
  });

  it('one point sits in the middle; all-zero points lie on the baseline', () => {
    expect(trendGeometry([7])!.line).toBe('M150.0,4.0');
    const zeros = trendGeometry([0, 0])!;
    expect(zeros.line).toBe('M0.0,56.0 L300.0,56.0');
    expect(zeros.max).toBe(0);
  });
});
