/**
 * The only module that talks HTTP: turns (action, params) into a signed request, sends it
 * with a timeout, and hands back status, headers and body text. Everything about what the
 * body means is envelope.ts's job; whether to try again is retryPolicy.ts's.
 */
import { SERVICE_NAME, type ActionSpec } from './actions/actionTable.js';
import { VolcSpeechError } from './errors.js';
import type { RawResponse } from './envelope.js';
import { canonicalQueryString, signRequest, type QueryValue, type SigningCredentials } from './signer/index.js';
import { USER_AGENT } from './version.js';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/** A request as it will go on the wire, before signing. */
export interface HttpRequest {
  method: 'GET' | 'POST';
  /** Full URL; its query string is the canonical one, so wire and signature agree byte for byte. */
  url: string;
  path: string;
  query: Record<string, QueryValue>;
  /** Headers that are signed: Content-Type (with a body) and Host. */
  headers: Record<string, string>;
  body: string;
}

/** Accepts `host[:port]` without a scheme too, because that is how people paste endpoints. */
export function parseEndpoint(endpoint: string): URL {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(endpoint) ? endpoint : `https://${endpoint}`;
  const url = new URL(withScheme);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TypeError(`endpoint must be http(s), got ${url.protocol}`);
  if (url.search || url.hash) throw new TypeError('endpoint must not carry a query or a fragment');
  return url;
}

/** Query values for `paramsIn: 'query'` actions: scalars as text, lists repeated, objects as JSON. */
function toQueryValue(value: unknown): QueryValue | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))) ;
  if (typeof value === 'object') return JSON.stringify(value) ;
  return String(value) ;
}

export function buildHttpRequest(spec: ActionSpec, params: Readonly<Record<string, unknown>>, endpoint: URL): HttpRequest {
  const query: Record<string, QueryValue> = { Action: spec.name, Version: spec.version };
  let body = '';
  const headers: Record<string, string> = {
    // URL.host drops the scheme's default port, exactly as fetch writes the Host header.
    Host: endpoint.host,
  };
  if (spec.paramsIn === 'query') {
    for (const [key, value] of Object.entries(params)) {
      const queryValue = toQueryValue(value);
      if (queryValue !== undefined && key !== 'Action' && key !== 'Version') query[key] = queryValue;
    }
  } else {
    body = JSON.stringify(params);
    headers['Content-Type'] = JSON_CONTENT_TYPE;
  }
  const path = endpoint.pathname.endsWith('/') ? endpoint.pathname : `${endpoint.pathname}/`;
  return { method: spec.method, url: `${endpoint.origin}${path}?${canonicalQueryString(query)}`, path, query, headers, body };
}

export interface SignedHttpRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * `content-type;host;x-content-sha256;x-date` (+ `x-security-token`): the set the Python sample
 * and the Go SDK sign. Named explicitly rather than left to the signer's default, so a header
 * added later (User-Agent, a tracing header) can never silently join the signature.
 */
export function signedHeaderNames(request: Pick<HttpRequest, 'headers'>, credentials: SigningCredentials): string[] {
  const names = Object.keys(request.headers).map((name) => name.toLowerCase());
  names.push('x-content-sha256', 'x-date');
  if (credentials.sessionToken) names.push('x-security-token');
  return names.sort();
}

/** Signs the request; the result's headers are what goes on the wire. */
export function signHttpRequest(request: HttpRequest, credentials: SigningCredentials, region: string, now: Date): SignedHttpRequest {
  const signed = signRequest(
    { method: request.method, path: request.path, query: request.query, headers: request.headers, body: request.body },
    { credentials, region, service: SERVICE_NAME, now, signedHeaders: signedHeaderNames(request, credentials) },
  );
  return {
    method: request.method,
    url: request.url,
    // User-Agent is added after signing: proxies rewrite it, and no official signer signs it.
    headers: { ...signed.headers, 'User-Agent': USER_AGENT },
    body: request.body,
  };
}

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  errors?: unknown;
}

/** The errno under undici's generic "fetch failed" (it may sit in `cause`, or in an AggregateError's `errors`). */
export function findNetworkCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current && typeof current === 'object'; depth++) {
    const e = current as ErrorLike;
    if (typeof e.code === 'string' && e.code) return e.code;
    if (Array.isArray(e.errors)) {
      const withCode = (e.errors as ErrorLike[]).find((inner) => typeof inner?.code === 'string');
      if (withCode) return withCode.code as string;
    }
    current = e.cause;
  }
  return undefined;
}

function describeNetworkError(error: unknown): string {
  const messages: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current && typeof current === 'object'; depth++) {
    const message = (current as ErrorLike).message;
    if (typeof message === 'string' && message && !messages.includes(message)) messages.push(message);
    current = (current as ErrorLike).cause;
  }
  return messages.join(': ') || String(error);
}

export interface SendOptions {
  fetch: FetchLike;
  timeoutMs: number;
  signal?: AbortSignal;
}

/**
 * Sends and reads the whole body. Failures become VolcSpeechErrors of kind `aborted` (the
 * caller's signal), `timeout` (ours) or `network` (with the errno as code, which is how
 * the retry policy tells "never connected" from "may have been sent").
 */
export async function sendHttpRequest(action: string, request: SignedHttpRequest, options: SendOptions): Promise<RawResponse> {
  const timeoutSignal = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeoutSignal]) : timeoutSignal;
  const toError = (error: unknown, phase: 'connect' | 'read'): VolcSpeechError => {
    if (options.signal?.aborted) {
      return new VolcSpeechError({ action, kind: 'aborted', code: 'RequestAborted', serviceMessage: 'the caller aborted the call', cause: error });
    }
    if (timeoutSignal.aborted) {
      return new VolcSpeechError({ action, kind: 'timeout', code: 'RequestTimeout', serviceMessage: `no complete answer within ${options.timeoutMs} ms`, cause: error });
    }
    // Once the status line is in, the request was sent whatever the errno: a read-phase
    // failure must never look like a pre-send one (ECONNREFUSED) to the retry policy.
    const errno = findNetworkCode(error);
    const code = phase === 'read' ? 'ResponseReadFailed' : (errno ?? 'NetworkError');
    const detail = describeNetworkError(error);
    const serviceMessage = phase === 'read' ? `reading the response failed${errno ? ` (${errno})` : ''}: ${detail}` : detail;
    return new VolcSpeechError({ action, kind: 'network', code, serviceMessage, cause: error });
  };

  let response: Response;
  try {
    response = await options.fetch(request.url, {
      method: request.method,
      headers: request.headers,
      ...(request.method === 'POST' ? { body: request.body } : {}),
      signal,
    });
  } catch (error) {
    throw toError(error, 'connect');
  }
  let bodyText: string;
  try {
    bodyText = await response.text();
  } catch (error) {
    throw toError(error, 'read');
  }
  return { status: response.status, headers: response.headers, bodyText };
}
