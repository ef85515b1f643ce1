/**
 * Every command the README names works right after set-up, from the repository root: the
 * committed launchers are linked by `npm ci` before anything is built, load dist/, say what
 * to do when it is missing, and `npx` finds them here without ever asking the registry.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { holdPort, oldNode, root, run, start, STACK_LINE } from './processes.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'install-launchers-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
// A registry that cannot answer, and npm told not to try: any fall-through to it fails loudly.
const noRegistry = { npm_config_registry: 'http://127.0.0.1:9/', npm_config_offline: 'true', VOLC_ACCESSKEY: '', VOLC_SECRETKEY: '' };

const LAUNCHERS = [
  { name: 'volc-speech', file: 'packages/cli/bin/volc-speech.mjs' },
  { name: 'volc-speech-emulator', file: 'packages/emulator/bin/volc-speech-emulator.mjs' },
];

describe('the README commands from the repository root', () => {
  it('npm linked the committed launchers (they exist before any build)', () => {
    for (const { name, file } of LAUNCHERS) {
      const link = path.join(root, 'node_modules', '.bin', name);
      expect(fs.realpathSync(link)).toBe(path.join(root, file));
      expect(fs.statSync(link).mode & 0o111).not.toBe(0);
    }
  });

  it('`npx --no-install volc-speech actions` lists the actions, with no registry reachable', () => {
    const result = run('npx', ['--no-install', 'volc-speech', 'actions'], { env: noRegistry });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/ListAPIKeys/);
  });

  it('`npx volc-speech-emulator` (no --no-install even) starts the local emulator from here, with no registry reachable', async () => {
    const emulator = start('npx', ['volc-speech-emulator', '--port', '0', '--quiet'], { env: noRegistry });
    try {
      const [, url] = await emulator.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
      const health = await fetch(`${url}/__emulator/health`);
      expect(health.status).toBe(200);
      // The status command against it, as the emulator's banner suggests.
      const creds = emulator.output().match(/export VOLC_SPEECH_ENDPOINT=(\S+) VOLC_ACCESSKEY=(\S+) VOLC_SECRETKEY=(\S+)/)!;
      const status = run('npx', ['--no-install', 'volc-speech', 'status'], {
        env: { ...noRegistry, VOLC_SPEECH_ENDPOINT: creds[1], VOLC_ACCESSKEY: creds[2], VOLC_SECRETKEY: creds[3] },
      });
      expect(status.status, status.stderr).toBe(0);
      expect(status.stdout).toContain('Doubao Speech status');
    } finally {
      emulator.signal('SIGTERM');
      await emulator.exited;
    }
  });

  it('`npx --no-install` of a name that is not here fails at once and never fetches it', () => {
    const result = run('npx', ['--no-install', 'volc-speech-not-a-command-here'], { env: noRegistry, timeout: 60_000 });
    expect(result.status).not.toBe(0);
    expect(fs.existsSync(path.join(root, 'node_modules', 'volc-speech-not-a-command-here'))).toBe(false);
  });

  it('a launcher with nothing built says to run npm run build, in one sentence', () => {
    for (const { name, file } of LAUNCHERS) {
      const copy = path.join(tmp, name, 'bin', path.basename(file));
      fs.mkdirSync(path.dirname(copy), { recursive: true });
      fs.copyFileSync(path.join(root, file), copy);
      const result = run(process.execPath, [copy, '--help']);
      expect(result.status).toBe(1);
      expect(result.stderr).toBe(`${name} is not built yet: run \`npm run build\` in the toolkit's folder (\`npm start\` builds too), then try again.\n`);
    }
  });

  const old = oldNode();
  it.runIf(old)(`a launcher on a Node older than 24 (${old}) says so in one sentence`, () => {
    for (const { name, file } of LAUNCHERS) {
      const result = run(old!, [path.join(root, file), '--help']);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(new RegExp(`^${name} needs Node 24 or newer, and this is Node 2\\d[.\\d]+: in the toolkit's folder run \`source scripts/node24.sh\`, or install Node 24 \\(https://nodejs.org\\)\\.\\n$`));
    }
  });

  it('the emulator on a port in use: one sentence that says what to do', async () => {
    const held = await holdPort();
    try {
      const result = run(process.execPath, [path.join(root, LAUNCHERS[1]!.file), '--port', String(held.port), '--quiet']);
      expect(result.status).toBe(1);
      expect(result.stderr).toBe(`volc-speech-emulator: port ${held.port} on 127.0.0.1 is in use (another emulator, or \`npm start\`?): stop what holds it, or pass --port 0 to take a free port.\n`);
      expect(result.stderr).not.toMatch(STACK_LINE);
    } finally {
      held.server.close();
    }
  });

  // Where the machine's own Node is 24+ nothing is downloaded, so there is nothing to check.
  it.runIf(old !== null && fs.existsSync('/usr/bin/npm'))('scripts/node24.sh with no network to the registry: one sentence that says what to do', () => {
    const dir = path.join(tmp, 'node24');
    fs.mkdirSync(path.join(dir, 'scripts'), { recursive: true });
    fs.copyFileSync(path.join(root, 'scripts', 'node24.sh'), path.join(dir, 'scripts', 'node24.sh'));
    // The machine's own Node (older than 24) and npm only, and a registry that refuses connections.
    const result = run('bash', ['-c', 'source scripts/node24.sh'], {
      cwd: dir,
      env: { PATH: '/usr/bin:/bin', npm_config_registry: 'http://127.0.0.1:9/', npm_config_fetch_retries: '0', npm_config_offline: '' },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^\[node24\] could not download Node 24 from the npm registry \(http:\/\/127\.0\.0\.1:9\/\): check the network or proxy .*then run this again \(npm: ECONNREFUSED\)\.\n$/);
    expect(fs.existsSync(path.join(dir, '.tools', 'node24', 'bin', 'node'))).toBe(false);
  });
});
