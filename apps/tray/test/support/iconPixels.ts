/** Pixel measurements of tray icons for the contrast tests. */
import { contrastRatio, type Rgb } from '../../src/main/trayIcon/contrast.js';
import type { PixelBox } from '../../src/main/trayIcon/renderTrayIcon.js';
import type { RgbaImage } from '../../src/main/trayIcon/png.js';

const inBox = (box: PixelBox | null, x: number, y: number) => box !== null && x >= box.x && x < box.x + box.width && y >= box.y && y < box.y + box.height;

/** Distinct colours (as '#rrggbb') of the fully opaque pixels, optionally only inside or outside a box. */
export function opaqueColours(image: RgbaImage, box: PixelBox | null, where: 'inside' | 'outside'): Map<string, Rgb> {
  const colours = new Map<string, Rgb>();
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      if (inBox(box, x, y) !== (where === 'inside')) continue;
      const i = (y * image.width + x) * 4;
      if (image.rgba[i + 3] !== 255) continue;
      const rgb: Rgb = [image.rgba[i]!, image.rgba[i + 1]!, image.rgba[i + 2]!];
      colours.set(`#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`, rgb);
    }
  }
  return colours;
}

/**
 * The lowest contrast between any fully opaque pixel (outside `exclude`: the figure, which sits
 * on its plate, not on the panel) and the panel colour: WCAG 1.4.11 asks 3:1 for the parts of a
 * graphic one needs to understand it.
 */
export function lowestContrastAgainst(image: RgbaImage, panel: Rgb, exclude: PixelBox | null = null): number {
  const colours = [...opaqueColours(image, exclude, 'outside').values()];
  if (colours.length === 0) throw new Error('the icon has no opaque pixel');
  return Math.min(...colours.map((c) => contrastRatio(c, panel)));
}

export function opaqueMask(image: RgbaImage): boolean[] {
  const mask: boolean[] = [];
  for (let i = 0; i < image.width * image.height; i++) mask.push(image.rgba[i * 4 + 3]! >= 128);
  return mask;
}
