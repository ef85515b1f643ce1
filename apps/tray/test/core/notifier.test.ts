import { describe, expect, it } from 'vitest';
import { crossingMessage, serviceChangeMessage } from '../../src/core/notifier.js';

const TTS = 'volc.service_type.10029';

describe('notification texts', () => {
  it('a pack crossing says "Remaining quota" (剩余额度), with what is left', () => {
    expect(
      crossingMessage('Production', {
        key: TTS,
        meaning: 'remaining',
        resourceId: TTS,
        label: 'Doubao TTS (big model)',
        level: 'warning',
        percentUsed: 85.6,
        thresholdPercent: 80,
        remaining: 287.5,
        unit: '万字符',
      }),
    ).toEqual({
      title: '剩余额度 Remaining quota · Doubao TTS (big model): 85.6% used',
      body: 'Production: resource-pack use passed the warning threshold (80%); 287.5 万字符 left.',
      level: 'warning',
    });
  });

  it('a rate-limit crossing says "Rate limit" (限流), with the quota type and use against the limit', () => {
    const message = crossingMessage('Production', {
      key: `rate-limit:${TTS}/concurrency`,
      meaning: 'rateLimit',
      resourceId: TTS,
      label: 'Doubao TTS (big model)',
      level: 'critical',
      percentUsed: 95,
      thresholdPercent: 95,
      quotaType: 'concurrency',
      value: 19,
      limit: 20,
    });
    expect(message).toEqual({
      title: '限流 Rate limit · Doubao TTS (big model) 并发 Concurrency: 95% of the limit',
      body: 'Production: 并发 Concurrency use passed the critical threshold (95%); 19 of 20 in use.',
      level: 'critical',
    });
    expect(message.title).not.toMatch(/Remaining|剩余/);
  });

  it('an unrequested service change names both states and the reported status', () => {
    expect(serviceChangeMessage('Production', { resourceId: TTS, label: 'Doubao TTS', from: 'running', to: 'paused', status: 'Paused' })).toEqual({
      title: 'Doubao TTS is now paused',
      body: 'Production: the service changed from running to paused (reported "Paused") without a request from this app.',
      level: 'paused',
    });
  });
});
