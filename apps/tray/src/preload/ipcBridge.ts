/**
 * TrayBridge over Electron's ipcRenderer. Pure (the ipcRenderer is passed in) so the round
 * trip preload → main → core is tested in Node with a fake IPC.
 */
import type { DashboardSnapshot, PopoverView, TrayBridge, TrayNotification } from '../shared/bridge.js';
import { IPC_EVENT_CHANNELS, IPC_INVOKE_CHANNELS, POPOVER_VIEWS } from '../shared/ipc.js';

export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export function createIpcBridge(ipc: IpcRendererLike): TrayBridge {
  // The IPC event object never reaches the page: only the payload does.
  const subscribe = <T>(channel: string, accept: (payload: unknown) => payload is T, listener: (payload: T) => void): (() => void) => {
    const handler = (_event: unknown, payload: unknown) => {
      if (accept(payload)) listener(payload);
    };
    ipc.on(channel, handler);
    return () => {
      ipc.removeListener(channel, handler);
    };
  };
  const isObject = (p: unknown): p is never => typeof p === 'object' && p !== null;
  const isView = (p: unknown): p is PopoverView => POPOVER_VIEWS.includes(p as PopoverView);
  const invoke = <T>(channel: string, ...args: unknown[]) => ipc.invoke(channel, ...args) as Promise<T>;

  return {
    getSnapshot: () => invoke(IPC_INVOKE_CHANNELS.getSnapshot),
    onSnapshot: (listener) => subscribe<DashboardSnapshot>(IPC_EVENT_CHANNELS.snapshot, isObject, listener),
    onNotification: (listener) => subscribe<TrayNotification>(IPC_EVENT_CHANNELS.notification, isObject, listener),
    onNavigate: (listener) => subscribe<PopoverView>(IPC_EVENT_CHANNELS.navigate, isView, listener),
    refresh: () => invoke(IPC_INVOKE_CHANNELS.refresh),
    confirmCommand: (request) => invoke(IPC_INVOKE_CHANNELS.confirmCommand, request),
    setServicePaused: (profileId, resourceId, paused, confirmation) =>
      confirmation === undefined
        ? invoke(IPC_INVOKE_CHANNELS.setServicePaused, profileId, resourceId, paused)
        : invoke(IPC_INVOKE_CHANNELS.setServicePaused, profileId, resourceId, paused, confirmation),
    selectProfile: (profileId) => invoke(IPC_INVOKE_CHANNELS.selectProfile, profileId),
    getSettings: () => invoke(IPC_INVOKE_CHANNELS.getSettings),
    saveProfile: (input) => invoke(IPC_INVOKE_CHANNELS.saveProfile, input),
    deleteProfile: (profileId) => invoke(IPC_INVOKE_CHANNELS.deleteProfile, profileId),
    setStartAtLogin: (enabled) => invoke(IPC_INVOKE_CHANNELS.setStartAtLogin, enabled),
    setLanguage: (language) => invoke(IPC_INVOKE_CHANNELS.setLanguage, language),
    testConnection: (input) => invoke(IPC_INVOKE_CHANNELS.testConnection, input),
  };
}
