import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
// The official Node SDK, the oracle; a CommonJS package whose named export Node detects.
import { Signer } from '@volcengine/openapi';
import { signRequest, type QueryValue, type SigningCredentials } from '../../src/signer/index.js';

const SERVICE = 'speech_saas_prod';
// Raise it for a soak run: SIGNER_EQUIVALENCE_RUNS=100000 npx vitest run test/signer/official-equivalence.test.ts
const RUNS = Number(process.env.SIGNER_EQUIVALENCE_RUNS ?? 2_000);
/** The official Signer's unsignable list: ours signs content-type, so it is told the SDK's list instead. */
const OFFICIAL_UNSIGNABLE = new Set(['authorization', 'content-type', 'content-length', 'user-agent', 'presigned-expires', 'expect']);

const char = (codePoint: number) => String.fromCodePoint(codePoint);
const specialChar = fc.constantFrom(' ', '~', '*', '+', '/', '=', '&', '!', "'", '(', ')', '%', '#', '?', ',', ';', ':', '@', '-', '_', '.', '\t', 'é', '中', '😀', 'ü');
// Keys avoid U+E000–U+FFFF: against astral characters the SDK orders them by UTF-16 unit and we by
// byte (see canonicalQuery.test.ts); everything else about keys is fair game.
const keyChar = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...'ABCXYZabcxyz019') },
  { weight: 3, arbitrary: specialChar },
  { weight: 1, arbitrary: fc.integer({ min: 0x20, max: 0xd7ff }).map(char) },
  { weight: 1, arbitrary: fc.integer({ min: 0x10000, max: 0x10ffff }).map(char) },
);
const valueChar = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...'abcXYZ0189') }, { weight: 3, arbitrary: specialChar }, { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) });

// Excluded keys are the documented differences from the SDK (canonicalQuery.test.ts): the empty
// key, and integer-like keys ('9', '10'), which the SDK emits first in numeric order because it
// rebuilds the query as a plain object. __proto__ would become that object's prototype, not a key.
const queryKey = fc
  .string({ unit: keyChar, minLength: 1, maxLength: 12 })
  .filter((k) => k !== '__proto__' && !/^(?:0|[1-9][0-9]*)$/.test(k));
const queryString = fc.string({ unit: valueChar, maxLength: 16 });
const queryScalar = fc.oneof(queryString, fc.integer({ min: -1000, max: 100000 }), fc.double(), fc.boolean());
const queryValue: fc.Arbitrary<QueryValue> = fc.oneof(
  { weight: 6, arbitrary: queryScalar },
  { weight: 1, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined) },
  { weight: 2, arbitrary: fc.array(fc.oneof(queryString, fc.integer(), fc.boolean()), { minLength: 1, maxLength: 5 }) },
);
const query = fc
  .record({ Action: fc.constantFrom('ListAPIKeys', 'QuotaMonitoring', 'UsageMonitoring', 'ListTimbres'), Version: fc.constantFrom('2025-05-20', '2025-05-21') })
  .chain((base) => fc.dictionary(queryKey, queryValue, { maxKeys: 6 }).map((extra) => ({ ...extra, ...base }) as Record<string, QueryValue>));

const region = fc.oneof(
  fc.constantFrom('cn-north-1', 'cn-beijing', 'cn-shanghai', 'ap-southeast-1'),
  fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/),
  fc.stringMatching(/^[A-Za-z0-9_.-]{1,20}$/),
);
const credentials: fc.Arbitrary<SigningCredentials> = fc.record(
  {
    accessKeyId: fc.stringMatching(/^AKLT[A-Za-z0-9]{8,40}$/),
    secretAccessKey: fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }),
    sessionToken: fc.stringMatching(/^[A-Za-z0-9+/=._ -]{1,80}$/),
  },
  { requiredKeys: ['accessKeyId', 'secretAccessKey'] },
);
const headerValue = fc.string({ unit: fc.oneof(fc.constantFrom(' ', '  ', '\t', '\n', '\u00a0', 'a', 'B', '1', ';', '=', ','), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })), maxLength: 20 });
const host = fc.oneof(
  fc.constant('open.volcengineapi.com'),
  fc.tuple(fc.domain(), fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined })).map(([d, port]) => (port === undefined ? d : `${d}:${port}`)),
);
const extraHeaders = fc.uniqueArray(fc.tuple(fc.stringMatching(/^X-Custom-[A-Za-z0-9-]{1,12}$/), headerValue), {
  maxLength: 4,
  selector: ([name]) => name.toLowerCase(),
});
const jsonBody = fc.oneof(fc.json(), fc.jsonValue().map((v) => JSON.stringify(v) ?? 'null'), fc.string({ unit: 'grapheme', maxLength: 40 }));

interface Scenario {
  method: string;
  path: string;
  query: Record<string, QueryValue>;
  headers: Record<string, string>;
  body: string;
  credentials: SigningCredentials;
  region: string;
  now: Date;
}

