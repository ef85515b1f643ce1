/**
 * The tray icon drawn at run time: contrast on typical light and dark panels for every level ×
 * appearance × scale, the level readable without colour, the figure legible, the app's mark
 * present. Also keeps docs/tray-icons.png (the contact sheet) true.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { contrastRatio, hexToRgb, MIN_GRAPHIC_CONTRAST, MIN_TEXT_CONTRAST } from '../../src/main/trayIcon/contrast.js';
import { renderContactSheet, SAMPLE_FIGURES } from '../../src/main/trayIcon/contactSheet.js';
import { ICON_LEVELS, LEVEL_COLOURS, MARK_COLOURS, PANEL_APPEARANCES, TYPICAL_PANELS } from '../../src/main/trayIcon/palette.js';
import { decodePng, encodePng, type RgbaImage } from '../../src/main/trayIcon/png.js';
import { figureInk, fitFigure, renderTrayIcon } from '../../src/main/trayIcon/renderTrayIcon.js';
import { trayIconFile } from '../../src/main/trayMenu.js';
import { TRAY_LEVEL_ORDER } from '../../src/shared/bridge.js';
import { lowestContrastAgainst, opaqueColours, opaqueMask } from '../support/iconPixels.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const SCALES = [1, 2] as const;

describe('tray icon contrast (WCAG)', () => {
  const cases = ICON_LEVELS.flatMap((level) =>
    PANEL_APPEARANCES.flatMap((appearance) => SCALES.flatMap((scale) => [SAMPLE_FIGURES[level] ?? '97%', null].map((figure) => ({ level, appearance, scale, figure })))),
  );

  it.each(cases)('$level on $appearance panels at $scale× (figure $figure): ≥3:1 against every typical panel', ({ level, appearance, scale, figure }) => {
    const icon = renderTrayIcon({ level, appearance, scale, figure });
    for (const panel of TYPICAL_PANELS[appearance]) {
      const lowest = lowestContrastAgainst(icon, hexToRgb(panel.hex), icon.figureBox);
      expect(lowest, `${panel.name} ${panel.hex}: ${lowest.toFixed(2)}:1`).toBeGreaterThanOrEqual(MIN_GRAPHIC_CONTRAST);
    }
  });

  it.each(cases.filter((c) => c.figure !== null))('$level $appearance $scale×: the figure $figure is two colours at ≥4.5:1', ({ level, appearance, scale, figure }) => {
    const icon = renderTrayIcon({ level, appearance, scale, figure });
    const box = icon.figureBox!;
    expect(box.height).toBe(5 * scale);
    const colours = [...opaqueColours(icon, box, 'inside').values()];
    expect(colours).toHaveLength(2); // ink and plate, no blur
    expect(contrastRatio(colours[0]!, colours[1]!)).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
  });

  it("fails the icons this replaces: yesterday's paused and error icons on dark panels", () => {
    for (const level of ['paused', 'error']) {
      const legacy = decodePng(fs.readFileSync(path.join(here, 'fixtures', `legacy-tray-${level}.png`)));
      const worst = Math.min(...TYPICAL_PANELS.dark.map((p) => lowestContrastAgainst(legacy, hexToRgb(p.hex))));
      expect(worst, level).toBeLessThan(MIN_GRAPHIC_CONTRAST);
    }
  });
});

describe('tray icon content', () => {
  it.each(PANEL_APPEARANCES.flatMap((appearance) => SCALES.map((scale) => ({ appearance, scale }))))(
    'every level has its own silhouette ($appearance, $scale×): the level is not carried by colour alone',
    ({ appearance, scale }) => {
      for (const figure of [null, '50%']) {
        const masks = ICON_LEVELS.map((level) => opaqueMask(renderTrayIcon({ level, appearance, scale, figure })));
        for (let a = 0; a < masks.length; a++) {
          for (let b = a + 1; b < masks.length; b++) {
            const differing = masks[a]!.filter((on, i) => on !== masks[b]![i]).length;
            // At least 6 design pixels (1×) of shape differ between any two levels.
            expect(differing, `${ICON_LEVELS[a]} vs ${ICON_LEVELS[b]}`).toBeGreaterThanOrEqual(6 * scale * scale);
          }
        }
      }
    },
  );

  it('carries the app mark (its blue sound wave) in every coloured icon', () => {
    for (const appearance of PANEL_APPEARANCES) {
      const mark = MARK_COLOURS[appearance].slice(1);
      for (const level of ICON_LEVELS) {
        for (const figure of [null, '7%']) {
          const icon = renderTrayIcon({ level, appearance, scale: 1, figure });
          const markPixels = [...Array(icon.width * icon.height).keys()].filter((i) => {
            const hex = [0, 1, 2].map((c) => icon.rgba[i * 4 + c]!.toString(16).padStart(2, '0')).join('');
            return hex === mark && icon.rgba[i * 4 + 3] === 255;
          }).length;
          expect(markPixels, `${level} ${appearance} ${figure}`).toBeGreaterThanOrEqual(figure ? 14 : 35);
        }
      }
    }
  });

  it('draws each digit differently, so 16 px figures read unambiguously', () => {
    const shapes = new Set(
      '0123456789'.split('').map((digit) => {
        const icon = renderTrayIcon({ level: 'ok', appearance: 'light', scale: 1, figure: digit });
        const box = icon.figureBox!;
        const ink = figureInk(hexToRgb(LEVEL_COLOURS.ok.light));
        let shape = '';
        for (let y = box.y; y < box.y + box.height; y++) {
          for (let x = box.x; x < box.x + box.width; x++) {
            const i = (y * icon.width + x) * 4;
            shape += icon.rgba[i] === ink[0] && icon.rgba[i + 1] === ink[1] && icon.rgba[i + 2] === ink[2] ? '#' : '.';
          }
        }
        expect(shape, digit).toContain('#');
        return shape;
      }),
    );
    expect(shapes.size).toBe(10);
  });

  it('fits the figure: a 3-digit percentage drops its %, what cannot be drawn is refused', () => {
    expect(fitFigure('97%')).toBe('97%');
    expect(fitFigure('100%')).toBe('100');
    expect(renderTrayIcon({ level: 'critical', appearance: 'dark', scale: 2, figure: '100%' }).figure).toBe('100');
    expect(() => fitFigure('1000%')).toThrow(/too wide/);
    expect(() => fitFigure('9.5%')).toThrow(/characters the tray font lacks/);
    expect(() => renderTrayIcon({ level: 'ok', appearance: 'light', scale: 1, figure: 'abc' })).toThrow(/font lacks/);
  });

  it('makes a template image for macOS: black and alpha only, the figure cut out of its plate', () => {
    for (const level of ICON_LEVELS) {
      for (const figure of [null, '42%']) {
        const icon = renderTrayIcon({ level, appearance: 'template', scale: 2, figure });
        for (let i = 0; i < icon.rgba.length; i += 4) expect([icon.rgba[i], icon.rgba[i + 1], icon.rgba[i + 2]]).toEqual([0, 0, 0]);
        if (figure) {
          const box = icon.figureBox!;
          const holes = opaqueMask(icon).filter((on, i) => !on && i % icon.width >= box.x && i % icon.width < box.x + box.width && Math.floor(i / icon.width) >= box.y && Math.floor(i / icon.width) < box.y + box.height);
          expect(holes.length).toBeGreaterThan(20);
        }
      }
    }
  });

  it('round-trips through PNG', () => {
    const icon = renderTrayIcon({ level: 'warning', appearance: 'dark', scale: 2, figure: '83%' });
    const back = decodePng(encodePng(icon));
    expect([back.width, back.height]).toEqual([32, 32]);
    expect(Buffer.from(back.rgba).equals(Buffer.from(icon.rgba))).toBe(true);
  });
});

/** Compares a committed PNG with what the renderer draws now; UPDATE_TRAY_ICONS=1 (`npm run icons`) rewrites it. */
function expectCommittedPng(relative: string, image: RgbaImage): void {
  const file = path.resolve(here, '../..', relative);
  const current = fs.existsSync(file) ? decodePng(fs.readFileSync(file)) : null;
  const same = current !== null && current.width === image.width && current.height === image.height && Buffer.from(current.rgba).equals(Buffer.from(image.rgba));
  if (!same && process.env.UPDATE_TRAY_ICONS === '1') {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, encodePng(image));
    return;
  }
  expect(same, `${relative} is stale: run \`npm run icons -w @volc-speech/tray\` and commit it`).toBe(true);
}

describe('generated pictures stay true', () => {
  it('docs/tray-icons.png, the contact sheet of every level × appearance × scale', () => {
    expectCommittedPng('docs/tray-icons.png', renderContactSheet());
  });

  // The static icons are only the fallback when drawing fails: the level without a figure,
  // coloured for a dark panel (Linux panels, Windows 11 dark taskbar) and as macOS templates.
  it.each(TRAY_LEVEL_ORDER)('assets/tray-%s*.png, the static fallback icons', (level) => {
    for (const scale of SCALES) {
      const suffix = scale === 2 ? '@2x' : '';
      expectCommittedPng(`assets/${trayIconFile(level, 'linux').replace('.png', `${suffix}.png`)}`, renderTrayIcon({ level, appearance: 'dark', scale, figure: null }));
      expectCommittedPng(`assets/${trayIconFile(level, 'darwin').replace('.png', `${suffix}.png`)}`, renderTrayIcon({ level, appearance: 'template', scale, figure: null }));
    }
  });
});
