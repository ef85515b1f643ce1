/** Plain-text columns. Width counts CJK characters as two cells, so Chinese names still line up. */

export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    // East Asian wide ranges (CJK, Hangul, full-width forms): two terminal cells.
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6);
    width += wide ? 2 : 1;
  }
  return width;
}

function pad(text: string, width: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'left' ? text + fill : fill + text;
}

/** `text` cut to `width` cells, ending in … when cut. */
export function truncateCells(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const char of text) {
    const w = displayWidth(char);
    if (used + w > width - 1) break;
    out += char;
    used += w;
  }
  return `${out}…`;
}

export interface TableOptions {
  indent?: string;
  /** Right-aligned columns (numbers). */
  right?: readonly number[];
  /** Fit within this many cells: the widest left-aligned columns are cut (with …) first. */
  maxWidth?: number;
}

/** Column widths that fit `maxWidth`, narrowing the widest text column one cell at a time (never below 6). */
function fitWidths(widths: number[], indent: number, right: readonly number[], maxWidth: number | undefined): number[] {
  if (maxWidth === undefined) return widths;
  const fitted = [...widths];
  const total = () => indent + fitted.reduce((sum, w) => sum + w, 0) + 2 * (fitted.length - 1);
  while (total() > maxWidth) {
    let widest = -1;
    for (let col = 0; col < fitted.length; col++) {
      if (right.includes(col) || fitted[col]! <= 6) continue;
      if (widest < 0 || fitted[col]! > fitted[widest]!) widest = col;
    }
    if (widest < 0) break;
    fitted[widest]! -= 1;
  }
  return fitted;
}

/** Rows of cells under a header, two spaces between columns; `right` lists right-aligned columns. */
export function formatTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>, options: TableOptions = {}): string {
  const indent = options.indent ?? '  ';
  const natural = header.map((h, col) => Math.max(displayWidth(h), ...rows.map((row) => displayWidth(row[col] ?? ''))));
  const widths = fitWidths(natural, displayWidth(indent), options.right ?? [], options.maxWidth);
  const line = (cells: readonly string[]) =>
    indent +
    cells
      .map((cell, col) => pad(truncateCells(cell, widths[col]!), widths[col]!, options.right?.includes(col) ? 'right' : 'left'))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}
