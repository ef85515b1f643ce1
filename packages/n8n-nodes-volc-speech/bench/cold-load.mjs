#!/usr/bin/env node
// Package figures: bytes of dist/ (what n8n loads) and the cold load of the nodes, i.e. the
// time a fresh Node process needs to require the built node file and construct the node type
// (its description, all 25 operations' generated fields) with n8n-workflow already loaded, as
// it is inside n8n. Median of --runs fresh processes. `--json` prints one JSON line.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = Object.fromEntries(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=')).map(([k, v]) => [k, v ?? true]));
const runs = Number(args.runs ?? 7);

export function distBytes(dir = join(root, 'dist')) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? distBytes(path) : statSync(path).size;
  }
  return total;
}

const probe = `
const { performance } = require('node:perf_hooks');
require('n8n-workflow');
const t0 = performance.now();
const { VolcSpeech } = require(${JSON.stringify(join(root, 'dist/nodes/VolcSpeech/VolcSpeech.node.js'))});
const node = new VolcSpeech();
const fields = node.description.properties.length;
const t1 = performance.now();
const { VolcSpeechTrigger } = require(${JSON.stringify(join(root, 'dist/nodes/VolcSpeechTrigger/VolcSpeechTrigger.node.js'))});
new VolcSpeechTrigger();
const t2 = performance.now();
const { VolcSpeechApi } = require(${JSON.stringify(join(root, 'dist/credentials/VolcSpeechApi.credentials.js'))});
new VolcSpeechApi();
const t3 = performance.now();
process.stdout.write(JSON.stringify({ node: t1 - t0, trigger: t2 - t1, credential: t3 - t2, fields }));
`;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export function coldLoad(times = runs) {
  const samples = [];
  for (let i = 0; i < times; i++) {
    samples.push(JSON.parse(execFileSync(process.execPath, ['-e', probe], { cwd: root, encoding: 'utf8' })));
  }
  const total = samples.map((s) => s.node + s.trigger + s.credential);
  return {
    runs: times,
    median: median(total),
    min: Math.min(...total),
    max: Math.max(...total),
    nodeMedian: median(samples.map((s) => s.node)),
    triggerMedian: median(samples.map((s) => s.trigger)),
    fields: samples[0].fields,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!existsSync(join(root, 'dist/nodes/VolcSpeech/VolcSpeech.node.js'))) {
    console.error('dist/ is missing: run `npm run build` first');
    process.exit(1);
  }
  const figures = { distBytes: distBytes(), coldLoadMs: coldLoad(), node: process.version };
  if (args.json) console.log(JSON.stringify(figures));
  else {
    console.log(`dist/ size:        ${(figures.distBytes / 1024).toFixed(1)} KiB (${figures.distBytes} bytes)`);
    console.log(
      `cold load:         ${figures.coldLoadMs.median.toFixed(1)} ms median of ${figures.coldLoadMs.runs} fresh processes ` +
        `(action node ${figures.coldLoadMs.nodeMedian.toFixed(1)} ms, trigger ${figures.coldLoadMs.triggerMedian.toFixed(1)} ms; ` +
        `${figures.coldLoadMs.fields} fields), Node ${figures.node}`,
    );
  }
}
