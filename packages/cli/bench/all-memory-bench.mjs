/**
 * `--all` streams: peak memory (max RSS) of the built CLI listing 1,000 and 10,000 cloned
 * voices from a real emulator, side by side, per output format. Flat memory means the
 * 10,000-item run peaks about where the 1,000-item run does (ratio near 1.0), where holding
 * every item (the old behaviour) grew with the count.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmulator } from '@volc-speech/emulator';

const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
// Printed by the child at exit: its own peak resident memory in kB (Linux ru_maxrss).
const REPORT = `data:text/javascript,process.on('exit',()=>process.stderr.write('MAXRSS '+process.resourceUsage().maxRSS+'\\n'))`;

function run(endpoint, maxItems, format, extra = []) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(
      process.execPath,
      ['--import', REPORT, BIN, 'BatchListMegaTTSTrainStatus', '-p', 'ProjectName=default', '-p', 'State=Success', '--all', '--page-size', '100', '--max-items', String(maxItems), '-o', format, ...extra],
      { env: { ...process.env, HOME: mkdtempSync(join(tmpdir(), 'volc-bench-')), VOLC_SPEECH_ENDPOINT: endpoint, VOLC_ACCESSKEY: '', VOLC_SECRETKEY: '' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let lines = 0;
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      for (const byte of chunk) if (byte === 10) lines++;
    });
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const rss = Number(/MAXRSS (\d+)/.exec(stderr)?.[1]);
      if (code !== 0 || !rss) reject(new Error(`CLI exited ${code}: ${stderr.slice(-500)}`));
      else resolve({ rssMb: rss / 1024, seconds: (performance.now() - started) / 1000, lines });
    });
  });
}

// Seed: about 3 in 7 generated voices are in state Success, so 25,000 voices give > 10,000 of them.
const emulator = await startEmulator({ quiet: true, seed: { voices: 25_000, historyDays: 1 } });
try {
  console.log('volc-speech --all: peak RSS of the CLI process, 1,000 vs 10,000 items (real emulator over HTTP)');
  console.log('output                      items   peak RSS   time     | ratio 10k/1k');
  // The last row holds every item on purpose (--query sees the whole list): the contrast.
  const variants = [
    ['ndjson (streamed)', 'ndjson', []],
    ['json (streamed)', 'json', []],
    ['csv (streamed)', 'csv', []],
    ['table (streamed)', 'table', []],
    ['json --query @ (collected)', 'json', ['--query', '@']],
  ];
  for (const [label, format, extra] of variants) {
    const small = await run(emulator.url, 1_000, format, extra);
    const large = await run(emulator.url, 10_000, format, extra);
    for (const [items, r] of [[1_000, small], [10_000, large]]) {
      console.log(`${label.padEnd(27)} ${String(items).padStart(6)}  ${r.rssMb.toFixed(1).padStart(6)} MB  ${r.seconds.toFixed(2).padStart(5)} s${items === 10_000 ? `  | ${(large.rssMb / small.rssMb).toFixed(2)}×` : ''}`);
    }
  }
} finally {
  await emulator.close();
}
