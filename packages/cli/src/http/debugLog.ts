/**
 * `--debug`: every HTTP exchange (request line, headers, body; response status, headers, body)
 * and every retry on stderr. Signature and token are redacted, API key secrets in bodies masked.
 */
import type { ClientEvent, FetchLike } from '@volc-speech/client';
import { maskSecretFields } from '../output/secrets.js';
import { headersOf, redactHeaders } from './redactHeaders.js';

const MAX_BODY = 4000;

function bodyText(text: string, showSecrets: boolean): string {
  let shown = text;
  if (!showSecrets) {
    try {
      shown = JSON.stringify(maskSecretFields(JSON.parse(text)));
    } catch {
      // Not JSON: shown as it came (cut below).
    }
  }
  return shown.length > MAX_BODY ? `${shown.slice(0, MAX_BODY)}… (${shown.length} characters)` : shown;
}

export function debugFetch(inner: FetchLike, log: (line: string) => void, showSecrets: boolean): FetchLike {
  let exchange = 0;
  return async (input, init) => {
    const n = ++exchange;
    log(`> #${n} ${init.method ?? 'GET'} ${input}`);
    for (const [name, value] of redactHeaders(headersOf(init))) log(`> ${name}: ${value}`);
    if (typeof init.body === 'string' && init.body) log(`> ${bodyText(init.body, true)}`);
    const started = performance.now();
    let response: Response;
    try {
      response = await inner(input, init);
    } catch (error) {
      log(`< #${n} failed after ${Math.round(performance.now() - started)} ms: ${(error as Error).message}`);
      throw error;
    }
    const text = await response.text();
    log(`< #${n} HTTP ${response.status} in ${Math.round(performance.now() - started)} ms`);
    response.headers.forEach((value, name) => log(`< ${name}: ${value}`));
    if (text) log(`< ${bodyText(text, showSecrets)}`);
    return new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

export function debugEvent(log: (line: string) => void): (event: ClientEvent) => void {
  return (event) => {
    if (event.type === 'retry') {
      log(`retry ${event.action}: attempt ${event.attempt} failed (${event.httpStatus !== undefined ? `HTTP ${event.httpStatus} ` : ''}${event.code}${event.requestId ? `, RequestId ${event.requestId}` : ''}); ${event.reason}; next try in ${event.delayMs} ms`);
    } else if (event.type === 'error') {
      log(`gave up on ${event.action} after attempt ${event.attempt}: ${event.reason}`);
    }
  };
}
