/** Test doubles: a clock that only moves when told (or when slept on), and a scriptable fetch. */
import type { Clock } from '../../src/clock.js';

export class FakeClock implements Clock {
  nowMs: number;
  readonly sleeps: number[] = [];

  constructor(start = Date.UTC(2025, 5, 1, 8, 9, 10)) {
    this.nowMs = start;
  }

  now(): number {
    return this.nowMs;
  }

  /**
   * Jumps to the wake-up time at once, so retries and throttling cost no real time. Time only
   * moves forward: sleepers that started together wake at their own deadlines, not at the sum.
   */
  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    this.sleeps.push(ms);
    const wakeAt = this.nowMs + ms;
    await Promise.resolve();
    this.nowMs = Math.max(this.nowMs, wakeAt);
    signal?.throwIfAborted();
  }
}

export interface SeenRequest {
  url: URL;
  method: string;
  headers: Headers;
  body: string;
  signal: AbortSignal | undefined;
  /** The parsed JSON body ({} when empty). */
  json: Record<string, unknown>;
}

export type FakeHandler = (request: SeenRequest, index: number) => Response | Promise<Response>;

export function fakeFetch(handler: FakeHandler) {
  const requests: SeenRequest[] = [];
  const fetch = async (input: string, init: RequestInit): Promise<Response> => {
    const body = typeof init.body === 'string' ? init.body : '';
    const request: SeenRequest = {
      url: new URL(input),
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body,
      signal: init.signal ?? undefined,
      json: body ? (JSON.parse(body) as Record<string, unknown>) : {},
    };
    requests.push(request);
    init.signal?.throwIfAborted();
    return handler(request, requests.length - 1);
  };
  return { fetch, requests };
}

export function okEnvelope(action: string, result: unknown, options: { requestId?: string; status?: number; headers?: Record<string, string> } = {}): Response {
  const body: Record<string, unknown> = {
    ResponseMetadata: { RequestId: options.requestId ?? '20250601080910ABCDEF', Action: action, Version: '2025-05-20', Service: 'speech_saas_prod', Region: 'cn-north-1' },
  };
  if (result !== undefined) body['Result'] = result;
  return new Response(JSON.stringify(body), { status: options.status ?? 200, headers: { 'content-type': 'application/json', ...options.headers } });
}

export function errorEnvelope(
  action: string,
  status: number,
  code: string,
  message: string,
  options: { codeN?: number; requestId?: string; headers?: Record<string, string> } = {},
): Response {
  const error: Record<string, unknown> = { Code: code, Message: message };
  if (options.codeN !== undefined) error['CodeN'] = options.codeN;
  return new Response(
    JSON.stringify({
      ResponseMetadata: { RequestId: options.requestId ?? '20250601080910FFFF01', Action: action, Version: '2025-05-20', Service: 'speech_saas_prod', Region: 'cn-north-1', Error: error },
    }),
    { status, headers: { 'content-type': 'application/json', ...options.headers } },
  );
}

/** The error undici's fetch raises when the TCP connection is refused (the errno sits in `cause`). */
export function connectionRefused(): TypeError {
  const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED', syscall: 'connect' });
  return new TypeError('fetch failed', { cause });
}

export function connectionReset(): TypeError {
  const cause = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET', syscall: 'read' });
  return new TypeError('fetch failed', { cause });
}

/** Resolves when `signal` aborts, rejecting with its reason, as fetch does. */
export function waitForAbort(signal: AbortSignal | undefined): Promise<never> {
  return new Promise((_, reject) => {
    if (!signal) return;
    if (signal.aborted) return reject(signal.reason as Error);
    signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
  });
}

export const TEST_CREDENTIALS = {
  accessKeyId: 'AKLTexampleAccessKeyId0123456789',
  secretAccessKey: 'c2VjcmV0LXNob3VsZC1uZXZlci1sZWFr==',
} as const;

export const STS_CREDENTIALS = { ...TEST_CREDENTIALS, sessionToken: 'STS-session-token-also-secret-42' } as const;
