/**
 * Fuzz (fast-check, fixed seed, bounded runs) of how the client reads answers: random and hostile
 * bodies, statuses and headers, fed to parseActionResponse directly and to a real client over a
 * real local HTTP server. Whatever arrives, the client either returns a plain object or throws a
 * VolcSpeechError (never a TypeError, never another class), any Retry-After it reports is a finite
 * wait, and Object.prototype gains nothing.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VolcSpeechClient } from '../src/client.js';
import { parseActionResponse, type HeaderLookup } from '../src/envelope.js';
import { VolcSpeechError } from '../src/errors.js';
import { parseRetryAfter } from '../src/retryPolicy.js';

/** Fixed, so CI runs the same cases; FUZZ_SEED and FUZZ_RUNS (a multiplier) explore further by hand. */
const SEED = Number(process.env['FUZZ_SEED'] ?? 20_261_130);
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 1);
const NOW = Date.UTC(2026, 10, 30, 12, 0, 0);

/** Names that reach Object.prototype, or shadow what parsing looks up, when used as keys. */
const hostileKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'ResponseMetadata', 'Result', 'Error', 'RequestId', 'Code', 'CodeN', 'Message', 'HTTPCode', 'errorcode', 'message');
const anyKey = fc.oneof(hostileKey, fc.string({ maxLength: 12 }));
const hostileScalar = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1e308, -1e308, 2 ** 53 + 1, '', '__proto__', 'constructor', 'InternalError', 'FlowLimitExceeded', '\u0000', '\ud800', '💥'),
  fc.double(),
  fc.string({ maxLength: 40, unit: 'binary' }),
);
/** JSON values whose objects may carry hostile keys (own properties, as JSON.parse makes them). */
const hostileJson = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, hostileScalar, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(anyKey, tie('value'), { maxKeys: 5 }),
})).value;

const envelope = fc.record(
  {
    ResponseMetadata: fc.oneof(
      hostileJson,
      fc.record(
        { RequestId: hostileScalar, Action: hostileScalar, Error: fc.oneof(hostileJson, fc.record({ Code: hostileScalar, CodeN: hostileScalar, Message: hostileScalar }, { requiredKeys: [] })) },
        { requiredKeys: [] },
      ),
    ),
    Result: hostileJson,
  },
  { requiredKeys: [] },
);
const simpleError = fc.dictionary(fc.constantFrom('HTTPCode', 'httpcode', 'errorcode', 'ErrorCode', 'message', 'Message', '__proto__'), hostileScalar, { maxKeys: 4 });

/** Body text: an envelope, a simple error, any JSON, broken JSON, or bytes. */
const bodyText = fc.oneof(
  envelope.map((value) => JSON.stringify(value)),
  simpleError.map((value) => JSON.stringify(value)),
  hostileJson.map((value) => JSON.stringify(value) ?? ''),
  envelope.map((value) => JSON.stringify(value).slice(0, -1)),
  fc.string({ maxLength: 200, unit: 'binary' }),
  fc.constantFrom('', 'null', '[]', '"x"', '{"__proto__":{"polluted":1},"ResponseMetadata":{"__proto__":{"Error":{"Code":"X"}}}}', '<html>502 Bad Gateway</html>'),
);

/** Retry-After values: numbers of any length (a 400-digit one too), dates, junk. */
const retryAfter = fc.oneof(
  fc.stringMatching(/^\d{1,400}(\.\d{1,5})?$/),
  fc.date({ noInvalidDate: true }).map((d) => d.toUTCString()),
  fc.string({ maxLength: 30 }),
  fc.constantFrom('1e999', 'Infinity', '-5', '9'.repeat(400), '9'.repeat(309), 'Sun, 06 Nov 1994 08:49:37 GMT', 'Fri, 31 Dec 275759 23:59:59 GMT'),
);
const headers = fc.record({ 'x-top-request-id': fc.string({ maxLength: 30 }), 'retry-after': retryAfter }, { requiredKeys: [] });

function lookup(values: Record<string, string>): HeaderLookup {
  const byName = new Map(Object.entries(values));
  return { get: (name) => byName.get(name.toLowerCase()) ?? null };
}

const prototypeKeys = () => Reflect.ownKeys(Object.prototype).map(String).sort();

function expectParsedOrTypedError(run: () => { result: unknown } | undefined): void {
  let outcome: { result: unknown } | undefined;
  try {
    outcome = run();
  } catch (error) {
    expect(error).toBeInstanceOf(VolcSpeechError);
    const typed = error as VolcSpeechError;
    expect(typeof typed.message).toBe('string');
    expect(typeof typed.code).toBe('string');
    if (typed.retryAfterMs !== undefined) expect(Number.isFinite(typed.retryAfterMs) && typed.retryAfterMs >= 0).toBe(true);
    return;
  }
  expect(outcome?.result).toBeTypeOf('object');
  expect(Array.isArray(outcome?.result)).toBe(false);
}

