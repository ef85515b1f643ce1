import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatXDate, parseXDate, shortDateOf } from '../../src/signer/xDate.js';

describe('formatXDate', () => {
  it("formats UTC as YYYYMMDD'T'HHMMSS'Z' and drops milliseconds", () => {
    expect(formatXDate(new Date('2025-06-01T08:09:10Z'))).toBe('20250601T080910Z');
    expect(formatXDate(new Date('2024-02-29T23:59:59.999Z'))).toBe('20240229T235959Z');
    expect(formatXDate(new Date('2025-06-01T08:09:10+08:00'))).toBe('20250601T000910Z');
  });

  it('rejects dates with no X-Date form', () => {
    expect(() => formatXDate(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => formatXDate(new Date('+010000-01-01T00:00:00Z'))).toThrow(RangeError);
    expect(() => formatXDate(new Date('-000001-01-01T00:00:00Z'))).toThrow(RangeError);
  });

  it('gives the short date as the first 8 characters', () => {
    expect(shortDateOf('20250601T080910Z')).toBe('20250601');
  });
});

describe('parseXDate', () => {
  it('round-trips every whole second in 0000–9999', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }), (d) => {
        const whole = new Date(Math.floor(d.getTime() / 1000) * 1000);
        expect(parseXDate(formatXDate(whole))?.getTime()).toBe(whole.getTime());
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps years below 100 (no 19xx mapping)', () => {
    expect(parseXDate('00500101T000000Z')?.toISOString()).toBe('0050-01-01T00:00:00.000Z');
  });

  it.each([
    ['', 'empty'],
    ['2025-06-01T08:09:10Z', 'ISO with separators'],
    ['20250601T080910', 'no Z'],
    ['20250601t080910z', 'lower case'],
    ['20250601T080910.000Z', 'fraction'],
    ['20250230T000000Z', 'Feb 30'],
    ['20250229T000000Z', 'Feb 29 in a common year'],
    ['20251301T000000Z', 'month 13'],
    ['20250001T000000Z', 'month 0'],
    ['20250100T000000Z', 'day 0'],
    ['20250601T240000Z', 'hour 24'],
    ['20250601T086000Z', 'minute 60'],
    ['20250601T080960Z', 'second 60'],
    [' 20250601T080910Z', 'leading space'],
    ['20250601T080910Z\n', 'trailing newline'],
    ['２０２５0601T080910Z', 'non-ASCII digits'],
  ])('rejects %j (%s)', (input) => {
    expect(parseXDate(input)).toBeUndefined();
  });

  it('rejects non-strings without throwing', () => {
    expect(parseXDate(undefined as unknown as string)).toBeUndefined();
    expect(parseXDate(20250601 as unknown as string)).toBeUndefined();
  });
});
