/**
 * Once per e2e run: build the package from the current source and `npm pack` it, as a release
 * would. Every e2e file installs this one tarball into its own n8n user folder, the way n8n's
 * Community Nodes install does (scripts/n8n/n8n-harness.mjs installPackageTarball).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

import { loadHarness } from '../support/harness';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Path of the package's `npm pack` tarball ('' when the harness cannot run here). */
    n8nTarball: string;
  }
}

const PACKAGE_DIR = join(import.meta.dirname, '../..');

export default async function setup(project: TestProject): Promise<() => void> {
  const { harness } = await loadHarness();
  const dir = mkdtempSync(join(tmpdir(), 'n8n-e2e-pack-'));
  let tarball = '';
  if (harness) {
    // The esbuild bundle takes well under a second; it also lints dist/ with the scanner's rules.
    execFileSync(process.execPath, [join(PACKAGE_DIR, 'build.mjs')], { cwd: PACKAGE_DIR, stdio: 'pipe' });
    ({ tarball } = await harness.packPackage(PACKAGE_DIR, dir));
  }
  project.provide('n8nTarball', tarball);
  return () => rmSync(dir, { recursive: true, force: true });
}
