// Writes the app icon (icon.png, 512×512, for electron-builder: dmg, AppImage, deb, nsis) as a
// PNG (no dependencies: a tiny PNG encoder on node:zlib).
//   npm run icons   (this script, then the tray icons: see below)
// The tray icons are drawn at run time (src/main/trayIcon/: level glyph + figure + the sound
// wave of this app icon). The static tray-<level>(Template)(@2x).png files beside it are only the
// fallback when drawing fails; `npm run icons` rewrites them, and docs/tray-icons.png, from that
// renderer (test/main/trayIcon.test.ts with UPDATE_TRAY_ICONS=1), and that test fails when
// they are stale.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const here = path.dirname(fileURLToPath(import.meta.url));

function png(width, height, rgba) {
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Renders `inside(x, y)` (unit square, y down) with 4×4 supersampling. */
function render(size, inside, color) {
  const out = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let hits = 0;
      for (let sy = 0; sy < n; sy++) for (let sx = 0; sx < n; sx++) if (inside((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size)) hits++;
      const i = (py * size + px) * 4;
      out[i] = color[0];
      out[i + 1] = color[1];
      out[i + 2] = color[2];
      out[i + 3] = Math.round((255 * hits) / (n * n));
    }
  }
  return out;
}

const distToSegment = (px, py, ax, ay, bx, by) => {
  const t = Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
};

let bytes = 0;
const write = (name, buffer) => {
  writeFileSync(path.join(here, name), buffer);
  bytes += buffer.length;
};

// App icon: a blue rounded square with a white sound wave.
{
  const size = 512;
  const rounded = (x, y) => {
    const r = 0.2;
    const cx = Math.min(Math.max(x, r + 0.04), 0.96 - r);
    const cy = Math.min(Math.max(y, r + 0.04), 0.96 - r);
    return Math.hypot(x - cx, y - cy) <= r;
  };
  const bars = [0.22, 0.42, 0.62, 0.42, 0.22];
  const wave = (x, y) =>
    bars.some((h, i) => {
      const cx = 0.26 + i * 0.12;
      return distToSegment(x, y, cx, 0.5 - h / 2, cx, 0.5 + h / 2) <= 0.04;
    });
  const bg = render(size, rounded, [0x1f, 0x6f, 0xeb]);
  const fg = render(size, (x, y) => rounded(x, y) && wave(x, y), [0xff, 0xff, 0xff]);
  for (let i = 0; i < bg.length; i += 4) {
    const a = fg[i + 3] / 255;
    for (let c = 0; c < 3; c++) bg[i + c] = Math.round(fg[i + c] * a + bg[i + c] * (1 - a));
  }
  write('icon.png', png(size, size, bg));
}
console.log(`wrote icon.png (${bytes} bytes) into ${path.relative(process.cwd(), here) || '.'}`);
