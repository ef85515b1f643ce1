import { describe, expect, it } from 'vitest';
import { API_PREFIX, EVENTS_PATH, isInvokeOperation } from '../../src/renderer/httpBridgeProtocol.js';
import { INVOKE_OPERATIONS } from '../../src/shared/ipc.js';

describe('HTTP bridge protocol', () => {
  it('accepts exactly the IPC operations as call names', () => {
    for (const operation of INVOKE_OPERATIONS) expect(isInvokeOperation(operation)).toBe(true);
    for (const name of ['onSnapshot', 'onNotification', 'onNavigate', 'events', 'constructor', '__proto__', 'toString', '']) {
      expect(isInvokeOperation(name)).toBe(false);
    }
  });

  it('keeps the event stream under the API prefix', () => {
    expect(EVENTS_PATH.startsWith(API_PREFIX)).toBe(true);
    expect(isInvokeOperation(EVENTS_PATH.slice(API_PREFIX.length))).toBe(false);
  });
});
