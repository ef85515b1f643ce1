import { describe, expect, it } from 'vitest';
import {
  canonicalHeaderBlock,
  defaultSignedHeaderNames,
  getCanonicalHeaders,
  lowerCaseHeaders,
  normalizeHeaderValue,
  normalizeSignedHeaderNames,
} from '../../src/signer/canonicalHeaders.js';

describe('normalizeHeaderValue', () => {
  it('collapses whitespace runs and trims', () => {
    expect(normalizeHeaderValue('  a \t b\n\r\n  c  ')).toBe('a b c');
    expect(normalizeHeaderValue('')).toBe('');
    expect(normalizeHeaderValue('   ')).toBe('');
  });

  it('treats Unicode whitespace as the official SDK does (JavaScript \\s)', () => {
    expect(normalizeHeaderValue('\u00a0a\u2003\u3000b\ufeff')).toBe('a b');
  });
});

describe('lowerCaseHeaders', () => {
  it('lower-cases names and keeps values', () => {
    expect([...lowerCaseHeaders({ Host: 'h', 'X-Foo': ' v ' })]).toEqual([
      ['host', 'h'],
      ['x-foo', ' v '],
    ]);
  });

  it('refuses names that differ only in case', () => {
    expect(() => lowerCaseHeaders({ Host: 'a', host: 'b' })).toThrow(/more than once/);
  });
});

describe('signed header selection', () => {
  it('signs everything but authorization, content-length, user-agent, expect, presigned-expires by default', () => {
    expect(
      defaultSignedHeaderNames([
        'x-date',
        'host',
        'content-type',
        'authorization',
        'content-length',
        'user-agent',
        'expect',
        'presigned-expires',
        'x-content-sha256',
      ]),
    ).toEqual(['content-type', 'host', 'x-content-sha256', 'x-date']);
  });

  it('normalises a caller list: lower case, unique, sorted', () => {
    expect(normalizeSignedHeaderNames(['X-Date', 'host', 'HOST', 'Content-Type'])).toEqual(['content-type', 'host', 'x-date']);
  });
});

describe('getCanonicalHeaders', () => {
  const headers = { Host: 'open.volcengineapi.com', 'Content-Type': 'application/json;  charset=utf-8', 'X-Date': '20250601T080910Z', 'User-Agent': 'ua' };

  it('returns the block (each line ending in \\n) and the SignedHeaders string', () => {
    expect(getCanonicalHeaders(headers)).toEqual({
      canonicalHeaders: 'content-type:application/json; charset=utf-8\nhost:open.volcengineapi.com\nx-date:20250601T080910Z\n',
      signedHeaders: 'content-type;host;x-date',
      signedHeaderNames: ['content-type', 'host', 'x-date'],
    });
  });

  it('signs exactly the given list when there is one', () => {
    expect(getCanonicalHeaders(headers, ['X-DATE', 'host']).signedHeaders).toBe('host;x-date');
    expect(getCanonicalHeaders(headers, ['user-agent']).canonicalHeaders).toBe('user-agent:ua\n');
  });

  it('throws when a listed header is absent instead of signing it as empty', () => {
    expect(() => getCanonicalHeaders(headers, ['x-date', 'x-missing'])).toThrow(/x-missing/);
    expect(() => canonicalHeaderBlock(new Map(), ['host'])).toThrow(/host/);
  });

  it('signs an empty value as name:', () => {
    expect(getCanonicalHeaders({ 'X-Empty': '' }).canonicalHeaders).toBe('x-empty:\n');
  });
});