describe('response parsing fuzz', () => {
  const before = prototypeKeys();

  it('parseActionResponse: a result object or a VolcSpeechError, whatever the status, headers and body', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999 }), headers, bodyText, (status, headerValues, text) => {
        expectParsedOrTypedError(() => parseActionResponse('ListAPIKeys', { status, headers: lookup(headerValues), bodyText: text }, { nowMs: NOW, redact: (t) => t.replaceAll('AKLT', '***') }));
      }),
      { seed: SEED, numRuns: 3000 * RUNS },
    );
    expect(prototypeKeys()).toEqual(before);
  });

  it('parseRetryAfter: undefined or a finite wait ≥ 0, never Infinity', () => {
    fc.assert(
      fc.property(retryAfter, (value) => {
        const ms = parseRetryAfter(value, NOW);
        if (ms !== undefined) expect(Number.isFinite(ms) && ms >= 0).toBe(true);
      }),
      { seed: SEED, numRuns: 2000 * RUNS },
    );
  });

  describe('a real client against a real HTTP server answering fuzzed responses', () => {
    let server: Server;
    let next: { status: number; headers: Record<string, string>; body: string } = { status: 200, headers: {}, body: '' };
    /** When set, the server answers these bodies in turn (a listing's pages), instead of `next`. */
    let pages: string[] | undefined;
    let served = 0;
    let url = '';
    beforeAll(async () => {
      server = createServer((req, res) => {
        req.resume();
        req.on('end', () => {
          if (pages) {
            res.writeHead(200, { 'content-type': 'application/json' });
            res.end(pages[served++ % pages.length]);
            return;
          }
          res.writeHead(next.status, { 'content-type': 'application/json', ...next.headers });
          res.end(next.body);
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('every call resolves to an object or rejects with a VolcSpeechError', async () => {
      const client = new VolcSpeechClient({ credentials: { accessKeyId: 'AKLTfuzz', secretAccessKey: 'fuzz-secret' }, endpoint: url, env: {}, retry: false, rateLimit: false });
      const httpHeaders = fc.record(
        {
          'x-top-request-id': fc.string({ maxLength: 30, unit: fc.constantFrom(...'abcdefABCDEF0123456789-_ '.split('')) }),
          'retry-after': retryAfter.filter((v) => /^[\x20-\x7e]*$/.test(v)),
        },
        { requiredKeys: [] },
      );
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 200, max: 599 }), httpHeaders, bodyText, fc.constantFrom('ListAPIKeys', 'CreateAPIKey', 'ResourcePacksStatus'), async (status, headerValues, text, action) => {
          next = { status, headers: headerValues, body: text };
          const request =
            action === 'ListAPIKeys'
              ? { ProjectName: 'default' }
              : action === 'CreateAPIKey'
                ? { ProjectName: 'default', Name: 'fuzz' }
                : { ProjectName: 'default', ResourceIDs: ['volc.service_type.10029'] };
          let outcome: { result: unknown } | undefined;
          try {
            outcome = { result: await client.callUnchecked(action, request) };
          } catch (error) {
            expect(error).toBeInstanceOf(VolcSpeechError);
            const typed = error as VolcSpeechError;
            if (typed.retryAfterMs !== undefined) expect(Number.isFinite(typed.retryAfterMs)).toBe(true);
            // The secret never comes back in an error, even when the body echoes it.
            expect(typed.message).not.toContain('fuzz-secret');
            return;
          }
          expect(outcome.result).toBeTypeOf('object');
        }),
        { seed: SEED, numRuns: 300 * RUNS },
      );
      expect(prototypeKeys()).toEqual(before);
    });

    it('listing every page (page numbers and NextToken chains) ends in an array or a VolcSpeechError', async () => {
      const client = new VolcSpeechClient({ credentials: { accessKeyId: 'AKLTfuzz', secretAccessKey: 'fuzz-secret' }, endpoint: url, env: {}, retry: false, rateLimit: false });
      const items = fc.array(hostileJson, { maxLength: 3 });
      const count = fc.oneof(hostileScalar, fc.integer({ min: 0, max: 20 }), fc.constant(1e308));
      const page = fc.oneof(
        { arbitrary: fc.record({ Statuses: items, ResourceTags: items, TotalCount: count, NextToken: fc.oneof(fc.constantFrom('', 't1', 't2', 't3'), hostileScalar) }, { requiredKeys: [] }).map((result) => JSON.stringify({ ResponseMetadata: { RequestId: 'r' }, Result: result })), weight: 4 },
        { arbitrary: bodyText, weight: 1 },
      );
      await fc.assert(
        fc.asyncProperty(fc.array(page, { minLength: 1, maxLength: 5 }), fc.constantFrom('BatchListMegaTTSTrainStatus', 'ListTagsForResources'), async (answers, action) => {
          pages = answers;
          served = 0;
          const request = action === 'ListTagsForResources' ? { ResourceType: 'quota', ResourceIds: ['r-1'] } : { ProjectName: 'default', State: 'Success' };
          try {
            const listed = await client.listAllUnchecked(action, request, { pageSize: 2, maxItems: 50 });
            expect(Array.isArray(listed)).toBe(true);
            expect(listed.length).toBeLessThanOrEqual(50);
          } catch (error) {
            expect(error).toBeInstanceOf(VolcSpeechError);
          } finally {
            pages = undefined;
          }
        }),
        { seed: SEED, numRuns: 150 * RUNS },
      );
      expect(prototypeKeys()).toEqual(before);
    });
  });
});
