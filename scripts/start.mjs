#!/usr/bin/env node
/**
 * The main job (`npm start`): the tray app against the embedded emulator, and the live
 * service status and quota through the CLI.
 *
 * - Where Electron can start (a desktop with the Electron binary, downloaded on first use),
 *   it starts the real tray app; the app runs its own embedded emulator when no credentials
 *   are set.
 * - Otherwise (no display, or no binary as on our build machines) it serves the same popover
 *   as a browser preview on localhost, backed by the real tray core and an embedded emulator.
 * In both cases it then prints `volc-speech status` against an emulator, so the terminal
 * shows the figures too.
 *
 *   node scripts/start.mjs [--preview] [--once] [--port 5174]
 *     --preview  skip Electron, always serve the browser preview
 *     --once     print the status once and exit (a smoke run)
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const trayDir = path.join(root, 'apps', 'tray');
const cliBin = path.join(root, 'packages', 'cli', 'dist', 'bin.js');
const require = createRequire(import.meta.url);

const { values: flags } = parseArgs({
  options: {
    preview: { type: 'boolean', default: false },
    once: { type: 'boolean', default: false },
    port: { type: 'string', default: process.env.PORT ?? '5174' },
  },
});

const say = (line) => console.log(`[start] ${line}`);

/** The Electron binary, downloading it once if the install skipped it; undefined where it cannot run. */
function electronBinary() {
  const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  if (!hasDisplay) return { reason: 'no display (DISPLAY/WAYLAND_DISPLAY unset)' };
  let electronDir;
  try {
    electronDir = path.dirname(require.resolve('electron/package.json', { paths: [trayDir] }));
  } catch {
    return { reason: 'the electron package is not installed' };
  }
  if (!existsSync(path.join(electronDir, 'path.txt'))) {
    say('downloading the Electron binary (first run) …');
    const install = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { stdio: 'inherit', timeout: 180_000 });
    if (install.status !== 0 || !existsSync(path.join(electronDir, 'path.txt'))) {
      return { reason: 'the Electron binary could not be downloaded here' };
    }
  }
  try {
    return { binary: require(electronDir) };
  } catch (error) {
    return { reason: error.message };
  }
}

function printStatus(emulator) {
  // The CLI reads the same environment as the client: point it at the tray's emulator.
  const env = {
    ...process.env,
    VOLC_ACCESSKEY: emulator.credentials.accessKeyId,
    VOLC_SECRETKEY: emulator.credentials.secretAccessKey,
    VOLC_SPEECH_ENDPOINT: emulator.url,
  };
  // Async on purpose: the emulator answers from this very process.
  return new Promise((resolve) => {
    spawn(process.execPath, [cliBin, 'status'], { env, stdio: 'inherit' }).on('exit', (code) => resolve(code ?? 1));
  });
}

async function startPreview() {
  const { startPreviewServer } = await import(pathToFileURL(path.join(trayDir, 'dist', 'preview', 'server.js')).href);
  // With no core given, the server builds the real TrayCore (settings and secrets in memory,
  // the local-emulator profile) and stops it on close.
  const preview = await startPreviewServer({ port: Number(flags.port) });
  await preview.core.refresh().catch(() => undefined);
  const emulator = await preview.core.runningEmulator?.();
  return { preview, emulator };
}

async function main() {
  if (!existsSync(cliBin) || !existsSync(path.join(trayDir, 'dist'))) {
    console.error('[start] nothing is built yet: run `npm start` (it builds first) or `npx nx run-many -t build`.');
    process.exit(2);
  }

  const electron = flags.preview || flags.once ? { reason: flags.preview ? '--preview given' : '--once given' } : electronBinary();
  if (electron.binary) {
    say('starting the Electron tray app (look for the 豆包语音 icon in the tray / menu bar)');
    const app = spawn(electron.binary, [trayDir], { stdio: 'inherit', env: process.env });
    app.on('exit', (code) => process.exit(code ?? 0));
    return;
  }

  say(`Electron cannot start here (${electron.reason}): serving the tray popover as a browser preview instead.`);
  const { preview, emulator } = await startPreview();
  say(`tray preview:      ${preview.url}   ← open this in a browser`);
  if (emulator) {
    say(`embedded emulator: ${emulator.url}   (demo access key ${emulator.credentials.accessKeyId})`);
    say(`make usage jump:   curl -XPOST ${emulator.url}/__emulator/usage -d '{"amount":2000000}'`);
    say('live status through the CLI:');
    const code = await printStatus(emulator);
    if (code !== 0) process.exitCode = code;
  }
  const stop = async () => {
    await preview.close();
    process.exit(process.exitCode ?? 0);
  };
  if (flags.once) return stop();
  say('Ctrl+C to stop.');
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error) => {
  console.error(`[start] failed: ${error.stack ?? error.message}`);
  process.exit(1);
});
