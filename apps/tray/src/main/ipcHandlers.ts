/**
 * Main's side of the IPC: every message is checked against the shared schemas
 * (src/shared/ipc.ts) and must come from the bundled page, then goes to the core.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { INVOKE_OPERATIONS, invokeOperation, IPC_INVOKE_CHANNELS, operationForChannel, validateInvokeArgs, type InvokableBridge } from '../shared/ipc.js';

export class IpcRejection extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IpcRejection';
  }
}

/** Routes one validated call to the core. Exported for tests (no Electron needed). */
export function createIpcRouter(core: InvokableBridge) {
  return async function route(channel: string, args: unknown): Promise<unknown> {
    const operation = operationForChannel(channel);
    if (!operation) throw new IpcRejection(`Unknown channel ${JSON.stringify(channel).slice(0, 80)}`);
    const checked = validateInvokeArgs(operation, args);
    if (!checked.ok) throw new IpcRejection(`${operation}: ${checked.error}`);
    return invokeOperation(core, operation, checked.value);
  };
}

export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  core: InvokableBridge,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
): () => void {
  const route = createIpcRouter(core);
  for (const operation of INVOKE_OPERATIONS) {
    const channel = IPC_INVOKE_CHANNELS[operation];
    ipcMain.handle(channel, async (event, ...args: unknown[]) => {
      if (!isTrustedSender(event)) throw new IpcRejection('IPC from an untrusted frame');
      return route(channel, args);
    });
  }
  return () => {
    for (const operation of INVOKE_OPERATIONS) ipcMain.removeHandler(IPC_INVOKE_CHANNELS[operation]);
  };
}
