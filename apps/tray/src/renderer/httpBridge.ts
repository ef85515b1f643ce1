/**
 * TrayBridge over HTTP, for the browser preview and the Chromium tests: calls are
 * `POST /api/<method>` on the page's own origin (the CSP allows connect-src 'self' only),
 * snapshots and notifications arrive as Server-Sent Events.
 */
import type {
  CommandConfirmation,
  CommandConfirmationRequest,
  LanguageSetting,
  CommandOutcome,
  ConnectionTestResult,
  DashboardSnapshot,
  ProfileInput,
  SettingsView,
  TrayBridge,
  TrayNotification,
} from '../shared/bridge.js';
import type { InvokeOperation } from '../shared/ipc.js';
import { API_PREFIX, EVENTS_PATH, type BridgeCallFailure, type BridgeEventName } from './httpBridgeProtocol.js';

/** Whether the page can reach what backs it; the Electron preload has no such notion. */
export type ConnectionState = 'connecting' | 'open' | 'lost';

export class HttpBridge implements TrayBridge {
  private events: EventSource | null = null;
  private readonly listeners: { [E in BridgeEventName]: Set<(payload: never) => void> } = {
    snapshot: new Set(),
    notification: new Set(),
  };
  private readonly connectionListeners = new Set<(state: ConnectionState) => void>();
  private connection: ConnectionState = 'connecting';

  constructor(private readonly baseUrl: string = '') {}

  getSnapshot(): Promise<DashboardSnapshot> {
    return this.call('getSnapshot');
  }
  refresh(): Promise<void> {
    return this.call('refresh');
  }
  confirmCommand(request: CommandConfirmationRequest): Promise<CommandConfirmation> {
    return this.call('confirmCommand', request);
  }
  setServicePaused(profileId: string, resourceId: string, paused: boolean, confirmation?: string): Promise<CommandOutcome> {
    return confirmation === undefined ? this.call('setServicePaused', profileId, resourceId, paused) : this.call('setServicePaused', profileId, resourceId, paused, confirmation);
  }
  selectProfile(profileId: string): Promise<void> {
    return this.call('selectProfile', profileId);
  }
  getSettings(): Promise<SettingsView> {
    return this.call('getSettings');
  }
  saveProfile(input: ProfileInput): Promise<SettingsView> {
    return this.call('saveProfile', input);
  }
  deleteProfile(profileId: string): Promise<SettingsView> {
    return this.call('deleteProfile', profileId);
  }
  setStartAtLogin(enabled: boolean): Promise<SettingsView> {
    return this.call('setStartAtLogin', enabled);
  }

  setLanguage(language: LanguageSetting): Promise<SettingsView> {
    return this.call('setLanguage', language);
  }
  testConnection(input: ProfileInput): Promise<ConnectionTestResult> {
    return this.call('testConnection', input);
  }

  onSnapshot(listener: (snapshot: DashboardSnapshot) => void): () => void {
    return this.subscribe('snapshot', listener);
  }
  onNotification(listener: (notification: TrayNotification) => void): () => void {
    return this.subscribe('notification', listener);
  }

  /** Called with the current state at once, then on every change. */
  onConnectionChange(listener: (state: ConnectionState) => void): () => void {
    this.connectionListeners.add(listener);
    listener(this.connection);
    this.ensureEvents();
    return () => this.connectionListeners.delete(listener);
  }

  private async call<T>(method: InvokeOperation, ...args: unknown[]): Promise<T> {
    const response = await fetch(`${this.baseUrl}${API_PREFIX}${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(args),
    });
    const body = (await response.json().catch(() => null)) as ({ result?: T } & Partial<BridgeCallFailure>) | null;
    if (!response.ok || !body || 'error' in body) {
      throw new Error(body?.error?.message ?? `${method} failed: HTTP ${response.status}`);
    }
    return body.result as T;
  }

  private subscribe<E extends BridgeEventName>(event: E, listener: (payload: never) => void): () => void {
    this.listeners[event].add(listener);
    this.ensureEvents();
    return () => {
      this.listeners[event].delete(listener);
    };
  }

  /** One EventSource for all listeners; the browser reconnects it by itself after a drop. */
  private ensureEvents(): void {
    if (this.events) return;
    const events = new EventSource(`${this.baseUrl}${EVENTS_PATH}`);
    this.events = events;
    for (const name of ['snapshot', 'notification'] as const) {
      events.addEventListener(name, (event) => {
        let payload: unknown;
        try {
          payload = JSON.parse((event as MessageEvent<string>).data);
        } catch {
          return;
        }
        for (const listener of this.listeners[name]) (listener as (p: unknown) => void)(payload);
      });
    }
    events.addEventListener('open', () => this.setConnection('open'));
    // EventSource fires `error` when the stream drops and keeps retrying; `open` when it is back.
    events.addEventListener('error', () => this.setConnection('lost'));
  }

  private setConnection(state: ConnectionState): void {
    if (state === this.connection) return;
    this.connection = state;
    for (const listener of this.connectionListeners) listener(state);
  }
}
