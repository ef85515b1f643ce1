/**
 * A 3×5 pixel font for the tray figure: digits, '%', '!', '?', '-'. Drawn pixel for pixel
 * (never scaled by a fraction), so it stays crisp at 16 px; at 2× every pixel is doubled.
 * Hand-made because no kept library ships a 5-pixel-tall digit face, and 14 glyphs are less
 * code than adapting a BDF parser.
 */
export const GLYPH_HEIGHT = 5;
/** Empty columns between two glyphs. */
export const GLYPH_SPACING = 1;

const ROWS: ReadonlyMap<string, readonly string[]> = new Map([
  ['0', ['###', '#.#', '#.#', '#.#', '###']],
  ['1', ['.#.', '##.', '.#.', '.#.', '###']],
  ['2', ['###', '..#', '###', '#..', '###']],
  ['3', ['###', '..#', '.##', '..#', '###']],
  ['4', ['#.#', '#.#', '###', '..#', '..#']],
  ['5', ['###', '#..', '###', '..#', '###']],
  ['6', ['###', '#..', '###', '#.#', '###']],
  ['7', ['###', '..#', '..#', '.#.', '.#.']],
  ['8', ['###', '#.#', '###', '#.#', '###']],
  ['9', ['###', '#.#', '###', '..#', '###']],
  ['%', ['#.#', '..#', '.#.', '#..', '#.#']],
  ['!', ['#', '#', '#', '.', '#']],
  ['?', ['##.', '..#', '.#.', '...', '.#.']],
  ['-', ['...', '...', '###', '...', '...']],
]);

export interface Glyph {
  width: number;
  /** Row-major, GLYPH_HEIGHT rows of `width` booleans. */
  on(x: number, y: number): boolean;
}

export function glyph(char: string): Glyph {
  const rows = ROWS.get(char);
  if (!rows) throw new RangeError(`the tray font has no glyph for ${JSON.stringify(char)} (digits, %, !, ?, - only)`);
  return { width: rows[0]!.length, on: (x, y) => rows[y]?.[x] === '#' };
}

export function supportsText(text: string): boolean {
  return [...text].every((c) => ROWS.has(c));
}

/** Width in font pixels of `text`, glyph spacing included. */
export function textWidth(text: string): number {
  const chars = [...text];
  return chars.reduce((sum, c) => sum + glyph(c).width, 0) + Math.max(0, chars.length - 1) * GLYPH_SPACING;
}
