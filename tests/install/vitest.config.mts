import { defineConfig } from 'vitest/config';

// Real processes, real npm pack/install: slow on a busy machine, so generous timeouts and one file at a time.
export default defineConfig({
  test: { include: ['*.test.ts'], testTimeout: 180_000, hookTimeout: 300_000, fileParallelism: false },
});
