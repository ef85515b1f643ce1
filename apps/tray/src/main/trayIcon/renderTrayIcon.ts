/**
 * Draws the tray icon at run time: the app's mark (its sound wave), the level's glyph and
 * colour, and the headline figure on a plate of the level's colour. Pure TypeScript, no
 * Electron: main turns the pixels into a NativeImage, tests read them.
 *
 * Layout on a 16-unit grid (1 unit = 1 px at 1×, 2 px at 2×):
 *   with a figure     glyph 8×8 top-left, sound wave top-right, plate rows 9–16 with the
 *                     figure in the 3×5 pixel font (5 px tall at 1×, 10 px at 2×)
 *   without a figure  sound wave on the left, glyph 8×8 on the right
 * `template` draws the same in black + alpha for macOS (the system tints it; the figure is
 * cut out of its plate).
 */
import { contrastRatio, hexToRgb, type Rgb } from './contrast.js';
import { GLYPH_HEIGHT, GLYPH_SPACING, glyph, supportsText, textWidth } from './pixelFont.js';
import { FIGURE_INKS, LEVEL_COLOURS, MARK_COLOURS, type IconLevel, type PanelAppearance } from './palette.js';
import { LEVEL_SHAPES, roundedRect, type Inside } from './shapes.js';

export type IconAppearance = PanelAppearance | 'template';
export type IconScale = 1 | 2;

export interface TrayIconRequest {
  level: IconLevel;
  /** A short figure: '97%', '24', '!'. A '%' that does not fit at 16 px is left out. */
  figure?: string | null;
  scale: IconScale;
  appearance: IconAppearance;
}

export interface PixelBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface RenderedTrayIcon {
  width: number;
  height: number;
  scale: IconScale;
  /** Straight (not premultiplied) RGBA, row by row. */
  rgba: Uint8Array;
  /** The figure as drawn ('%' may have been left out), or null. */
  figure: string | null;
  /** The figure's area inside the plate (ink and plate only), or null without a figure. */
  figureBox: PixelBox | null;
}

/** Design grid: 16 units square. */
export const GRID = 16;
const SUPERSAMPLE = 4;
/** Figure font pixels available across the plate (1 unit of padding either side). */
const FIGURE_ROOM = GRID - 2;

const BLACK: Rgb = [0, 0, 0];

class Canvas {
  readonly rgba: Uint8Array;
  constructor(
    readonly size: number,
    private readonly unit: number,
  ) {
    this.rgba = new Uint8Array(size * size * 4);
  }

  /** Coverage of a shape given in grid units, 4×4 supersampled. */
  private coverage(inside: Inside, px: number, py: number): number {
    let hits = 0;
    for (let sy = 0; sy < SUPERSAMPLE; sy++) {
      for (let sx = 0; sx < SUPERSAMPLE; sx++) {
        if (inside((px + (sx + 0.5) / SUPERSAMPLE) / this.unit, (py + (sy + 0.5) / SUPERSAMPLE) / this.unit)) hits++;
      }
    }
    return hits / (SUPERSAMPLE * SUPERSAMPLE);
  }

  fill(inside: Inside, colour: Rgb): void {
    for (let py = 0; py < this.size; py++) for (let px = 0; px < this.size; px++) this.over(px, py, colour, this.coverage(inside, px, py));
  }

  /** Source-over of one pixel with straight alpha. */
  over(px: number, py: number, colour: Rgb, alpha: number): void {
    if (alpha <= 0) return;
    const i = (py * this.size + px) * 4;
    const dstA = this.rgba[i + 3]! / 255;
    const outA = alpha + dstA * (1 - alpha);
    for (let c = 0; c < 3; c++) this.rgba[i + c] = Math.round((colour[c]! * alpha + this.rgba[i + c]! * dstA * (1 - alpha)) / outA);
    this.rgba[i + 3] = Math.round(outA * 255);
  }

  /** A whole pixel, no blending: the figure's font pixels. */
  set(px: number, py: number, colour: Rgb, alpha: number): void {
    const i = (py * this.size + px) * 4;
    this.rgba.set([colour[0], colour[1], colour[2], Math.round(alpha * 255)], i);
  }
}

