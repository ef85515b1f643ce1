/**
 * The slice of the speech API the tray uses, as a port: the core depends on this
 * interface, `VolcSpeechClient` satisfies it, and unit tests pass a fake.
 */
import type {
  ActionRequest,
  ListAPIKeysResult,
  QuotaMonitoringResult,
  ResourcePacksStatusResult,
  ServiceStatusResult,
  UsageMonitoringResult,
} from '@volc-speech/client';

/** Per-call options the tray uses: `retry: false` sends a command exactly once. */
export interface CommandCallOptions {
  retry?: false;
}

export interface SpeechApi {
  serviceStatus(request: ActionRequest<'ServiceStatus'>): Promise<ServiceStatusResult>;
  pauseService(request: ActionRequest<'PauseService'>, options?: CommandCallOptions): Promise<unknown>;
  resumeService(request: ActionRequest<'ResumeService'>, options?: CommandCallOptions): Promise<unknown>;
  resourcePacksStatus(request: ActionRequest<'ResourcePacksStatus'>): Promise<ResourcePacksStatusResult>;
  quotaMonitoring(request: ActionRequest<'QuotaMonitoring'>): Promise<QuotaMonitoringResult>;
  usageMonitoring(request: ActionRequest<'UsageMonitoring'>): Promise<UsageMonitoringResult>;
  listAPIKeys(request: ActionRequest<'ListAPIKeys'>): Promise<ListAPIKeysResult>;
}

/** Where one profile's calls go. The secret lives here only for as long as a client needs it. */
export interface ConnectionTarget {
  credentials: { accessKeyId: string; secretAccessKey: string };
  region: string;
  endpoint: string;
}

/** What a client reports about answered calls (the RequestId of a success is otherwise invisible). */
export interface ApiHooks {
  onResponse?: (response: { action: string; requestId?: string; httpStatus: number }) => void;
}

export type SpeechApiFactory = (target: ConnectionTarget, hooks?: ApiHooks) => SpeechApi;

/** The real client. Imported lazily so the core's unit tests never load it. */
export async function createClientApiFactory(): Promise<SpeechApiFactory> {
  const { VolcSpeechClient } = await import('@volc-speech/client');
  return (target, hooks) =>
    new VolcSpeechClient({
      credentials: target.credentials,
      region: target.region,
      endpoint: target.endpoint,
      ...(hooks?.onResponse
        ? {
            onEvent: (event) => {
              if (event.type !== 'response') return;
              hooks.onResponse?.({ action: event.action, httpStatus: event.httpStatus, ...(event.requestId ? { requestId: event.requestId } : {}) });
            },
          }
        : {}),
    });
}
