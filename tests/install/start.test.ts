/**
 * `npm start` as a newcomer meets it (scripts/start.mjs, built projects, no Electron here):
 * the browser preview and the CLI status come up, the printed demo command really takes the
 * account past the tray's warning threshold, a second start says where the first one runs,
 * a port held by something else is skipped (and said), Ctrl+C stops everything, and a Node
 * older than 24 gets one sentence.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, holdPort, oldNode, root, run, start, STACK_LINE, type Started } from './processes.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'install-start-'));
const runFile = path.join(tmp, 'start.json');
const startScript = path.join(root, 'scripts', 'start.mjs');
// No display: the preview, as on every build machine (and never a real Electron window from a test).
const env = { VOLC_SPEECH_START_FILE: runFile, DISPLAY: '', WAYLAND_DISPLAY: '', VOLC_ACCESSKEY: '', VOLC_SECRETKEY: '' };
const running: Started[] = [];
afterAll(() => {
  for (const p of running) p.signal('SIGKILL');
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function bridge<T>(previewUrl: string, operation: string): Promise<T> {
  const response = await fetch(new URL(`api/${operation}`, previewUrl), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[]' });
  const body = (await response.json()) as { result?: T; error?: { message: string } };
  if (!response.ok) throw new Error(`${operation}: ${response.status} ${body.error?.message}`);
  return body.result as T;
}

const reachable = (url: string) => fetch(url, { signal: AbortSignal.timeout(3000) }).then(() => true, () => false);

describe('npm start', () => {
  it('comes up, prints a demo command that crosses the warning threshold, tells a second start where it runs, and stops on Ctrl+C', async () => {
    const port = await freePort();
    const main = start(process.execPath, [startScript, '--preview', '--no-build', '--port', String(port)], { env });
    running.push(main);
    await main.waitFor(/Ctrl\+C to stop/);
    const out = main.output();
    const previewUrl = out.match(/tray preview:\s+(\S+)/)![1]!;
    const emulatorUrl = out.match(/embedded emulator:\s+(\S+)/)![1]!;
    expect(previewUrl).toBe(`http://127.0.0.1:${port}/`);
    // The CLI's status printed against the same emulator.
    expect(out).toContain(`Doubao Speech status`);
    expect(out).toContain(emulatorUrl);

    // A second start from the same checkout: where the first runs, and nothing else started.
    const second = run(process.execPath, [startScript, '--preview', '--no-build', '--port', String(port)], { env });
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(new RegExp(`already running from this folder \\(pid ${main.child.pid}.*tray preview at ${previewUrl}.*emulator at ${emulatorUrl}`));
    expect(second.stdout).not.toContain('building');

    // The printed demo command, run as printed (curl → the same POST).
    const demo = out.match(/curl -XPOST (\S+) -H 'content-type: application\/json' -d '([^']+)'/);
    expect(demo, out).not.toBeNull();
    const before = await bridge<{ thresholds: { warningPercent: number; criticalPercent: number }; account: { level: string } }>(previewUrl, 'getSnapshot');
    expect(before.account.level).toBe('ok');
    const posted = await fetch(demo![1]!, { method: 'POST', headers: { 'content-type': 'application/json' }, body: demo![2]! });
    expect(posted.status).toBe(200);
    await bridge(previewUrl, 'refresh');
    const after = await bridge<{ account: { level: string; packs: Array<{ resourceId: string; percentUsed: number; level: string }> } }>(previewUrl, 'getSnapshot');
    const tts = after.account.packs.find((p) => p.resourceId === 'volc.service_type.10029')!;
    expect(tts.percentUsed).toBeGreaterThanOrEqual(before.thresholds.warningPercent);
    expect(tts.percentUsed).toBeLessThan(before.thresholds.criticalPercent);
    expect(tts.level).toBe('warning');
    expect(after.account.level).toBe('warning');

    // Ctrl+C stops the preview and its emulator, and forgets the record.
    main.child.kill('SIGINT');
    expect(await main.exited).toEqual({ code: 0, signal: null });
    expect(await reachable(previewUrl)).toBe(false);
    expect(await reachable(`${emulatorUrl}/__emulator/health`)).toBe(false);
    expect(fs.existsSync(runFile)).toBe(false);
    expect(main.output()).not.toMatch(STACK_LINE);
  });

  it('takes the next free port when something else holds its port, and says so', async () => {
    const held = await holdPort();
    try {
      const once = run(process.execPath, [startScript, '--preview', '--no-build', '--once', '--port', String(held.port)], {
        env: { ...env, VOLC_SPEECH_START_FILE: path.join(tmp, 'other.json') },
      });
      expect(once.status, once.stdout + once.stderr).toBe(0);
      const taken = once.stdout.match(new RegExp(`port ${held.port} is in use by something else: the preview takes port (\\d+) instead`));
      expect(taken, once.stdout).not.toBeNull();
      expect(Number(taken![1])).toBeGreaterThan(held.port);
      expect(once.stdout).toContain(`tray preview:      http://127.0.0.1:${taken![1]}/`);
    } finally {
      held.server.close();
    }
  });

  it('answers bad flags in one sentence', () => {
    const bad = run(process.execPath, [startScript, '--port', 'eighty'], { env });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim()).toBe('[start] --port must be a port number from 0 to 65535, got eighty.');
    const unknown = run(process.execPath, [startScript, '--colour'], { env });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^\[start\] Unknown option '--colour'.*: use --preview, --once, --no-build or --port N\.\n$/);
  });

  const old = oldNode();
  it.runIf(old)(`with a Node older than 24 (${old}) says to source scripts/node24.sh, in one sentence`, () => {
    const result = run(old!, [startScript], { env });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^\[start\] the toolkit needs Node 24 or newer, and this is Node 2\d\.[\d.]+: run `source scripts\/node24\.sh` first .*\n$/);
    expect(result.stderr).not.toMatch(STACK_LINE);
  });
});
