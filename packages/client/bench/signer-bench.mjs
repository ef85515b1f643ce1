#!/usr/bin/env node
// Signing throughput: our V4 signer (built, ../dist/signer) against the official @volcengine/openapi Signer.
// Build first, then run from packages/client:
//   npx tsc -p tsconfig.lib.json && node bench/signer-bench.mjs [N]
// Target: ours >= 10x the official SDK. Both sign the same header set, so the work is identical and
// every Authorization header is checked equal before anything is timed.
import { createRequire } from 'node:module';
import { signRequest, signingKeyCache } from '../dist/signer/index.js';

const require = createRequire(import.meta.url);
const { Signer } = require('@volcengine/openapi');

const N = Number(process.argv[2] ?? 20_000);
const ROUNDS = 5;
const TARGET_RATIO = 10;
const SERVICE = 'speech_saas_prod';
const credentials = { accessKeyId: 'AKLTexampleAccessKeyId', secretAccessKey: 'exampleSecretKey==' };
const now = new Date('2025-06-01T08:09:10Z');
const actions = ['ListAPIKeys', 'QuotaMonitoring', 'UsageMonitoring', 'ListTimbres', 'ServiceStatus', 'ListTags'];

// Distinct requests, built before timing: a realistic console mix of POSTs with small JSON bodies
// and GETs with a few query parameters, so neither signer can benefit from identical inputs.
const requests = Array.from({ length: N }, (_, i) => {
  const post = i % 4 !== 3;
  return {
    method: post ? 'POST' : 'GET',
    path: '/',
    query: post
      ? { Action: actions[i % actions.length], Version: '2025-05-20' }
      : { Action: 'UsageMonitoring', Version: '2025-05-21', Start: '2025-06-01', End: '2025-06-30', Ids: [`id-${i}`, 'b c'] },
    headers: { Host: 'open.volcengineapi.com', 'Content-Type': 'application/json; charset=utf-8' },
    body: post ? JSON.stringify({ ProjectName: 'default', PageNumber: i, PageSize: 20, ResourceID: 'volc.service_type.10029' }) : '',
  };
});
// The official SDK signs every header but its unsignable list (which includes content-type), and adds X-Content-Sha256 only for a body.
const signedHeadersFor = (req) => (req.body === '' ? ['host', 'x-date'] : ['host', 'x-content-sha256', 'x-date']);
const ourSignedHeaders = requests.map(signedHeadersFor);

function signOfficial(req) {
  const request = { region: 'cn-north-1', method: req.method, pathname: req.path, params: req.query, headers: { ...req.headers }, body: req.body };
  new Signer(request, SERVICE).addAuthorization({ accessKeyId: credentials.accessKeyId, secretKey: credentials.secretAccessKey }, now);
  return request.headers.Authorization;
}

function signOurs(req, i) {
  return signRequest(req, { credentials, region: 'cn-north-1', service: SERVICE, now, signedHeaders: ourSignedHeaders[i] }).headers.Authorization;
}

function signOursUncached(req, i) {
  signingKeyCache.clear();
  return signOurs(req, i);
}

for (let i = 0; i < N; i++) {
  const ours = signOurs(requests[i], i);
  const official = signOfficial(requests[i]);
  if (ours !== official) {
    console.error(`Mismatch on request ${i}:\n  ours     ${ours}\n  official ${official}`);
    process.exit(1);
  }
}

// Consumed at the end so the JIT cannot drop signing work whose result is unused.
let sink = 0;
function measure(sign) {
  const samples = [];
  for (let round = 0; round < ROUNDS; round++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < N; i++) sink += sign(requests[i], i).length;
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  const ms = samples[Math.floor(ROUNDS / 2)];
  return { ms, perSecond: (N / ms) * 1000, microseconds: (ms * 1000) / N };
}

// Warm both up so the JIT has settled before the measured rounds.
measure(signOfficial);
measure(signOurs);
const results = [
  ['official @volcengine/openapi Signer', measure(signOfficial)],
  ['ours (signing-key cache)', measure(signOurs)],
  ['ours, cache cleared per request', measure(signOursUncached)],
];

const official = results[0][1];
const ours = results[1][1];
const rows = results.map(([name, r]) => [name, r.ms.toFixed(1), Math.round(r.perSecond).toLocaleString('en-US'), r.microseconds.toFixed(2), `${(r.perSecond / official.perSecond).toFixed(1)}x`]);
const head = ['implementation', 'ms / run', 'signatures/s', 'µs/signature', 'vs official'];
const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
const line = (cells) => `| ${cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join(' | ')} |`;

console.log(`Node ${process.version}; N = ${N.toLocaleString('en-US')} distinct requests (3/4 POST with JSON body, 1/4 GET); median of ${ROUNDS} runs; all ${N.toLocaleString('en-US')} Authorization headers equal.`);
console.log(line(head));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const row of rows) console.log(line(row));
const ratio = ours.perSecond / official.perSecond;
console.log(`\nratio ours/official: ${ratio.toFixed(1)}x (target >= ${TARGET_RATIO}x: ${ratio >= TARGET_RATIO ? 'met' : 'NOT met'})`);
if (sink === 0) throw new Error('no signatures were produced');
