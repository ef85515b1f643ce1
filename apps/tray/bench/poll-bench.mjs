// Polls the tray core against an in-process emulator 10,000 times (interval 0) and reports
// heap growth (after forced GC) and CPU time per poll. Target: heap growth < 5 MB.
//
//   npm run build -w @volc-speech/tray && npm run bench -w @volc-speech/tray
//   POLLS=2000 node --expose-gc bench/poll-bench.mjs
//
// One poll = ServiceStatus + ResourcePacksStatus + QuotaMonitoring + UsageMonitoring (hourly),
// signed by the real client, verified and answered by the emulator in the same process, then
// folded into the account view with threshold detection. CPU time includes the emulator's side.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

if (typeof globalThis.gc !== 'function') {
  // Re-run with --expose-gc so heap figures are taken after a full collection.
  const result = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}

const coreUrl = new URL('../dist/core/index.js', import.meta.url);
if (!existsSync(coreUrl)) {
  console.error('dist/core/index.js is missing: run `npm run build -w @volc-speech/tray` first.');
  process.exit(1);
}
const { TrayCore, MemorySettingsStore, MemorySecretStore } = await import(coreUrl.href);
const { VolcSpeechClient } = await import('@volc-speech/client');
const { startEmulator } = await import('@volc-speech/emulator');

const POLLS = Number(process.env.POLLS ?? 10_000);
const WARMUP = Math.min(500, Math.ceil(POLLS / 10));
const HEAP_TARGET_MB = 5;

const emulator = await startEmulator({ port: 0, quiet: true, usage: { live: false } });
let polls = 0;
let errors = 0;
let waiter = null;
const core = new TrayCore({
  settings: new MemorySettingsStore(),
  secrets: new MemorySecretStore(),
  startEmulator: async () => ({ url: emulator.url, credentials: emulator.credentials, close() {} }),
  // The client's own throttle (10 QPS per action by default) would measure the limiter, not the core.
  apiFactory: (target) => new VolcSpeechClient({ ...target, rateLimit: false }),
  pollIntervalMs: () => 0,
  onPoll: (_profileId, account) => {
    polls++;
    if (account.error) errors++;
    if (waiter && polls >= waiter.until) {
      const w = waiter;
      waiter = null;
      w.resolve();
    }
  },
});
const pollsReached = (until) => new Promise((resolve) => (waiter = { until, resolve }));
const heapMb = () => {
  globalThis.gc();
  globalThis.gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

await core.start();
await pollsReached(WARMUP);
core.suspend();
await new Promise((r) => setTimeout(r, 50));
const heapBefore = heapMb();
const startPolls = polls;
const cpuBefore = process.cpuUsage();
const t0 = performance.now();
core.resume();
await pollsReached(startPolls + POLLS);
const elapsedMs = performance.now() - t0;
const cpu = process.cpuUsage(cpuBefore);
core.suspend();
await new Promise((r) => setTimeout(r, 50));
const measured = polls - startPolls;
const heapAfter = heapMb();
await core.stop();
await emulator.close();

const growth = heapAfter - heapBefore;
const cpuPerPollMs = (cpu.user + cpu.system) / 1000 / measured;
console.log(`tray core poll bench: ${measured} polls (after ${WARMUP} warm-up), interval 0, in-process emulator`);
console.log(`  wall time      ${(elapsedMs / 1000).toFixed(2)} s  (${(elapsedMs / measured).toFixed(3)} ms/poll, ${Math.round((measured * 1000) / elapsedMs)} polls/s)`);
console.log(`  CPU time       ${cpuPerPollMs.toFixed(3)} ms/poll  (user ${(cpu.user / 1000 / measured).toFixed(3)}, system ${(cpu.system / 1000 / measured).toFixed(3)}; client + emulator + core)`);
console.log(`  heap (after GC) ${heapBefore.toFixed(2)} MB → ${heapAfter.toFixed(2)} MB: growth ${growth.toFixed(2)} MB (target < ${HEAP_TARGET_MB} MB)`);
console.log(`  polls with an error: ${errors}`);
if (growth >= HEAP_TARGET_MB || errors > 0) {
  console.error(growth >= HEAP_TARGET_MB ? 'FAIL: heap growth over target' : 'FAIL: polls reported errors');
  process.exit(1);
}
