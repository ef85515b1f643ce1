import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareByteOrder } from '../../src/signer/byteOrder.js';

const utf8 = new TextEncoder();

function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(utf8.encode(a)), Buffer.from(utf8.encode(b)));
}

describe('compareByteOrder', () => {
  it('agrees with the sign of a UTF-8 byte comparison', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => {
        expect(Math.sign(compareByteOrder(a, b))).toBe(Math.sign(compareBytes(a, b)));
      }),
      { numRuns: 2000 },
    );
  });

  it('puts an astral character after U+E000–U+FFFF, where UTF-16 order does the opposite', () => {
    const astral = '😀';
    const privateUse = '\uE000';
    expect([astral, privateUse].sort()).toEqual([astral, privateUse]);
    expect([astral, privateUse].sort(compareByteOrder)).toEqual([privateUse, astral]);
  });

  it('orders ASCII like the default sort, shorter prefix first', () => {
    expect(['b', 'a', 'B', '_', 'ab', 'a'].sort(compareByteOrder)).toEqual(['B', '_', 'a', 'a', 'ab', 'b']);
  });
});
