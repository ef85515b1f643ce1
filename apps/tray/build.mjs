// Builds the tray app with esbuild:
//   src/main/main.ts        → dist/main/main.js          (ESM, Node; electron, keytar, electron-store external)
//   src/preload/preload.ts  → dist/preload/preload.cjs   (CJS, sandboxed preload; only `electron` external)
//   src/core/index.ts       → dist/core/index.js         (ESM, Node; for the bench and other Node users)
//   src/renderer/app.ts     → dist/renderer/app.js       (browser IIFE) + index.html, styles.css copied
//   src/preview/server.ts   → dist/preview/server.js     (ESM, Node)
// An entry that does not exist yet is skipped with a warning.
import { build } from 'esbuild';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(root, 'dist');
const at = (...p) => path.join(root, ...p);

const common = { bundle: true, sourcemap: true, logLevel: 'warning', legalComments: 'none', target: 'es2023' };
// ESM bundles for Node that still meet a CommonJS dependency need a `require`.
const esmRequireBanner = { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" };

const targets = [
  {
    name: 'main',
    entry: at('src/main/main.ts'),
    options: {
      outfile: path.join(dist, 'main/main.js'),
      platform: 'node',
      format: 'esm',
      target: 'node22',
      // The workspace packages (client, emulator) are bundled, so a packaged app needs no
      // workspace links; the native/Electron modules stay outside.
      external: ['electron', 'keytar', 'electron-store'],
      banner: esmRequireBanner,
    },
  },
  {
    name: 'preload',
    entry: at('src/preload/preload.ts'),
    options: {
      outfile: path.join(dist, 'preload/preload.cjs'),
      // A sandboxed preload gets a browser-like context with a small `require` (electron only).
      platform: 'browser',
      format: 'cjs',
      external: ['electron'],
    },
  },
  {
    name: 'core',
    entry: at('src/core/index.ts'),
    options: { outfile: path.join(dist, 'core/index.js'), platform: 'node', format: 'esm', target: 'node22', packages: 'external' },
  },
  {
    name: 'renderer',
    entry: at('src/renderer/app.ts'),
    options: { outfile: path.join(dist, 'renderer/app.js'), platform: 'browser', format: 'iife' },
    copy: ['src/renderer/index.html', 'src/renderer/styles.css'],
  },
  {
    name: 'preview',
    entry: at('src/preview/server.ts'),
    options: { outfile: path.join(dist, 'preview/server.js'), platform: 'node', format: 'esm', target: 'node22', packages: 'external' },
  },
];

await rm(dist, { recursive: true, force: true });
let built = 0;
for (const target of targets) {
  if (!existsSync(target.entry)) {
    console.warn(`[tray build] skipping ${target.name}: ${path.relative(root, target.entry)} does not exist yet`);
    continue;
  }
  await build({ ...common, entryPoints: [target.entry], ...target.options });
  for (const file of target.copy ?? []) {
    const from = at(file);
    if (!existsSync(from)) {
      console.warn(`[tray build] ${target.name}: ${file} does not exist yet`);
      continue;
    }
    const to = path.join(path.dirname(target.options.outfile), path.basename(file));
    await mkdir(path.dirname(to), { recursive: true });
    await copyFile(from, to);
  }
  built++;
}
console.log(`[tray build] ${built}/${targets.length} entries built into ${path.relative(process.cwd(), dist) || 'dist'}`);
