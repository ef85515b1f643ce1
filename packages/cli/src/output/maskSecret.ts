/**
 * Bridge to the client's `maskSecret` (shared name from issue 7): used when the client exports
 * it, else the same rule here (first 4 and last 4 characters, never the whole value).
 */
import * as client from '@volc-speech/client';

function localMask(value: string): string {
  if (value.length <= 12) return '****';
  return `${value.slice(0, 4)}…${value.slice(-4)}`;
}

const shared = (client as unknown as { maskSecret?: (value: string) => string }).maskSecret;

export function maskSecret(value: string): string {
  return shared ? shared(value) : localMask(value);
}
