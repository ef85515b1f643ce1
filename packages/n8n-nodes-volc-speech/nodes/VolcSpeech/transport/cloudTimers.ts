/**
 * Stands in for `node:timers/promises` inside the bundle (build.mjs aliases it here). n8n Cloud
 * admits no Node timers in community nodes, and its scanner lints the shipped JS, bundled client
 * included; n8n-workflow's `sleep` is the sanctioned way to wait. Only what the client uses:
 * `setTimeout(ms, value, { signal })`, rejecting when the signal aborts.
 */
import { sleep } from 'n8n-workflow';

export async function setTimeout<T = void>(ms: number, value?: T, options?: { signal?: AbortSignal }): Promise<T> {
  await sleep(ms, options?.signal);
  return value as T;
}
