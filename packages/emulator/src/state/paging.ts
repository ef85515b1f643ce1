/**
 * Paging for list actions. NextToken is opaque to callers (the real one is encrypted,
 * DOC23); here it is the base64 of `offset:<n>`, which is enough to page and to reject
 * tokens that did not come from us.
 */
import { invalidParameter } from '../errors.js';

const TOKEN_PREFIX = 'offset:';

export function encodeNextToken(offset: number): string {
  return Buffer.from(`${TOKEN_PREFIX}${offset}`).toString('base64');
}

export function decodeNextToken(token: string, field = 'NextToken'): number {
  const text = Buffer.from(token, 'base64').toString('utf8');
  const offset = text.startsWith(TOKEN_PREFIX) ? Number(text.slice(TOKEN_PREFIX.length)) : NaN;
  if (!Number.isSafeInteger(offset) || offset < 0) throw invalidParameter(field, 'is not a token this service issued');
  return offset;
}

export interface Page<T> {
  items: T[];
  /** '' on the last page. */
  nextToken: string;
}

export function pageByOffset<T>(all: readonly T[], offset: number, size: number): Page<T> {
  const items = all.slice(offset, offset + size);
  const next = offset + items.length;
  return { items, nextToken: next < all.length ? encodeNextToken(next) : '' };
}

export function pageByNumber<T>(all: readonly T[], pageNumber: number, pageSize: number): T[] {
  return all.slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
}
