#!/usr/bin/env node
// Figures for the release note:
//   1. package size (bytes of dist/) and cold load of the built nodes (see cold-load.mjs);
//   2. "Return All" over 10,000 cloned voices against the emulator with 20 ms latency per call:
//      the built Volcengine Speech node, List Cloned Voices (BatchListMegaTTSTrainStatus, which
//      needs a State, so one input item per state), run (a) in this process with n8n's execution
//      context reduced to what the node uses, and (b) in the real n8n when it is installed
//      (the node's own executionTime from the run data, and the wall time of `n8n execute`).
// Usage: node bench/return-all-bench.mjs [--voices=10000] [--latency=20] [--runs=3] [--no-n8n]
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { startEmulator } from '@volc-speech/emulator';

import { coldLoad, distBytes } from './cold-load.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const args = Object.fromEntries(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=')).map(([k, v]) => [k, v ?? true]));
const VOICES = Number(args.voices ?? 10_000);
const LATENCY_MS = Number(args.latency ?? 20);
const RUNS = Number(args.runs ?? 3);
const STATES = ['Unknown', 'Training', 'Success', 'Active', 'Expired', 'Reclaimed'];

const nodeFile = join(root, 'dist/nodes/VolcSpeech/VolcSpeech.node.js');
if (!existsSync(nodeFile)) {
  console.error('dist/ is missing: run `npm run build` first');
  process.exit(1);
}
const { NodeHelpers } = require('n8n-workflow');
const { VolcSpeech } = require(nodeFile);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The part of IExecuteFunctions the node uses; parameters resolved with n8n's own helper. */
function executeContext(nodeType, perItem, credentials) {
  const resolved = perItem.map((parameters) =>
    NodeHelpers.getNodeParameters(nodeType.description.properties, parameters, true, false, { typeVersion: 1 }, nodeType.description),
  );
  return {
    getInputData: () => perItem.map(() => ({ json: {} })),
    getNode: () => ({ id: 'bench', name: 'List cloned voices', type: 'n8n-nodes-volc-speech.volcSpeech', typeVersion: 1, position: [0, 0], parameters: resolved[0] }),
    getNodeParameter: (name, itemIndex, fallback) => resolved[itemIndex]?.[name] ?? fallback,
    getCredentials: async () => credentials,
    continueOnFail: () => false,
    getExecutionCancelSignal: () => undefined,
    helpers: { returnJsonArray: (data) => (Array.isArray(data) ? data : [data]).map((json) => ({ json })) },
  };
}

const listEveryState = STATES.map((state) => ({ resource: 'voiceClone', operation: 'BatchListMegaTTSTrainStatus', state, returnAll: true }));

const emulator = await startEmulator({ port: 0, quiet: true, seed: { voices: VOICES }, faults: { latencyMs: LATENCY_MS } });
const credentials = { ...emulator.credentials, region: 'cn-north-1', endpoint: emulator.url };
const figures = { voices: VOICES, latencyMs: LATENCY_MS };

try {
  figures.distBytes = distBytes();
  figures.coldLoad = coldLoad(5);

  const node = new VolcSpeech();
  const inProcess = [];
  let items = 0;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const [output] = await node.execute.call(executeContext(node, listEveryState, credentials));
    inProcess.push(performance.now() - started);
    items = output.length;
  }
  if (items !== VOICES) throw new Error(`Return All gave ${items} items, expected ${VOICES}`);
  figures.inProcess = { items, runs: inProcess.map((ms) => Math.round(ms)), medianMs: Math.round(median(inProcess)) };

  if (!args['no-n8n']) figures.n8n = await inN8n(credentials);
} finally {
  await emulator.close();
}

