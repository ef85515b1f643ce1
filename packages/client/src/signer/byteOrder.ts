/**
 * Orders strings by Unicode code point, which is the order of their UTF-8 bytes — the order a
 * server in Go or any byte-oriented language sorts by. JavaScript's default sort compares UTF-16
 * code units, which puts astral characters (surrogate pairs) before U+E000–U+FFFF; this fixes
 * exactly that case and costs nothing for ASCII.
 */
export function compareByteOrder(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      // Move surrogates (D800–DFFF) above E000–FFFF so they sort as the code points they encode.
      x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
      y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    }
    return x - y;
  }
  return a.length - b.length;
}
