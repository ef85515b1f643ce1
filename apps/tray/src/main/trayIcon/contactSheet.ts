/**
 * A contact sheet of every tray icon for the docs (apps/tray/docs/tray-icons.png): one column
 * per level, rows per appearance and scale, each icon magnified on its panel colour with the
 * real-size icon in the cell's corner. Built by test/main/trayIcon.test.ts, so it cannot go stale.
 */
import { hexToRgb, type Rgb } from './contrast.js';
import { ICON_LEVELS, type IconLevel } from './palette.js';
import type { RgbaImage } from './png.js';
import { labelPixels } from './sheetLabels.js';
import { renderTrayIcon, type IconAppearance, type IconScale, type RenderedTrayIcon } from './renderTrayIcon.js';

/** The figure shown per level in the sheet: typical headline figures (a 3-digit one drops its %). */
export const SAMPLE_FIGURES: Readonly<Record<IconLevel, string | null>> = {
  ok: '24%',
  warning: '83%',
  critical: '100%',
  paused: null,
  error: '!',
  unknown: null,
};

export interface SheetRow {
  appearance: IconAppearance;
  /** The panel the row is drawn on; a template image is tinted as macOS does (black on light, white on dark). */
  panel: string;
  scale: IconScale;
  withFigure: boolean;
}

export const SHEET_ROWS: readonly SheetRow[] = [
  ...(['light', 'dark'] as const).flatMap((appearance) =>
    ([1, 2] as const).flatMap((scale) =>
      [true, false].map((withFigure) => ({ appearance, panel: appearance === 'light' ? '#f3f3f3' : '#202020', scale, withFigure })),
    ),
  ),
  { appearance: 'template', panel: '#f3f3f3', scale: 2, withFigure: false },
  { appearance: 'template', panel: '#2c2c2c', scale: 2, withFigure: false },
];

const CELL = 144;
const MAGNIFIED = 128;
const GAP = 4;
/** Label font pixels are drawn 3×3 screen pixels. */
const LABEL_ZOOM = 3;
const HEADER = 5 * LABEL_ZOOM + 2 * GAP;
const ROW_LABEL = 32 * LABEL_ZOOM;

/** The row's label, a line each (8 letters fit). */
function rowLabel(row: SheetRow): string[] {
  if (row.appearance === 'template') return ['MACOS', `${row.panel === '#f3f3f3' ? 'LIGHT' : 'DARK'} ${row.scale}X`];
  return [`${row.appearance.toUpperCase()} ${row.scale}X`, ...(row.withFigure ? ['FIGURE'] : [])];
}

export function renderContactSheet(): RgbaImage {
  const width = ROW_LABEL + ICON_LEVELS.length * (CELL + GAP) + GAP;
  const height = HEADER + SHEET_ROWS.length * (CELL + GAP) + GAP;
  const rgba = new Uint8Array(width * height * 4).fill(255);
  const put = (x: number, y: number, c: Rgb) => rgba.set([c[0], c[1], c[2], 255], (y * width + x) * 4);
  const label = (text: string, x0: number, y0: number) => {
    for (const [x, y] of labelPixels(text).pixels) {
      for (let dy = 0; dy < LABEL_ZOOM; dy++) for (let dx = 0; dx < LABEL_ZOOM; dx++) put(x0 + x * LABEL_ZOOM + dx, y0 + y * LABEL_ZOOM + dy, [0x24, 0x29, 0x2f]);
    }
  };
  ICON_LEVELS.forEach((level, c) => label(level, ROW_LABEL + GAP + c * (CELL + GAP) + 2, GAP));
  const pixelOver = (x: number, y: number, icon: RenderedTrayIcon, ix: number, iy: number, panel: Rgb, tint: Rgb | null) => {
    const i = (iy * icon.width + ix) * 4;
    const a = icon.rgba[i + 3]! / 255;
    const src: Rgb = tint ?? [icon.rgba[i]!, icon.rgba[i + 1]!, icon.rgba[i + 2]!];
    put(x, y, [0, 1, 2].map((c) => Math.round(src[c]! * a + panel[c]! * (1 - a))) as unknown as Rgb);
  };

  SHEET_ROWS.forEach((row, r) => {
    const panel = hexToRgb(row.panel);
    rowLabel(row).forEach((line, i) => label(line, GAP, HEADER + GAP + r * (CELL + GAP) + 4 + i * 7 * LABEL_ZOOM));
    const tint: Rgb | null = row.appearance === 'template' ? (row.panel === '#f3f3f3' ? [0, 0, 0] : [255, 255, 255]) : null;
    ICON_LEVELS.forEach((level, c) => {
      const x0 = ROW_LABEL + GAP + c * (CELL + GAP);
      const y0 = HEADER + GAP + r * (CELL + GAP);
      for (let y = 0; y < CELL; y++) for (let x = 0; x < CELL; x++) put(x0 + x, y0 + y, panel);
      const icon = renderTrayIcon({ level, figure: row.withFigure ? SAMPLE_FIGURES[level] : null, scale: row.scale, appearance: row.appearance });
      const zoom = MAGNIFIED / icon.width;
      const mx = x0 + CELL - MAGNIFIED - 4;
      const my = y0 + CELL - MAGNIFIED - 4;
      for (let y = 0; y < MAGNIFIED; y++) for (let x = 0; x < MAGNIFIED; x++) pixelOver(mx + x, my + y, icon, Math.floor(x / zoom), Math.floor(y / zoom), panel, tint);
      // Real size in the corner: what the panel shows.
      for (let y = 0; y < icon.height; y++) for (let x = 0; x < icon.width; x++) pixelOver(x0 + 2 + x, y0 + 2 + y, icon, x, y, panel, tint);
    });
  });
  return { width, height, rgba };
}
