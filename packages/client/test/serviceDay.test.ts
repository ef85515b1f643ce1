import { describe, expect, it } from 'vitest';
import { SERVICE_TIME_ZONE, serviceDay } from '../src/unknowns.js';

describe('serviceDay', () => {
  it('counts days in Beijing time', () => {
    expect(SERVICE_TIME_ZONE).toBe('Asia/Shanghai');
    expect(serviceDay(Date.parse('2026-11-26T16:30:00Z'))).toBe('2026-11-27');
    expect(serviceDay(Date.parse('2026-11-26T15:59:00Z'))).toBe('2026-11-26');
    expect(serviceDay(Date.parse('2026-11-26T16:00:00Z'))).toBe('2026-11-27');
  });

  it('moves by calendar days across month and year ends', () => {
    expect(serviceDay(Date.parse('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
    expect(serviceDay(Date.parse('2026-12-31T16:00:00Z'), -1)).toBe('2026-12-31');
    expect(serviceDay(Date.parse('2028-02-28T12:00:00Z'), 1)).toBe('2028-02-29');
    expect(serviceDay(Date.parse('2026-03-01T00:00:00Z'), -1)).toBe('2026-02-28');
  });
});
