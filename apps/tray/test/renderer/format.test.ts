import { describe, expect, it } from 'vitest';
import {
  bilingual,
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

describe('renderer format', () => {
  it('amounts: grouping, at most two decimals, a dash for what is not a number', () => {
    expect(formatAmount(12345.678)).toBe('12,345.68');
    expect(formatAmount(1_000_000)).toBe('1,000,000');
    expect(formatAmount(0.5)).toBe('0.5');
    expect(formatAmount(-3)).toBe('-3');
    expect([NaN, Infinity, -Infinity].map(formatAmount)).toEqual(['–', '–', '–']);
  });

  it('amounts with a unit, and without one', () => {
    expect(formatWithUnit(8.789, '小时')).toBe('8.79 小时');
    expect(formatWithUnit(1000, '')).toBe('1,000');
  });

  it('percentages to one decimal', () => {
    expect(formatPercent(42.26)).toBe('42.3%');
    expect(formatPercent(100)).toBe('100%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(NaN)).toBe('–');
  });

  it('ages in s, min, h; never negative', () => {
    expect(formatAge(12)).toBe('12 s');
    expect(formatAge(59.9)).toBe('59 s');
    expect(formatAge(125)).toBe('2 min 5 s');
    expect(formatAge(7300)).toBe('2 h 1 min');
    expect(formatAge(-5)).toBe('0 s');
  });

  it('levels and service states in both languages', () => {
    expect(levelText('warning')).toBe('预警 Warning');
    expect(levelText('error')).toBe('错误 Error');
    expect(serviceStateText('notActivated')).toBe('未开通 Not activated');
    expect(bilingual({ zh: '限流', en: 'Rate limit' })).toBe('限流 Rate limit');
  });

  it('quota types: the known ones named, any case; others as sent', () => {
    expect(quotaTypeText('qps')).toBe('QPS');
    expect(quotaTypeText('Concurrency')).toBe('并发 Concurrency');
    expect(quotaTypeText('tokens_per_day')).toBe('tokens_per_day');
  });

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

  it('a profile in the switcher: name, level, and whether it is the emulator', () => {
    expect(profileOptionText({ name: 'Production', level: 'critical', usesEmulator: false })).toBe('Production · 严重 Critical');
    expect(profileOptionText({ name: 'Local emulator', level: 'ok', usesEmulator: true })).toBe('Local emulator · 正常 OK · 模拟器 emulator');
  });
});
