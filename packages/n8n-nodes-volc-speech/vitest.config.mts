import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// Tests load n8n-workflow the way n8n does, as CommonJS (its ESM build has extensionless
// imports, which vite would have to transform, warning about its missing source maps).
const n8nWorkflow = createRequire(import.meta.url).resolve('n8n-workflow');

// Two projects: `unit` (fast, faked n8n context + an in-process emulator) and `e2e`
// (the package's tarball installed into the real n8n; needs scripts/n8n/install-n8n.sh).
export default defineConfig({
  resolve: { alias: [{ find: /^n8n-workflow$/, replacement: n8nWorkflow }] },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          // Builds and packs the package once; each file installs that tarball into its n8n.
          globalSetup: ['test/e2e/globalSetup.ts'],
          testTimeout: 240_000,
          hookTimeout: 240_000,
          // One n8n sandbox at a time: each n8n command is a heavy process.
          fileParallelism: false,
        },
      },
    ],
  },
});
