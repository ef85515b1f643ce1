/**
 * The level glyphs, as "is this point inside?" over a unit square (x right, y down), so they
 * render smoothly at any scale. The level shows in the shape, not only in the colour: the
 * icon must still say it to a colour-blind user and in a monochrome macOS template image.
 *   ok ●   warning ▲   critical ◆   paused ⏸ (in a square)   error ✕   unknown ○ (nothing measured yet)
 */
import type { IconLevel } from './palette.js';

export type Inside = (x: number, y: number) => boolean;

const cross = (ax: number, ay: number, bx: number, by: number, px: number, py: number) => (bx - ax) * (py - ay) - (by - ay) * (px - ax);

function inTriangle(px: number, py: number, a: readonly [number, number], b: readonly [number, number], c: readonly [number, number]): boolean {
  const d1 = cross(a[0], a[1], b[0], b[1], px, py);
  const d2 = cross(b[0], b[1], c[0], c[1], px, py);
  const d3 = cross(c[0], c[1], a[0], a[1], px, py);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
}

function distanceToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const t = Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
}

export const LEVEL_SHAPES: Readonly<Record<IconLevel, Inside>> = {
  ok: (x, y) => Math.hypot(x - 0.5, y - 0.5) <= 0.5,
  warning: (x, y) => inTriangle(x, y, [0.5, 0.02], [-0.02, 0.96], [1.02, 0.96]),
  critical: (x, y) => Math.abs(x - 0.5) + Math.abs(y - 0.5) <= 0.5,
  // A pause button: a rounded square with the two bars cut out (bare bars would read as the
  // app's sound-wave mark).
  paused: (x, y) => roundedRect(0, 0, 1, 1, 0.22)(x, y) && !(y >= 0.25 && y <= 0.75 && ((x >= 0.25 && x <= 0.375) || (x >= 0.625 && x <= 0.75))),
  error: (x, y) => distanceToSegment(x, y, 0.12, 0.12, 0.88, 0.88) <= 0.15 || distanceToSegment(x, y, 0.88, 0.12, 0.12, 0.88) <= 0.15,
  unknown: (x, y) => {
    const r = Math.hypot(x - 0.5, y - 0.5);
    return r <= 0.47 && r >= 0.27;
  },
};

/** A rounded rectangle in absolute coordinates. */
export function roundedRect(x0: number, y0: number, x1: number, y1: number, radius: number): Inside {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + radius), x1 - radius);
    const cy = Math.min(Math.max(y, y0 + radius), y1 - radius);
    return Math.hypot(x - cx, y - cy) <= radius;
  };
}
