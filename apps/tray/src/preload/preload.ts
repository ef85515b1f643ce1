/**
 * The popover's preload (bundled to dist/preload/preload.cjs; runs sandboxed). It exposes
 * the TrayBridge as `window.volcSpeech` and nothing else: the page never sees Node,
 * Electron or ipcRenderer itself.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createIpcBridge } from './ipcBridge.js';

contextBridge.exposeInMainWorld('volcSpeech', createIpcBridge(ipcRenderer));
