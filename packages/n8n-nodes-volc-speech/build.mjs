#!/usr/bin/env node
// Builds what n8n loads: one CommonJS file per node and credential (the paths in package.json's
// `n8n` section), with @volc-speech/client bundled in and only n8n-workflow left to the host,
// plus the SVG icons and codex JSON next to them. Prints the size of each file.
//
// n8n's community-package scanner lints the published JS as well as the source, with the n8n
// Cloud rules (no `process`, `globalThis`, Node timers, …), so the bundled client is adapted
// here and the output is linted with those rules before the build counts as done.
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import { build } from 'esbuild';
import { ESLint } from 'eslint';
import { cp, mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const dist = join(root, 'dist');
const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));

/** `dist/nodes/VolcSpeech/VolcSpeech.node.js` → `nodes/VolcSpeech/VolcSpeech.node.ts` */
const entries = [...pkg.n8n.credentials, ...pkg.n8n.nodes].map((file) => ({
  in: join(root, file.replace(/^dist\//, '').replace(/\.js$/, '.ts')),
  out: file.replace(/^dist\//, '').replace(/\.js$/, ''),
}));

await rm(dist, { recursive: true, force: true });

const result = await build({
  entryPoints: entries,
  outdir: dist,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // n8n provides n8n-workflow (a peer dependency); everything else is bundled.
  external: ['n8n-workflow'],
  treeShaking: true,
  legalComments: 'none',
  charset: 'utf8',
  define: {
    // The client reads VOLC_* variables by default; in n8n the credential is the only source.
    'process.env': '{}',
    'globalThis.fetch': 'fetch',
  },
  plugins: [
    {
      name: 'n8n-cloud-timers',
      setup(builder) {
        builder.onResolve({ filter: /^node:timers\/promises$/ }, () => ({ path: join(root, 'nodes/VolcSpeech/transport/cloudTimers.ts') }));
      },
    },
  ],
  metafile: true,
  logLevel: 'warning',
});

// Icons and codex files go next to the JS that references them (`file:volcSpeech.svg`).
async function copyAssets(dir) {
  for (const entry of await readdir(join(root, dir), { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await copyAssets(path);
    else if (/\.(svg|png|node\.json)$/.test(entry.name)) {
      await mkdir(join(dist, dir), { recursive: true });
      await cp(join(root, path), join(dist, path));
    }
  }
}
await copyAssets('nodes');
await copyAssets('credentials');

async function sizeOf(dir) {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? await sizeOf(path) : (await stat(path)).size;
  }
  return total;
}

for (const [file, output] of Object.entries(result.metafile.outputs)) {
  const imports = output.imports.filter((i) => i.external).map((i) => i.path);
  if (imports.some((path) => path !== 'n8n-workflow' && !isBuiltin(path))) {
    throw new Error(`${file} imports ${imports.join(', ')} at run time: only n8n-workflow may stay external`);
  }
  console.log(`${relative(root, file).padEnd(56)} ${(output.bytes / 1024).toFixed(1).padStart(7)} KiB`);
}
console.log(`${'dist/ total'.padEnd(56)} ${((await sizeOf(dist)) / 1024).toFixed(1).padStart(7)} KiB`);

// What the scanner's tarball leg does: the Cloud rule set over every shipped .js file.
const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: true,
  allowInlineConfig: false,
  overrideConfig: [n8nCommunityNodesPlugin.configs.recommended, { rules: { 'no-console': 'error' } }],
});
const lintResults = await eslint.lintFiles(['dist/**/*.js']);
if (lintResults.some((result) => result.errorCount > 0)) {
  console.error((await eslint.loadFormatter('stylish')).format(lintResults));
  throw new Error('dist/ fails the n8n community-package scan rules');
}
console.log(`dist/ passes the n8n community-package scan rules (${lintResults.length} files)`);

