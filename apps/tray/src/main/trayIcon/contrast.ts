/**
 * WCAG 2.x relative luminance and contrast ratio of sRGB colours (WCAG 2.2, "relative
 * luminance" and "contrast ratio" definitions). Pure.
 */
export type Rgb = readonly [number, number, number];

/** '#1f6feb' → [31, 111, 235]. */
export function hexToRgb(hex: string): Rgb {
  const match = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!match) throw new RangeError(`not a #rrggbb colour: ${hex}`);
  const n = Number.parseInt(match[1]!, 16);
  return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
}

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

export function relativeLuminance([r, g, b]: Rgb): number {
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** 1 (same) … 21 (black on white). */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** WCAG 1.4.11 (non-text contrast: parts of graphics needed to understand them). */
export const MIN_GRAPHIC_CONTRAST = 3;
/** WCAG 1.4.3 (text contrast, AA, normal-size text: the figure is tiny). */
export const MIN_TEXT_CONTRAST = 4.5;
