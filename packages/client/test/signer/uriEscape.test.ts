import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalUri, uriEscape } from '../../src/signer/uriEscape.js';

describe('uriEscape', () => {
  it('leaves only A-Za-z0-9-_.~ literal', () => {
    expect(uriEscape('AZaz09-_.~')).toBe('AZaz09-_.~');
    expect(uriEscape("a b*c!'()~")).toBe('a%20b%2Ac%21%27%28%29~');
    expect(uriEscape('+/=&?#%:@,;$[]')).toBe('%2B%2F%3D%26%3F%23%25%3A%40%2C%3B%24%5B%5D');
  });

  it('encodes UTF-8 bytes with upper-case hex', () => {
    expect(uriEscape('中文')).toBe('%E4%B8%AD%E6%96%87');
    expect(uriEscape('😀')).toBe('%F0%9F%98%80');
    expect(uriEscape('\u007f\t\n')).toBe('%7F%09%0A');
  });

  it('encodes a lone surrogate as U+FFFD, as it goes on the wire, instead of throwing', () => {
    expect(uriEscape('a\ud800b')).toBe('a%EF%BF%BDb');
    expect(uriEscape('\udc00')).toBe('%EF%BF%BD');
    expect(new URLSearchParams({ k: 'a\ud800b' }).toString()).toBe('k=a%EF%BF%BDb');
  });

  it('is the inverse of decodeURIComponent for well-formed strings and never emits a reserved character', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const escaped = uriEscape(s);
        expect(escaped).toMatch(/^(?:[A-Za-z0-9\-_.~]|%[0-9A-F]{2})*$/);
        expect(decodeURIComponent(escaped)).toBe(s);
      }),
      { numRuns: 500 },
    );
  });
});

describe('canonicalUri', () => {
  it('maps the root and the empty path to /', () => {
    expect(canonicalUri('/')).toBe('/');
    expect(canonicalUri('')).toBe('/');
  });

  it('encodes each segment and keeps the slashes', () => {
    expect(canonicalUri('/a b/c*d/')).toBe('/a%20b/c%2Ad/');
    expect(canonicalUri('/api/v1/x~y')).toBe('/api/v1/x~y');
    expect(canonicalUri('relative/path')).toBe('/relative/path');
  });
});