const scenario: fc.Arbitrary<Scenario> = fc
  .record({
    method: fc.constantFrom('GET', 'POST', 'POST', 'post', 'get', 'PUT', 'DELETE'),
    path: fc.oneof({ weight: 5, arbitrary: fc.constant('/') }, { weight: 1, arbitrary: fc.stringMatching(/^(\/[A-Za-z0-9_.~-]{1,8}){1,3}\/?$/) }),
    query,
    host,
    contentType: fc.option(fc.constantFrom('application/json; charset=utf-8', 'application/json;  charset=UTF-8', 'text/plain'), { nil: undefined }),
    userAgent: fc.option(fc.constant('volc-speech-client/0.1.0'), { nil: undefined }),
    extra: extraHeaders,
    body: fc.oneof(fc.constant(''), jsonBody),
    credentials,
    region,
    now: fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true }),
  })
  .map(({ method, path, query, host, contentType, userAgent, extra, body, credentials, region, now }) => {
    const headers: Record<string, string> = { Host: host, ...Object.fromEntries(extra) };
    if (contentType !== undefined) headers['Content-Type'] = contentType;
    if (userAgent !== undefined) headers['User-Agent'] = userAgent;
    return { method, path, query, headers, body: method.toUpperCase() === 'GET' ? '' : body, credentials, region, now };
  });

/** What the official Signer will sign for this request, derived independently of both signers. */
function officiallySignedHeaders(s: Scenario): string[] {
  const names = Object.keys(s.headers)
    .map((n) => n.toLowerCase())
    .filter((n) => !OFFICIAL_UNSIGNABLE.has(n));
  names.push('x-date');
  if (s.credentials.sessionToken) names.push('x-security-token');
  // The SDK adds (and so signs) X-Content-Sha256 only for a non-empty body.
  if (s.body !== '') names.push('x-content-sha256');
  return names.sort();
}

function signWithOracle(s: Scenario) {
  const request = { region: s.region, method: s.method, pathname: s.path, params: { ...s.query }, headers: { ...s.headers }, body: s.body };
  const signer = new Signer(request, SERVICE);
  const { accessKeyId, secretAccessKey, sessionToken } = s.credentials;
  signer.addAuthorization({ accessKeyId, secretKey: secretAccessKey, ...(sessionToken ? { sessionToken } : {}) }, s.now);
  const xDate = signer.getDateTime(s.now);
  return {
    headers: request.headers as Record<string, string>,
    canonicalRequest: signer.canonicalString(),
    stringToSign: signer.stringToSign(xDate),
  };
}

describe('equivalence with the official @volcengine/openapi Signer', () => {
  it(`matches Authorization, canonical request and string to sign byte for byte on ${RUNS} random requests`, () => {
    const seen = { get: 0, post: 0, emptyBody: 0, jsonBody: 0, arrays: 0, token: 0, nonAsciiQuery: 0 };
    fc.assert(
      fc.property(scenario, (s) => {
        const oracle = signWithOracle(s);
        const signedHeaders = officiallySignedHeaders(s);
        const ours = signRequest(
          { method: s.method, path: s.path, query: s.query, headers: s.headers, body: s.body },
          { credentials: s.credentials, region: s.region, service: SERVICE, now: s.now, signedHeaders },
        );

        expect(ours.canonicalRequest).toBe(oracle.canonicalRequest);
        expect(ours.stringToSign).toBe(oracle.stringToSign);
        expect(ours.headers.Authorization).toBe(oracle.headers.Authorization);
        expect(ours.signedHeaders).toBe(signedHeaders.join(';'));
        expect(ours.headers['X-Date']).toBe(oracle.headers['X-Date']);
        if (s.body !== '') expect(ours.headers['X-Content-Sha256']).toBe(oracle.headers['X-Content-Sha256']);
        expect(ours.headers['X-Security-Token']).toBe(oracle.headers['X-Security-Token']);

        if (s.method.toUpperCase() === 'GET') seen.get++;
        else seen.post++;
        if (s.body === '') seen.emptyBody++;
        else seen.jsonBody++;
        if (Object.values(s.query).some(Array.isArray)) seen.arrays++;
        if (s.credentials.sessionToken) seen.token++;
        if (/[^\x20-\x7e]/.test(Object.entries(s.query).flat(2).join(''))) seen.nonAsciiQuery++;
      }),
      { numRuns: RUNS },
    );
    // The run must actually have exercised every shape it claims to cover.
    for (const [shape, count] of Object.entries(seen)) expect(count, shape).toBeGreaterThan(RUNS / 50);
  });

  it('signs the same with its own default header choice when no Content-Type is sent', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const headers = Object.fromEntries(Object.entries(s.headers).filter(([n]) => n.toLowerCase() !== 'content-type'));
        const body = s.body === '' ? '{}' : s.body;
        const oracle = signWithOracle({ ...s, headers, body });
        const ours = signRequest({ method: s.method, path: s.path, query: s.query, headers, body }, { credentials: s.credentials, region: s.region, service: SERVICE, now: s.now });
        expect(ours.headers.Authorization).toBe(oracle.headers.Authorization);
      }),
      { numRuns: 300 },
    );
  });
});
