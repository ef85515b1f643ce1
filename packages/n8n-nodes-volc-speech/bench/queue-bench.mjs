#!/usr/bin/env node
// Executions per minute on n8n's queue mode with one worker and with two, side by side in one run
// (scripts/n8n/n8n-queue.mjs: throw-away PostgreSQL + Redis, n8n main, workers, the package
// installed from its `npm pack` tarball). The workflow: a production webhook → Volcengine Speech
// "Get service status" (ServiceStatus) against the emulator with `--latency` ms per call. The same
// main and Redis serve both rounds: round 1 runs with worker-1 only, then worker-2 joins.
// `--parallel` webhook calls are kept in flight, so the queue never runs dry.
//
// Usage: node bench/queue-bench.mjs [--executions=200] [--parallel=16] [--concurrency=5] [--latency=50] [--json]
// Needs n8n (scripts/n8n/install-n8n.sh), PostgreSQL and Redis (Debian: postgresql, redis-server).
// Skips with a message when they are missing.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { startEmulator } from '@volc-speech/emulator';

const root = fileURLToPath(new URL('..', import.meta.url));
const repoRoot = join(root, '..', '..');
const args = Object.fromEntries(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=')).map(([k, v]) => [k, v ?? true]));
const EXECUTIONS = Number(args.executions ?? 200);
const PARALLEL = Number(args.parallel ?? 16);
const CONCURRENCY = Number(args.concurrency ?? 5);
const LATENCY_MS = Number(args.latency ?? 50);
const WARMUP = 10;

const queue = await import(pathToFileURL(join(repoRoot, 'scripts/n8n/n8n-queue.mjs')).href);
const { missing } = queue.queuePrerequisites();
if (missing) {
  console.log(`[queue bench] skipped: ${missing}`);
  process.exit(0);
}

// The bench packs what is built: build first (esbuild, well under a second).
execFileSync(process.execPath, [join(root, 'build.mjs')], { cwd: root, stdio: 'pipe' });

const CREDENTIAL = { id: 'volcSpeechBench001', name: 'Volcengine Speech (emulator)' };
const workflow = {
  id: 'queueBench0000001',
  name: 'queue bench: service status',
  nodes: [
    {
      id: 'hook',
      name: 'Webhook',
      type: 'n8n-nodes-base.webhook',
      typeVersion: 2,
      position: [0, 0],
      webhookId: 'queue-bench-status',
      parameters: { path: 'status', httpMethod: 'POST', responseMode: 'lastNode', options: {} },
    },
    {
      id: 'status',
      name: 'Get service status',
      type: 'n8n-nodes-volc-speech.volcSpeech',
      typeVersion: 1,
      position: [200, 0],
      parameters: { resource: 'service', operation: 'ServiceStatus', resourceId: { __rl: true, mode: 'id', value: 'volc.service_type.10029' }, blueprintId: 10029 },
      credentials: { volcSpeechApi: CREDENTIAL },
    },
  ],
  connections: { Webhook: { main: [[{ node: 'Get service status', type: 'main', index: 0 }]] } },
  settings: { executionOrder: 'v1' },
};

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
};

/** `count` webhook calls, `parallel` in flight; every answer must be the service's status. */
async function drive(cluster, count, parallel) {
  const latencies = [];
  let next = 0;
  let failures = 0;
  let firstFailure;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < count) {
        next++;
        const r = await cluster.webhook('status', {});
        latencies.push(r.ms);
        if (r.status !== 200 || typeof r.body?.Status !== 'string') {
          failures++;
          firstFailure ??= `${r.status} ${JSON.stringify(r.body).slice(0, 300)}`;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { seconds, latencies, failures, firstFailure };
}

async function round(cluster, label) {
  await drive(cluster, WARMUP, Math.min(PARALLEL, WARMUP));
  const before = new Set(cluster.executionsByProcess().finished.keys());
  const r = await drive(cluster, EXECUTIONS, PARALLEL);
  await new Promise((resolve) => setTimeout(resolve, 500)); // the last "finished" log lines
  const perWorker = {};
  for (const [id, worker] of cluster.executionsByProcess().finished) if (!before.has(id)) perWorker[worker] = (perWorker[worker] ?? 0) + 1;
  return {
    label,
    workers: cluster.workers.length,
    executions: EXECUTIONS,
    failures: r.failures,
    firstFailure: r.firstFailure,
    seconds: Number(r.seconds.toFixed(1)),
    perMinute: Math.round((EXECUTIONS / r.seconds) * 60),
    medianMs: Math.round(percentile(r.latencies, 50)),
    p95Ms: Math.round(percentile(r.latencies, 95)),
    perWorker,
    memoryMiB: cluster.memoryMiB(),
  };
}

const emulator = await startEmulator({ port: 0, quiet: true, faults: { latencyMs: LATENCY_MS } });
let cluster;
const results = [];
try {
  cluster = await queue.startQueueCluster({
    packageDir: root,
    workers: 1,
    concurrency: CONCURRENCY,
    credentials: [{ ...CREDENTIAL, type: 'volcSpeechApi', data: { ...emulator.credentials, region: 'cn-north-1', endpoint: emulator.url, sessionToken: '', customRegion: '' } }],
    workflows: [workflow],
  });
  results.push(await round(cluster, 'one worker'));
  await cluster.addWorker({ concurrency: CONCURRENCY });
  results.push(await round(cluster, 'two workers'));
} finally {
  await cluster?.stop();
  await emulator.close();
}

const setup = { executions: EXECUTIONS, parallelCalls: PARALLEL, workerConcurrency: CONCURRENCY, emulatorLatencyMs: LATENCY_MS, startMs: cluster?.timings.totalMs };
if (args.json) {
  console.log(JSON.stringify({ setup, results }));
} else {
  console.log(`\nn8n queue mode: webhook → Get service status (emulator ${LATENCY_MS} ms/call), ${EXECUTIONS} executions per round, ${PARALLEL} calls in flight, worker --concurrency=${CONCURRENCY}`);
  console.log('| workers | executions/min | seconds | median ms | p95 ms | failures | executions per worker | memory MiB (RSS, process groups) |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of results) {
    console.log(
      `| ${r.workers} | ${r.perMinute} | ${r.seconds} | ${r.medianMs} | ${r.p95Ms} | ${r.failures} | ${JSON.stringify(r.perWorker)} | ${Object.entries(r.memoryMiB).map(([k, v]) => `${k} ${v}`).join(', ')} |`,
    );
  }
  console.log(`two workers / one worker: ${(results[1].perMinute / results[0].perMinute).toFixed(2)}×; cluster start ${((cluster?.timings.totalMs ?? 0) / 1000).toFixed(0)} s`);
}
const failed = results.reduce((n, r) => n + r.failures, 0);
if (failed) {
  console.error(`[queue bench] ${failed} executions failed; first: ${results.find((r) => r.firstFailure)?.firstFailure}`);
  process.exitCode = 1;
}