/** The figure that fits on the plate: as given, or without its '%'. Throws on what cannot be drawn. */
export function fitFigure(figure: string): string {
  if (!supportsText(figure)) throw new RangeError(`the tray figure ${JSON.stringify(figure)} has characters the tray font lacks`);
  if (textWidth(figure) <= FIGURE_ROOM) return figure;
  const bare = figure.endsWith('%') ? figure.slice(0, -1) : figure;
  if (bare.length > 0 && textWidth(bare) <= FIGURE_ROOM) return bare;
  throw new RangeError(`the tray figure ${JSON.stringify(figure)} is too wide for 16 px`);
}

/** Ink for the figure on a plate of `plate`: the one of FIGURE_INKS with more contrast. */
export function figureInk(plate: Rgb): Rgb {
  const [a, b] = FIGURE_INKS.map(hexToRgb) as [Rgb, Rgb];
  return contrastRatio(a, plate) >= contrastRatio(b, plate) ? a : b;
}

/** Sound-wave bars (the app's mark): `bars` as [x, height] in grid units, centred on `midY`. */
function soundWave(bars: ReadonlyArray<readonly [number, number]>, midY: number, barWidth: number): Inside {
  return (x, y) => bars.some(([bx, h]) => x >= bx && x <= bx + barWidth && Math.abs(y - midY) <= h / 2);
}

function inBox(shape: Inside, x0: number, y0: number, size: number): Inside {
  return (x, y) => {
    const u = (x - x0) / size;
    const v = (y - y0) / size;
    return u >= -0.05 && u <= 1.05 && v >= -0.05 && v <= 1.05 && shape(u, v);
  };
}

export function renderTrayIcon(request: TrayIconRequest): RenderedTrayIcon {
  const { level, scale, appearance } = request;
  const template = appearance === 'template';
  const levelColour = template ? BLACK : hexToRgb(LEVEL_COLOURS[level][appearance]);
  const markColour = template ? BLACK : hexToRgb(MARK_COLOURS[appearance]);
  const canvas = new Canvas(GRID * scale, scale);
  const figure = request.figure ? fitFigure(request.figure) : null;

  if (figure === null) {
    canvas.fill(soundWave([[0, 6], [2, 12], [4, 16], [6, 9]], 8, 1), markColour);
    canvas.fill(inBox(LEVEL_SHAPES[level], 8, 4, 8), levelColour);
    return { width: canvas.size, height: canvas.size, scale, rgba: canvas.rgba, figure: null, figureBox: null };
  }

  canvas.fill(inBox(LEVEL_SHAPES[level], 0, 0, 8), levelColour);
  canvas.fill(soundWave([[9, 4], [11, 8], [13, 6], [15, 3]], 4, 1), markColour);
  const plateTop = 9;
  canvas.fill(roundedRect(0, plateTop, GRID, GRID, 1.5), levelColour);

  const width = textWidth(figure);
  const left = Math.floor((GRID - width) / 2) * scale;
  const top = (plateTop + 1) * scale;
  const ink = template ? null : figureInk(levelColour);
  let x = left;
  for (const char of figure) {
    const g = glyph(char);
    for (let gy = 0; gy < GLYPH_HEIGHT; gy++) {
      for (let gx = 0; gx < g.width; gx++) {
        if (!g.on(gx, gy)) continue;
        for (let dy = 0; dy < scale; dy++) {
          for (let dx = 0; dx < scale; dx++) {
            // In a template image the figure is a hole in the plate (the system tints the rest).
            if (ink) canvas.set(x + gx * scale + dx, top + gy * scale + dy, ink, 1);
            else canvas.set(x + gx * scale + dx, top + gy * scale + dy, BLACK, 0);
          }
        }
      }
    }
    x += (g.width + GLYPH_SPACING) * scale;
  }
  const figureBox = { x: left, y: top, width: width * scale, height: GLYPH_HEIGHT * scale };
  return { width: canvas.size, height: canvas.size, scale, rgba: canvas.rgba, figure, figureBox };
}
