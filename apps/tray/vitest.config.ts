import { defineConfig } from 'vitest/config';

// test/e2e (Chromium against the built preview) runs in the default run too, so CI runs it.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