async function inN8n(emulatorCredentials) {
  const harnessPath = join(root, '../../scripts/n8n/n8n-harness.mjs');
  if (!existsSync(harnessPath)) return { skipped: 'scripts/n8n/n8n-harness.mjs is missing' };
  const harness = await import(pathToFileURL(harnessPath).href);
  if (!harness.isN8nInstalled()) return { skipped: 'n8n is not installed (bash scripts/n8n/install-n8n.sh)' };
  // Installed from its tarball, as users get it (needs dist/ built, as for the rest of this bench).
  const packDir = mkdtempSync(join(tmpdir(), 'n8n-bench-pack-'));
  const { tarball } = await harness.packPackage(root, packDir);
  const sandbox = await harness.createN8nSandbox({ tarball });
  try {
    const credential = { id: 'volcSpeechBench001', name: 'Volcengine Speech (emulator)' };
    await harness.importCredentials(sandbox, [{ ...credential, type: 'volcSpeechApi', data: emulatorCredentials }]);
    const workflow = {
      name: 'bench: Return All over every cloned voice',
      nodes: [
        { name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} },
        {
          name: 'States',
          type: 'n8n-nodes-base.code',
          typeVersion: 2,
          parameters: { jsCode: `return ${JSON.stringify(STATES)}.map((state) => ({ json: { state } }));` },
        },
        {
          name: 'List cloned voices',
          type: 'n8n-nodes-volc-speech.volcSpeech',
          typeVersion: 1,
          parameters: { resource: 'voiceClone', operation: 'BatchListMegaTTSTrainStatus', state: '={{ $json.state }}', returnAll: true },
          credentials: { volcSpeechApi: credential },
        },
      ],
      connections: {
        Start: { main: [[{ node: 'States', type: 'main', index: 0 }]] },
        States: { main: [[{ node: 'List cloned voices', type: 'main', index: 0 }]] },
      },
    };
    const runs = [];
    for (let run = 0; run < RUNS; run++) {
      const result = await harness.runWorkflow(sandbox, { ...workflow, id: `benchReturnAll${run}` }, { timeoutMs: 300_000 });
      // `n8n execute` prints the whole run (10,000 items, megabytes) and may exit before the pipe
      // has taken it all; the execution saved in the sandbox database is the record to read.
      const [execution] = (await harness.readExecutions(sandbox, result.workflowId)).slice(-1);
      const nodeRun = execution?.runData['List cloned voices']?.[0];
      const items = nodeRun?.data?.main?.[0]?.length ?? 0;
      if (execution?.status !== 'success' || items !== VOICES) {
        throw new Error(`n8n run ${execution?.status ?? result.status} with ${items} items: ${JSON.stringify(execution?.error ?? result.error)}`);
      }
      runs.push({ nodeMs: nodeRun.executionTime, executeWallMs: result.executeMs });
    }
    return {
      items: VOICES,
      nodeExecutionMs: runs.map((r) => r.nodeMs),
      nodeMedianMs: median(runs.map((r) => r.nodeMs)),
      executeWallMedianMs: median(runs.map((r) => r.executeWallMs)),
    };
  } finally {
    await harness.removeSandbox(sandbox);
    rmSync(packDir, { recursive: true, force: true });
  }
}

if (args.json) console.log(JSON.stringify(figures));
else {
  console.log(`package dist/:             ${(figures.distBytes / 1024).toFixed(1)} KiB (${figures.distBytes} bytes)`);
  console.log(`cold load (node+trigger):  ${figures.coldLoad.median.toFixed(1)} ms median of ${figures.coldLoad.runs} fresh processes`);
  console.log(`Return All, ${VOICES} voices, ${LATENCY_MS} ms latency:`);
  console.log(`  in process:              ${figures.inProcess.medianMs} ms median (runs ${figures.inProcess.runs.join(', ')} ms)`);
  if (figures.n8n?.skipped) console.log(`  in n8n:                  skipped (${figures.n8n.skipped})`);
  else if (figures.n8n) {
    console.log(`  in n8n (node time):      ${figures.n8n.nodeMedianMs} ms median (runs ${figures.n8n.nodeExecutionMs.join(', ')} ms)`);
    console.log(`  in n8n (n8n execute):    ${figures.n8n.executeWallMedianMs} ms wall, process start included`);
  }
}
