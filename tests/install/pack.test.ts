/**
 * The client, emulator and CLI as users get them: `npm pack` of each, the tarballs checked
 * for their files, then installed (offline: only these local tarballs) into an empty folder
 * and used there: the client imported, type-checked through its `exports` and calling the
 * emulator started from the installed bin, the installed CLI against it; and the CLI
 * installed globally into a temp prefix gives `volc-speech` on PATH. Installs prefer the npm
 * cache (which `npm ci` filled with the CLI's one registry dependency): no other download.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root, run, start, type Started } from './processes.js';

interface Packed {
  name: string;
  filename: string;
  files: Array<{ path: string }>;
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'install-pack-'));
const offline = { npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
let packed: Packed[];
let tarballs: string[];
let emulator: Started | undefined;

beforeAll(() => {
  const result = run('npm', ['pack', '--json', '--pack-destination', tmp, '-w', 'packages/client', '-w', 'packages/emulator', '-w', 'packages/cli']);
  expect(result.status, result.stderr).toBe(0);
  packed = JSON.parse(result.stdout) as Packed[];
  tarballs = packed.map((p) => path.join(tmp, p.filename));
});
afterAll(async () => {
  if (emulator) {
    emulator.signal('SIGTERM');
    await emulator.exited;
  }
  fs.rmSync(tmp, { recursive: true, force: true });
});

const EXPECTED: Record<string, { bin?: string }> = {
  '@volc-speech/client': {},
  '@volc-speech/emulator': { bin: 'bin/volc-speech-emulator.mjs' },
  'volc-speech': { bin: 'bin/volc-speech.mjs' },
};

describe('npm pack', () => {
  it('gives each package its built code, types, launcher, README and LICENSE, and nothing else', () => {
    expect(packed.map((p) => p.name).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const p of packed) {
      const files = p.files.map((f) => f.path);
      const manifest = JSON.parse(fs.readFileSync(path.join(root, 'packages', p.name === 'volc-speech' ? 'cli' : p.name.split('/')[1]!, 'package.json'), 'utf8')) as {
        exports: { '.': { types: string; default: string } };
        bin?: Record<string, string>;
      };
      expect(files, p.name).toEqual(expect.arrayContaining(['package.json', 'README.md', 'LICENSE', 'dist/index.js', 'dist/index.d.ts']));
      for (const target of [manifest.exports['.'].types, manifest.exports['.'].default]) expect(files).toContain(target.replace(/^\.\//, ''));
      if (EXPECTED[p.name]!.bin) expect(Object.values(manifest.bin ?? {})).toEqual([EXPECTED[p.name]!.bin]);
      for (const bin of Object.values(manifest.bin ?? {})) expect(files).toContain(bin);
      // No sources, tests or build configuration.
      expect(files.filter((f) => !/^(dist\/|bin\/|package\.json$|README\.md$|LICENSE$)/.test(f)), p.name).toEqual([]);
      expect(files.filter((f) => /\.test\.|\/test\//.test(f)), p.name).toEqual([]);
    }
  });
});

describe('the tarballs installed into an empty folder', () => {
  const app = path.join(tmp, 'app');
  let endpoint: string;
  let credentials: { VOLC_SPEECH_ENDPOINT: string; VOLC_ACCESSKEY: string; VOLC_SECRETKEY: string };

  beforeAll(async () => {
    fs.mkdirSync(app);
    fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'uses-volc-speech', private: true, type: 'module' }));
    const install = run('npm', ['install', ...tarballs], { cwd: app, env: offline });
    expect(install.status, install.stdout + install.stderr).toBe(0);
    emulator = start(path.join(app, 'node_modules', '.bin', 'volc-speech-emulator'), ['--port', '0', '--quiet'], { cwd: app, env: { VOLC_ACCESSKEY: '', VOLC_SECRETKEY: '' } });
    const banner = await emulator.waitFor(/export VOLC_SPEECH_ENDPOINT=(\S+) VOLC_ACCESSKEY=(\S+) VOLC_SECRETKEY=(\S+)/);
    endpoint = banner[1]!;
    credentials = { VOLC_SPEECH_ENDPOINT: banner[1]!, VOLC_ACCESSKEY: banner[2]!, VOLC_SECRETKEY: banner[3]! };
  });

  it('the emulator bin serves', async () => {
    expect((await fetch(`${endpoint}/__emulator/health`)).status).toBe(200);
  });

  it('the client imports by its package name and calls the emulator with signed requests', () => {
    fs.writeFileSync(
      path.join(app, 'use-client.mjs'),
      `import { VolcSpeechClient } from '@volc-speech/client';
const client = new VolcSpeechClient({ region: 'cn-north-1' });
const result = await client.listAPIKeys({ ProjectName: 'default' });
console.log(JSON.stringify({ keys: result.APIKeys?.length ?? 0 }));`,
    );
    const result = run(process.execPath, ['use-client.mjs'], { cwd: app, env: credentials });
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout.trim())).toEqual({ keys: expect.any(Number) });

    // A wrong secret is refused by the emulator's signature check: the call really was signed.
    const wrong = run(process.execPath, ['use-client.mjs'], { cwd: app, env: { ...credentials, VOLC_SECRETKEY: 'not-the-secret' } });
    expect(wrong.status).not.toBe(0);
    expect(wrong.stderr).toMatch(/SignatureDoesNotMatch|Signature/);
  });

  it('its types resolve through `exports` for a TypeScript user', () => {
    fs.writeFileSync(
      path.join(app, 'typed.ts'),
      `import { VolcSpeechClient } from '@volc-speech/client';
import { startEmulator } from '@volc-speech/emulator';
const client: VolcSpeechClient = new VolcSpeechClient({ region: 'cn-north-1' });
export const keys: Promise<number> = client.listAPIKeys({ ProjectName: 'default' }).then((r) => r.APIKeys?.length ?? 0);
export const started: typeof startEmulator = startEmulator;
// @ts-expect-error the request type is checked
export const bad = client.listAPIKeys({ ProjectName: 42 });`,
    );
    const tsc = run(
      process.execPath,
      [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2023', '--skipLibCheck', '--types', 'node', '--typeRoots', path.join(root, 'node_modules', '@types'), 'typed.ts'],
      { cwd: app },
    );
    expect(tsc.status, tsc.stdout + tsc.stderr).toBe(0);
  });

  it('the CLI bin runs an action against the emulator', () => {
    const result = run(path.join(app, 'node_modules', '.bin', 'volc-speech'), ['ListAPIKeys', '--param', 'ProjectName=default'], { cwd: app, env: credentials });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/APIKeys/);
  });

  it('installed globally into a temp prefix, `volc-speech` is on PATH and works', () => {
    const prefix = path.join(tmp, 'global');
    const install = run('npm', ['install', '--global', '--prefix', prefix, ...tarballs], { cwd: tmp, env: offline });
    expect(install.status, install.stdout + install.stderr).toBe(0);
    const onPath = { ...credentials, PATH: `${path.join(prefix, 'bin')}${path.delimiter}${process.env.PATH}` };
    const which = run('sh', ['-c', 'command -v volc-speech'], { cwd: tmp, env: onPath });
    expect(which.stdout.trim()).toBe(path.join(prefix, 'bin', 'volc-speech'));
    const status = run('volc-speech', ['status'], { cwd: tmp, env: onPath });
    expect(status.status, status.stderr).toBe(0);
    expect(status.stdout).toContain('Doubao Speech status');
    expect(status.stdout).toContain(endpoint);
  });
});
