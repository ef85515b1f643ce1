/**
 * Capital letters in the same 3×5 pixel style as the figure font, for the contact sheet's
 * labels only (the tray figure itself never shows letters).
 */
import { GLYPH_HEIGHT, glyph as figureGlyph, supportsText } from './pixelFont.js';

const LETTERS: ReadonlyMap<string, readonly string[]> = new Map([
  ['A', ['.#.', '#.#', '###', '#.#', '#.#']],
  ['C', ['.##', '#..', '#..', '#..', '.##']],
  ['D', ['##.', '#.#', '#.#', '#.#', '##.']],
  ['E', ['###', '#..', '##.', '#..', '###']],
  ['F', ['###', '#..', '##.', '#..', '#..']],
  ['G', ['.##', '#..', '#.#', '#.#', '.##']],
  ['H', ['#.#', '#.#', '###', '#.#', '#.#']],
  ['I', ['###', '.#.', '.#.', '.#.', '###']],
  ['K', ['#.#', '#.#', '##.', '#.#', '#.#']],
  ['L', ['#..', '#..', '#..', '#..', '###']],
  ['M', ['#.#', '###', '###', '#.#', '#.#']],
  ['N', ['##.', '#.#', '#.#', '#.#', '#.#']],
  ['O', ['.#.', '#.#', '#.#', '#.#', '.#.']],
  ['P', ['##.', '#.#', '##.', '#..', '#..']],
  ['R', ['##.', '#.#', '##.', '#.#', '#.#']],
  ['S', ['.##', '#..', '.#.', '..#', '##.']],
  ['T', ['###', '.#.', '.#.', '.#.', '.#.']],
  ['U', ['#.#', '#.#', '#.#', '#.#', '###']],
  ['W', ['#.#', '#.#', '###', '###', '#.#']],
  ['X', ['#.#', '#.#', '.#.', '#.#', '#.#']],
  ['×', ['...', '#.#', '.#.', '#.#', '...']],
  [' ', ['.', '.', '.', '.', '.']],
]);

/** Pixels (x, y) of `text` in font pixels, left to right with one column between letters. */
export function labelPixels(text: string): { width: number; pixels: Array<[number, number]> } {
  const pixels: Array<[number, number]> = [];
  let x = 0;
  for (const char of text.toUpperCase()) {
    const rows = LETTERS.get(char);
    const width = rows ? rows[0]!.length : figureGlyph(char).width;
    const on = rows ? (gx: number, gy: number) => rows[gy]![gx] === '#' : supportsText(char) ? figureGlyph(char).on : () => false;
    for (let gy = 0; gy < GLYPH_HEIGHT; gy++) for (let gx = 0; gx < width; gx++) if (on(gx, gy)) pixels.push([x + gx, gy]);
    x += width + 1;
  }
  return { width: Math.max(0, x - 1), pixels };
}
