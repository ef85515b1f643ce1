import { afterEach, describe, expect, it } from 'vitest';
import {
  errorSummary,
  formatAge,
  formatAmount,
  formatPercent,
  formatWithUnit,
  levelText,
  profileOptionText,
  quotaTypeText,
  serviceStateText,
  shortTimeLabel,
} from '../../src/renderer/format.js';
import { setLocale } from '../../src/renderer/i18n.js';

afterEach(() => {
  setLocale('en');
});

describe('renderer format, English', () => {
  it('amounts: grouping, at most two decimals, a dash for what is not a number', () => {
    setLocale('en');
    expect(formatAmount(12345.678)).toBe('12,345.68');
    expect(formatAmount(1_000_000)).toBe('1,000,000');
    expect(formatAmount(0.5)).toBe('0.5');
    expect(formatAmount(-3)).toBe('-3');
    expect([NaN, Infinity, -Infinity].map(formatAmount)).toEqual(['–', '–', '–']);
  });

  it('amounts with the unit in the page language, and without one', () => {
    setLocale('en');
    expect(formatWithUnit(8.789, '小时')).toBe('8.79 hours');
    expect(formatWithUnit(1000, '')).toBe('1,000');
    expect(formatWithUnit(3, 'tokens')).toBe('3 tokens');
  });

  it('percentages to one decimal', () => {
    setLocale('en');
    expect(formatPercent(42.26)).toBe('42.3%');
    expect(formatPercent(100)).toBe('100%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(NaN)).toBe('–');
  });

  it('ages through Intl units; never negative', () => {
    setLocale('en');
    expect(formatAge(12)).toBe('12 sec');
    expect(formatAge(125)).toBe('2 min 5 sec');
    expect(formatAge(7300)).toBe('2 hr 1 min');
    expect(formatAge(-5)).toBe('0 sec');
  });

  it('levels, service states, quota types and the switcher', () => {
    setLocale('en');
    expect(levelText('warning')).toBe('Warning');
    expect(serviceStateText('notActivated')).toBe('Not activated');
    expect(quotaTypeText('Concurrency')).toBe('Concurrency');
    expect(quotaTypeText('tokens_per_day')).toBe('tokens_per_day');
    expect(profileOptionText({ name: 'Production', level: 'critical', usesEmulator: false })).toBe('Production · Critical');
    expect(profileOptionText({ name: 'Local emulator', level: 'ok', usesEmulator: true })).toBe('Local emulator · OK · demo');
  });
});

describe('renderer format, Chinese', () => {
  it('the same words in Chinese only', () => {
    setLocale('zh-CN');
    expect(levelText('warning')).toBe('预警');
    expect(serviceStateText('notActivated')).toBe('未开通');
    expect(quotaTypeText('concurrency')).toBe('并发');
    expect(formatWithUnit(8.789, '小时')).toBe('8.79 小时');
    expect(formatAge(125)).toBe('2分钟5秒');
    expect(profileOptionText({ name: '生产', level: 'critical', usesEmulator: false })).toBe('生产 · 严重');
  });
});

describe('language-neutral', () => {
  it('an error in one line, with the HTTP status when there was one', () => {
    expect(errorSummary({ action: 'PauseService', code: 'AccessDenied', httpStatus: 403, message: 'no', at: 1 })).toBe('AccessDenied (HTTP 403): no');
    expect(errorSummary({ action: 'Connect', code: 'ECONNREFUSED', message: 'refused', at: 1 })).toBe('ECONNREFUSED: refused');
  });

  it('chart axis labels: the hour of an hourly Day, else the label as sent', () => {
    expect(shortTimeLabel('2025-06-01 13:00:00')).toBe('13:00');
    expect(shortTimeLabel('2025-06-01 7:30')).toBe('07:30');
    expect(shortTimeLabel('2025-06-01T13')).toBe('13:00');
    expect(shortTimeLabel('2025-06-01')).toBe('2025-06-01');
  });
});
