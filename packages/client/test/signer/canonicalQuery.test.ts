import { describe, expect, it } from 'vitest';
import { canonicalQueryString } from '../../src/signer/canonicalQuery.js';

describe('canonicalQueryString', () => {
  it('is empty for an empty query', () => {
    expect(canonicalQueryString({})).toBe('');
  });

  it('sorts keys by byte order and encodes keys and values (spec V3)', () => {
    expect(
      canonicalQueryString({ Action: 'UsageMonitoring', Version: '2021-08-30', Note: "a b*c!'()~", Name: '中文', Ids: ['b', 'a'] }),
    ).toBe('Action=UsageMonitoring&Ids=a&Ids=b&Name=%E4%B8%AD%E6%96%87&Note=a%20b%2Ac%21%27%28%29~&Version=2021-08-30');
  });

  it('sorts raw keys, so upper case precedes lower case and _ precedes a', () => {
    expect(canonicalQueryString({ b: '1', a: '2', B: '3', _: '4' })).toBe('B=3&_=4&a=2&b=1');
  });

  it('sorts astral keys after U+E000–U+FFFF keys (byte order, not UTF-16 order)', () => {
    expect(canonicalQueryString({ '😀': '1', '\uE000': '2' })).toBe('%EE%80%80=2&%F0%9F%98%80=1');
  });

  it('repeats the key for array values, sorted by encoded value', () => {
    expect(canonicalQueryString({ k: ['b', 'a b', 'B', '~', 10, 9, true] })).toBe('k=10&k=9&k=B&k=a%20b&k=b&k=true&k=~');
  });

  it('keeps duplicate array elements', () => {
    expect(canonicalQueryString({ k: ['x', 'x'] })).toBe('k=x&k=x');
  });

  it('drops undefined and null, keeps empty strings as k=', () => {
    expect(canonicalQueryString({ a: undefined, b: null, c: '', d: 'x' })).toBe('c=&d=x');
  });

  it('drops empty arrays, since nothing is sent for them (the official SDK signs k= here)', () => {
    expect(canonicalQueryString({ a: [], b: '1' })).toBe('b=1');
    expect(new URLSearchParams([]).toString()).toBe('');
  });

  it('signs an empty key, since =v is what goes on the wire (the official SDK drops it)', () => {
    expect(canonicalQueryString({ '': 'v', a: '1' })).toBe('=v&a=1');
  });

  it('sorts integer-like keys as strings too (the official SDK puts them first, in numeric order)', () => {
    expect(canonicalQueryString({ b: '1', 10: 'x', 9: 'y' })).toBe('10=x&9=y&b=1');
  });

  it('stringifies numbers and booleans like String()', () => {
    expect(canonicalQueryString({ n: 1, z: 0, neg: -1.5, big: 1e21, f: false, t: true })).toBe(
      'big=1e%2B21&f=false&n=1&neg=-1.5&t=true&z=0',
    );
  });

  it('encodes reserved characters in keys and values', () => {
    expect(canonicalQueryString({ 'a&b=c': '+/=&?#' })).toBe('a%26b%3Dc=%2B%2F%3D%26%3F%23');
  });

  it('reproduces itself from its own wire form (what a verifier decodes and re-encodes)', () => {
    const query = { Action: 'X', 'a b': ['z', 'y*'], e: '', u: 'ü😀', plus: '1+1' };
    const canonical = canonicalQueryString(query);
    const decoded: Record<string, string[]> = {};
    for (const [k, v] of new URLSearchParams(canonical)) (decoded[k] ??= []).push(v);
    expect(canonicalQueryString(decoded)).toBe(canonical);
  });
});
