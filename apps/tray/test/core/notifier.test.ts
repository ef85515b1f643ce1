import { describe, expect, it } from 'vitest';
import { crossingMessage, expiryMessage, serviceChangeMessage } from '../../src/core/notifier.js';
import { createI18n } from '../../src/shared/i18n/index.js';

const TTS = 'volc.service_type.10029';
const en = createI18n('en');
const zh = createI18n('zh-CN');

const packCrossing = {
  key: TTS,
  meaning: 'remaining' as const,
  resourceId: TTS,
  label: 'Doubao TTS (big model)',
  level: 'warning' as const,
  percentUsed: 85.6,
  thresholdPercent: 80,
  remaining: 287.5,
  unit: '万字符',
};

const rateCrossing = {
  key: `rate-limit:${TTS}/concurrency`,
  meaning: 'rateLimit' as const,
  resourceId: TTS,
  label: 'Doubao TTS (big model)',
  level: 'critical' as const,
  percentUsed: 95,
  thresholdPercent: 95,
  quotaType: 'concurrency',
  value: 19,
  limit: 20,
};

describe('notification texts, one language at a time', () => {
  it('a pack crossing names resource packs and what is left, in English', () => {
    expect(crossingMessage('Production', packCrossing, en)).toEqual({
      title: 'Resource packs · Doubao TTS (big model): 85.6% used',
      body: 'Production: resource-pack use passed the Warning threshold (80%); 287.5 10k characters left.',
      level: 'warning',
    });
  });

  it('the same crossing in Chinese, with the console product name', () => {
    expect(crossingMessage('生产', packCrossing, zh)).toEqual({
      title: '资源包 · 豆包语音合成模型：已用 85.6%',
      body: '生产：资源包用量超过预警阈值（80%），剩余 287.5 万字符。',
      level: 'warning',
    });
  });

  it('a rate-limit crossing says rate limit, with the quota type and use against the limit', () => {
    const message = crossingMessage('Production', rateCrossing, en);
    expect(message).toEqual({
      title: 'Rate limit · Doubao TTS (big model) Concurrency: 95% of the limit',
      body: 'Production: Concurrency use passed the Critical threshold (95%); 19 of 20 in use.',
      level: 'critical',
    });
    expect(crossingMessage('生产', rateCrossing, zh).title).toBe('限流 · 豆包语音合成模型 并发：占用上限的 95%');
  });

  it('an unrequested service change names both states', () => {
    expect(serviceChangeMessage('Production', { resourceId: TTS, label: 'Doubao TTS', from: 'running', to: 'paused', status: 'Paused' }, en)).toEqual({
      title: 'Doubao TTS (big model) is now Paused',
      body: 'Production: the service changed from Running to Paused without a request from this app.',
      level: 'paused',
    });
    expect(serviceChangeMessage('生产', { resourceId: TTS, label: 'x', from: 'running', to: 'paused', status: 'Paused' }, zh).title).toBe('豆包语音合成模型 现为已暂停');
  });

  it('an expiry warning says how many days are left and what is left in the pack', () => {
    const at = Date.UTC(2026, 11, 5);
    const warning = { resourceId: TTS, expires: '2026-12-05 08:00:00', at, days: 3, step: 3, remaining: 1200, unit: '字符' };
    expect(expiryMessage('Production', warning, en)).toEqual({
      title: 'Doubao TTS (big model): packs expire in 3 days',
      body: `Production: 1,200 characters left in the pack that expires on ${en.date(at)}.`,
      level: 'warning',
    });
    expect(expiryMessage('生产', { ...warning, days: 1, step: 1 }, zh)).toMatchObject({ title: '豆包语音合成模型：资源包明天到期', level: 'critical' });
  });
});
