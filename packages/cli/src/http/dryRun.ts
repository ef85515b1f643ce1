/**
 * `--dry-run`: the client builds, validates, rate-limits and signs the request exactly as for a
 * real call; this fetch takes it instead of sending it, and answers an empty success so the
 * client stops there. What it captured is what would have gone on the wire.
 */
import type { FetchLike } from '@volc-speech/client';
import { headersOf } from './redactHeaders.js';

export interface CapturedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

export function dryRunFetch(captured: CapturedRequest[]): FetchLike {
  return async (input, init) => {
    captured.push({ method: init.method ?? 'GET', url: input, headers: headersOf(init), body: typeof init.body === 'string' ? init.body : '' });
    const action = new URL(input).searchParams.get('Action') ?? '';
    return new Response(JSON.stringify({ ResponseMetadata: { RequestId: 'dry-run', Action: action }, Result: {} }), {
      status: 200,
      headers: { 'Content-Type': 'application/json' },
    });
  };
}
