/**
 * The wire format of the HTTP bridge, shared by the renderer's httpBridge and the preview
 * server that answers it. The operations and their argument checks are the IPC ones
 * (shared/ipc.ts), so the preview accepts exactly what Electron's main accepts.
 *
 *   POST /api/<operation>   body: JSON array of the arguments   → 200 { "result": … }
 *                                                                 → 4xx/5xx { "error": { "message": … } }
 *   GET  /api/events        Server-Sent Events `snapshot` and `notification`, JSON data
 */
import { INVOKE_OPERATIONS, type InvokeOperation } from '../shared/ipc.js';

export const API_PREFIX = '/api/';
export const EVENTS_PATH = '/api/events';

export type BridgeEventName = 'snapshot' | 'notification';

export function isInvokeOperation(name: string): name is InvokeOperation {
  return (INVOKE_OPERATIONS as readonly string[]).includes(name);
}

export interface BridgeCallFailure {
  error: { message: string };
}
