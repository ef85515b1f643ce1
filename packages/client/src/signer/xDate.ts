const X_DATE_PATTERN = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/** `YYYYMMDD'T'HHMMSS'Z'` in UTC; milliseconds are dropped, as every Volcengine SDK does. */
export function formatXDate(d: Date): string {
  const time = d.getTime();
  if (Number.isNaN(time)) throw new RangeError('formatXDate: invalid Date');
  const iso = d.toISOString();
  // Years outside 0000–9999 come out as ±YYYYYY and have no X-Date form.
  if (iso.length !== 24) throw new RangeError(`formatXDate: year out of range in ${iso}`);
  return (
    iso.slice(0, 4) + iso.slice(5, 7) + iso.slice(8, 10) + 'T' + iso.slice(11, 13) + iso.slice(14, 16) + iso.slice(17, 19) + 'Z'
  );
}

/** Strict inverse of formatXDate: undefined for anything that is not a real UTC date-time in that exact form. */
export function parseXDate(s: string): Date | undefined {
  if (typeof s !== 'string') return undefined;
  const m = X_DATE_PATTERN.exec(s);
  if (m === null) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 onto 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  // Out-of-range fields roll over (20250230 becomes 2 March); the round trip rejects them.
  if (formatXDate(date) !== s) return undefined;
  return date;
}

/** The credential-scope date: the first 8 characters of the X-Date. */
export function shortDateOf(xDate: string): string {
  return xDate.slice(0, 8);
}
