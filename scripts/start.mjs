#!/usr/bin/env node
/**
 * The main job (`npm start`): builds what runs, then the tray app against the embedded
 * emulator, and the live service status and quota through the CLI.
 *
 * - Where Electron can start (a desktop with the Electron binary, downloaded on first use),
 *   it starts the real tray app; the app runs its own embedded emulator when no credentials
 *   are set.
 * - Otherwise (no display, or no binary as on our build machines) it serves the same popover
 *   as a browser preview on localhost, backed by the real tray core and an embedded emulator.
 * In both cases it then prints `volc-speech status` against an emulator, so the terminal
 * shows the figures too.
 *
 * A second `npm start` in the same checkout says where the first one runs; a preview port
 * that something else holds is skipped for the next free one (and it says so). Ctrl+C stops
 * everything it started. Bad input gets one sentence that says what to do, never a stack.
 *
 *   node scripts/start.mjs [--preview] [--once] [--no-build] [--port 5174]
 *     --preview   skip Electron, always serve the browser preview
 *     --once      print the status once and exit (a smoke run)
 *     --no-build  use what is built (npm start builds the runtime projects first)
 *   VOLC_SPEECH_START_FILE  where the running instance is recorded (default node_modules/.cache/volc-speech-start.json)
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const say = (line) => console.log(`[start] ${line}`);
/** One sentence that says what to do, and out. */
const fail = (sentence, code = 1) => {
  console.error(`[start] ${sentence}`);
  process.exit(code);
};

const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  fail(`the toolkit needs Node 24 or newer, and this is Node ${process.versions.node}: run \`source scripts/node24.sh\` first (it installs Node 24 into .tools/), then \`npm start\` again.`);
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const trayDir = path.join(root, 'apps', 'tray');
const cliBin = path.join(root, 'packages', 'cli', 'dist', 'bin.js');
const nxBin = path.join(root, 'node_modules', 'nx', 'bin', 'nx.js');
const runFile = process.env.VOLC_SPEECH_START_FILE || path.join(root, 'node_modules', '.cache', 'volc-speech-start.json');
const require = createRequire(import.meta.url);

let flags;
try {
  ({ values: flags } = parseArgs({
    options: {
      preview: { type: 'boolean', default: false },
      once: { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
      port: { type: 'string', default: process.env.PORT ?? '5174' },
    },
  }));
} catch (error) {
  fail(`${error.message}: use --preview, --once, --no-build or --port N.`, 2);
}
const wantedPort = Number(flags.port);
if (!Number.isInteger(wantedPort) || wantedPort < 0 || wantedPort > 65535) fail(`--port must be a port number from 0 to 65535, got ${flags.port}.`, 2);

// ---- one instance per checkout -------------------------------------------------------------

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** The `npm start` already running from this checkout, if any. */
function runningInstance() {
  let recorded;
  try {
    recorded = JSON.parse(readFileSync(runFile, 'utf8'));
  } catch {
    return null;
  }
  return Number.isInteger(recorded?.pid) && recorded.pid !== process.pid && alive(recorded.pid) ? recorded : null;
}

function record(details) {
  mkdirSync(path.dirname(runFile), { recursive: true });
  writeFileSync(runFile, `${JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString(), ...details }, null, 2)}\n`);
}

function forget() {
  try {
    if (JSON.parse(readFileSync(runFile, 'utf8')).pid === process.pid) rmSync(runFile, { force: true });
  } catch {
    // Nothing recorded, or another instance's record: leave it.
  }
}

// ---- build, Electron, preview ---------------------------------------------------------------

function build() {
  if (!existsSync(nxBin)) fail('the dependencies are not installed: run `npm ci` first, then `npm start`.');
  say('building the runtime projects (client, emulator, CLI, tray) …');
  const run = spawnSync(process.execPath, [nxBin, 'run-many', '-t', 'build', '--projects=tag:runtime', '--outputStyle=static'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
    encoding: 'utf8',
  });
  if (run.status !== 0) {
    process.stderr.write(`${run.stdout ?? ''}${run.stderr ?? ''}`);
    fail('the build failed (its output is above): fix what it names, or run `npx nx run-many -t build --projects=tag:runtime` to see it alone.');
  }
}

/** The Electron binary, downloading it once if the install skipped it; a reason where it cannot run. */
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
    const install = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', timeout: 180_000 });
    if (install.status !== 0 || !existsSync(path.join(electronDir, 'path.txt'))) {
      return { reason: 'the Electron binary could not be downloaded (no network to its mirror? set ELECTRON_MIRROR to retry from another)' };
    }
  }
  try {
    return { binary: require(electronDir) };
  } catch (error) {
    return { reason: error.message.split('\n')[0] };
  }
}

