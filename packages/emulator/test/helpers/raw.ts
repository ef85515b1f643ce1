/**
 * Raw HTTP against the emulator, for what the client would never send: missing or broken
 * signatures, tampered bodies, fields the client's own validation rejects. Signs with the
 * client package's signer (or assembles a signature by hand from its building blocks).
 */
import {
  buildCanonicalRequest,
  buildStringToSign,
  canonicalQueryString,
  computeSignature,
  formatAuthorizationHeader,
  formatXDate,
  SERVICE_NAME,
  sha256Hex,
  signRequest,
  type SigningCredentials,
} from '@volc-speech/client';
import type { EmulatorHandle } from '../../src/index.js';

export interface RawResponse {
  status: number;
  headers: Headers;
  json: Record<string, unknown>;
  text: string;
}

export interface SignedCall {
  action?: string;
  version?: string;
  body?: unknown;
  /** Extra query keys (besides Action/Version). */
  query?: Record<string, string | string[]>;
  method?: 'GET' | 'POST';
  credentials?: SigningCredentials;
  region?: string;
  service?: string;
  now?: Date;
  signedHeaders?: string[];
  /** Applied to the signed request just before it is sent. */
  tamper?: (request: { url: string; headers: Record<string, string>; body: string }) => void;
}

export async function send(url: string, init: { method: string; headers?: Record<string, string>; body?: string }): Promise<RawResponse> {
  const response = await fetch(url, { method: init.method, headers: init.headers ?? {}, ...(init.body ? { body: init.body } : {}) });
  const text = await response.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // Not JSON: the test looks at text.
  }
  return { status: response.status, headers: response.headers, json, text };
}

export function queryOf(call: SignedCall): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = { ...call.query };
  if (call.action !== undefined) query['Action'] = call.action;
  if (call.version !== undefined) query['Version'] = call.version;
  return query;
}

export async function signedCall(emulator: EmulatorHandle, call: SignedCall): Promise<RawResponse> {
  const method = call.method ?? 'POST';
  const query = queryOf(call);
  const body = call.body === undefined ? (method === 'POST' ? '{}' : '') : typeof call.body === 'string' ? call.body : JSON.stringify(call.body);
  const headers: Record<string, string> = { Host: new URL(emulator.url).host };
  if (body) headers['Content-Type'] = 'application/json; charset=utf-8';
  const signed = signRequest(
    { method, path: '/', query, headers, body },
    {
      credentials: call.credentials ?? emulator.credentials,
      region: call.region ?? 'cn-north-1',
      service: call.service ?? SERVICE_NAME,
      now: call.now ?? new Date(),
      ...(call.signedHeaders ? { signedHeaders: call.signedHeaders } : {}),
    },
  );
  const request = { url: `${emulator.url}/?${canonicalQueryString(query)}`, headers: { ...signed.headers }, body };
  call.tamper?.(request);
  return send(request.url, { method, headers: request.headers, body: request.body });
}

/**
 * A signature assembled by hand over exactly `signedHeaders` (which may omit x-date, which
 * signRequest would never do).
 */
export async function handSignedCall(emulator: EmulatorHandle, call: SignedCall & { signedHeaders: string[] }): Promise<RawResponse> {
  const query = queryOf(call);
  const body = JSON.stringify(call.body ?? {});
  const now = call.now ?? new Date();
  const xDate = formatXDate(now);
  const shortDate = xDate.slice(0, 8);
  const region = call.region ?? 'cn-north-1';
  const headers: Record<string, string> = {
    host: new URL(emulator.url).host,
    'content-type': 'application/json; charset=utf-8',
    'x-date': xDate,
    'x-content-sha256': sha256Hex(body),
  };
  const signedHeaders = [...call.signedHeaders].sort();
  const canonical = buildCanonicalRequest({
    method: 'POST',
    path: '/',
    canonicalQuery: canonicalQueryString(query),
    headers: Object.fromEntries(signedHeaders.map((h) => [h, headers[h] as string])),
    signedHeaders,
    payloadHash: sha256Hex(body),
  });
  const scope = `${shortDate}/${region}/${SERVICE_NAME}/request`;
  const credentials = call.credentials ?? emulator.credentials;
  const signature = computeSignature({
    secretAccessKey: credentials.secretAccessKey,
    shortDate,
    region,
    service: SERVICE_NAME,
    stringToSign: buildStringToSign(xDate, scope, canonical),
  });
  headers['authorization'] = formatAuthorizationHeader({ accessKeyId: credentials.accessKeyId, credentialScope: scope, signedHeaders: signedHeaders.join(';'), signature });
  return send(`${emulator.url}/?${canonicalQueryString(query)}`, { method: 'POST', headers, body });
}

export function errorOf(response: RawResponse): { Code?: string; CodeN?: number; Message?: string } {
  const metadata = response.json['ResponseMetadata'] as { Error?: { Code?: string; CodeN?: number; Message?: string } } | undefined;
  return metadata?.Error ?? {};
}

export function resultOf<T = Record<string, unknown>>(response: RawResponse): T {
  return response.json['Result'] as T;
}

/**
 * Bytes straight onto a socket, for requests no HTTP client would build (duplicate headers, no
 * Host, Expect: 100-continue with a huge body). `head` is the request line and headers, one a
 * line; `Connection: close` is added so the answer ends with the connection. Interim `1xx`
 * answers are returned apart, in `interim`.
 */
export async function rawHttp(
  url: string,
  head: string,
  body: string | Buffer = '',
): Promise<{ status: number; interim: string[]; headers: string; json: Record<string, unknown>; text: string }> {
  const { connect } = await import('node:net');
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: target.hostname.replace(/^\[|\]$/g, ''), port: Number(target.port) });
    let received = Buffer.alloc(0);
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      let text = received.toString('latin1');
      const interim: string[] = [];
      while (/^HTTP\/1\.1 1\d\d /.test(text)) {
        const end = text.indexOf('\r\n\r\n');
        interim.push(text.slice(0, end));
        text = text.slice(end + 4);
      }
      const split = text.indexOf('\r\n\r\n');
      const headers = split < 0 ? text : text.slice(0, split);
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(headers)?.[1] ?? 0);
      const rawBody = split < 0 ? '' : Buffer.from(text.slice(split + 4), 'latin1').toString('utf8');
      let json: Record<string, unknown> = {};
      try {
        json = JSON.parse(rawBody) as Record<string, unknown>;
      } catch {
        // Not JSON: the test reads text.
      }
      resolve({ status, interim, headers, json, text: rawBody });
    };
    socket.on('data', (chunk: Buffer) => (received = Buffer.concat([received, chunk])));
    socket.on('close', finish);
    socket.on('error', (error) => (received.length > 0 ? finish() : reject(error)));
    const lines = head.trim().split(/\r?\n/);
    socket.write(`${[...lines, 'Connection: close'].join('\r\n')}\r\n\r\n`);
    if (body.length > 0) socket.write(body);
  });
}
