/**
 * The probe's only way to reach the service: it refuses every action whose effect in the
 * action table is not `read`, before anything is signed or sent.
 */
import { getAction, VolcSpeechError, type VolcSpeechClient } from '@volc-speech/client';

export class NotReadOnlyError extends Error {}

/** The action's spec when it only reads; throws NotReadOnlyError otherwise (and for unknown actions). */
export function assertReadOnly(action: string): void {
  const spec = getAction(action);
  if (!spec) throw new NotReadOnlyError(`probe refuses ${JSON.stringify(action)}: not an action of the table`);
  if (spec.effect !== 'read') throw new NotReadOnlyError(`probe refuses ${action}: it ${spec.effect === 'spends' ? 'spends money' : spec.effect === 'disruptive' ? 'disrupts service' : 'changes the account'} (effect ${spec.effect}); the probe only reads`);
}

export type ReadOutcome =
  | { ok: true; httpStatus: 200; result: Record<string, unknown> }
  | { ok: false; httpStatus?: number; code: string; message: string; kind: string };

/**
 * Sends one read request exactly as given (no client-side defaults or validation: the probe
 * wants the service's own answer to incomplete requests) and returns the answer or the error.
 * No retries: one request per probe step.
 */
export async function sendRead(client: VolcSpeechClient, action: string, request: Record<string, unknown>, signal?: AbortSignal): Promise<ReadOutcome> {
  assertReadOnly(action);
  try {
    const result = await client.callUnvalidated(action, request, { retry: false, ...(signal ? { signal } : {}) });
    return { ok: true, httpStatus: 200, result };
  } catch (error) {
    if (!(error instanceof VolcSpeechError)) throw error;
    return {
      ok: false,
      ...(error.httpStatus !== undefined ? { httpStatus: error.httpStatus } : {}),
      code: error.code,
      message: error.serviceMessage ?? error.message,
      kind: error.kind,
    };
  }
}