/** `port` if it is free on loopback, else the next free one above it (0: any). */
async function freePort(port) {
  const tryPort = (p) =>
    new Promise((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(p, '127.0.0.1', () => {
        const taken = server.address().port;
        server.close(() => resolve(taken));
      });
    });
  if (port === 0) return 0;
  for (let p = port; p < Math.min(port + 50, 65536); p++) {
    try {
      return await tryPort(p);
    } catch (error) {
      if (error.code !== 'EADDRINUSE' && error.code !== 'EACCES') throw error;
    }
  }
  return tryPort(0);
}

/** The usage that takes the big-model TTS pack half-way from the warning to the critical threshold. */
async function warningDemo(core) {
  const snapshot = await core.getSnapshot();
  const { warningPercent, criticalPercent } = snapshot.thresholds;
  const packs = snapshot.account.packs;
  const pack = packs.find((p) => p.resourceId === 'volc.service_type.10029') ?? packs.find((p) => p.purchased > 0);
  if (!pack || pack.purchased <= 0) return null;
  const target = (warningPercent + criticalPercent) / 2;
  const amount = Math.max(1, Math.ceil((target / 100) * pack.purchased - pack.used));
  return { resourceId: pack.resourceId, label: pack.label, amount, target, warningPercent, criticalPercent };
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
  const port = await freePort(wantedPort);
  if (wantedPort !== 0 && port !== wantedPort) say(`port ${wantedPort} is in use by something else: the preview takes port ${port} instead.`);
  const { startPreviewServer } = await import(pathToFileURL(path.join(trayDir, 'dist', 'preview', 'server.js')).href);
  // With no core given, the server builds the real TrayCore (settings and secrets in memory,
  // the local-emulator profile) and stops it on close.
  const preview = await startPreviewServer({ port });
  await preview.core.refresh().catch(() => undefined);
  const emulator = await preview.core.runningEmulator?.();
  return { preview, emulator };
}

function startElectron(binary) {
  say('starting the Electron tray app (look for the 豆包语音 icon in the tray / menu bar)');
  record({ mode: 'electron' });
  const app = spawn(binary, [trayDir], { stdio: 'inherit', env: process.env });
  const stop = (signal) => {
    if (app.exitCode === null) app.kill(signal);
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  app.on('error', (error) => {
    forget();
    fail(`the Electron app could not start (${error.message}): run \`npm start -- --preview\` for the browser preview.`);
  });
  app.on('exit', (code) => {
    forget();
    process.exit(code ?? 0);
  });
}

async function main() {
  const running = runningInstance();
  if (running) {
    const where = running.mode === 'electron' ? 'the Electron tray app' : `the tray preview at ${running.previewUrl}, emulator at ${running.emulatorUrl}`;
    say(`npm start is already running from this folder (pid ${running.pid}, since ${running.startedAt}): ${where}. Use that one, or stop it (Ctrl+C in its terminal, or \`kill ${running.pid}\`) and run npm start again.`);
    return;
  }
  if (!flags['no-build']) build();
  if (!existsSync(cliBin) || !existsSync(path.join(trayDir, 'dist', 'preview', 'server.js'))) {
    fail('nothing is built yet: run `npm start` (it builds first) or `npx nx run-many -t build`.', 2);
  }

  const electron = flags.preview || flags.once ? { reason: flags.preview ? '--preview given' : '--once given' } : electronBinary();
  if (electron.binary) return startElectron(electron.binary);

  say(`Electron cannot start here (${electron.reason}): serving the tray popover as a browser preview instead.`);
  const { preview, emulator } = await startPreview();
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    forget();
    await preview.close();
    process.exit(process.exitCode ?? 0);
  };
  // Registered at once: Ctrl+C while the status prints still stops everything.
  if (!flags.once) {
    // `on`, not `once`: a second Ctrl+C (npm forwards one too) must not kill it half-way.
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    record({ mode: 'preview', previewUrl: preview.url, emulatorUrl: emulator?.url });
  }
  say(`tray preview:      ${preview.url}   ← open this in a browser`);
  if (emulator) {
    say(`embedded emulator: ${emulator.url}   (demo access key ${emulator.credentials.accessKeyId})`);
    const demo = await warningDemo(preview.core).catch(() => null);
    if (demo) {
      say(`see a warning:     curl -XPOST ${emulator.url}/__emulator/usage -H 'content-type: application/json' -d '{"amount":${demo.amount}}'`);
      say(`                   (uses ${demo.label} up to about ${demo.target}%: past the ${demo.warningPercent}% warning, under the ${demo.criticalPercent}% critical threshold; then press Refresh)`);
    }
    say('live status through the CLI:');
    const code = await printStatus(emulator);
    if (code !== 0) process.exitCode = code;
  }
  if (flags.once) return stop();
  say('Ctrl+C to stop.');
}

main().catch((error) => {
  forget();
  if (error.code === 'EADDRINUSE') fail(`port ${error.port ?? flags.port} was taken while starting: run npm start again (or pass --port 0 for any free port).`);
  fail(`could not start: ${String(error.message).split('\n')[0]}. Run \`npm ci\` and \`npm start\` again; if it persists, report this line.`);
});
