// State-file write benchmark: over real HTTP against `volc-speech-emulator --state FILE` (a child
// process), 32 concurrent writers (each renames its own API key with UpdateAPIKey, sending its next
// change once the previous one is answered, so the state keeps its size) and one reader
// (ServiceStatus, one at a time). Per write mode it prints acknowledged durable changes/s, and the
// reader's p99 alone and under the write load, side by side with the ratio. The writers run in their
// own thread (another program, as n8n writing while the tray reads), so the reader's latency is the
// emulator's and not the writers' signing. Every acknowledged change is on disk (fsync'ed) before
// its answer; the run checks the file holds each writer's last one.
// Run after building: `npx nx run @volc-speech/emulator:bench`.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { VolcSpeechClient } from '@volc-speech/client';
import { DEMO_CREDENTIALS } from '@volc-speech/emulator';

const WRITERS = 32;
const READ_ALONE_MS = 3000;
const MIXED_MS = 4000;
const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const READ = ['ServiceStatus', { ProjectName: 'default', ResourceID: 'volc.service_type.10029', BlueprintID: 10029 }];

function startEmulator(file, mode) {
  const child = spawn(process.execPath, [BIN, '--port', '0', '--state', file, '--state-writes', mode, '--qps', '0', '--quiet'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) resolve({ child, url: match[1] });
    });
    child.on('exit', (code) => reject(new Error(`emulator exited (${code}) before listening: ${out}`)));
  });
}

const p99 = (samples) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)];
};

async function readLoop(client, untilMs) {
  const latencies = [];
  while (performance.now() < untilMs) {
    const started = performance.now();
    await client.call(...READ);
    latencies.push(performance.now() - started);
  }
  return latencies;
}

/** Creates one API key per writer; their IDs. */
async function createWriterKeys(client) {
  for (let w = 0; w < WRITERS; w++) await client.call('CreateAPIKey', { ProjectName: 'default', Name: `bench-${w}` });
  const { APIKeys } = await client.call('ListAPIKeys', { ProjectName: 'default' });
  return Array.from({ length: WRITERS }, (_, w) => APIKeys.find((k) => k.Name === `bench-${w}`).ID);
}

async function writeLoop(client, keyId, untilMs, acknowledged, lastName) {
  for (let i = 0; performance.now() < untilMs; i++) {
    const name = `bench-${keyId}-${i}`;
    await client.call('UpdateAPIKey', { ProjectName: 'default', ID: keyId, Name: name });
    acknowledged.push(name);
    lastName.set(keyId, name);
  }
}

/** The 32 writers, in a thread of their own, for `durationMs`. */
function runWriters(url, keyIds, durationMs) {
  const worker = new Worker(new URL(import.meta.url), { workerData: { url, keyIds, durationMs } });
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

if (!isMainThread) {
  const { url, keyIds, durationMs } = workerData;
  const client = new VolcSpeechClient({ credentials: DEMO_CREDENTIALS, endpoint: url, env: {}, retry: false, rateLimit: false });
  const acknowledged = [];
  const lastName = new Map();
  const started = performance.now();
  const until = started + durationMs;
  await Promise.all(keyIds.map((id) => writeLoop(client, id, until, acknowledged, lastName)));
  parentPort.postMessage({ acknowledged: acknowledged.length, seconds: (performance.now() - started) / 1000, lastNames: [...lastName.values()] });
}

async function run(mode) {
  const dir = mkdtempSync(join(tmpdir(), 'emulator-bench-'));
  const file = join(dir, 'state.json');
  const { child, url } = await startEmulator(file, mode);
  const client = new VolcSpeechClient({ credentials: DEMO_CREDENTIALS, endpoint: url, env: {}, retry: false, rateLimit: false });
  try {
    const keyIds = await createWriterKeys(client);
    // Warm-up: JIT and sockets on both sides.
    await Promise.all([readLoop(client, performance.now() + 300), ...keyIds.slice(0, 4).map((id) => writeLoop(client, id, performance.now() + 300, [], new Map()))]);

    const readsAlone = await readLoop(client, performance.now() + READ_ALONE_MS);

    const [readsMixed, writes] = await Promise.all([readLoop(client, performance.now() + MIXED_MS), runWriters(url, keyIds, MIXED_MS)]);

    const health = await fetch(`${url}/__emulator/health`).then((r) => r.json());
    const onDisk = new Set(JSON.parse(readFileSync(file, 'utf8')).apiKeys.byProject.default.map((k) => k.Name));
    const missing = writes.lastNames.filter((name) => !onDisk.has(name)).length;
    if (missing > 0) throw new Error(`${missing} writers' last acknowledged change is not in the state file`);
    return { mode, writesPerSecond: writes.acknowledged / writes.seconds, writes: writes.acknowledged, aloneP99: p99(readsAlone), mixedP99: p99(readsMixed), reads: readsMixed.length, perWrite: health.stateWrites.committed / health.stateWrites.writes };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  }
}

if (isMainThread) await main();

async function main() {
  // BENCH_MODES=group runs one mode only (e.g. to repeat it on a busy machine).
  const modes = (process.env.BENCH_MODES ?? 'group,sync').split(',');
  const results = [];
  for (const mode of modes) results.push(await run(mode));
  console.log(`\nState file writes, ${WRITERS} concurrent writers + 1 reader, real HTTP, every change fsync'ed before its answer`);
  console.log('mode                         durable changes/s   changes/write   read p99 alone   read p99 under writes   ratio');
  for (const r of results) {
    const label = r.mode === 'group' ? 'group commit (default)' : 'sync (one write per change)';
    console.log(
      `${label.padEnd(28)} ${r.writesPerSecond.toFixed(1).padStart(17)}   ${r.perWrite.toFixed(1).padStart(13)}   ${`${r.aloneP99.toFixed(2)} ms`.padStart(14)}   ${`${r.mixedP99.toFixed(2)} ms`.padStart(21)}   ${`${(r.mixedP99 / r.aloneP99).toFixed(2)}×`.padStart(5)}`,
    );
  }
  const group = results.find((r) => r.mode === 'group');
  const sync = results.find((r) => r.mode === 'sync');
  if (group && sync) console.log(`group commit: ${(group.writesPerSecond / sync.writesPerSecond).toFixed(1)}× the durable changes/s of sync (targets: ≥ 500/s, read p99 ratio ≤ 2×)`);
}
