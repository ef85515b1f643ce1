// Paging benchmark: list 10,000 cloned voices (BatchListMegaTTSTrainStatus, 100 per page)
// from an emulator answering with 20 ms latency, one page at a time vs 4 pages in flight.
// Run after building: `npx nx run-many -t build --projects=@volc-speech/client,@volc-speech/emulator`
// then `node packages/client/bench/paging-bench.mjs`.
import { performance } from 'node:perf_hooks';
import { DEFAULT_ACTION_QPS, VolcSpeechClient } from '@volc-speech/client';
import { startEmulator } from '@volc-speech/emulator';

const VOICES = 10_000;
const PAGE_SIZE = 100;
const LATENCY_MS = 20;
// State '' lists every state: the field is required, and the emulator treats empty as "all".
const REQUEST = { ProjectName: 'default', State: '' };

const emulator = await startEmulator({ quiet: true, seed: { voices: VOICES }, faults: { latencyMs: LATENCY_MS } });

/** The client as configured for one run; `qps` is the client's own per-action limiter. */
function clientWith(qps) {
  return new VolcSpeechClient({
    credentials: emulator.credentials,
    endpoint: emulator.url,
    env: {},
    rateLimit: qps === undefined ? false : { qps },
  });
}

async function timeListing(label, client, concurrency) {
  let pages = 0;
  const started = performance.now();
  const voices = await client.listAll('BatchListMegaTTSTrainStatus', REQUEST, { pageSize: PAGE_SIZE, concurrency, onPage: () => void pages++ });
  const ms = performance.now() - started;
  return { label, concurrency, pages, items: voices.length, ms, ids: voices.map((v) => v.SpeakerID) };
}

try {
  // Warm-up: JIT, sockets, the emulator's first responses.
  await timeListing('warm-up', clientWith(undefined), 4);

  const runs = [
    await timeListing('one page at a time', clientWith(undefined), 1),
    await timeListing('4 pages in flight', clientWith(undefined), 4),
    await timeListing(`4 in flight, client limiter at the default ${DEFAULT_ACTION_QPS} qps`, clientWith(DEFAULT_ACTION_QPS), 4),
  ];

  const [sequential, concurrent] = runs;
  const sameOrder = sequential.ids.length === concurrent.ids.length && sequential.ids.every((id, i) => id === concurrent.ids[i]);

  console.log(`BatchListMegaTTSTrainStatus: ${sequential.items} voices, ${PAGE_SIZE} per page, emulator latency ${LATENCY_MS} ms, Node ${process.version}`);
  console.log('');
  console.log('  run                                                  pages   items      time   pages/s');
  for (const run of runs) {
    console.log(
      `  ${run.label.padEnd(51)} ${String(run.pages).padStart(5)} ${String(run.items).padStart(7)} ${`${run.ms.toFixed(0)} ms`.padStart(9)} ${((run.pages / run.ms) * 1000).toFixed(1).padStart(9)}`,
    );
  }
  console.log('');
  console.log(`  speed-up with 4 in flight: ${(sequential.ms / concurrent.ms).toFixed(2)}×; same items in the same order: ${sameOrder ? 'yes' : 'NO'}`);
  console.log(`  (the last row shows the client's own rate limit, not the network, deciding the pace)`);
  if (!sameOrder || sequential.items !== VOICES) process.exitCode = 1;
} finally {
  await emulator.close();
}
