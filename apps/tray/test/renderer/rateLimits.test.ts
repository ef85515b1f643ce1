import { describe, expect, it } from 'vitest';
import { rateLimitItems } from '../../src/renderer/views/rateLimits.js';
import type { RateLimitView } from '../../src/shared/bridge.js';

const T = { warningPercent: 80, criticalPercent: 95 };
const row = (quotaType: string, percent: number, level?: RateLimitView['level']): RateLimitView => ({
  resourceId: 'volc.service_type.10029',
  quotaType,
  value: percent,
  limit: 100,
  percent,
  ...(level ? { level } : {}),
});

describe('rate-limit rows', () => {
  it('take the level the core judged (the one the header counts), not a second judgement', () => {
    const items = rateLimitItems([row('qps', 96, 'warning'), row('concurrency', 10, 'critical')], () => 'TTS', T);
    expect(items.map((i) => i.level)).toEqual(['warning', 'critical']);
  });

  it('judge the percentage by the same rule only when a backend sent no level', () => {
    expect(rateLimitItems([row('a', 79.9), row('b', 80), row('c', 95)], () => 'x', T).map((i) => i.level)).toEqual(['ok', 'warning', 'critical']);
  });

  it('carry the label of their resource', () => {
    expect(rateLimitItems([row('qps', 1, 'ok')], (id) => `label of ${id}`, T)[0]!.resourceLabel).toBe('label of volc.service_type.10029');
  });
});
