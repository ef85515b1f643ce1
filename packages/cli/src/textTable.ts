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

/** Rows of cells under a header, two spaces between columns; `right` lists right-aligned columns. */
export function formatTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>, options: { indent?: string; right?: readonly number[] } = {}): string {
  const indent = options.indent ?? '  ';
  const widths = header.map((h, col) => Math.max(displayWidth(h), ...rows.map((row) => displayWidth(row[col] ?? ''))));
  const line = (cells: readonly string[]) =>
    indent +
    cells
      .map((cell, col) => pad(cell, widths[col]!, options.right?.includes(col) ? 'right' : 'left'))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}
